// `copydesk --jsonl`: the map step of an archive job. Reads JSON Lines records
// `{"id", "text", "format"?}` from standard input and writes one line per record, in input order:
// `{"id", "messages"}`, with `"fixed"` under --fix, or `{"id", "error"}` for a record that cannot be
// read. Records stream through: at most a few per thread are held at once, and output waits for
// the reader. With --jobs N, N worker threads lint; otherwise this thread does.
import {Worker} from 'node:worker_threads'
import type {Readable} from 'node:stream'
import type {Linter} from '../index.js'
import {builtFile} from '../paths.js'
import {UnparsableError} from '../unparsable.js'

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
    // Copy the parsers cannot take is that record's problem, said as the CLI says it of a file.
    if (error instanceof UnparsableError) return bad(error.message)
    return bad(`internal error while linting: ${(error as Error).message}`)
  }
}

/** A line that was not kept: longer than --max-file-size (never held whole), or not UTF-8. */
const TOO_LARGE = Symbol('too large')
const NOT_UTF8 = Symbol('not UTF-8')
type Line = string | typeof TOO_LARGE | typeof NOT_UTF8

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/**
 * The lines of a byte stream, decoded as strict UTF-8 (a CR before the newline, and a byte-order
 * mark at the start of the stream, dropped). A line is held only up to `limit` bytes: past that
 * it is reported at once and its bytes are skipped to the next newline, so `copydesk --jsonl <
 * /dev/zero` runs in bounded memory (a line reader that buffers whole lines crashed there after
 * 512 MB).
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, limit: number): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let skipping = false
  let first = true
  const line = (): Line => {
    let bytes = Buffer.concat(parts, size)
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1)
    try {
      return utf8.decode(bytes)
    } catch {
      return NOT_UTF8
    }
  }
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk
    let start = 0
    for (;;) {
      const newline = bytes.indexOf(0x0a, start)
      const end = newline === -1 ? bytes.length : newline
      if (!skipping) {
        size += end - start
        if (size > limit + 2) {
          // Said at once: the rest of the line may never come (an endless stream).
          skipping = true
          parts = []
          yield TOO_LARGE
        } else parts.push(bytes.subarray(start, end))
      }
      if (newline === -1) break
      if (!skipping) yield line()
      ;[parts, size, skipping, first, start] = [[], 0, false, false, newline + 1]
    }
  }
  if (size > 0 && !skipping) yield line()
}

function unread(line: typeof TOO_LARGE | typeof NOT_UTF8): Outcome {
  const error = line === TOO_LARGE ? 'record too large to lint (see --max-file-size)' : 'not valid UTF-8 (JSON Lines are UTF-8)'
  return {line: JSON.stringify({id: null, error}), errors: false, bad: true}
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
  const lines = readLines(input, options.maxFileSize)
  if (options.jobs <= 1) {
    const linter = makeLinter()
    for await (const line of lines) {
      if (typeof line !== 'string') await take(unread(line))
      else if (line.trim() !== '') await take(lintRecord(line, linter, options, toJson))
    }
  } else {
    const pool = createPool(options)
    try {
      // In flight: promises in input order; the oldest is written first, so memory holds at most
      // a few records per thread however long the input.
      const pending: Promise<Outcome>[] = []
      const limit = options.jobs * 4
      for await (const line of lines) {
        if (typeof line !== 'string') pending.push(Promise.resolve(unread(line)))
        else if (line.trim() === '') continue
        else pending.push(pool.lint(line))
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
  const url = builtFile('src/cli/worker.js')
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
