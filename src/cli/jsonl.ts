// `copydesk --jsonl`: the map step of an archive job. Reads JSON Lines records
// `{"id", "text", "format"?}` from standard input and writes one line per record, in input order:
// `{"id", "messages"}`, with `"fixed"` under --fix, or `{"id", "error"}` for a record that cannot be
// read. Records stream through: at most a few per thread are held at once, and output waits for
// the reader. With --jobs N, N worker threads lint; otherwise this thread does.
import {createInterface} from 'node:readline'
import {Worker} from 'node:worker_threads'
import type {Readable} from 'node:stream'
import type {Linter} from '../index.js'

export interface JsonlOptions {
  fix: boolean
  jobs: number
  maxFileSize: number
  /** The config file for every record, or none; `undefined` with noConfig false searches from cwd. */
  config: string | undefined
  noConfig: boolean
  cwd: string
}

/** What one record gave: its output line, and whether it had an error-level message or was bad. */
export interface Outcome {
  line: string
  errors: boolean
  bad: boolean
}

const FORMATS: Readonly<Record<string, string>> = {text: '.txt', markdown: '.md', html: '.html'}

/** Lints one input line (one record) into its output line; never throws. */
export function lintRecord(input: string, linter: Linter, options: Pick<JsonlOptions, 'fix' | 'maxFileSize'>, toJson: (file: import('vfile').VFile) => unknown): Outcome {
  let id: unknown = null
  const bad = (error: string): Outcome => ({line: JSON.stringify({id, error}), errors: false, bad: true})
  if (input.length > options.maxFileSize) return bad('record too large to lint (see --max-file-size)')
  let record: unknown
  try {
    record = JSON.parse(input)
  } catch (error) {
    return bad(`not a JSON record: ${(error as Error).message}`)
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return bad('a record is an object {"id", "text", "format"?}')
  const {id: given, text, format} = record as Record<string, unknown>
  if (typeof given === 'string' || typeof given === 'number') id = given
  else return bad('`id` must be a string or a number')
  if (typeof text !== 'string') return bad('`text` must be a string')
  if (format !== undefined && (typeof format !== 'string' || !Object.hasOwn(FORMATS, format))) return bad('`format` must be text, markdown or html')
  const path = `record${FORMATS[(format as string | undefined) ?? 'text']}`
  try {
    if (options.fix) {
      const result = linter.fix({path, value: text})
      const messages = toJson(result.file)
      return {line: JSON.stringify({id, messages, fixed: result.text}), errors: result.messages.some((message) => message.fatal === true), bad: false}
    }
    const file = linter.lint({path, value: text})
    return {line: JSON.stringify({id, messages: toJson(file)}), errors: file.messages.some((message) => message.fatal === true), bad: false}
  } catch (error) {
    return bad(`internal error while linting: ${(error as Error).message}`)
  }
}

/** Reads records from `input`, writes lines with `write`; resolves to the exit code (0, 1 or 2). */
export async function runJsonl(input: Readable, write: (text: string) => Promise<void>, options: JsonlOptions, makeLinter: () => Linter, toJson: (file: import('vfile').VFile) => unknown): Promise<number> {
  let errors = false
  let bad = false
  const take = (outcome: Outcome) => {
    errors ||= outcome.errors
    bad ||= outcome.bad
    return write(`${outcome.line}\n`)
  }
  const lines = createInterface({input, crlfDelay: Infinity})
  if (options.jobs <= 1) {
    const linter = makeLinter()
    for await (const line of lines) {
      if (line.trim() === '') continue
      await take(lintRecord(line, linter, options, toJson))
    }
  } else {
    const pool = createPool(options)
    try {
      // In flight: promises in input order; the oldest is written first, so memory holds at most
      // a few records per thread however long the input.
      const pending: Promise<Outcome>[] = []
      const limit = options.jobs * 4
      for await (const line of lines) {
        if (line.trim() === '') continue
        pending.push(pool.lint(line))
        if (pending.length >= limit) await take(await pending.shift()!)
      }
      while (pending.length > 0) await take(await pending.shift()!)
    } finally {
      await pool.close()
    }
  }
  return bad ? 2 : errors ? 1 : 0
}

// Worker threads, each with its own linter; a record goes to the thread with the least work.
function createPool(options: JsonlOptions) {
  const url = new URL('./worker.js', import.meta.url)
  const workers = Array.from({length: options.jobs}, () => {
    const worker = new Worker(url, {workerData: options})
    const waiting = new Map<number, (outcome: Outcome) => void>()
    worker.on('message', ({seq, outcome}: {seq: number; outcome: Outcome}) => {
      waiting.get(seq)?.(outcome)
      waiting.delete(seq)
    })
    worker.on('error', (error) => {
      for (const resolve of waiting.values()) resolve({line: JSON.stringify({id: null, error: `worker failed: ${error.message}`}), errors: false, bad: true})
      waiting.clear()
    })
    return {worker, waiting}
  })
  let seq = 0
  return {
    lint(line: string): Promise<Outcome> {
      const target = workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a))
      const id = seq++
      return new Promise((resolve) => {
        target.waiting.set(id, resolve)
        target.worker.postMessage({seq: id, line})
      })
    },
    async close() {
      await Promise.all(workers.map(({worker}) => worker.terminate()))
    }
  }
}
