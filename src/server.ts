// The language server: the CLI's findings as diagnostics, with quick fixes, a fix-all action and
// "add to the project's names". Built on vscode-languageserver directly because it must survive
// clients that answer `null` for settings, bursts of edits, huge or binary documents.
import {watch, statSync, readFileSync, type FSWatcher} from 'node:fs'
import {dirname, join, sep} from 'node:path'
import {getHeapSpaceStatistics} from 'node:v8'
import {fileURLToPath, pathToFileURL} from 'node:url'
import diff from 'fast-diff'
import type {VFileMessage} from 'vfile-message'
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type Range,
  type TextEdit,
  type WorkspaceFolder
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {CONFIG_FILES, ConfigError, findConfigFile, loadConfigFile} from './config.js'
import {addNameToConfig} from './config-write.js'
import {SOURCE} from './engine.js'
import {createLinter, type Linter} from './index.js'
import {formatOf, type Format} from './parse.js'

/** The code action kind of "fix every safe problem in the document". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`
/** The command behind "add `Name` to the project's names": arguments `[{uri, name}]`. */
export const ADD_NAME_COMMAND = 'copydesk.addName'
/** A request that answers the server's memory use (after a GC when node runs with --expose-gc). */
export const MEMORY_REQUEST = 'copydesk/memoryUsage'

/** Settings from the client (`copydesk` section, or initializationOptions). */
export interface ServerSettings {
  /** Lint at all. */
  enable: boolean
  /** Milliseconds to wait after the last change before linting. */
  debounce: number
}

const DEFAULTS: ServerSettings = {enable: true, debounce: 200}
// Rules whose findings can be silenced by naming the word right in the project's `names`.
const NAME_RULES = new Set(['name-consistency', 'spelling'])
// Documents larger than this are not linted: one lint would hold the server for many seconds.
const MAX_LENGTH = 2_000_000
// A lint this slow (ms) also sets the least wait before the next one.
const SLOW_LINT = 250
// A client that never answers a settings request must not stall linting.
const SETTINGS_TIMEOUT = 2000
const LANGUAGE_FORMATS: Readonly<Record<string, Format>> = {plaintext: 'text', text: 'text', markdown: 'markdown', html: 'html'}
const EXTENSIONS: Readonly<Record<Format, string>> = {text: '.txt', markdown: '.md', html: '.html'}

interface Linted {
  version: number
  messages: VFileMessage[]
  /** What was (or will be) published for this version. */
  diagnostics: Diagnostic[]
  /** The text after every safe fix, computed on first request. */
  fixed?: string
  /** Whether the messages came from the linter (not a config, size or crash notice). */
  ok: boolean
  linter?: Linter
  lintPath?: string
}

interface DocumentState {
  timer?: NodeJS.Timeout
  linted?: Linted
  settings?: Promise<ServerSettings>
  /** The settings once answered, for the debounce of the next change. */
  resolved?: ServerSettings
  /** How long the last lint took: the debounce never goes below it, so big files stay responsive. */
  lastDuration: number
}

interface LinterEntry {
  stamp: string
  linter?: Linter
  error?: Error
}

