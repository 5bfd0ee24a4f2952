// A full garbage collection from a test, and the heap left after one. Node runs jest without
// --expose-gc: the flag is set here, and V8 gives `gc` to contexts made after it.
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

let collect: (() => void) | undefined

/** Runs a full garbage collection. */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc')
    collect = runInNewContext('gc') as () => void
  }
  collect()
}

/** The heap in use after a full garbage collection, in bytes. */
export function heapAfterGc(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed
}
