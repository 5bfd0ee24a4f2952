// The language server, driven over stdio by a real LSP client (vscode-languageserver-protocol):
// diagnostics, quick fixes, fix-all, configuration files, "add to names", and surviving hostile
// clients and documents. Needs the built server (`npm test` builds first).
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {VFileMessage} from 'vfile-message'
import {CodeActionKind, type CodeAction, type Diagnostic, type TextEdit} from 'vscode-languageserver-protocol'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {parse as parseYaml} from 'yaml'
import {addNameToConfig} from '../src/server/config-write.js'
import {ConfigError, fix, lint, loadConfigFile} from '../src/index.js'
import {ADD_NAME_COMMAND, editsBetween, FIX_ALL_KIND, lintPathOf, looksBinary, quickFixesOf, readSettings} from '../src/server/index.js'
import {MAX_DOCUMENT_LENGTH} from '../src/server/documents.js'
import {createWork, type LintResult} from '../src/server/work.js'
import {createLintWorker} from '../src/server/linting.js'
import {startClient, type Client} from '../scripts/lsp-client.js'

const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
let root: string
const uriOf = (path: string) => pathToFileURL(path).href

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'copydesk-server-'))
})
afterAll(() => rmSync(root, {recursive: true, force: true}))

function folder(name: string, files: Record<string, string> = {}): string {
  const path = join(root, name)
  mkdirSync(path, {recursive: true})
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text)
  return path
}

async function open(client: Client, uri: string, text: string, languageId = 'plaintext', version = 1) {
  await client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version, text}})
}

async function change(client: Client, uri: string, version: number, edits: TextEdit[]) {
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: {uri, version},
    contentChanges: edits.map((edit) => ({range: edit.range, text: edit.newText}))
  })
}

function codeActions(client: Client, uri: string, diagnostic: Pick<Diagnostic, 'range'>, only?: string[]) {
  return client.connection.sendRequest('textDocument/codeAction', {
    textDocument: {uri},
    range: diagnostic.range,
    context: {diagnostics: [], only}
  }) as Promise<CodeAction[]>
}

const said = (diagnostic: Diagnostic) => String(diagnostic.message)

// Where a piece of the seed article is, as the client would see it.
function rangeOf(text: string, needle: string, within = needle) {
  const document = TextDocument.create('file:///x', 'plaintext', 1, text)
  const at = text.indexOf(within) + within.indexOf(needle)
  return {start: document.positionAt(at), end: document.positionAt(at + needle.length)}
}

