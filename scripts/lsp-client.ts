// A real LSP client for the server tests and benchmarks: spawns the built server over stdio and
// speaks JSON-RPC to it with vscode-languageserver-protocol, as an editor would.
import {spawn, type ChildProcess} from 'node:child_process'
import {
  ConfigurationRequest,
  createProtocolConnection,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams
} from 'vscode-languageserver-protocol/node'

export interface ClientOptions {
  /** What the client answers for each `workspace/configuration` item; `undefined` = no capability. */
  settings?: unknown
  /** Workspace folders (file URIs). */
  folders?: string[]
  initializationOptions?: unknown
  capabilities?: ClientCapabilities
  /** Extra node flags for the server process. */
  nodeFlags?: string[]
}

export interface Client {
  connection: ProtocolConnection
  process: ChildProcess
  /** Every publishDiagnostics received, in order. */
  published: PublishDiagnosticsParams[]
  /** Everything the server wrote to stderr or logged. */
  log: string[]
  /** How many `workspace/configuration` requests the server sent. */
  configurationRequests: () => number
  /** Resolves with the first publish for `uri` (after those already seen) that satisfies `test`. */
  diagnostics(uri: string, test?: (diagnostics: Diagnostic[], params: PublishDiagnosticsParams) => boolean, timeout?: number): Promise<Diagnostic[]>
  stop(): Promise<number | null>
}

/** The built server, from the package root (where npm runs scripts and jest runs tests). */
export const SERVER = 'dist/src/server/bin.js'

export async function startClient(options: ClientOptions = {}): Promise<Client> {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), SERVER, '--stdio'], {stdio: ['pipe', 'pipe', 'pipe']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const published: PublishDiagnosticsParams[] = []
  const log: string[] = []
  const waiters = new Set<() => void>()
  child.stderr!.on('data', (chunk) => log.push(String(chunk)))
  connection.onNotification('window/logMessage', (params: {message: string}) => void log.push(params.message))
  connection.onNotification('window/showMessage', (params: {message: string}) => void log.push(params.message))
  connection.onRequest('window/showMessageRequest', (params: {message: string}) => {
    log.push(params.message)
    return null
  })
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params)
    for (const wake of [...waiters]) wake()
  })
  let configurationRequests = 0
  connection.onRequest(ConfigurationRequest.type, (params) => {
    configurationRequests++
    return params.items.map(() => options.settings ?? null)
  })
  connection.onRequest(RegistrationRequest.type, () => undefined)
  connection.listen()
  const hasSettings = 'settings' in options
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.folders?.[0] ?? null,
    workspaceFolders: options.folders?.map((uri) => ({uri, name: uri})) ?? null,
    initializationOptions: options.initializationOptions,
    capabilities: options.capabilities ?? {
      workspace: {configuration: hasSettings, workspaceFolders: true, didChangeWatchedFiles: {dynamicRegistration: true}},
      textDocument: {publishDiagnostics: {versionSupport: true}, codeAction: {isPreferredSupport: true}}
    }
  })
  await connection.sendNotification('initialized', {})

  let cursor = 0
  function diagnostics(uri: string, test: (d: Diagnostic[], p: PublishDiagnosticsParams) => boolean = () => true, timeout = 10_000) {
    return new Promise<Diagnostic[]>((resolve, reject) => {
      const check = () => {
        while (cursor < published.length) {
          const params = published[cursor++]
          if (params.uri === uri && test(params.diagnostics, params)) {
            waiters.delete(check)
            clearTimeout(timer)
            resolve(params.diagnostics)
            return
          }
        }
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`no matching diagnostics for ${uri} in ${timeout} ms; server log:\n${log.join('')}`))
      }, timeout)
      waiters.add(check)
      check()
    })
  }

  async function stop() {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    if (child.exitCode !== null) return child.exitCode
    try {
      await connection.sendRequest('shutdown')
      await connection.sendNotification('exit')
    } catch {
      child.kill()
    }
    const code = await exited
    connection.dispose()
    return code
  }

  return {connection, process: child, published, log, configurationRequests: () => configurationRequests, diagnostics, stop}
}
