// Open documents: what each one remembers between edits (its last lint, its settings, how long a
// lint takes), and linting one as it is now (in the worker thread), or a notice saying why it
// was not linted.
import {dirname} from 'node:path'
import {pathToFileURL} from 'node:url'
import type {VFileMessage} from 'vfile-message'
import {DiagnosticSeverity, type Diagnostic} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ConfigError, findConfigFile} from '../config.js'
import {SOURCE} from '../engine.js'
import type {Linter} from '../index.js'
import {formatOf, type Format} from '../parse.js'
import {configMessage, firstLine, keyRange, toDiagnostic} from './diagnostics.js'
import type {LinterEntry} from './linters.js'
import {fsPath} from './paths.js'
import type {SettingsSlot} from './settings.js'
import type {LintResult} from './work.js'

// Documents larger than this are not linted. A lint runs in the server's worker thread, so the
// editor is never kept waiting, but its findings are: one of 200,000 characters (about 35,000
// words of news) takes about a second warm on a shared 2-core machine, and the worker holds the
// document and its messages in memory. Larger copy is for the CLI.
export const MAX_DOCUMENT_LENGTH = 200_000
const MAX_LENGTH = MAX_DOCUMENT_LENGTH
const LANGUAGE_FORMATS: Readonly<Record<string, Format>> = {plaintext: 'text', text: 'text', markdown: 'markdown', html: 'html'}
const EXTENSIONS: Readonly<Record<Format, string>> = {text: '.txt', markdown: '.md', html: '.html'}

/** One lint of one version of a document. */
export interface Linted {
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

/** What the server keeps for an open document. */
export interface DocumentState extends SettingsSlot {
  timer?: NodeJS.Timeout
  linted?: LintResult
  /** How long the last lint took: the debounce never goes below it, so big files stay responsive. */
  lastDuration: number
}

/** Lints a document as it is now, with the linter of the config file that applies to it. */
// Each distrusted config file is logged once per server, not on every keystroke.
const warnedConfigs = new Set<string>()

export function lintDocument(document: TextDocument, linterFor: (configPath: string | undefined) => LinterEntry, logError: (text: string) => void): Linted {
  const version = document.version
  const text = document.getText()
  const path = fsPath(document.uri)
  const notice = (message: string, severity: DiagnosticSeverity, extra: Partial<Diagnostic> = {}): Linted => ({
    version,
    messages: [],
    diagnostics: [noticeOf(document, message, severity, extra)],
    ok: false
  })
  const refusal = refusalOf(document)
  if (refusal) return {version, messages: [], diagnostics: [refusal], ok: false}
  let configPath: string | undefined
  try {
    // A config file the search does not trust (someone else's, or in a world-writable folder) is logged.
    configPath = path
      ? findConfigFile(dirname(path), (warning) => {
          if (!warnedConfigs.has(warning)) logError(`copydesk: warning: ${warning}`)
          warnedConfigs.add(warning)
        })
      : undefined
  } catch (error) {
    // A package.json on the way up that cannot be parsed: shown, not silently passed over.
    if (error instanceof ConfigError) return notice(configMessage(error, error.file), DiagnosticSeverity.Error, {code: 'configuration'})
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
    logError(`copydesk: cannot lint ${document.uri}: ${(error as Error).stack ?? error}`)
    return notice(`copydesk could not lint this document: ${(error as Error).message ?? error}`, DiagnosticSeverity.Warning, {code: 'lint-error'})
  }
}

/** The notice of a document not linted because it is too large or binary, else undefined. */
export function refusalOf(document: TextDocument): Diagnostic | undefined {
  const length = document.getText().length
  if (length > MAX_LENGTH) {
    return noticeOf(
      document,
      `Not linted: the document has ${length.toLocaleString('en')} characters; copydesk lints up to ${MAX_LENGTH.toLocaleString('en')} in an editor (use the CLI)`,
      DiagnosticSeverity.Information
    )
  }
  if (looksBinary(document.getText())) return noticeOf(document, 'Not linted: the document looks like binary data', DiagnosticSeverity.Information)
  return undefined
}

/** A diagnostic about the whole document, on its first line. */
export function noticeOf(document: TextDocument, message: string, severity: DiagnosticSeverity, extra: Partial<Diagnostic> = {}): Diagnostic {
  return {range: firstLine(document), message, severity, source: SOURCE, ...extra}
}

/** The path to lint as: the document's own, with an extension that gives its languageId's format. */
export function lintPathOf(path: string | undefined, languageId: string): string {
  const base = path ?? 'untitled'
  const wanted = LANGUAGE_FORMATS[languageId] ?? formatOf(base)
  return formatOf(base) === wanted ? base : base + EXTENSIONS[wanted]
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
