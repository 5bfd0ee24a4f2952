// The project's one diff (src/diff.ts): the CLI's dry-run patch aligns lines with it, the
// language server's fix-all edits come from it. Properties over generated texts, and the shapes
// a fixer makes.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {applyTextEdits, coarsen, compare, splitLines, textEdits, type TextEdit} from '../src/diff.js'
import {unifiedDiff} from '../src/cli/diff.js'

// Pieces of copy, line breaks of both kinds, an astral character and a combining mark.
const piece = fc.constantFrom('the ', 'The ', 'cat', ' ', '  ', '.', ',', ' .', '\n', '\r\n', '\n\n', '😀', '😁', 'e\u0301', 'said', '"', '-')
const text = fc.array(piece, {maxLength: 60}).map((pieces) => pieces.join(''))
// A text and a lightly edited copy of it, as a fixer leaves it.
const edited = fc
  .tuple(fc.array(piece, {maxLength: 80}), fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(piece, {maxLength: 3}))))
  .map(([pieces, changes]) => {
    const after = [...pieces]
    for (const [at, remove, insert] of changes) after.splice(at % (after.length + 1), remove, ...insert)
    return [pieces.join(''), after.join('')] as const
  })

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff
const splitsPair = (text: string, at: number) => isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at))

function wellFormed(before: string, edits: TextEdit[]) {
  let last = -1
  for (const edit of edits) {
    // In order, neither overlapping nor touching, and each one changes something.
    expect(edit.start).toBeGreaterThan(last)
    expect(edit.end).toBeGreaterThanOrEqual(edit.start)
    expect(before.slice(edit.start, edit.end) === edit.text).toBe(false)
    // Never between the halves of a surrogate pair.
    expect(splitsPair(before, edit.start) || splitsPair(before, edit.end)).toBe(false)
    last = edit.end
  }
}

describe('textEdits', () => {
  test('applying the edits of any two texts gives the second, with well-formed edits', () => {
    fc.assert(
      fc.property(text, text, (before, after) => {
        const edits = textEdits(before, after)
        expect(applyTextEdits(before, edits)).toBe(after)
        wellFormed(before, edits)
      }),
      {numRuns: 500}
    )
  })

  test('a lightly edited text gives edits that leave the lines before the change alone, and none when equal', () => {
    fc.assert(
      fc.property(edited, ([before, after]) => {
        const edits = textEdits(before, after)
        expect(applyTextEdits(before, edits)).toBe(after)
        wellFormed(before, edits)
        // The lines before the first difference are never rewritten.
        let prefix = 0
        while (prefix < Math.min(before.length, after.length) && before[prefix] === after[prefix]) prefix++
        if (edits.length > 0) expect(edits[0].start).toBeGreaterThanOrEqual(prefix === 0 ? 0 : before.lastIndexOf('\n', prefix - 1) + 1)
      }),
      {numRuns: 500}
    )
    expect(textEdits('Same text.', 'Same text.')).toEqual([])
  })

  test('each fix is its own small edit, found by word', () => {
    const before = 'He said the the talks went well . Then he left.\nA second line stays.\nIt it ends here'
    const after = 'He said the talks went well. Then he left.\nA second line stays.\nIt ends here'
    const edits = textEdits(before, after)
    expect(edits.map((edit) => [before.slice(edit.start, edit.end), edit.text])).toEqual([
      ['the ', ''],
      [' ', ''],
      ['it ', '']
    ])
  })

  test('coarsen merges neighbours into at most `max` edits that do the same', () => {
    fc.assert(
      fc.property(edited, fc.integer({min: 1, max: 5}), ([before, after], max) => {
        const edits = coarsen(before, textEdits(before, after), max)
        expect(edits.length).toBeLessThanOrEqual(max)
        expect(applyTextEdits(before, edits)).toBe(after)
      }),
      {numRuns: 300}
    )
  })
})

describe('compare', () => {
  test('its chunks rebuild both sequences', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd', '\n')
    fc.assert(
      fc.property(fc.array(line, {maxLength: 30}), fc.array(line, {maxLength: 30}), (a, b) => {
        const left: string[] = []
        const right: string[] = []
        let i = 0
        let j = 0
        for (const chunk of compare(a, b)) {
          if ('same' in chunk) {
            for (let k = 0; k < chunk.same; k++) {
              expect(a[i]).toBe(b[j])
              left.push(a[i++])
              right.push(b[j++])
            }
          } else {
            left.push(...a.slice(i, (i += chunk.removed)))
            right.push(...b.slice(j, (j += chunk.added)))
          }
        }
        expect([left, right]).toEqual([a, b])
      }),
      {numRuns: 300}
    )
  })

  test('the dry-run patch still names each changed line once, with its context', () => {
    const before = 'One.\nTwo the the.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight . \n'
    const after = 'One.\nTwo the.\nThree.\nFour.\nFive.\nSix.\nSeven.\nEight.\n'
    expect(splitLines(before)).toHaveLength(8)
    expect(unifiedDiff('a.txt', before, after)).toBe(
      '===================================================================\n--- a/a.txt\n+++ b/a.txt\n' +
        '@@ -1,4 +1,4 @@\n One.\n-Two the the.\n+Two the.\n Three.\n Four.\n' +
        '@@ -6,3 +6,3 @@\n Six.\n Seven.\n-Eight . \n+Eight.\n'
    )
  })
})
