// Re-lint time of the language server after an edit, on a ~5,000-word article (the seed article
// five times over): the round trip from didChange to publishDiagnostics over stdio with the
// debounce set to 0, and the lint alone in this process for comparison.
// Usage: npm run bench:server [-- EDITS]
import {readFileSync} from 'node:fs'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {createLinter} from '../src/index.js'
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
