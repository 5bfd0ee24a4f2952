// Scores messages against a ground-truth file the way ../shared/tools/score.mjs does: a defect is
// found when a message overlaps its span on its line; a trap is flagged when a message overlaps
// a not-defect span and no defect.
import {readFileSync} from 'node:fs'
import type {VFileMessage} from 'vfile-message'

interface Entry {
  id?: string
  class?: string
  line: number
  span: string
  context?: string
  optional?: boolean
  fix?: string | null
}

export interface Truth {
  file: string
  defects: Entry[]
  not_defects: Entry[]
}

export interface Score {
  found: string[]
  missed: string[]
  traps: string[]
  extra: VFileMessage[]
}

export function readTruth(path: string): Truth {
  return JSON.parse(readFileSync(path, 'utf8')) as Truth
}

export function score(text: string, truth: Truth, messages: readonly VFileMessage[]): Score {
  const lines = text.split(/\r?\n/u)
  const locate = (entry: Entry) => {
    const line = lines[entry.line - 1]
    const from = entry.context ? line.indexOf(entry.context) : 0
    const at = line.indexOf(entry.span, from)
    if (from < 0 || at < 0) throw new Error(`span not on line ${entry.line}: ${entry.span}`)
    return {line: entry.line, start: at + 1, end: at + 1 + entry.span.length}
  }
  const overlaps = (message: VFileMessage, span: {line: number; start: number; end: number}) => {
    const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
    if (place.start.line > span.line || place.end.line < span.line) return false
    const from = place.start.line < span.line ? 1 : place.start.column
    const to = place.end.line > span.line ? Infinity : place.end.column
    if (from === to) return from >= span.start && from <= span.end
    return from < span.end && to > span.start
  }
  const used = new Set<VFileMessage>()
  const result: Score = {found: [], missed: [], traps: [], extra: []}
  for (const defect of truth.defects) {
    const span = locate(defect)
    const hits = messages.filter((message) => overlaps(message, span))
    hits.forEach((message) => used.add(message))
    if (hits.length > 0) result.found.push(defect.id!)
    else if (!defect.optional) result.missed.push(defect.id!)
  }
  for (const trap of truth.not_defects) {
    const span = locate(trap)
    const hits = messages.filter((message) => !used.has(message) && overlaps(message, span))
    hits.forEach((message) => used.add(message))
    if (hits.length > 0) result.traps.push(`${trap.line}: ${trap.span} (${hits.map((hit) => hit.ruleId).join(', ')})`)
  }
  result.extra = messages.filter((message) => !used.has(message))
  return result
}
