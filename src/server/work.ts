// The linting side of the language server, run in its worker thread (worker.ts) so that no lint,
// however long, holds up the thread that answers the editor. It keeps the linters (one per config
// file, dictionaries loaded once) and each open document's last lint: the messages with their
// lazy suggestions stay here, and the main thread gets their diagnostics and what quick fixes
// read, as plain data.
import {dirname} from 'node:path'
import {getHeapSpaceStatistics} from 'node:v8'
import type {VFileMessage} from 'vfile-message'
import {DiagnosticSeverity, type Diagnostic, type TextEdit} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {editsBetween} from './code-actions.js'
import type {MessageFields} from './diagnostics.js'
import {lintDocument, noticeOf, type Linted} from './documents.js'
import {createLinters} from './linters.js'

/**
 * The most diagnostics published for one document: a thousand is more than anyone reads in an
 * editor, and each costs the main thread a copy and a serialisation (10,000 took 0.2-0.5 s).
 */
export const MAX_DIAGNOSTICS = 1000

/** A message as the main thread keeps it: the fields diagnostics and quick fixes read. Its
 * replacements are `lazy` when the worker computes them only when asked (spelling's). */
export type PlainMessage = MessageFields & {lazy?: boolean}

/** One lint of one version of a document, as the main thread receives it. */
export interface LintResult {
  version: number
  diagnostics: Diagnostic[]
  messages: PlainMessage[]
  /** Whether the messages came from the linter (not a config, size or crash notice). */
  ok: boolean
  /** The config file that applied, so the main thread can watch its folder. */
  configPath?: string
  /** How long the lint took (ms). */
  duration: number
}

/** What the main thread asks of the worker. */
export type WorkRequest =
  | {kind: 'lint'; uri: string; languageId: string; version: number; text: string}
  | {kind: 'suggest'; uri: string; version: number; indices: number[]}
  | {kind: 'fixAll'; uri: string; version: number}
  | {kind: 'close'; uri: string}
  | {kind: 'forget'; path?: string; folder?: string}
  | {kind: 'warm'}
  | {kind: 'memory'}

/** What the worker answers to each kind of request. */
export interface WorkAnswers {
  lint: LintResult
  /** The replacements of the messages asked for, or undefined when that version is gone. */
  suggest: Array<string[] | undefined> | undefined
  /** The minimal edits of "fix all", or undefined when that version is gone. */
  fixAll: TextEdit[] | undefined
  close: null
  forget: null
  warm: null
  memory: {heapUsed: number; spaces: Record<string, number>}
}

/** The worker's state and its one entry point: answers a request, logging through `log`. */
export function createWork(log: (text: string) => void) {
  const linters = createLinters()
  const kept = new Map<string, {document: TextDocument; linted: Linted}>()

  function handle(request: WorkRequest): WorkAnswers[WorkRequest['kind']] {
    switch (request.kind) {
      case 'lint': {
        const document = TextDocument.create(request.uri, request.languageId, request.version, request.text)
        const started = performance.now()
        let configPath: string | undefined
        const linted = lintDocument(
          document,
          (path) => {
            configPath = path
            return linters.linterFor(path)
          },
          log
        )
        const duration = performance.now() - started
        kept.set(request.uri, {document, linted})
        // What the main thread receives, copies and sends on is bounded, whatever the document.
        const shown = Math.min(linted.messages.length, MAX_DIAGNOSTICS)
        const diagnostics = linted.diagnostics.slice(0, MAX_DIAGNOSTICS)
        if (linted.diagnostics.length > MAX_DIAGNOSTICS) {
          const more = (linted.diagnostics.length - MAX_DIAGNOSTICS).toLocaleString('en')
          diagnostics.push(
            noticeOf(document, `${more} more findings not shown: an editor gets the first ${MAX_DIAGNOSTICS.toLocaleString('en')} (the CLI reports them all)`, DiagnosticSeverity.Information, {code: 'too-many-findings'})
          )
        }
        const messages = linted.messages.slice(0, shown).map(plain)
        return {version: linted.version, diagnostics, messages, ok: linted.ok, configPath, duration}
      }
      case 'suggest': {
        const entry = kept.get(request.uri)
        if (!entry || entry.linted.version !== request.version) return undefined
        return request.indices.map((index) => entry.linted.messages[index]?.expected ?? undefined)
      }
      case 'fixAll': {
        const entry = kept.get(request.uri)
        if (!entry || entry.linted.version !== request.version) return undefined
        const {document, linted} = entry
        if (!linted.ok || !linted.linter) return []
        const text = document.getText()
        linted.fixed ??= linted.linter.fix({path: linted.lintPath, value: text}).text
        return editsBetween(document, text, linted.fixed)
      }
      case 'close':
        kept.delete(request.uri)
        return null
      case 'forget':
        if (request.path) linters.forget(request.path)
        if (request.folder) for (const key of linters.keys()) if (key && dirname(key) === request.folder) linters.forget(key)
        return null
      case 'warm':
        // Load the default dictionaries now, not on the first keystroke.
        linters.linterFor(undefined)
        return null
      case 'memory': {
        ;(globalThis as {gc?: () => void}).gc?.()
        const spaces = Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size]))
        return {heapUsed: process.memoryUsage().heapUsed, spaces}
      }
    }
  }

  return {handle}
}

// Suggestions computed on demand stay so: reading them here would build every spelling
// suggestion of the document on each lint.
function plain(message: VFileMessage): PlainMessage {
  const lazy = typeof Object.getOwnPropertyDescriptor(message, 'expected')?.get === 'function'
  const result: PlainMessage = {reason: message.reason}
  if (message.place) result.place = message.place
  if (message.line !== undefined) result.line = message.line
  if (message.column !== undefined) result.column = message.column
  if (message.ruleId) result.ruleId = message.ruleId
  if (message.source) result.source = message.source
  if (message.fatal !== undefined) result.fatal = message.fatal
  if (message.url) result.url = message.url
  if (message.actual !== undefined) result.actual = message.actual
  if (lazy) result.lazy = true
  else if (message.expected) result.expected = [...message.expected]
  if (message.autofix) result.autofix = true
  return result
}
