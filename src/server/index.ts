// The language server: the CLI's findings as diagnostics, with quick fixes, a fix-all action and
// "add to the project's names". Built on vscode-languageserver directly because it must survive
// clients that answer `null` for settings, bursts of edits, huge or binary documents. This file
// wires the protocol's handlers to the named parts beside it.
import {readFileSync} from 'node:fs'
import {dirname, join, sep} from 'node:path'
import {getHeapSpaceStatistics} from 'node:v8'
import {CodeActionKind, TextDocuments, TextDocumentSyncKind, type CodeAction, type Connection, type InitializeResult} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {findConfigFile} from '../config.js'
import {ADD_NAME_COMMAND, FIX_ALL_KIND, fixAllEdit, quickFixesOf} from './code-actions.js'
import {addNameToConfig} from './config-write.js'
import {spanOf} from './diagnostics.js'
import {lintDocument, type DocumentState, type Linted} from './documents.js'
import {createLinters} from './linters.js'
import {foldersOf, fsPath} from './paths.js'
import {askSettings, DEFAULTS, readSettings, type ServerSettings} from './settings.js'
import {createFolderWatchers, registerClientWatching} from './watching.js'

export {ADD_NAME_COMMAND, editsBetween, FIX_ALL_KIND, quickFixesOf} from './code-actions.js'
export {toDiagnostic} from './diagnostics.js'
export {lintPathOf, looksBinary} from './documents.js'
export {readSettings, type ServerSettings} from './settings.js'

/** A request that answers the server's memory use (after a GC when node runs with --expose-gc). */
export const MEMORY_REQUEST = 'copydesk/memoryUsage'

// A lint this slow (ms) also sets the least wait before the next one.
const SLOW_LINT = 250

/** Wires the server's handlers onto a connection and starts listening. */
export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  const linters = createLinters()
  const watchers = createFolderWatchers((folder) => {
    for (const key of linters.keys()) if (key && dirname(key) === folder) linters.forget(key)
    relintAll()
  })
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
    const delay = state.linted ? Math.max((state.resolved ?? globalSettings).debounce, slow) : 0
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
        if (path) linters.forget(path)
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
        linters.forget(path)
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
    watchers.close()
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
    const settings = await askSettings(connection, uri, state, globalSettings, canAskSettings)
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
      state.linted = lint(document)
      state.lastDuration = performance.now() - started
    }
    await connection.sendDiagnostics({uri, version: document.version, diagnostics: state.linted.diagnostics})
  }

  // The messages of the document as it is now: a code action after an unlinted edit lints first.
  function current(document: TextDocument): Linted {
    const state = states.get(document.uri)
    if (state?.linted?.version === document.version) return state.linted
    const linted = lint(document)
    if (state) state.linted = linted
    return linted
  }

  function lint(document: TextDocument): Linted {
    return lintDocument(document, linterFor, (text) => connection.console.error(text))
  }

  function linterFor(configPath: string | undefined) {
    const entry = linters.linterFor(configPath)
    if (configPath) watchers.watchFolder(dirname(configPath))
    return entry
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
