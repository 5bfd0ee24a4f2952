// Messages as LSP diagnostics, mapped as unified-language-server maps them (`fatal` to severity,
// `ruleId` to code, `url` to codeDescription), and the notices shown instead of a lint (a bad
// config, a document too large or binary).
import {readFileSync} from 'node:fs'
import type {VFileMessage} from 'vfile-message'
import {DiagnosticSeverity, type Diagnostic, type Range} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {ConfigError} from '../config.js'
import {SOURCE} from '../engine.js'

/** What the server reads of a message: a VFileMessage, or its copy sent by the worker thread. */
export type MessageFields = {reason: string} & Partial<Pick<VFileMessage, 'place' | 'line' | 'column' | 'fatal' | 'source' | 'ruleId' | 'url' | 'actual' | 'expected' | 'autofix'>>

/** A message as an LSP diagnostic: severity from `fatal`, code the rule id, its README linked. */
export function toDiagnostic(document: TextDocument, message: MessageFields): Diagnostic {
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

/** The source offsets a message covers, when it has them. */
export function spanOf(message: MessageFields): {start: number; end: number} | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  const {offset: start} = place.start
  const {offset: end} = place.end
  return start === undefined || end === undefined ? undefined : {start, end}
}

/** The one-line notice for a config that cannot be used, naming the file and the key. */
export function configMessage(error: Error, configPath: string | undefined): string {
  const file = error instanceof ConfigError ? error.file ?? configPath : configPath
  let reason = error.message
  if (file && reason.startsWith(`${file}: `)) reason = reason.slice(file.length + 2)
  const key = error instanceof ConfigError && error.key ? ` at \`${error.key}\`` : ''
  return `Invalid configuration in ${file ?? 'the configuration'}${key}: ${reason}`
}

// Where a key sits in a config file, for the diagnostic's related location; else the first line.
export function keyRange(path: string, key: string | undefined): Range {
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

/** The document's first line: where a notice about the whole document is shown. */
export function firstLine(document: TextDocument): Range {
  const text = document.getText()
  const end = text.search(/\r|\n/u)
  return {start: {line: 0, character: 0}, end: document.positionAt(end < 0 ? Math.min(text.length, 200) : end)}
}