// The acceptance scenario of issue 5, once with a client that answers settings and once with one
// that answers `null` for them (Emacs eglot does; unified-language-server 4.1 exits on it).
describe.each([
  ['a client that answers settings', {settings: {enable: true}}],
  ['a client that answers null for settings', {settings: null}]
])('with %s', (_name, options) => {
  let client: Client
  const dir = () => join(root, `acceptance-${options.settings === null ? 'null' : 'object'}`)
  beforeAll(async () => {
    folder(`acceptance-${options.settings === null ? 'null' : 'object'}`)
    client = await startClient({...options, folders: [uriOf(dir())]})
  })
  afterAll(async () => {
    expect(await client.stop()).toBe(0)
  })

  test('publishes the seed article’s findings, and the preferred quick fix removes one', async () => {
    const uri = uriOf(join(dir(), 'seed-article.txt'))
    await open(client, uri, seed)
    const diagnostics = await client.diagnostics(uri)
    expect(client.configurationRequests()).toBeGreaterThan(0)
    expect(diagnostics).toHaveLength(lintCount(seed))
    const he = diagnostics.find((diagnostic) => said(diagnostic).includes('`he`'))!
    expect(he).toMatchObject({
      range: rangeOf(seed, 'he', 'Japan. he remains'),
      severity: 2,
      code: 'sentence-start',
      source: 'retext-copydesk',
      codeDescription: {href: expect.stringMatching(/rules\/sentence-start\/README\.md$/u)}
    })

    const actions = await codeActions(client, uri, he)
    const preferred = actions.filter((action) => action.isPreferred)
    expect(preferred).toHaveLength(1)
    expect(preferred[0]).toMatchObject({title: 'Replace `he` with `He`', kind: 'quickfix'})
    const edits = preferred[0].edit!.changes![uri]
    expect(edits).toEqual([{range: he.range, newText: 'He'}])

    await change(client, uri, 2, edits)
    const after = await client.diagnostics(uri, (_d, params) => params.version === 2)
    expect(after).toHaveLength(diagnostics.length - 1)
    expect(after.some((diagnostic) => said(diagnostic).includes('`he`'))).toBe(false)
    // Closing clears the document's diagnostics.
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    expect(await client.diagnostics(uri)).toEqual([])
  })

  test('offers `Biden` for `Bidenn` as the preferred quick fix, and applying it clears it', async () => {
    const uri = uriOf(join(dir(), 'bidenn.txt'))
    await open(client, uri, seed)
    const diagnostics = await client.diagnostics(uri)
    const bidenn = diagnostics.find((diagnostic) => diagnostic.code === 'name-consistency' && said(diagnostic).includes('`Bidenn`'))!
    expect(bidenn.range).toEqual(rangeOf(seed, 'Bidenn'))
    const actions = await codeActions(client, uri, bidenn)
    const preferred = actions.filter((action) => action.isPreferred)
    expect(preferred).toHaveLength(1)
    const edits = preferred[0].edit!.changes![uri]
    expect(edits).toEqual([{range: bidenn.range, newText: 'Biden'}])
    expect(actions.some((action) => action.command?.command === ADD_NAME_COMMAND)).toBe(true)
    await change(client, uri, 2, edits)
    const after = await client.diagnostics(uri, (_d, params) => params.version === 2)
    expect(after.some((diagnostic) => diagnostic.code === 'name-consistency' && said(diagnostic).includes('Bidenn'))).toBe(false)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  test('"add `Bidenn` to the project\'s names" writes the config, and the diagnostic goes once it reloads', async () => {
    const uri = uriOf(join(dir(), 'names.txt'))
    await open(client, uri, seed)
    const diagnostics = await client.diagnostics(uri)
    const bidenn = diagnostics.find((diagnostic) => diagnostic.code === 'name-consistency' && said(diagnostic).includes('`Bidenn`'))!
    const add = (await codeActions(client, uri, bidenn)).find((action) => action.command?.command === ADD_NAME_COMMAND)!
    expect(add.title).toBe("Add `Bidenn` to the project's names")
    await client.connection.sendRequest('workspace/executeCommand', {command: add.command!.command, arguments: add.command!.arguments})
    const config = join(dir(), '.copydeskrc.json')
    expect(loadConfigFile(config).config).toEqual({names: ['Bidenn']})
    await client.diagnostics(uri, (d) => !d.some((diagnostic) => said(diagnostic).includes('`Bidenn`')))
    rmSync(config)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  test('fix-all applies fix() to the whole document', async () => {
    const uri = uriOf(join(dir(), 'fix-all.txt'))
    await open(client, uri, seed)
    const diagnostics = await client.diagnostics(uri)
    const actions = await codeActions(client, uri, diagnostics[0], [CodeActionKind.SourceFixAll])
    expect(actions.map((action) => action.kind)).toEqual([FIX_ALL_KIND])
    const edits = actions[0].edit!.changes![uri]
    expect(edits.length).toBeGreaterThan(1)
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, seed), edits)
    expect(fixed).toBe(fix(seed).text)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })
})

// The library's own count for the same text, so the server is held to the CLI's findings.
function lintCount(text: string) {
  return lint({path: 'x.txt', value: text}).messages.length
}

test('fix-all is resolved only when chosen, for a client that can resolve edits', async () => {
  const client = await startClient({capabilities: {textDocument: {codeAction: {resolveSupport: {properties: ['edit']}}}}})
  const uri = 'file:///resolve/seed-article.txt'
  await open(client, uri, seed)
  const diagnostics = await client.diagnostics(uri)
  const actions = await codeActions(client, uri, diagnostics[0])
  const fixAll = actions.find((action) => action.kind === FIX_ALL_KIND)!
  expect(fixAll.edit).toBeUndefined()
  const resolved = (await client.connection.sendRequest('codeAction/resolve', fixAll)) as CodeAction
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, seed), resolved.edit!.changes![uri])
  expect(fixed).toBe(fix(seed).text)
  expect(await client.stop()).toBe(0)
})

