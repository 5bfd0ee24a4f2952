// The language server: the CLI's findings as diagnostics, with quick fixes, a fix-all action and
// "add to the project's names". Built on vscode-languageserver directly because it must survive
// clients that answer `null` for settings, bursts of edits, huge or binary documents. This file
// wires the protocol's handlers to the named parts beside it. Every lint and fix runs in a
// worker thread (linting.ts, work.ts): this thread only answers, so it never waits for one.
import {readFileSync} from 'node:fs'
import {dirname, join, sep} from 'node:path'
import {monitorEventLoopDelay, type IntervalHistogram} from 'node:perf_hooks'
import {getHeapSpaceStatistics} from 'node:v8'
import {CodeActionKind, DiagnosticSeverity, ErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type CodeAction, type Connection, type InitializeResult, type WorkspaceEdit} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {findConfigFile} from '../config.js'
import {ADD_NAME_COMMAND, FIX_ALL_KIND, quickFixesOf} from './code-actions.js'
import {addNameToConfig} from './config-write.js'
import {spanOf} from './diagnostics.js'
import {noticeOf, refusalOf, type DocumentState} from './documents.js'
import {createLintWorker} from './linting.js'
import {foldersOf, fsPath} from './paths.js'
import {askSettings, DEFAULTS, readSettings, type ServerSettings} from './settings.js'
import {createFolderWatchers, registerClientWatching} from './watching.js'
import type {LintResult, PlainMessage} from './work.js'

export {ADD_NAME_COMMAND, editsBetween, FIX_ALL_KIND, quickFixesOf} from './code-actions.js'
export {toDiagnostic} from './diagnostics.js'
export {lintPathOf, looksBinary} from './documents.js'
export {readSettings, type ServerSettings} from './settings.js'

/** A request that answers the server's memory use (after a GC when node runs with --expose-gc). */
export const MEMORY_REQUEST = 'copydesk/memoryUsage'
/**
 * A request that answers how long the main thread was kept from its event loop (ms: `max`,
 * `p99`, `mean`) since the previous such request, which resets it; the first one starts measuring.
 */
export const EVENT_LOOP_REQUEST = 'copydesk/eventLoopDelay'

// A lint this slow (ms) also sets the least wait before the next one.
const SLOW_LINT = 250

