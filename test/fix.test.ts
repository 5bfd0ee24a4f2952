// The fixer: one pass of offset edits against an independent oracle, and the invariants of the
// whole fix over random text: idempotent, nothing outside an applied edit changes (CRLF, BOM,
// tabs, emoji survive), clean text is untouched.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {VFile} from 'vfile'
import {fixUntilStable} from '../src/fix.js'
import {applyEdits, createLinter, editsOf, type Edit} from '../src/index.js'
import {checkMessages} from './helpers/invariants.js'

const linter = createLinter()
const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const seedFixed = readFileSync('test/fixtures/seed-article.fixed.txt', 'utf8')

// The oracle: walk the edits in start order, keep each that neither overlaps a kept one nor is stale.
function oracle(text: string, edits: readonly Edit[]): string {
  const order = edits.map((edit, index) => ({edit, index}))
  order.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.index - b.index)
  const kept: Edit[] = []
  for (const {edit} of order) {
    const last = kept[kept.length - 1]
    if (last && (edit.start < last.end || (edit.start === last.end && edit.start === edit.end))) continue
    if (text.slice(edit.start, edit.end) !== edit.actual) continue
    kept.push(edit)
  }
  let result = text
  for (const edit of kept.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end)
  return result
}

// Text made of pieces real copy has, damage included, with the bytes that must survive.
const piece = fc.constantFrom(
  'The talks went on', ' ', '. ', '.', ',', ' ,', ' .', '. .', '. , ', 'the the', 'he said',
  '\r\n', '\n', '\n\n', '\t', '\uFEFF', '😀', 'Zürich', 'naïve', '“', '”', '’', 'officials. there, including',
  'democratically-governed', 'Japan. he remains', 'U.S. election', 'Sen. Bill', '...', '?!', 'Wham! through', 'x'
)
const copy = fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join(''))

describe('applyEdits', () => {
  test('agrees with the oracle on random edits', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 60}), fc.array(fc.tuple(fc.nat(60), fc.nat(8), fc.string({maxLength: 4}), fc.boolean()), {maxLength: 8}), (text, raw) => {
        const edits: Edit[] = raw.map(([start, length, replacement, stale]) => {
          const from = Math.min(start, text.length)
          const to = Math.min(from + length, text.length)
          return {start: from, end: to, text: replacement, actual: stale ? `${text.slice(from, to)}#` : text.slice(from, to)}
        })
        expect(applyEdits(text, edits).text).toBe(oracle(text, edits))
      }),
      {numRuns: 500}
    )
  })
})

describe('lint on arbitrary text', () => {
  test('never throws, and every message meets the contract', () => {
    const everyRule = createLinter({rules: {'word-echo': 'on'}})
    fc.assert(
      fc.property(fc.oneof(fc.string({unit: 'grapheme', maxLength: 80}), fc.string({unit: 'binary', maxLength: 80}), copy), (text) => {
        checkMessages(everyRule.lint(text))
      }),
      {numRuns: 300}
    )
  })
})

describe('fix', () => {
  test('is idempotent on random copy', () => {
    fc.assert(
      fc.property(copy, (text) => {
        const once = linter.fix(text).text
        expect(linter.fix(once).text).toBe(once)
      }),
      {numRuns: 300}
    )
  })

  test('changes nothing outside the edits it applies', () => {
    fc.assert(
      fc.property(copy, (text) => {
        const edits = editsOf(linter.lint(text).messages)
        const {text: output} = applyEdits(text, edits)
        expect(output).toBe(oracle(text, edits))
        // The bytes no rule ever edits survive in number: CR, emoji, and the accented letter of a
        // capitalized name (`naïve naïve` may rightly lose one `ï`). Quotation marks (`“…’’` ->
        // `“…”`) and a U+FEFF inside a word are repaired by quotation-marks and character-damage;
        // a byte-order mark that starts the text is never touched.
        for (const kept of ['\r', '😀', 'ü']) {
          expect(output.split(kept).length).toBe(text.split(kept).length)
        }
        if (text.startsWith('\uFEFF')) expect(output.startsWith('\uFEFF')).toBe(true)
      }),
      {numRuns: 300}
    )
  })

  test('is idempotent on seed-like copy', () => {
    const lines = seed.split('\n')
    fc.assert(
      fc.property(fc.subarray(lines, {minLength: 1}), fc.constantFrom('\n', '\r\n'), (chosen, eol) => {
        const text = chosen.join(eol)
        const once = linter.fix(text).text
        expect(linter.fix(once).text).toBe(once)
        expect(once.split('\r').length).toBeLessThanOrEqual(text.split('\r').length)
      }),
      {numRuns: 40}
    )
  })

  test('leaves clean text unchanged, byte for byte', () => {
    expect(linter.fix(seedFixed).text).toBe(seedFixed)
    const crlf = `\uFEFF${seedFixed.replace(/\n/gu, '\r\n')}\r\n`
    expect(linter.fix(crlf).text).toBe(crlf)
    const tabs = 'Officials\tmet in Zürich. 😀 They said it went well.\r\nThe talks resume in May.'
    expect(linter.fix(tabs).text).toBe(tabs)
  })

  test('keeps CRLF line endings while fixing', () => {
    const text = 'Officials met. he said so.\r\n\r\nLeave a Comment\r\n'
    expect(linter.fix(text).text).toBe('Officials met. He said so.\r\n')
  })

  test('fixes over several passes and reports nothing left', () => {
    const result = linter.fix('The the talks went on. . Then they ended.')
    expect(result.text).toBe('The talks went on. Then they ended.')
    expect(result.messages).toEqual([])
  })
})

describe('fixUntilStable', () => {
  // A lint whose one safe fix flips `a` and `b` forever.
  function flipping(calls: string[]) {
    return (text: string) => {
      calls.push(text)
      const file = new VFile({value: text})
      const message = file.message('flip', {place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 2, offset: 1}}})
      message.actual = text.charAt(0)
      message.expected = [text.charAt(0) === 'a' ? 'b' : 'a']
      message.autofix = true
      return file
    }
  }

  test('stops on a cycle', () => {
    const calls: string[] = []
    const result = fixUntilStable('a-', flipping(calls))
    expect(calls).toEqual(['a-', 'b-', 'a-'])
    expect(result.text).toBe('a-')
  })

  test('re-lints the final text, so the messages left describe it', () => {
    const result = fixUntilStable('x', (text) => new VFile({value: text}))
    expect(result.passes).toBe(1)
    expect(String(result.file.value)).toBe('x')
  })
})