describe('configuration', () => {
  let client: Client
  beforeAll(async () => {
    client = await startClient({settings: null, folders: [uriOf(folder('workspace'))]})
  })
  afterAll(async () => {
    expect(await client.stop()).toBe(0)
  })

  test('reads the config file found from the document’s folder, and re-reads it when it changes', async () => {
    const dir = folder('workspace/configured', {'.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'error'}})})
    mkdirSync(join(dir, 'deeper'))
    const uri = uriOf(join(dir, 'deeper', 'a.txt'))
    await open(client, uri, 'It went on. . Japan. he remains.')
    const first = await client.diagnostics(uri)
    expect(first.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['stray-punctuation', 1],
      ['sentence-start', 1]
    ])
    // Edited on disk, with no notification from the client: the server watches the file too.
    writeFileSync(join(dir, '.copydeskrc.json'), JSON.stringify({rules: {'sentence-start': 'off', 'stray-punctuation': 'info'}}))
    const second = await client.diagnostics(uri, (diagnostics) => diagnostics.length === 1)
    expect(second.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([['stray-punctuation', 3]])
  })

  test('a broken config is one diagnostic naming the file and the key', async () => {
    const dir = folder('workspace/broken', {'.copydeskrc.json': '{\n  "rules": {\n    "stray-punctuatoin": "warn"\n  }\n}\n'})
    const uri = uriOf(join(dir, 'a.txt'))
    await open(client, uri, 'It went on. . Japan. he remains.')
    const diagnostics = await client.diagnostics(uri)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].severity).toBe(1)
    expect(diagnostics[0].message).toContain(join(dir, '.copydeskrc.json'))
    expect(diagnostics[0].message).toContain('`rules.stray-punctuatoin`')
    expect(diagnostics[0].relatedInformation?.[0].location).toEqual({
      uri: uriOf(join(dir, '.copydeskrc.json')),
      range: {start: {line: 2, character: 4}, end: {line: 2, character: 31}}
    })

    // Invalid JSON names the file too; repairing it brings the findings back.
    writeFileSync(join(dir, '.copydeskrc.json'), '{"rules": ')
    const invalid = await client.diagnostics(uri, (d) => d.length === 1 && said(d[0]).includes('invalid JSON'))
    expect(invalid[0].message).toContain(join(dir, '.copydeskrc.json'))
    writeFileSync(join(dir, '.copydeskrc.json'), '{}')
    const repaired = await client.diagnostics(uri, (d) => d.length === 2)
    expect(repaired.map((diagnostic) => diagnostic.code)).toEqual(['stray-punctuation', 'sentence-start'])
  })

  test('a document outside every workspace folder is linted with the defaults', async () => {
    const uri = uriOf(join(folder('elsewhere'), 'a.txt'))
    await open(client, uri, 'It went on. . Japan. he remains.')
    const diagnostics = await client.diagnostics(uri)
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.severity])).toEqual([
      ['stray-punctuation', 1],
      ['sentence-start', 2]
    ])
    // An unsaved buffer has no folder at all: defaults too.
    await open(client, 'untitled:Untitled-1', 'Japan. he remains.')
    expect(await client.diagnostics('untitled:Untitled-1')).toHaveLength(1)
  })

  test('"add to names" creates or edits the config that applies, keeping it valid', async () => {
    const fresh = folder('workspace/names-fresh')
    const result = await client.connection.sendRequest('workspace/executeCommand', {
      command: ADD_NAME_COMMAND,
      arguments: [{uri: uriOf(join(fresh, 'a.txt')), name: 'Bidenn'}]
    })
    // No config anywhere above: a new one in the workspace root.
    const created = join(root, 'workspace', '.copydeskrc.json')
    expect(result).toMatchObject({path: created, changed: true, created: true})
    expect(JSON.parse(readFileSync(created, 'utf8'))).toEqual({names: ['Bidenn']})
    rmSync(created)

    const yamlDir = folder('workspace/names-yaml', {'.copydeskrc.yml': '# house names\nrules:\n  ly-hyphen: off # too noisy\nnames:\n  - LaCivita\n'})
    await client.connection.sendRequest('workspace/executeCommand', {
      command: ADD_NAME_COMMAND,
      arguments: [{uri: uriOf(join(yamlDir, 'a.md')), name: 'Fleitz'}]
    })
    const yaml = readFileSync(join(yamlDir, '.copydeskrc.yml'), 'utf8')
    expect(yaml).toBe('# house names\nrules:\n  ly-hyphen: off # too noisy\nnames:\n  - LaCivita\n  - Fleitz\n')
    expect(loadConfigFile(join(yamlDir, '.copydeskrc.yml')).config.names).toEqual(['LaCivita', 'Fleitz'])
  })

  test('"add to names" refuses to touch a config it cannot parse, and says so', async () => {
    const dir = folder('workspace/names-broken', {'.copydeskrc.json': '{"names": '})
    const result = await client.connection.sendRequest('workspace/executeCommand', {
      command: ADD_NAME_COMMAND,
      arguments: [{uri: uriOf(join(dir, 'a.txt')), name: 'Fleitz'}]
    })
    expect(result).toBeNull()
    expect(readFileSync(join(dir, '.copydeskrc.json'), 'utf8')).toBe('{"names": ')
    expect(client.log.join('\n')).toMatch(/copydesk: .*\.copydeskrc\.json: invalid JSON/u)
  })
})