/** Wires the server's handlers onto a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const worker = createLintWorker((text) => connection.console.error(text))
  const watchers = createFolderWatchers((folder) => {
    void worker.ask({kind: 'forget', folder}).catch(() => undefined)
    relintAll()
  })
  let folders: string[] = []
  let globalSettings: ServerSettings = {...DEFAULTS}
  let canAskSettings = false
  let canResolveEdits = false
  let canWatchFiles = false
  let relintTimer: NodeJS.Timeout | undefined
  // After `shutdown` the protocol allows only `exit`: requests are answered with InvalidRequest
  // and nothing is linted. (vscode-languageserver exits with 0 after shutdown, 1 before it.)
  let shutDown = false
  const refused = () => new ResponseError(ErrorCodes.InvalidRequest, 'copydesk: the server is shutting down; only `exit` is accepted')
  let eventLoop: IntervalHistogram | undefined

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
    if (canWatchFiles) registerClientWatching(connection)
    try {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(foldersOf(event.removed, null))
        folders = [...folders.filter((folder) => !removed.has(folder)), ...foldersOf(event.added, null)]
      })
    } catch {
      // The client did not announce workspace folder support.
    }
    // Load the default dictionaries now, not on the first keystroke.
    void worker.ask({kind: 'warm'}).catch(() => undefined)
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
    const delay = state.linted ? Math.max((state.resolved ?? globalSettings).debounce, slow) : 0
    schedule(event.document.uri, delay)
  })

  documents.onDidClose((event) => {
    const state = states.get(event.document.uri)
    if (state?.timer) clearTimeout(state.timer)
    states.delete(event.document.uri)
    void worker.ask({kind: 'close', uri: event.document.uri}).catch(() => undefined)
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
        if (path) void worker.ask({kind: 'forget', path}).catch(() => undefined)
      }
      relintAll()
    })
  })

  connection.onCodeAction(async (params) => {
    if (shutDown) return refused()
    try {
      const document = documents.get(params.textDocument.uri)
      if (!document) return []
      const linted = await current(document)
      // Edited meanwhile: the client asks again for the new version.
      if (!linted || document.version !== linted.version) return []
      const only = params.context.only
      const wants = (kind: string) => !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`))
      const actions: CodeAction[] = []
      if (wants(CodeActionKind.QuickFix)) {
        const start = document.offsetAt(params.range.start)
        const end = document.offsetAt(params.range.end)
        const messages: PlainMessage[] = []
        const lazy: number[] = []
        linted.messages.forEach((message, index) => {
          const span = spanOf(message)
          if (!span || span.start > end || span.end < start) return
          if (message.lazy) lazy.push(index)
          messages.push(message)
        })
        // Suggestions that cost something (spelling's) are computed in the worker, when asked.
        const suggested = lazy.length > 0 ? await worker.ask({kind: 'suggest', uri: document.uri, version: linted.version, indices: lazy}) : undefined
        if (document.version !== linted.version) return []
        for (const message of messages) {
          const at = message.lazy ? lazy.indexOf(linted.messages.indexOf(message)) : -1
          actions.push(...quickFixesOf(document, at >= 0 ? {...message, expected: suggested?.[at] ?? []} : message))
        }
      }
      if (linted.ok && wants(FIX_ALL_KIND) && linted.messages.some((message) => message.autofix)) {
        const action: CodeAction = {title: 'Fix all safe copydesk problems', kind: FIX_ALL_KIND}
        // Fixing the whole document costs several lints: defer it until chosen, where the client can.
        if (canResolveEdits && !only) action.data = {uri: document.uri, version: document.version}
        else action.edit = await fixAllEdit(document, linted)
        if (document.version !== linted.version || (!action.data && !action.edit)) return actions
        actions.push(action)
      }
      return actions
    } catch (error) {
      connection.console.error(`copydesk: ${(error as Error).stack ?? error}`)
      return []
    }
  })

  connection.onCodeActionResolve(async (action) => {
    if (shutDown) return refused()
    try {
      const data = action.data as {uri?: string; version?: number} | undefined
      const document = data?.uri ? documents.get(data.uri) : undefined
      if (action.kind !== FIX_ALL_KIND || !document || document.version !== data?.version) return action
      const linted = await current(document)
      const edit = linted && document.version === linted.version ? await fixAllEdit(document, linted) : undefined
      if (document.version !== data.version) return action
      return {...action, edit: edit ?? {changes: {}}}
    } catch (error) {
      connection.console.error(`copydesk: ${(error as Error).stack ?? error}`)
      return action
    }
  })

  connection.onExecuteCommand((params) =>
    shutDown ? refused() : guard(() => {
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
        void worker.ask({kind: 'forget', path}).catch(() => undefined)
        relintAll(0)
        return result
      } catch (error) {
        void connection.window.showErrorMessage(`copydesk: ${(error as Error).message}`)
        return null
      }
    }, null)
  )

  // Both threads' heaps, added up (`mainHeapUsed` and `workerHeapUsed` apart); the RSS is the process's.
  connection.onRequest(MEMORY_REQUEST, async () => {
    if (shutDown) return refused()
    ;(globalThis as {gc?: () => void}).gc?.()
    const spaces: Record<string, number> = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]))
    const usage = process.memoryUsage()
    const inWorker = await worker.ask({kind: 'memory'}).catch(() => undefined)
    for (const [name, size] of Object.entries(inWorker?.spaces ?? {})) spaces[name] = (spaces[name] ?? 0) + size
    return {...usage, heapUsed: usage.heapUsed + (inWorker?.heapUsed ?? 0), mainHeapUsed: usage.heapUsed, workerHeapUsed: inWorker?.heapUsed, spaces}
  })

  connection.onRequest(EVENT_LOOP_REQUEST, () => {
    if (shutDown) return refused()
    const ms = (ns: number) => (Number.isFinite(ns) ? ns / 1e6 : 0)
    const answer = eventLoop ? {max: ms(eventLoop.max), p99: ms(eventLoop.percentile(99)), mean: ms(eventLoop.mean), samples: eventLoop.count} : {max: 0, p99: 0, mean: 0, samples: 0}
    if (!eventLoop) {
      eventLoop = monitorEventLoopDelay({resolution: 10})
      eventLoop.enable()
    }
    eventLoop.reset()
    return answer
  })

  // Any other request: unknown before shutdown, refused after it.
  connection.onRequest((method) => (shutDown ? refused() : new ResponseError(ErrorCodes.MethodNotFound, `copydesk: unhandled method ${method}`)))

  connection.onShutdown(() => {
    if (shutDown) return refused()
    shutDown = true
    if (relintTimer) clearTimeout(relintTimer)
    watchers.close()
    eventLoop?.disable()
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer)
    // Whatever the worker was doing is not wanted: it ends now, before `exit` ends the process.
    return worker.close().then(() => undefined)
  })

  documents.listen(connection)
  connection.listen()

  function schedule(uri: string, delay: number) {
    const state = states.get(uri)
    if (!state || shutDown) return
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
    if (!state || shutDown) return
    const settings = await askSettings(connection, uri, state, globalSettings, canAskSettings)
    const document = documents.get(uri)
    if (!document || states.get(uri) !== state || shutDown) return
    if (!settings.enable) {
      state.linted = {version: document.version, messages: [], diagnostics: [], ok: false, duration: 0}
      await connection.sendDiagnostics({uri, version: document.version, diagnostics: []})
      return
    }
    // A code action may already have linted this version.
    if (state.linted?.version !== document.version && !(await lintVersion(document, false))) return
    // Closed, changed or shut down while it was linted: a newer run publishes.
    const now = documents.get(uri)
    if (!now || states.get(uri) !== state || shutDown || !state.linted || state.linted.version !== now.version) return
    await connection.sendDiagnostics({uri, version: now.version, diagnostics: state.linted.diagnostics})
  }

  // The messages of the document as it is now: a code action after an unlinted edit lints first.
  async function current(document: TextDocument): Promise<LintResult | undefined> {
    const state = states.get(document.uri)
    if (state?.linted?.version === document.version) return state.linted
    return lintVersion(document, true)
  }

  // Lints the document's present version in the worker and keeps the result if it is still the
  // present version when it comes; undefined when a newer version took its place first.
  async function lintVersion(document: TextDocument, urgent: boolean): Promise<LintResult | undefined> {
    const {uri, version} = document
    // A document too large or binary is refused here, without copying it to the worker.
    const refusal = refusalOf(document)
    let result: LintResult | undefined
    if (refusal) result = {version, diagnostics: [refusal], messages: [], ok: false, duration: 0}
    else {
      try {
        result = await worker.lint({uri, languageId: document.languageId, version, text: document.getText()}, urgent)
      } catch (error) {
        const reason = `copydesk could not lint this document: ${(error as Error).message}`
        result = {version, diagnostics: [noticeOf(document, reason, DiagnosticSeverity.Warning, {code: 'lint-error'})], messages: [], ok: false, duration: 0}
      }
    }
    if (!result) return undefined
    if (result.configPath) watchers.watchFolder(dirname(result.configPath))
    const state = states.get(uri)
    if (state && states.get(uri) === state && documents.get(uri)?.version === result.version) {
      state.linted = result
      state.lastDuration = result.duration
    }
    return result
  }

  // The workspace edit that applies every safe fix (computed in the worker), or undefined.
  async function fixAllEdit(document: TextDocument, linted: LintResult): Promise<WorkspaceEdit | undefined> {
    if (!linted.ok) return undefined
    const edits = await worker.ask({kind: 'fixAll', uri: document.uri, version: linted.version})
    return edits && edits.length > 0 ? {changes: {[document.uri]: edits}} : undefined
  }

  function relintAll(delay = 100) {
    if (relintTimer) clearTimeout(relintTimer)
    if (shutDown) return
    relintTimer = setTimeout(() => {
      relintTimer = undefined
      for (const [uri, state] of states) {
        // What was linted under the old configuration no longer counts.
        state.linted = undefined
        schedule(uri, 0)
      }
    }, delay)
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

function packageVersion(): string {
  try {
    const url = new URL('../../../package.json', import.meta.url)
    return (JSON.parse(readFileSync(url, 'utf8')) as {version: string}).version
  } catch {
    return '0.0.0'
  }
}
