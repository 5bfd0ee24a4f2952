#!/usr/bin/env node
// The `copydesk` executable: runs the command on the process's own arguments and streams, and
// sets the exit code it answers.
import {run} from './run.js'

function readStdin(): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk))
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