/** Wires the server's handlers onto a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const linters = new Map<string, LinterEntry>()
  const watchers = new Map<string, FSWatcher>()
  let folders: string[] = []
  let globalSettings: ServerSettings = {...DEFAULTS}
  let canAskSettings = false
  let canResolveEdits = false
  let canWatchFiles = false
  let relintTimer: NodeJS.Timeout | undefined

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities
    canAskSettings = Boolean(capabilities.workspace?.configuration)
    canResolveEdits = Boolean(capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit'))
    canWatchFiles = Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    globalSettings = readSettings(params.initializationOptions, DEFAULTS)
    folders = foldersOf(params.workspaceFolders, params.rootUri)
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true},
        executeCommandProvider: {commands: [ADD_NAME_COMMAND]},
        workspace: {workspaceFolders: {supported: true, changeNotifications: true}}
      },
      serverInfo: {name: 'copydesk-language-server', version: packageVersion()}
    }
  })

  connection.onInitialized(() => {
    // File watching by the client where it offers it; our own fs.watch covers the rest.
    if (canWatchFiles) {
      connection.client
        .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: `**/{${CONFIG_FILES.join(',')}}`}]})
        .catch(() => undefined)
    }
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed, null))
        folders = [...folders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added, null)]
      })
    } catch {
      // The client did not announce workspace folder support.
    }
    // Load the default dictionaries now, not on the first keystroke.
    guard(() => linterFor(undefined))
  })

  documents.onDidOpen((event) => {
    states.set(event.document.uri, {lastDuration: 0})
  })

  documents.onDidChangeContent((event) => {
    const state = states.get(event.document.uri)
    if (!state) return
    // The first lint of a document runs at once; later ones wait for typing to pause, and for at
    // least as long as a slow (huge document's) lint takes, so the server stays mostly idle.
    const slow = state.lastDuration >= SLOW_LINT ? state.lastDuration : 0
    const delay = state.linted ? Math.max(debounceOf(state), slow) : 0
    schedule(event.document.uri, delay)
  })

  documents.onDidClose((event) => {
    const state = states.get(event.document.uri)
    if (state?.timer) clearTimeout(state.timer)
    states.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onDidChangeConfiguration((change) => {
    guard(() => {
      const settings = (change?.settings as {copydesk?: unknown} | null | undefined)?.copydesk
      if (settings !== undefined) globalSettings = readSettings(settings, DEFAULTS)
      for (const state of states.values()) {
        state.settings = undefined
        state.resolved = undefined
      }
      relintAll()
    })
  })

  connection.onDidChangeWatchedFiles((change) => {
    guard(() => {
      for (const event of change.changes) {
        const path = fsPath(event.uri)
        if (path) linters.delete(path)
      }
      relintAll()
    })
  })

  connection.onCodeAction((params) =>
    guard(() => {
      const document = documents.get(params.textDocument.uri)
      if (!document) return []
      const linted = current(document)
      const only = params.context.only
      const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))
      const actions: CodeAction[] = []
      if (wants(CodeActionKind.QuickFix)) {
        const start = document.offsetAt(params.range.start)
        const end = document.offsetAt(params.range.end)
        for (const message of linted.messages) {
          const span = spanOf(message)
          if (!span || span.start > end || span.end < start) continue
          actions.push(...quickFixesOf(document, message))
        }
      }
      if (linted.ok && wants(FIX_ALL_KIND) && linted.messages.some((message) => message.autofix)) {
        const action: CodeAction = {title: 'Fix all safe copydesk problems', kind: FIX_ALL_KIND}
        // Fixing the whole document costs several lints: defer it until chosen, where the client can.
        if (canResolveEdits && !only) action.data = {uri: document.uri, version: document.version}
        else action.edit = fixAllEdit(document, linted)
        if (!action.data && !action.edit) return actions
        actions.push(action)
      }
      return actions
    }, [])
  )

  connection.onCodeActionResolve((action) =>
    guard(() => {
      const data = action.data as {uri?: string; version?: number} | undefined
      const document = data?.uri ? documents.get(data.uri) : undefined
      if (action.kind !== FIX_ALL_KIND || !document || document.version !== data?.version) return action
      return {...action, edit: fixAllEdit(document, current(document)) ?? {changes: {}}}
    }, action)
  )

  connection.onExecuteCommand((params) =>
    guard(() => {
      if (params.command !== ADD_NAME_COMMAND) return null
      const [argument] = (params.arguments ?? []) as [{uri?: unknown; name?: unknown} | undefined]
      if (typeof argument?.uri !== 'string' || typeof argument.name !== 'string') return null
      const path = configTarget(argument.uri)
      if (!path) {
        void connection.window.showErrorMessage('copydesk: this document has no folder to keep a configuration in')
        return null
      }
      try {
        const result = addNameToConfig(path, argument.name)
        linters.delete(path)
        relintAll(0)
        return result
      } catch (error) {
        void connection.window.showErrorMessage(`copydesk: ${(error as Error).message}`)
        return null
      }
    }, null)
  )

  connection.onRequest(MEMORY_REQUEST, () => {
    ;(globalThis as {gc?: () => void}).gc?.()
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]))
    return {...process.memoryUsage(), spaces}
  })

  connection.onShutdown(() => {
    for (const watcher of watchers.values()) watcher.close()
    watchers.clear()
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer)
  })

  documents.listen(connection)
  connection.listen()

  function schedule(uri: string, delay: number) {
    const state = states.get(uri)
    if (!state) return
    if (state.timer) clearTimeout(state.timer)
    state.timer = setTimeout(() => {
      state.timer = undefined
      run(uri).catch((error: unknown) => connection.console.error(`copydesk: ${(error as Error)?.stack ?? error}`))
    }, delay)
  }

  // Lints the latest version of an open document and publishes the result, unless it was closed
  // or changed while the settings were asked for.
  async function run(uri: string) {
    const state = states.get(uri)
    if (!state) return
    const settings = await settingsOf(uri, state)
    const document = documents.get(uri)
    if (!document || states.get(uri) !== state) return
    if (!settings.enable) {
      state.linted = {version: document.version, messages: [], diagnostics: [], ok: false}
      await connection.sendDiagnostics({uri, version: document.version, diagnostics: []})
      return
    }
    // A code action may already have linted this version.
    if (state.linted?.version !== document.version) {
      const started = performance.now()
      state.linted = lintDocument(document)
      state.lastDuration = performance.now() - started
    }
    await connection.sendDiagnostics({uri, version: document.version, diagnostics: state.linted.diagnostics})
  }

  // The messages of the document as it is now: a code action after an unlinted edit lints first.
  function current(document: TextDocument): Linted {
    const state = states.get(document.uri)
    if (state?.linted?.version === document.version) return state.linted
    const linted = lintDocument(document)
    if (state) state.linted = linted
    return linted
  }

  function lintDocument(document: TextDocument): Linted {
    const version = document.version
    const text = document.getText()
    const path = fsPath(document.uri)
    const notice = (message: string, severity: DiagnosticSeverity, extra: Partial<Diagnostic> = {}): Linted => ({
      version,
      messages: [],
      diagnostics: [{range: firstLine(document), message, severity, source: SOURCE, ...extra}],
      ok: false
    })
    if (text.length > MAX_LENGTH) {
      return notice(
        `Not linted: the document has ${text.length.toLocaleString('en')} characters; copydesk lints up to ${MAX_LENGTH.toLocaleString('en')} in an editor (use the CLI)`,
        DiagnosticSeverity.Information
      )
    }
    if (looksBinary(text)) return notice('Not linted: the document looks like binary data', DiagnosticSeverity.Information)
    let configPath: string | undefined
    try {
      configPath = path ? findConfigFile(dirname(path)) : undefined
    } catch {
      configPath = undefined
    }
    const entry = linterFor(configPath)
    if (!entry.linter) {
      const error = entry.error!
      const related =
        configPath && error instanceof ConfigError
          ? [{location: {uri: pathToFileURL(configPath).href, range: keyRange(configPath, error.key)}, message: error.key ? `\`${error.key}\`` : 'here'}]
          : undefined
      return notice(configMessage(error, configPath), DiagnosticSeverity.Error, {code: 'configuration', relatedInformation: related})
    }
    const lintPath = lintPathOf(path, document.languageId)
    try {
      const file = entry.linter.lint({path: lintPath, value: text})
      const diagnostics = file.messages.map((message) => toDiagnostic(document, message))
      return {version, messages: file.messages, diagnostics, ok: true, linter: entry.linter, lintPath}
    } catch (error) {
      connection.console.error(`copydesk: cannot lint ${document.uri}: ${(error as Error).stack ?? error}`)
      return notice(`copydesk could not lint this document: ${(error as Error).message ?? error}`, DiagnosticSeverity.Warning, {code: 'lint-error'})
    }
  }

  // One linter per config file, rebuilt when the file changes (its size, time or inode).
  function linterFor(configPath: string | undefined): LinterEntry {
    const key = configPath ?? ''
    const stamp = configPath ? stampOf(configPath) : ''
    const cached = linters.get(key)
    if (cached && cached.stamp === stamp) return cached
    let entry: LinterEntry
    try {
      const loaded = configPath ? loadConfigFile(configPath) : undefined
      entry = {stamp, linter: createLinter(loaded?.config ?? {}, loaded?.path)}
    } catch (error) {
      entry = {stamp, error: error as Error}
    }
    linters.set(key, entry)
    if (configPath) watchFolder(dirname(configPath))
    return entry
  }

  // A config edited outside the editor (or by a client without file watching) still re-lints.
  function watchFolder(folder: string) {
    if (watchers.has(folder)) return
    try {
      const watcher = watch(folder, {persistent: false}, (_event, name) => {
        if (name && !CONFIG_FILES.includes(String(name))) return
        for (const key of linters.keys()) if (key && dirname(key) === folder) linters.delete(key)
        relintAll()
      })
      watcher.on('error', () => {
        watcher.close()
        watchers.delete(folder)
      })
      watchers.set(folder, watcher)
    } catch {
      // Some file systems cannot be watched: changes are still seen on the next edit.
    }
  }

  function relintAll(delay = 100) {
    if (relintTimer) clearTimeout(relintTimer)
    relintTimer = setTimeout(() => {
      relintTimer = undefined
      for (const [uri, state] of states) {
        // What was linted under the old configuration no longer counts.
        state.linted = undefined
        schedule(uri, 0)
      }
    }, delay)
  }

  function settingsOf(uri: string, state: DocumentState): Promise<ServerSettings> {
    if (!canAskSettings) return Promise.resolve(globalSettings)
    if (state.settings) return state.settings
    state.settings = new Promise<ServerSettings>((resolve) => {
      const timer = setTimeout(() => resolve(globalSettings), SETTINGS_TIMEOUT)
      // Emacs eglot answers `null` for a section it has no value for: that means the defaults.
      connection.workspace.getConfiguration({scopeUri: uri, section: 'copydesk'}).then(
        (value: unknown) => {
          clearTimeout(timer)
          resolve(readSettings(value, globalSettings))
        },
        () => {
          clearTimeout(timer)
          resolve(globalSettings)
        }
      )
    })
    void state.settings.then((settings) => (state.resolved = settings))
    return state.settings
  }

  function debounceOf(state: DocumentState): number {
    return (state.resolved ?? globalSettings).debounce
  }

  // Where "add to names" writes: the config that applies, else a new one in the workspace root.
  function configTarget(uri: string): string | undefined {
    const path = fsPath(uri)
    if (!path) return undefined
    const found = findConfigFile(dirname(path))
    if (found) return found
    const root = folders.filter((folder) => path.startsWith(folder + sep)).sort((a, b) => b.length - a.length)[0]
    return join(root ?? dirname(path), '.copydeskrc.json')
  }

  function fixAllEdit(document: TextDocument, linted: Linted) {
    if (!linted.ok || !linted.linter) return undefined
    const text = document.getText()
    linted.fixed ??= linted.linter.fix({path: linted.lintPath, value: text}).text
    const edits = editsBetween(document, text, linted.fixed)
    return edits.length > 0 ? {changes: {[document.uri]: edits}} : undefined
  }

  // A handler that throws must answer something, never bring the server down.
  function guard<T>(run: () => T, fallback?: T): T {
    try {
      return run()
    } catch (error) {
      connection.console.error(`copydesk: ${(error as Error).stack ?? error}`)
      return fallback as T
    }
  }
}

