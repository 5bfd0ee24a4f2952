// The message contract, checked on every message the tests see.
import {expect} from '@jest/globals'
import type {VFile} from 'vfile'
import {rules, ruleUrl, SOURCE} from '../../src/index.js'

export function checkMessages(file: VFile): void {
  const text = String(file.value)
  // Lines end as vfile-location ends them: at `\r\n`, `\n` or a lone `\r`.
  const lines = text.split(/(?<=\r\n|\n|\r(?!\n))/u)
  for (const message of file.messages) {
    const label = `${message.ruleId} at ${JSON.stringify(message.place)}`
    const rule = rules.find((candidate) => candidate.id === message.ruleId)
    expect(rule).toBeDefined()
    expect(message.source).toBe(SOURCE)
    expect(message.url).toBe(ruleUrl(rule!.id))
    expect(message.reason).toMatch(/`[^`]+`/u)
    const place = message.place as {start: {offset: number; line: number; column: number}; end: {offset: number; line: number; column: number}}
    expect(place.start.offset).toBeLessThanOrEqual(place.end.offset)
    // The offsets and line/column agree.
    for (const point of [place.start, place.end]) {
      const offset = lines.slice(0, point.line - 1).join('').length + point.column - 1
      expect([label, offset]).toEqual([label, point.offset])
    }
    expect([label, message.actual]).toEqual([label, text.slice(place.start.offset, place.end.offset)])
    if (message.autofix) {
      expect(rule!.fix).toBe('safe')
      expect(message.expected).toHaveLength(1)
    }
    if (rule!.fix === 'none') expect(message.expected).toBeUndefined()
    for (const candidate of message.expected ?? []) expect([label, candidate]).not.toEqual([label, message.actual])
  }
}
