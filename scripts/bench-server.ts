// Re-lint time of the language server after an edit, on a ~5,000-word article (the seed article
// five times over): the round trip from didChange to publishDiagnostics over stdio with the
// debounce set to 0, and the lint alone in this process for comparison. Then how long the
// server's main thread is kept from its event loop (perf_hooks monitorEventLoopDelay, in the
// server) while it lints and fixes documents of the largest size it accepts, and the longest wait
// for an answer to a request sent meanwhile; and the time of the minimal edits over 10,000
// changed lines.
// Usage: npm run bench:server [-- EDITS]
import {readFileSync} from 'node:fs'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {applyTextEdits, textEdits} from '../src/diff.js'
import {createLinter, fix} from '../src/index.js'
import {MAX_DOCUMENT_LENGTH} from '../src/server/documents.js'
import {EVENT_LOOP_REQUEST, FIX_ALL_KIND} from '../src/server/index.js'
import {createLintWorker} from '../src/server/linting.js'
import {startClient} from './lsp-client.js'

const edits = Number(process.argv[2] ?? 100)
const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const article = Array.from({length: 5}, () => seed).join('\n\n')
const words = article.split(/\s+/u).filter(Boolean).length

const startedAt = performance.now()
const client = await startClient({initializationOptions: {debounce: 0}, capabilities: {}})
const uri = 'file:///bench/article.txt'
await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: article}})
const first = await client.diagnostics(uri)
const startup = performance.now() - startedAt

// Alternately insert and remove a word in the middle of the article.
let document = TextDocument.create(uri, 'plaintext', 1, article)
const middle = document.positionAt(article.indexOf('. ', Math.floor(article.length / 2)) + 2)
const roundTrips: number[] = []
for (let version = 2; version < edits + 2; version++) {
  const insert = version % 2 === 0
  const change = insert
    ? {range: {start: middle, end: middle}, text: 'Indeed '}
    : {range: {start: middle, end: {line: middle.line, character: middle.character + 7}}, text: ''}
  document = TextDocument.update(document, [change], version)
  const sent = performance.now()
  await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
  await client.diagnostics(uri, (_d, params) => params.version === version)
  roundTrips.push(performance.now() - sent)
}
await client.stop()

