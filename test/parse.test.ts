// Plain text is parsed a paragraph at a time, with parse-english's two quadratic merging steps
// done in one pass: the tree must be the one parse-english gives for the whole text.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {ParseEnglish} from 'parse-english'
import {nextBlankLine, parseByParagraph, Parser} from '../src/parse.js'

// Tokens that exercise the merging steps: lower-case and digit starts, abbreviations, marks alone;
// a line break is never followed by a blank line (a `.` is put between).
const TOKENS = ['well-known', 'AT&T', 'a_b', 'x:y', '’', 'the', 'The', 'ok', 'so', 'Mr', 'U.S.', 'Inc', '12', '3', 'ab.Cd', 'été', 'Éa', '.', '. ', ' . ', '...', '!', '?', ',', ';', '&', '"', "'", '(', ')', '-', ' ', '  ', '\n', '\t',
  // `&b`, `ab-`, `an/or` and `Dr.` join by steps parse.ts does in one pass; so does `ok. so`.
  '&b', '&&b', 'a&', 'ab-', 'ab--', 'ab--cd', 'an/or', 'a/b/c', 'abc/d', 'x/', '/', 'w/', 'Dr.', 'Mr.', 'etc.', 'a.', '5.', 'ok.so', '..', '.b', '..b', 'ok. so']
const text = fc.array(fc.constantFrom(...TOKENS), {maxLength: 30}).map((tokens) => tokens.join(' ').replace(/\n[ \t]*(?=\n)/gu, '\n.'))
const plain = (value: unknown) => JSON.parse(JSON.stringify(value))

