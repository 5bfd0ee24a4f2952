// Memory of the language server over many edits: drives the built server over stdio through
// EDITS edits of the seed article (each linted, with a code action request every tenth) and
// prints its heap after a full GC and its RSS every EDITS/10 edits. Flat numbers mean no leak.
// Usage: npm run measure:server-memory [-- EDITS]
import {readFileSync} from 'node:fs'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {MEMORY_REQUEST} from '../src/server/index.js'
import {startClient} from './lsp-client.js'

const edits = Number(process.argv[2] ?? 1000)
const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const client = await startClient({initializationOptions: {debounce: 0}, capabilities: {}, nodeFlags: ['--expose-gc']})
const uri = 'file:///memory/seed-article.txt'
await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'plaintext', version: 1, text: seed}})
await client.diagnostics(uri)

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)
const rows: string[] = []
const spaces: Array<Record<string, number>> = []
const sample = async (done: number) => {
  const usage = (await client.connection.sendRequest(MEMORY_REQUEST)) as NodeJS.MemoryUsage & {spaces: Record<string, number>}
  spaces.push(usage.spaces)
  rows.push(`${String(done).padStart(6)}  ${mb(usage.heapUsed).padStart(8)}  ${mb(usage.rss).padStart(8)}`)
}
await sample(0)

let document = TextDocument.create(uri, 'plaintext', 1, seed)
let last = {line: 0, character: 0}
for (let version = 2; version < edits + 2; version++) {
  // Type a word at a different place each time, then take it out again on the next edit.
  const at = document.positionAt((version * 7919) % seed.length)
  const change =
    version % 2 === 0
      ? {range: {start: at, end: at}, text: 'word '}
      : {range: {start: last, end: {line: last.line, character: last.character + 5}}, text: ''}
  if (version % 2 === 0) last = at
  document = TextDocument.update(document, [change], version)
  await client.connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
  const diagnostics = await client.diagnostics(uri, (_d, params) => params.version === version)
  if (version % 10 === 0 && diagnostics[0]) {
    await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: diagnostics[0].range, context: {diagnostics: []}})
  }
  if ((version - 1) % Math.max(1, Math.floor(edits / 10)) === 0) await sample(version - 1)
}
await client.stop()
console.log(` edits  heap MB    rss MB   (heap after a full GC, in the server process)`)
console.log(rows.join('\n'))
// Where the heap changed between the first sample after warm-up and the last, per V8 space.
const [warm, end] = [spaces[1] ?? spaces[0], spaces[spaces.length - 1]]
console.log(
  'change per heap space from the second sample to the last (KB): ' +
    Object.keys(end)
      .map((name) => `${name} ${((end[name] - (warm[name] ?? 0)) / 1024).toFixed(0)}`)
      .join(', ')
)