describe('robustness', () => {
  let client: Client
  beforeAll(async () => {
    // No settings capability and no debounce floor beyond the default.
    client = await startClient({capabilities: {}})
  })
  afterAll(async () => {
    expect(await client.stop()).toBe(0)
  })

  test('a burst of 100 changes is linted once it settles, at its last version', async () => {
    const uri = 'file:///burst/a.txt'
    await open(client, uri, 'Start')
    await client.diagnostics(uri)
    const before = client.published.length
    let text = 'Start'
    for (let version = 2; version <= 101; version++) {
      const insert = version === 101 ? '. Japan. he remains.' : 'a'
      const document = TextDocument.create(uri, 'plaintext', 1, text)
      await change(client, uri, version, [{range: {start: document.positionAt(text.length), end: document.positionAt(text.length)}, newText: insert}])
      text += insert
    }
    const diagnostics = await client.diagnostics(uri, (_d, params) => params.version === 101)
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].range).toEqual(rangeOf(text, 'he', 'Japan. he'))
    const publishes = client.published.slice(before).filter((params) => params.uri === uri)
    expect(publishes.length).toBeLessThan(100)
  })

  test('a 150 KB document is linted; one over the limit gets a single notice', async () => {
    const big = Array.from({length: Math.ceil(150_000 / seed.length)}, () => seed).join('\n\n')
    const uri = 'file:///big/a.txt'
    await open(client, uri, big)
    const diagnostics = await client.diagnostics(uri, undefined, 30_000)
    // Findings all the way to the last copy of the article.
    const lines = big.split('\n').length
    expect(Math.max(...diagnostics.map((diagnostic) => diagnostic.range.start.line))).toBeGreaterThan(lines - seed.split('\n').length)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})

    const huge = 'word '.repeat(500_000)
    await open(client, 'file:///big/huge.txt', huge)
    const notice = await client.diagnostics('file:///big/huge.txt')
    expect(notice).toHaveLength(1)
    expect(notice[0].message).toMatch(/^Not linted: the document has 2,500,000 characters/u)
  })

  test('binary junk gets at most one diagnostic', async () => {
    let seedValue = 7
    const random = () => (seedValue = (seedValue * 16807) % 2147483647) / 2147483647
    const junk = Array.from({length: 100_000}, () => String.fromCharCode(Math.floor(random() * 256))).join('')
    await open(client, 'file:///junk/a.bin', junk)
    const diagnostics = await client.diagnostics('file:///junk/a.bin')
    expect(diagnostics.length).toBeLessThanOrEqual(1)
    expect(diagnostics[0].message).toBe('Not linted: the document looks like binary data')
  })

  test('a document closed while it is being linted ends with no diagnostics', async () => {
    const uri = 'file:///closing/a.txt'
    const text = Array.from({length: 10}, () => seed).join('\n\n')
    await open(client, uri, text)
    await change(client, uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'x'}])
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
    await client.diagnostics(uri, (diagnostics) => diagnostics.length === 0)
    // A request after the close is answered after everything the close could have set off.
    const seen = client.published.length
    const fresh = 'file:///closing/after.txt'
    await open(client, fresh, 'Japan. he remains.')
    await client.diagnostics(fresh)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(client.published.slice(seen).filter((params) => params.uri === uri)).toEqual([])
    expect(client.process.exitCode).toBeNull()
  })

  test('markdown and html documents are linted as such, by languageId or extension', async () => {
    // In code (`he`, <code>) nothing is flagged; in prose the lower-case `he` is.
    for (const [uri, languageId, text, column] of [
      ['file:///formats/a.md', 'markdown', '# Title\n\nRun `Japan. he`. Japan. he remains.\n', 24],
      ['untitled:Untitled-2', 'markdown', '# Title\n\nRun `Japan. he`. Japan. he remains.\n', 24],
      ['file:///formats/b.html', 'html', '<p>Run <code>Japan. he</code>. Japan. he remains.</p>\n', 38],
      ['file:///formats/c.htm', 'some-unknown-language', '<p>Run <code>Japan. he</code>. Japan. he remains.</p>\n', 38]
    ] as const) {
      await open(client, uri, text, languageId)
      const diagnostics = await client.diagnostics(uri)
      expect([uri, diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.character])]).toEqual([uri, [['sentence-start', column]]])
    }
  })
})