/** Reads client settings; anything missing, `null` or of the wrong type keeps its default. */
export function readSettings(value: unknown, defaults: ServerSettings = DEFAULTS): ServerSettings {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'object' || raw === null) return {...defaults}
  const {enable, debounce} = raw as Record<string, unknown>
  return {
    enable: typeof enable === 'boolean' ? enable : defaults.enable,
    debounce: typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000 ? debounce : defaults.debounce
  }
}

/** A message as an LSP diagnostic: severity from `fatal`, code the rule id, its README linked. */
export function toDiagnostic(document: TextDocument, message: VFileMessage): Diagnostic {
  const span = spanOf(message)
  const range = span
    ? {start: document.positionAt(span.start), end: document.positionAt(span.end)}
    : {start: {line: Math.max(0, (message.line ?? 1) - 1), character: Math.max(0, (message.column ?? 1) - 1)}, end: {line: Math.max(0, (message.line ?? 1) - 1), character: Math.max(0, (message.column ?? 1) - 1)}}
  const diagnostic: Diagnostic = {
    range,
    message: message.reason,
    severity: message.fatal === true ? DiagnosticSeverity.Error : message.fatal === false ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: message.source ?? SOURCE
  }
  if (message.ruleId) diagnostic.code = message.ruleId
  if (message.url) diagnostic.codeDescription = {href: message.url}
  return diagnostic
}

