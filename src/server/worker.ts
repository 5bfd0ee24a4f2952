// The language server's worker thread: lints, suggests and fixes for the main thread (see
// work.ts), one request at a time, so the main thread is free to answer the editor meanwhile.
import {parentPort} from 'node:worker_threads'
import {createWork, type WorkRequest} from './work.js'

const port = parentPort!
const work = createWork((text) => port.postMessage({log: text}))
port.on('message', ({id, request}: {id: number; request: WorkRequest}) => {
  try {
    port.postMessage({id, result: work.handle(request)})
  } catch (error) {
    port.postMessage({id, error: String((error as Error)?.stack ?? error)})
  }
})