describe('parseByParagraph', () => {
  test('gives parse-english\'s tree for text without blank lines', () => {
    fc.assert(
      fc.property(text, (value) => {
        expect(plain(parseByParagraph(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 500}
    )
  })

  // parse-english lets a paragraph's last sentence reach into the next paragraph before it splits
  // them again (`at 50.` before a paragraph in lower case became one word `50.`); parsed alone, a
  // paragraph ends as it reads. Paragraphs that start in upper case and end on a word and a period
  // parse the same either way.
  test('gives parse-english\'s tree for paragraphs between blank lines, with positions shifted', () => {
    const paragraph = fc.tuple(fc.constantFrom('The', 'Officials', 'Mr', '"We'), text).map(([first, rest]) => `${first} ${rest} end.`)
    const gap = fc.constantFrom('\n\n', '\n \n', '\r\n\r\n', '\n\t\n\n  ')
    fc.assert(
      fc.property(fc.array(fc.tuple(paragraph, gap), {minLength: 1, maxLength: 5}), (parts) => {
        const value = parts.map(([words, space]) => words + space).join('')
        expect(plain(parseByParagraph(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 300}
    )
  })

  // Issue 9: a run of four million line breaks overflowed the stack of the expression that
  // looked for blank lines, and the file was called too large to parse.
  test('a run of millions of line breaks is one blank line between two paragraphs', () => {
    const tree = parseByParagraph(`The talks went on.${'\n'.repeat(4_000_000)}They ended.`)
    expect(tree.children.map((node) => node.type)).toEqual(['ParagraphNode', 'WhiteSpaceNode', 'ParagraphNode'])
    expect(tree.children[2].position?.start.offset).toBe(18 + 4_000_000)
  })

  // White space with two line breaks and other spaces (no blank line to parseByParagraph) breaks
  // the sentence by parse.ts's one-pass step, as parse-latin's step does.
  test('a sentence is broken where its white space holds two line breaks', () => {
    const breaks = fc.constantFrom('\n\u00a0\n', '\r\u00a0\r', '\r\n\u2003\r\n', '\n\u00a0\r\n\u00a0\n', '\r\u00a0\n', '\n\u00a0', '\u00a0\r\n\u00a0')
    fc.assert(
      fc.property(fc.array(fc.tuple(text, breaks), {minLength: 1, maxLength: 6}), (parts) => {
        const value = parts.map(([words, gap]) => `${words}${gap}`).join('')
        expect(plain(parseByParagraph(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 300}
    )
  })

  test('a sentence that starts in lower case still joins the one before it', () => {
    const tree = parseByParagraph('Talks ended. then they left.\n\nA new day.')
    const sentences = tree.children.filter((node) => node.type === 'ParagraphNode').map((node) => (node as {children: unknown[]}).children.length)
    expect(sentences).toEqual([1, 1])
    expect(tree.children[2].position?.start).toEqual({line: 3, column: 1, offset: 30})
  })
})

describe('nextBlankLine', () => {
  // What it was: every run of parse-english's white space from `from` on, the first with two line
  // breaks and nothing but spaces and tabs besides.
  const SPACE = '[\\t-\\r \\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000]'
  const reference = (source: string, from: number) => {
    const runs = new RegExp(`${SPACE}+`, 'gu')
    runs.lastIndex = from
    for (let run = runs.exec(source); run; run = runs.exec(source)) {
      if (run.index > 0 && new RegExp(`^${SPACE}$`, 'u').test(source[run.index - 1])) continue
      if (!/^[ \t\r\n]+$/u.test(run[0])) continue
      const breaks = run[0].match(/\r\n|\r|\n/gu)?.length ?? 0
      if (breaks >= 2) return {index: run.index, text: run[0]}
    }
    return null
  }
  const PIECES = ['a', 'b.', ' ', '  ', '\t', '\n', '\r', '\r\n', '\n\n', '\u00a0', '\u2028', '\u0085', '\u3000', '\ufeff', '\u200b', 'é', '😀']

  test('finds the blank line a scan of every white-space run finds', () => {
    expect(nextBlankLine('One.\n\nTwo.\n \n', 0)).toMatchObject({index: 4, 0: '\n\n'})
    expect(nextBlankLine('One.\n\nTwo.\n \n', 5)).toMatchObject({index: 10, 0: '\n \n'})
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 30}), fc.nat(40), (pieces, at) => {
        const source = pieces.join('')
        const from = Math.min(at, source.length)
        const found = nextBlankLine(source, from)
        expect(found && {index: found.index, text: found[0]}).toEqual(reference(source, from))
      }),
      {numRuns: 5000}
    )
  })
})

// The parser's own tokenizer gives parse-latin's tokens, with positions counted from where the
// text starts in its file (a paragraph parsed alone needs no second pass over its positions).
describe('Parser.tokenize', () => {
  const UNITS = ['a', 'Z', '9', 'é', '½', '²', '中', '\u0301', ' ', '\t', '\n', '\r', '\r\n', '\u0085', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b', '.', '..', ',', '-', '&', '/', "'", '’', '"', '“', '$', '$$', '€', '™', '_', '__', '😀', '😀😀', '\ud83d', '\ude00', '\u0000']
  const points = (value: unknown, line: number, column: number, offset: number) =>
    JSON.parse(JSON.stringify(value), (key, point) =>
      (key === 'start' || key === 'end') && typeof point?.offset === 'number'
        ? {line: point.line + line - 1, column: point.line === 1 ? point.column + column - 1 : point.column, offset: point.offset + offset}
        : point
    )

  test('gives parse-latin\'s tokens and positions, from any origin', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...UNITS), fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code))), {maxLength: 40}), fc.nat(5), fc.nat(9), fc.nat(99), (units, line, column, offset) => {
        const value = units.join('')
        const parser = new Parser()
        parser.origin = {line: line + 1, column: column + 1, offset}
        const expected = points(ParseEnglish.prototype.tokenize.call(new ParseEnglish(), value), line + 1, column + 1, offset)
        expect(plain(parser.tokenize(value))).toEqual(expected)
      }),
      {numRuns: 3000}
    )
  })
})

// The parser skips a step when the text does not hold what that step acts on (an apostrophe or a
// hyphen not between two letters, a `/`, an `&`, two line breaks), reads only the first and last
// child where parse-latin's position step visited all, and joins initialisms in one pass. Text
// made of those marks, set next to words and white space of every kind and with no space
// between, must still parse as parse-english parses it, positions included.
describe('Parser', () => {
  const PARTS = ['a', 'w', 'n', 'tis', 'rock', 'Ab', '9', '12', 'été', '中', '😀', '\u0301', 'U', 'S', 'U.S', 'A.B.C', '1.2', 'u.s', 'a.b.c', 'Mr', 'etc', 'ok', 'so', 'The',
    "'", "''", '’', '‘', '-', '--', '—', '/', '//', '&', '&&', '.', '..', '...', '!', '?', '…', '‽', ',', ';', ':', '"', '”', ')', '(', '_', '@', '=', '·', '\u00ad', '$',
    ' ', '  ', '\t', '\n', '\r', '\r\n', '\n\n', '\n \n', '\r\r', '\n\u00a0\n', '\u00a0', '\u2028', '\u3000', '\u0085']
  test('gives parse-english\'s tree for text of marks, words and white space joined without spaces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PARTS), {maxLength: 40}), (parts) => {
        const value = parts.join('')
        expect(plain(new Parser().parse(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 5000}
    )
  })

  test('gives parse-english\'s tree for short runs of the marks the skipped steps act on', () => {
    const MARKS = ['w', 'a', 'n', 'o', 'ol', 'tis', 'U.S', '1.2', "'", '’', '-', '/', '&', '.', ' ', '\n', '\n\u00a0\n']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MARKS), {maxLength: 12}), (parts) => {
        const value = parts.join('')
        expect(plain(new Parser().parse(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 5000}
    )
  })

  // The skip tests read the text one code unit at a time, by the kind the tokenizer gives it: a
  // lone surrogate, a combining mark, the other hyphens and apostrophes (U+2010, U+2011, U+2027,
  // U+2018) and every kind of white space must be read as the tokenizer reads them, next to the
  // marks the skipped steps act on.
  test('gives parse-english\'s tree for text of single code units around those marks', () => {
    const UNITS = [..."aAnsotwUSMN19.-'’‘/&?!…) \t\n\r\u00a0\u2028\u0085\u3000\u0301_:=·\u00ad\u2010\u2011\u2027\"—", '\ud83d', '\ude00', '😀', '\u200b', '\ufeff', 'U.S', 'a.1', "'n", 'w/', 'ab-']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), {maxLength: 24}), (units) => {
        const value = units.join('')
        expect(plain(new Parser().parse(value))).toEqual(plain(new ParseEnglish().parse(value)))
      }),
      {numRuns: 3000}
    )
  })
})