/** One quick fix per replacement (the safe one preferred), and "add to names" where the rule allows it. */
export function quickFixesOf(document: TextDocument, message: VFileMessage): CodeAction[] {
  const span = spanOf(message)!
  const range: Range = {start: document.positionAt(span.start), end: document.positionAt(span.end)}
  const diagnostic = toDiagnostic(document, message)
  const actual = message.actual ?? document.getText(range)
  const actions: CodeAction[] = []
  const seen = new Set<string>()
  for (const replacement of message.expected ?? []) {
    if (seen.has(replacement)) continue
    seen.add(replacement)
    const title =
      replacement === ''
        ? `Remove \`${actual}\``
        : span.start === span.end
          ? `Insert \`${replacement}\``
          : `Replace \`${actual}\` with \`${replacement}\``
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: message.autofix === true,
      edit: {changes: {[document.uri]: [{range, newText: replacement}]}}
    })
  }
  const name = actual.trim()
  if (message.ruleId && NAME_RULES.has(message.ruleId) && name && !/\s/u.test(name) && fsPath(document.uri)) {
    actions.push({
      title: `Add \`${name}\` to the project's names`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: {title: `Add \`${name}\` to the project's names`, command: ADD_NAME_COMMAND, arguments: [{uri: document.uri, name}]}
    })
  }
  return actions
}