const linter = createLinter()
const lintTimes: number[] = []
const lintCpu: number[] = []
for (let i = 0; i < edits; i++) {
  const started = performance.now()
  const cpu = process.cpuUsage()
  linter.lint({path: 'article.txt', value: i % 2 ? article : article.replace('. ', '. Indeed ')})
  const used = process.cpuUsage(cpu)
  lintTimes.push(performance.now() - started)
  lintCpu.push((used.user + used.system) / 1000)
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(1)
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`
}
console.log(`article: ${words} words, ${article.length} characters, ${first.length} diagnostics`)
console.log(`start-up to first diagnostics: ${startup.toFixed(0)} ms`)
console.log(`re-lint after an edit, didChange -> publishDiagnostics (${edits} edits, debounce 0): ${stats(roundTrips)}`)
console.log(`lint alone, in process (${edits} runs): ${stats(lintTimes)}`)
// CPU time is what the lint costs even when other processes share the cores (it includes GC threads).
console.log(`lint alone, CPU time: ${stats(lintCpu)}`)

// What the worker thread adds to a re-lint: posting the text, copying the answer back, waking
// the threads (the round trip less the lint's own time, in this process).
const worker = createLintWorker(() => undefined, new URL('../src/server/worker.js', import.meta.url))
await worker.ask({kind: 'warm'})
const overheads: number[] = []
for (let version = 1; version <= edits; version++) {
  const value = version % 2 ? article : article.replace('. ', '. Indeed ')
  const sent = performance.now()
  const result = await worker.lint({uri: 'file:///bench/overhead.txt', languageId: 'plaintext', version, text: value})
  overheads.push(performance.now() - sent - result!.duration)
}
await worker.close()
console.log(`worker round trip less the lint (${edits} re-lints): ${stats(overheads)}`)

// Responsiveness: documents of the largest size the server accepts, linted and then fixed all at
// once, while a request is sent every 20 ms. The server measures its own event-loop delay.
// News: the seed article repeated, each sentence numbered so that no cache of a copy shortens
// the lint of the next.
let sentence = 0
const news = seed.repeat(Math.ceil(MAX_DOCUMENT_LENGTH / seed.length)).replace(/\. (?=[A-Z])/gu, () => ` (${sentence++}). `)
const shapes: Array<[string, string]> = [
  ['news (the seed article repeated)', news],
  ['". . ." repeated', 'Talks went on . . . '],
  ['"the the " repeated (dense findings)', 'the the '],
  ['lower-case sentence starts (dense findings and fixes)', 'Japan. he said so. ']
]
const server = await startClient({initializationOptions: {debounce: 0}, capabilities: {}})
await server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri: 'file:///bench/warm.txt', languageId: 'plaintext', version: 1, text: 'Warm up. The minster spoke at lenght on Monday, the the talks.'}})
await server.diagnostics('file:///bench/warm.txt')
for (const [name, unit] of shapes) {
  const text = unit.repeat(Math.ceil(MAX_DOCUMENT_LENGTH / unit.length)).slice(0, MAX_DOCUMENT_LENGTH)
  const uri = `file:///bench/${name.replace(/\W+/gu, '-')}.txt`
  // A server from before the worker thread does not measure its event loop (then `n/a`).
  await server.connection.sendRequest(EVENT_LOOP_REQUEST).catch(() => undefined)
  let longest = 0
  let answered = 0
  let busy = true
  const pinging = (async () => {
    while (busy) {
      const sent = performance.now()
      // Any request will do: an unknown one is answered with MethodNotFound.
      await server.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}}).catch(() => undefined)
      longest = Math.max(longest, performance.now() - sent)
      answered++
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  })()
  const opened = performance.now()
  await server.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text}})
  const diagnostics = await server.diagnostics(uri, undefined, 600_000)
  const linted = performance.now() - opened
  const fixStarted = performance.now()
  const [action] = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: {uri},
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    context: {diagnostics: [], only: [FIX_ALL_KIND]}
  })) as Array<{edit?: {changes: Record<string, unknown[]>}}>
  const fixed = performance.now() - fixStarted
  busy = false
  await pinging
  const delay = (await server.connection.sendRequest(EVENT_LOOP_REQUEST).catch(() => undefined)) as {max: number; p99: number} | undefined
  const block = delay ? `${delay.max.toFixed(0)} ms (p99 ${delay.p99.toFixed(0)} ms)` : 'n/a'
  await server.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  console.log(
    `${text.length.toLocaleString('en')} characters, ${name}: ${diagnostics.length} diagnostics in ${linted.toFixed(0)} ms, fix-all (${action?.edit?.changes[uri]?.length ?? 0} edits) in ${fixed.toFixed(0)} ms; ` +
      `longest main-thread block ${block}; longest wait for an answer meanwhile ${longest.toFixed(0)} ms over ${answered} requests`
  )
}
await server.stop()

// The minimal edits (src/diff.ts, also the CLI's dry-run diff) over 10,000 changed lines.
const lines = Array.from({length: 10_000}, (_, i) => `Line ${i} of the copy says the the talks went on . Then the minister left.`)
const before = lines.join('\n') + '\n'
const after = fix(before).text
const started = performance.now()
const changes = textEdits(before, after)
const took = performance.now() - started
if (applyTextEdits(before, changes) !== after) throw new Error('the edits do not give the fixed text')
console.log(`minimal edits over 10,000 changed lines (${before.length.toLocaleString('en')} characters): ${changes.length.toLocaleString('en')} edits in ${took.toFixed(0)} ms`)
