// Code actions: one quick fix per replacement a message offers (the safe one preferred), "add
// `Name` to the project's names" for the name rules, and "fix all" as the fixer's minimal edits.
import diff from 'fast-diff'
import type {VFileMessage} from 'vfile-message'
import {CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {spanOf, toDiagnostic} from './diagnostics.js'
import type {Linted} from './documents.js'
import {fsPath} from './paths.js'

/** The code action kind of "fix every safe problem in the document". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`
/** The command behind "add `Name` to the project's names": arguments `[{uri, name}]`. */
export const ADD_NAME_COMMAND = 'copydesk.addName'
// Rules whose findings can be silenced by naming the word right in the project's `names`.
const NAME_RULES = new Set(['name-consistency', 'spelling'])

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

/** The workspace edit that applies every safe fix, or undefined when there is none. */
export function fixAllEdit(document: TextDocument, linted: Linted): WorkspaceEdit | undefined {
  if (!linted.ok || !linted.linter) return undefined
  const text = document.getText()
  linted.fixed ??= linted.linter.fix({path: linted.lintPath, value: text}).text
  const edits = editsBetween(document, text, linted.fixed)
  return edits.length > 0 ? {changes: {[document.uri]: edits}} : undefined
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
