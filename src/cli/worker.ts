// A worker thread of `copydesk --jsonl --jobs N`: builds its own linter (the same configuration
// as the main thread would) and answers each record line with its output line.
import {parentPort, workerData} from 'node:worker_threads'
import {lintRecord, type JsonlOptions} from './jsonl.js'
import {jsonlLinter, recordJson} from './jsonl-linter.js'

const options = workerData as JsonlOptions
const linter = await jsonlLinter(options)
parentPort!.on('message', ({seq, line}: {seq: number; line: string}) => {
  parentPort!.postMessage({seq, outcome: lintRecord(line, linter, options, recordJson)})
})
