#!/usr/bin/env node
// The `copydesk` executable: runs the command on the process's own arguments and streams, and
// sets the exit code it answers.
import './v8-flags.js'
import {run} from './run.js'

// Reads standard input up to `limit` bytes and one more, then stops reading: an endless or huge
// input (`copydesk - < /dev/zero`) is refused in bounded memory, not read to the end.
function readStdin(limit: number): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    let length = 0
    const onData = (chunk: Buffer) => {
      chunks.push(chunk)
      length += chunk.length
      if (length > limit) {
        process.stdin.off('data', onData)
        process.stdin.pause()
        process.stdin.destroy()
        resolvePromise(Buffer.concat(chunks).subarray(0, limit + 1))
      }
    }
    process.stdin.on('data', onData)
    process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks)))
    process.stdin.on('error', reject)
  })
}

// A reader that stops early (`copydesk --report json . | head`) is not an error of the run: the
// rest of the output is dropped and the exit code still says how the lint went.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: readStdin,
  stdinStream: () => process.stdin,
  write: (text) => new Promise((resolveWrite) => (process.stdout.write(text) ? resolveWrite() : process.stdout.once('drain', resolveWrite))),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${(error as Error).stack ?? error}\n`)
    process.exitCode = 2
  }
)