function spanOf(message: VFileMessage): {start: number; end: number} | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const {offset: start} = place.start
  const {offset: end} = place.end
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** The path to lint as: the document's own, with an extension that gives its languageId's format. */
export function lintPathOf(path: string | undefined, languageId: string): string {
  const base = path ?? 'untitled'
  const wanted = LANGUAGE_FORMATS[languageId] ?? formatOf(base)
  return formatOf(base) === wanted ? base : base + EXTENSIONS[wanted]
}

/** The edits that turn `before` into `after`, one per changed stretch, so the editor keeps the rest. */
export function editsBetween(document: TextDocument, before: string, after: string): TextEdit[] {
  const edits: TextEdit[] = []
  let offset = 0
  let pending: {start: number; end: number; newText: string} | undefined
  const flush = () => {
    if (pending) edits.push({range: {start: document.positionAt(pending.start), end: document.positionAt(pending.end)}, newText: pending.newText})
    pending = undefined
  }
  for (const [kind, text] of diff(before, after, undefined, true)) {
    if (kind === diff.EQUAL) {
      flush()
      offset += text.length
      continue
    }
    pending ??= {start: offset, end: offset, newText: ''}
    if (kind === diff.DELETE) {
      offset += text.length
      pending.end = offset
    } else pending.newText += text
  }
  flush()
  return edits
}

/** Whether text is binary data: a NUL, or many control or replacement characters (git's test, widened). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8000)
  if (sample.includes('\0')) return true
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) || code === 0xfffd) odd++
  }
  return sample.length > 0 && odd / sample.length > 0.1
}

function configMessage(error: Error, configPath: string | undefined): string {
  const file = error instanceof ConfigError ? error.file ?? configPath : configPath
  let reason = error.message
  if (file && reason.startsWith(`${file}: `)) reason = reason.slice(file.length + 2)
  const key = error instanceof ConfigError && error.key ? ` at \`${error.key}\`` : ''
  return `Invalid configuration in ${file ?? 'the configuration'}${key}: ${reason}`
}

// Where a key sits in a config file, for the diagnostic's related location; else the first line.
function keyRange(path: string, key: string | undefined): Range {
  const zero = {start: {line: 0, character: 0}, end: {line: 0, character: 0}}
  if (!key) return zero
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return zero
  }
  const last = key.split('.').pop()!
  const lines = text.split(/\r\n|\r|\n/u)
  for (let line = 0; line < lines.length; line++) {
    const at = lines[line].search(new RegExp(`["']?${last.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}["']?\\s*:`, 'u'))
    if (at >= 0) return {start: {line, character: at}, end: {line, character: lines[line].length}}
  }
  return zero
}

function firstLine(document: TextDocument): Range {
  const text = document.getText()
  const end = text.search(/\r|\n/u)
  return {start: {line: 0, character: 0}, end: document.positionAt(end < 0 ? Math.min(text.length, 200) : end)}
}

function stampOf(path: string): string {
  try {
    const stat = statSync(path)
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`
  } catch {
    return 'missing'
  }
}

function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

function foldersOf(list: readonly WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined): string[] {
  const uris = list?.length ? list.map((folder) => folder.uri) : rootUri ? [rootUri] : []
  return uris.map(fsPath).filter((path): path is string => path !== undefined)
}

function packageVersion(): string {
  try {
    const url = new URL('../../package.json', import.meta.url)
    return (JSON.parse(readFileSync(url, 'utf8')) as {version: string}).version
  } catch {
    return '0.0.0'
  }
}
