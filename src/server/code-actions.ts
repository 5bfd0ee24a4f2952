// Code actions: one quick fix per replacement a message offers (the safe one preferred), "add
// `Name` to the project's names" for the name rules, and "fix all" as the fixer's minimal edits.
import {coarsen, textEdits} from '../diff.js'
import {CodeActionKind, type CodeAction, type Range, type TextEdit} from 'vscode-languageserver/node'
import type {TextDocument} from 'vscode-languageserver-textdocument'
import {spanOf, toDiagnostic} from './diagnostics.js'
import {fsPath} from './paths.js'
import type {PlainMessage} from './work.js'

/** The code action kind of "fix every safe problem in the document". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.copydesk`
/** The command behind "add `Name` to the project's names": arguments `[{uri, name}]`. */
export const ADD_NAME_COMMAND = 'copydesk.addName'
// Rules whose findings can be silenced by naming the word right in the project's `names`.
const NAME_RULES = new Set(['name-consistency', 'spelling'])

/** One quick fix per replacement (the safe one preferred), and "add to names" where the rule allows it. */
export function quickFixesOf(document: TextDocument, message: PlainMessage): CodeAction[] {
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

// More edits than this are merged into this many: what the server sends stays small whatever
// the document, and an editor applies a thousand edits at once without a pause.
export const MAX_EDITS = 1000

/**
 * The edits that turn `before` into `after`, one per changed stretch (up to `max`; beyond, runs
 * of neighbours are merged), so the editor keeps the rest.
 */
export function editsBetween(document: TextDocument, before: string, after: string, max = MAX_EDITS): TextEdit[] {
  // The project's one diff, linear in the text: the CLI's --fix-dry-run patch uses it too.
  return coarsen(before, textEdits(before, after), max).map((edit) => {
    let {start, end, text} = edit
    // A position between the CR and LF of a line break does not exist in the protocol: an edit
    // that starts or ends there takes in the whole break.
    if (before[start - 1] === '\r' && before[start] === '\n') {
      start--
      text = `\r${text}`
    }
    if (before[end - 1] === '\r' && before[end] === '\n') {
      end++
      text += '\n'
    }
    return {range: {start: document.positionAt(start), end: document.positionAt(end)}, newText: text}
  })
}
