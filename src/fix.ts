// Fixing: safe fixes become offset edits on the original text (never a re-serialized tree),
// applied in one pass that skips overlapping or stale edits, then the text is linted again until
// nothing changes: at most ten passes, stopping on a cycle (ESLint's verifyAndFix does the same).
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export interface Edit {
  start: number
  end: number
  /** The text the edit expects at `start..end`; a stale edit is skipped. */
  actual: string
  text: string
}

export interface FixResult {
  /** The fixed text. */
  text: string
  /** The file of the last lint: the messages left after fixing. */
  file: VFile
  /** The messages left after fixing. */
  messages: VFileMessage[]
  /** How many edits were applied, over all passes. */
  applied: number
  /** How many lint passes ran. */
  passes: number
}

const MAX_PASSES = 10

/** The safe edits of a file's messages. */
export function editsOf(messages: readonly VFileMessage[]): Edit[] {
  const edits: Edit[] = []
  for (const message of messages) {
    if (!message.autofix || !message.expected || message.expected.length !== 1) continue
    const place = message.place
    if (!place || !('start' in place)) continue
    const start = place.start.offset
    const end = place.end.offset
    if (start === undefined || end === undefined || message.actual === undefined) continue
    edits.push({start, end, actual: message.actual, text: message.expected[0]})
  }
  return edits
}

/**
 * Applies edits in one pass: sorted by start (ties keep message order, which is rule order),
 * skipping an edit that overlaps one already applied or whose text no longer matches.
 */
export function applyEdits(text: string, edits: readonly Edit[]): {text: string; applied: number} {
  const sorted = edits
    .map((edit, order) => ({edit, order}))
    .sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order)
  let output = ''
  let cursor = 0
  let applied = 0
  for (const {edit} of sorted) {
    if (edit.start < cursor || edit.end > text.length) continue
    if (text.slice(edit.start, edit.end) !== edit.actual) continue
    // Two insertions at one point, or an insertion at the end of a replacement, would interleave.
    if (applied > 0 && edit.start === cursor && edit.start === edit.end) continue
    output += text.slice(cursor, edit.start) + edit.text
    cursor = edit.end
    applied++
  }
  return {text: output + text.slice(cursor), applied}
}

/** Lints, applies safe fixes, and lints again until stable. */
export function fixUntilStable(text: string, lint: (text: string) => VFile): FixResult {
  const seen = new Set([text])
  let file = lint(text)
  let applied = 0
  let passes = 1
  while (passes < MAX_PASSES) {
    const result = applyEdits(text, editsOf(file.messages))
    if (result.applied === 0 || result.text === text) break
    // A cycle (fixes that undo each other): keep the last new text and stop.
    const cycle = seen.has(result.text)
    text = result.text
    seen.add(text)
    applied += result.applied
    file = lint(text)
    passes++
    if (cycle) break
  }
  return {text, file, messages: file.messages, applied, passes}
}