// The largest document the server accepts, of news copy: linting it takes a second or more.
// Every sentence is made new (numbered, from `from`), so no cache of an earlier lint shortens it.
const largest = (from = 0) => {
  let n = from
  return seed
    .repeat(Math.ceil(MAX_DOCUMENT_LENGTH / seed.length))
    .replace(/\. (?=[A-Z])/gu, () => ` (${n++}). `)
    .slice(0, MAX_DOCUMENT_LENGTH)
}

describe('linting in a worker thread', () => {
  let client: Client
  beforeAll(async () => {
    client = await startClient({initializationOptions: {debounce: 0}, capabilities: {}})
  })
  afterAll(async () => {
    expect(await client.stop()).toBe(0)
  })

  test('requests are answered while the largest document is linted', async () => {
    const small = 'file:///worker/small.txt'
    await open(client, small, 'Officials met in Tokyo. he said so.\n')
    const [diagnostic] = await client.diagnostics(small, (diagnostics) => diagnostics.length > 0)
    const uri = 'file:///worker/big.txt'
    await open(client, uri, largest())
    let published = false
    const big = client.diagnostics(uri, undefined, 300_000).then((diagnostics) => {
      published = true
      return diagnostics
    })
    // Requests one after another until the big document's findings arrive. A server that lints
    // on its main thread answers none of them while it lints, so at most one comes before. (A
    // fix-all edit is made in the worker, so it would wait for the lint: quick fixes only.)
    let answered = 0
    while (!published) {
      await expect(client.connection.sendRequest('textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}})).rejects.toMatchObject({code: -32601})
      const actions = await codeActions(client, small, diagnostic, [CodeActionKind.QuickFix])
      expect(actions.map((action) => action.title)).toContain('Replace `he` with `He`')
      if (!published) answered++
    }
    expect((await big).length).toBeGreaterThan(100)
    expect(answered).toBeGreaterThanOrEqual(5)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  test('a newer version replaces the lint waiting or running: only the last is published', async () => {
    const uri = 'file:///worker/edited.txt'
    await open(client, uri, 'Start.')
    await client.diagnostics(uri)
    const before = client.published.length
    // The whole document replaced by a large one, then three more edits, in one write: they
    // arrive together, long before a lint of the large text could end.
    const start = {line: 0, character: 0}
    const changes = [
      {range: {start, end: {line: 0, character: 6}}, text: `Breaking ${largest(100_000).slice(0, MAX_DOCUMENT_LENGTH - 20)}`},
      ...[3, 4, 5].map(() => ({range: {start, end: start}, text: 'x'}))
    ]
    const wire = changes
      .map((contentChange, index) => {
        const body = JSON.stringify({jsonrpc: '2.0', method: 'textDocument/didChange', params: {textDocument: {uri, version: index + 2}, contentChanges: [contentChange]}})
        return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
      })
      .join('')
    client.process.stdin!.write(wire)
    await client.diagnostics(uri, (_diagnostics, params) => params.version === 5, 300_000)
    expect(client.published.slice(before).filter((params) => params.uri === uri).map((params) => params.version)).toEqual([5])
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri}})
  })

  test('a document with more findings than an editor shows gets the first thousand and a notice', async () => {
    const uri = 'file:///worker/dense.txt'
    await open(client, uri, 'Japan. he said so. '.repeat(1200))
    const diagnostics = await client.diagnostics(uri, undefined, 300_000)
    expect(diagnostics).toHaveLength(1001)
    expect(diagnostics[1000]).toMatchObject({code: 'too-many-findings', message: expect.stringMatching(/^200 more findings not shown/u)})
  })
})

// The edits the server sends for "fix all" are made in its worker, by this same code.
test('the fix-all edits the server sends turn any copy into what fix() makes of it', () => {
  const work = createWork(() => undefined)
  const piece = fc.constantFrom('Officials met in Tokyo', '. he said', ' the the', ' talks', ' .', ' ,', ' , ', '. .', '  ', '\n\n', '\r\n', ' https://example.com/a?q=red,blue', ' e.g.', ' .NET', ' 😀', ' Bidenn', '.')
  let version = 0
  fc.assert(
    fc.property(fc.array(piece, {minLength: 1, maxLength: 25}), (pieces) => {
      const text = pieces.join('')
      const uri = 'file:///property/copy.txt'
      version++
      const linted = work.handle({kind: 'lint', uri, languageId: 'plaintext', version, text}) as LintResult
      expect(linted.ok).toBe(true)
      const edits = work.handle({kind: 'fixAll', uri, version}) as TextEdit[]
      expect(TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', version, text), edits)).toBe(fix(text).text)
    }),
    {numRuns: 60}
  )
})

describe('server pieces', () => {
  test('a linting thread that dies fails its request with the reason, and is replaced, three times at most', async () => {
    const dying = join(root, 'dying-worker.mjs')
    writeFileSync(dying, 'process.exit(3)\n')
    const logged: string[] = []
    const worker = createLintWorker((text) => logged.push(text), pathToFileURL(dying))
    const outcomes: string[] = []
    for (let version = 1; version <= 4; version++) {
      await worker.lint({uri: 'file:///dying/a.txt', languageId: 'plaintext', version, text: 'Text.'}).then(
        () => outcomes.push('answered'),
        (error: Error) => outcomes.push(error.message)
      )
    }
    await worker.close()
    expect(outcomes).toEqual([...Array(3).fill('the linting thread stopped (exit code 3)'), 'the linting thread keeps stopping'])
    expect(logged.filter((line) => line.includes('starting another'))).toHaveLength(2)
  })

  test('settings: null, junk or missing values fall back to the defaults', () => {
    expect(readSettings(null)).toEqual({enable: true, debounce: 200})
    expect(readSettings([null])).toEqual({enable: true, debounce: 200})
    expect(readSettings('on')).toEqual({enable: true, debounce: 200})
    expect(readSettings({enable: 'no', debounce: -1})).toEqual({enable: true, debounce: 200})
    expect(readSettings({enable: false, debounce: 50})).toEqual({enable: false, debounce: 50})
  })

  test('the languageId picks the format when the file name does not say it', () => {
    expect(lintPathOf('/a/notes.txt', 'markdown')).toBe('/a/notes.txt.md')
    expect(lintPathOf('/a/notes', 'html')).toBe('/a/notes.html')
    expect(lintPathOf('/a/notes.md', 'markdown')).toBe('/a/notes.md')
    expect(lintPathOf('/a/notes.md', 'plaintext')).toBe('/a/notes.md.txt')
    expect(lintPathOf('/a/notes.md', 'restructuredtext')).toBe('/a/notes.md')
    expect(lintPathOf(undefined, 'markdown')).toBe('untitled.md')
    expect(lintPathOf(undefined, 'plaintext')).toBe('untitled')
  })

  test('binary detection: NUL bytes or many control characters, not ordinary copy', () => {
    expect(looksBinary('PK\u0003\u0004\u0000\u0000')).toBe(true)
    expect(looksBinary('\u0001\u0002\u0003abc')).toBe(true)
    expect(looksBinary(seed)).toBe(false)
    expect(looksBinary('Tabs\tand\r\nCRLF, “quotes” and 日本語.')).toBe(false)
  })

  test('quick fixes: one per replacement, preferred only when safe, and "add to names" for name rules', () => {
    const document = TextDocument.create('file:///p/a.txt', 'plaintext', 1, 'Met Bidenn today.')
    const message = new VFileMessage('Unexpected `Bidenn`', {
      place: {start: {line: 1, column: 5, offset: 4}, end: {line: 1, column: 11, offset: 10}},
      ruleId: 'spelling',
      source: 'retext-copydesk'
    })
    message.actual = 'Bidenn'
    message.expected = ['Biden', 'Bidens', 'Biden']
    const actions = quickFixesOf(document, message)
    expect(actions.map((action) => [action.title, action.isPreferred])).toEqual([
      ['Replace `Bidenn` with `Biden`', false],
      ['Replace `Bidenn` with `Bidens`', false],
      ["Add `Bidenn` to the project's names", undefined]
    ])
    expect(actions[2].command).toEqual({
      title: "Add `Bidenn` to the project's names",
      command: ADD_NAME_COMMAND,
      arguments: [{uri: 'file:///p/a.txt', name: 'Bidenn'}]
    })
    message.ruleId = 'sentence-start'
    message.expected = ['']
    message.autofix = true
    expect(quickFixesOf(document, message).map((action) => [action.title, action.isPreferred])).toEqual([['Remove `Bidenn`', true]])
  })

  test('addNameToConfig keeps JSON, YAML and package.json valid and their other content intact', () => {
    const dir = folder('add-name')
    const json = join(dir, '.copydeskrc.json')
    writeFileSync(json, '{\n    "rules": {"ly-hyphen": "off"}\n}\n')
    expect(addNameToConfig(json, 'Fleitz')).toEqual({path: json, changed: true, created: false})
    expect(readFileSync(json, 'utf8')).toBe('{\n    "rules": {\n        "ly-hyphen": "off"\n    },\n    "names": [\n        "Fleitz"\n    ]\n}\n')
    expect(addNameToConfig(json, 'Fleitz').changed).toBe(false)

    const pkg = join(dir, 'package.json')
    writeFileSync(pkg, JSON.stringify({name: 'x', copydesk: {names: ['A']}}, null, 2) + '\n')
    addNameToConfig(pkg, 'Akiba')
    expect(JSON.parse(readFileSync(pkg, 'utf8'))).toEqual({name: 'x', copydesk: {names: ['A', 'Akiba']}})

    const empty = join(dir, '.copydeskrc.yaml')
    writeFileSync(empty, '# nothing yet\n')
    addNameToConfig(empty, 'Akiba')
    expect(parseYaml(readFileSync(empty, 'utf8'))).toEqual({names: ['Akiba']})
    expect(readFileSync(empty, 'utf8')).toContain('# nothing yet')

    const flow = join(dir, '.copydeskrc')
    writeFileSync(flow, '{"names": ["A"]}\n')
    addNameToConfig(flow, 'Akiba')
    expect(loadConfigFile(flow).config.names).toEqual(['A', 'Akiba'])

    const wrong = join(dir, 'wrong.json')
    writeFileSync(wrong, '{"names": "Akiba"}')
    expect(() => addNameToConfig(wrong, 'Fleitz')).toThrow(ConfigError)
    expect(() => addNameToConfig(wrong, 'Fleitz')).toThrow(/`names` must be an array/u)
    expect(readFileSync(wrong, 'utf8')).toBe('{"names": "Akiba"}')
  })
})

describe('the protocol lifecycle', () => {
  const InvalidRequest = -32600
  const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms))

  test('after shutdown every request is answered with InvalidRequest and nothing is linted; exit then ends with 0', async () => {
    const dir = folder('lifecycle')
    const client = await startClient({settings: null, folders: [uriOf(dir)]})
    const uri = uriOf(join(dir, 'a.txt'))
    await open(client, uri, 'Officials met in Tokyo. he said the talks went well. .\n')
    const [diagnostic] = await client.diagnostics(uri, (diagnostics) => diagnostics.length > 0)
    expect(await client.connection.sendRequest('shutdown')).toBeNull()
    const requests: Array<[string, unknown]> = [
      ['textDocument/codeAction', {textDocument: {uri}, range: diagnostic.range, context: {diagnostics: []}}],
      ['codeAction/resolve', {title: 'Fix all safe copydesk problems', kind: FIX_ALL_KIND, data: {uri, version: 1}}],
      ['workspace/executeCommand', {command: ADD_NAME_COMMAND, arguments: [{uri, name: 'Kujda'}]}],
      ['copydesk/memoryUsage', undefined],
      ['textDocument/hover', {textDocument: {uri}, position: {line: 0, character: 0}}],
      ['shutdown', undefined]
    ]
    for (const [method, params] of requests) {
      await expect(client.connection.sendRequest(method, params)).rejects.toMatchObject({code: InvalidRequest})
    }
    // Opened and changed after shutdown: never linted. The server reads messages in order, so once
    // a request sent after them is answered, any lint they caused would have been scheduled.
    const later = uriOf(join(dir, 'b.txt'))
    const published = client.published.length
    await open(client, later, 'Officials met in Tokyo. he said so. .\n')
    await change(client, uri, 2, [{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'So. '}])
    await expect(client.connection.sendRequest('copydesk/memoryUsage')).rejects.toMatchObject({code: InvalidRequest})
    await sleep(500)
    expect(client.published.slice(published)).toEqual([])
    const exited = new Promise<number | null>((resolvePromise) => client.process.once('exit', resolvePromise))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(0)
    client.connection.dispose()
  })

  test('shutdown while the largest document is linted: answered, nothing published after it, exit ends with 0', async () => {
    const client = await startClient({initializationOptions: {debounce: 0}, capabilities: {}})
    const uri = 'file:///lifecycle/big.txt'
    await open(client, uri, largest())
    expect(await client.connection.sendRequest('shutdown')).toBeNull()
    const published = client.published.length
    await expect(client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri}, range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, context: {diagnostics: []}})).rejects.toMatchObject({code: InvalidRequest})
    const exited = new Promise<number | null>((resolvePromise) => client.process.once('exit', resolvePromise))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(0)
    expect(client.published.slice(published)).toEqual([])
    client.connection.dispose()
  })

  test('exit without shutdown while the largest document is linted ends with 1, worker and all', async () => {
    const client = await startClient({initializationOptions: {debounce: 0}, capabilities: {}})
    await open(client, 'file:///lifecycle/big-exit.txt', largest())
    const exited = new Promise<number | null>((resolvePromise) => client.process.once('exit', resolvePromise))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(1)
    client.connection.dispose()
  })

  test('exit without shutdown ends with 1', async () => {
    const client = await startClient({settings: null})
    const exited = new Promise<number | null>((resolvePromise) => client.process.once('exit', resolvePromise))
    await client.connection.sendNotification('exit')
    expect(await exited).toBe(1)
    client.connection.dispose()
  })
})

test('the minimal edits between two texts turn the one into the other (CRLF, astral characters, BOM)', () => {
  const piece = fc.constantFrom('a', 'b', ' ', '.', '\r\n', '\n', '\uFEFF', '😀', 'é', 'the ')
  const text = fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join(''))
  fc.assert(
    fc.property(text, text, (before, after) => {
      const document = TextDocument.create('file:///x.txt', 'plaintext', 1, before)
      expect(TextDocument.applyEdits(document, editsBetween(document, before, after))).toBe(after)
    }),
    {numRuns: 300}
  )
})
