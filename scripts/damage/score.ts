// Scores lint messages against a truth file as ../shared/tools/score.mjs does: a defect is found
// when a message's range overlaps its span (a point message inside or on its edge).
import type {VFileMessage} from 'vfile-message'
import type {Truth, TruthDefect} from '../damage.js'

export interface Scored {
  defect: TruthDefect
  found: boolean
  rules: string[]
}

export function score(truth: Truth, text: string, messages: readonly VFileMessage[]): Scored[] {
  const lines = text.split(/\r?\n/)
  return truth.defects.map((defect) => {
    const line = lines[defect.line - 1] ?? ''
    const from = line.indexOf(defect.context)
    const at = from < 0 ? -1 : line.indexOf(defect.span, from)
    if (at < 0) throw new Error(`${truth.file}: span not found on line ${defect.line}: ${defect.span}`)
    const span = {line: defect.line, start: at + 1, end: at + 1 + defect.span.length}
    const hits = messages.filter((message) => overlaps(message, span))
    return {defect, found: hits.length > 0, rules: [...new Set(hits.map((message) => message.ruleId ?? '?'))]}
  })
}

function overlaps(message: VFileMessage, span: {line: number; start: number; end: number}): boolean {
  const start = message.place && 'start' in message.place ? message.place.start : message.place
  const end = message.place && 'end' in message.place ? message.place.end : start
  if (!start?.line || !end?.line || start.line > span.line || end.line < span.line) return false
  const from = start.line < span.line ? 1 : start.column
  const to = end.line > span.line ? Infinity : end.column
  if (from === to) return from >= span.start && from <= span.end
  return from < span.end && to > span.start
}
