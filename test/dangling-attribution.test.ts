// dangling-attribution asks whether the article quotes a name elsewhere (`Smith said`, `said Jane
// Smith`). It reads the article's verbs once and tries the name only where a form can start; it
// must answer as the one expression it replaced, run over the whole text, does.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {attributionsOf, markAfterColon, opensLower, opensUpper, quotedElsewhere, sentences, tailTokens, titledBeforePronoun} from '../rules/dangling-attribution/index.js'
import {tag} from '../rules/dangling-attribution/tagger.js'
import {isAbbreviation} from '../src/abbreviations.js'
import {PERSONS, TITLES} from '../rules/dangling-attribution/words.js'

function expression(name: string, source: string): boolean {
  const parts = name.split(' ')
  if (parts.length === 2 && parts.every((part) => /^\p{Lu}\p{Ll}+$/u.test(part)) && !TITLES.has(parts[0].toLowerCase()) && expression(parts[1], source)) return true
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
  const more = '(?: \\p{Lu}[\\p{L}.&-]*){0,3}'
  const verb = '(?:said|says|told|tells|added|adds|wrote|writes|explained|noted|asked|argued|insisted|recalled)'
  return new RegExp(`(?:\\b${verb}(?: \\p{Lu}[\\p{L}.-]*){0,2} ${escaped}\\b|\\b${escaped}${more} ${verb}\\b)`, 'u').test(source)
}

const piece = fc.constantFrom(' ', '  ', 'said', 'told', 'adds', 'unsaid', 'Jane', 'Smith', 'Mr', 'Acme', 'Co.', 'Ltd', '&', '-', '.', ',', 'x', '_', '1', 'É', 'é', '𝐀', '😀', '\uD835', '(', 'Ex-Im', 'J.')
const text = fc.array(piece, {maxLength: 24}).map((pieces) => pieces.join(''))

describe('quotedElsewhere', () => {
  test('answers as the expression over the whole article', () => {
    fc.assert(
      fc.property(text, text, (source, name) => {
        const attributions = attributionsOf(source)
        expect(quotedElsewhere(name, attributions)).toBe(expression(name, source))
        // and for each name in the text itself
        for (const part of source.split(/ +/u)) expect(quotedElsewhere(part, attributions)).toBe(expression(part, source))
      }),
      {numRuns: 1000}
    )
  })

  test('finds each form', () => {
    const source = 'It works, said Jane Smith. The plan failed, Acme Research Co said. Doe told us.'
    const attributions = attributionsOf(source)
    for (const name of ['Jane Smith', 'Jane', 'Smith', 'Acme', 'Acme Research Co', 'Research', 'Doe']) expect(quotedElsewhere(name, attributions)).toBe(true)
    for (const name of ['works', 'plan', 'failed', 'It']) expect(quotedElsewhere(name, attributions)).toBe(false)
  })

  test('never matches half of an astral letter', () => {
    const source = 'It works, said x\u{1D400} now. \u{1D400}x said so.'
    const attributions = attributionsOf(source)
    for (const name of ['x\uD835', '\uDC00x', '\uD835', '\u{1D400}', 'x\u{1D400}']) expect(quotedElsewhere(name, attributions)).toBe(expression(name, source))
    expect(quotedElsewhere('x\uD835', attributions)).toBe(false)
  })
})

// The split as it was read with `matchAll` and a slice for the character after each end.
function sentencesBefore(prose: string, start: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  const skip = (index: number) => {
    while (index < prose.length && /\s/u.test(prose[index])) index++
    return index
  }
  let from = skip(start)
  for (const match of prose.matchAll(/([.!?])["”’')\]]*(?=\s|$)/gu)) {
    const end = match.index + match[0].length
    if (end <= from) continue
    const after = skip(end)
    const next = after < Math.min(prose.length, end + 8) ? String.fromCodePoint(prose.slice(after, end + 8).codePointAt(0)!) : undefined
    if (next && !/^[\p{Lu}\d"“‘'(]/u.test(next)) continue
    if (next && match[1] === '.' && match[0] === '.') {
      let wordStart = match.index
      while (wordStart > 0 && !/\s/u.test(prose[wordStart - 1])) wordStart--
      const run = prose.slice(Math.max(wordStart, from), match.index)
      const word = run.replace(/^[^\p{L}]+/u, '')
      const pronoun = word === 'I' && /,\s$/u.test(prose.slice(Math.max(0, match.index - 3), match.index - 1))
      if (word && !pronoun && isAbbreviation(`${word}.`)) continue
    }
    ranges.push([from, end])
    from = after
  }
  if (from < prose.length && prose.slice(from).trim() !== '') ranges.push([from, prose.length])
  return ranges
}

describe('sentences', () => {
  const piece = fc.constantFrom(' ', '  ', '\u00a0', '\n', '.', '?', '!', '"', '”', '’', "'", ')', ']', '“', '‘', '(', ',', 'He', 'said', 'Mr', 'U.S', 'I', 'x', '1', 'É', 'é', '𝐀', '\uD835', '😀', 'Ωmega')
  const prose = fc.array(piece, {maxLength: 30}).map((pieces) => pieces.join(''))

  test('splits as the expression and its slices did', () => {
    fc.assert(
      fc.property(prose, fc.nat(6), (text, start) => {
        expect(sentences(text, Math.min(start, text.length))).toEqual(sentencesBefore(text, Math.min(start, text.length)))
      }),
      {numRuns: 2000}
    )
  })

  test('reads a capital, a digit or an opening mark after a period as a new sentence', () => {
    const text = 'It rose. Then it fell. 3 more came. "Yes." ‘No.’ 𝐀 new one. But not. e.g. this.'
    const ends = sentences(text, 0).map(([from, to]) => text.slice(from, to))
    expect(ends).toEqual(['It rose.', 'Then it fell.', '3 more came.', '"Yes."', '‘No.’', '𝐀 new one.', 'But not. e.g. this.'])
  })
})

describe('the tests read by code before an expression', () => {
  test('markAfterColon: an opening double mark after a colon or a comma, white space between', () => {
    // (every kind of white space isSpace knows, and three that \s is not: U+0085, U+200B, U+180E)
    const marks = fc.array(fc.constantFrom(':', ',', ';', ' ', '\t', '\u00a0', '\n', '\u2028', '\u3000', '\u202f', '\u1680', '\ufeff', '\u0085', '\u200b', '\u180e', '"', '“', '”', 'a', 'É'), {maxLength: 12}).map((parts) => parts.join(''))
    fc.assert(fc.property(marks, (value) => markAfterColon(value) === /[:,]\s*["“]/u.test(value)), {numRuns: 20_000})
    expect([markAfterColon('He said: "No."'), markAfterColon('He said, “No.”'), markAfterColon('He said "No."')]).toEqual([true, true, false])
  })

  test('titledBeforePronoun reads ASCII words by code, and other words by first letter, as the expressions read every word', () => {
    // The words before the first lower-case pronoun, read by the expressions alone (the rule's
    // reading of a word with a character outside ASCII): false at the pronoun, true at a word
    // with a lower-case part, `I`, a title or a word for a person; true when no pronoun comes.
    const byExpressions = (text: string): boolean => {
      for (const word of text.split(/\s+/u).filter(Boolean)) {
        if (/^(?:he|she|it|they|we|his|her|its|their)(?:['’]\p{L}*)?[^\p{L}\p{N}]*$/u.test(word) || /^I[^\p{L}\p{N}'’]*$/u.test(word)) return false
        const parts = word.match(/\p{L}+/gu) ?? []
        if (parts.some((part) => !/^\p{Lu}/u.test(part) || part === 'I' || TITLES.has(part.toLowerCase()) || PERSONS.has(part.toLowerCase()))) return true
      }
      return true
    }
    const word = fc.constantFrom('he', 'He', 'his', "it's", 'its.', 'they', 'I', "I'm", 'I,', 'Mr', 'Dr.', 'Acme', 'writer', 'Jane', 'Doe', 'Obama-era', 'US', '2024', '-', '"', "'", 'x', 'officials', 'In', 'If', 'When', 'wife',
      // (words outside ASCII, whose parts opensUpper reads: curly apostrophes, capitals and
      // lower-case letters outside ASCII, a title-case letter, astral letters, a lone surrogate)
      'it’s', 'they’re', 'I’m', 'Doe’s', 'Émile', 'émigré', 'İlker', 'ılık', 'Ωmega', 'ωmega', 'Жанна', 'жена', 'ǅemal', 'ßtraße', 'Zoë', '𝐉ane', '𝐣ane', '\ud835ane', '“He')
    const text = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\u0085')), {maxLength: 8}).map((pairs) => pairs.map(([w, space]) => w + space).join(''))
    fc.assert(fc.property(text, (value) => titledBeforePronoun(value) === byExpressions(value)), {numRuns: 20_000})
    expect(['Acme writer Jane Doe it’s a fair price.', 'Mr Doe his song had been copied.', 'If they go.', 'When I left.'].map(titledBeforePronoun)).toEqual([true, true, false, false])
  })

  test('opensUpper and opensLower answer as /^\\p{Lu}/u and /^\\p{Ll}/u for every code point', () => {
    const differ: string[] = []
    const check = (text: string) => {
      if (opensUpper(text) !== /^\p{Lu}/u.test(text) || opensLower(text) !== /^\p{Ll}/u.test(text)) differ.push(text)
    }
    check('')
    // (each code point alone and before an ASCII letter; each surrogate alone is a lone one)
    for (let code = 0; code <= 0x10ffff; code++) {
      const character = String.fromCodePoint(code)
      check(character)
      check(`${character}a`)
    }
    expect(differ).toEqual([])
    expect(['A', 'a', 'É', 'é', '𝐀', '𝐚', 'ǅ', '1', '\ud835'].map((text) => [opensUpper(text), opensLower(text)])).toEqual([
      [true, false], [false, true], [true, false], [false, true], [true, false], [false, true], [false, false], [false, false], [false, false]
    ])
  })
})

// The rule tags a sentence's tail (after its last comma) from the word before that comma, and the
// whole sentence only when the tail is a speaker: the tail's words must get the tags they get in
// the whole sentence. (`scripts/tail-window.ts` checks it on every such sentence of the corpora.)
describe('tailTokens', () => {
  const wholeTail = (text: string) => {
    const tokens = tag(text).filter((token) => token.tag !== 'PUNCT' || token.text === ',')
    return tokens.slice(tokens.map((token) => token.text).lastIndexOf(',') + 1)
  }
  test('tags the tail as the whole sentence does', () => {
    for (const text of [
      'Rates will rise in March, the Treasury Department.',
      'Allies will back the effort, the five people familiar with the talks.',
      'Usually, lenders tell the agencies of any changes, he.',
      'Sales rose, up from 4.0 billion in 1985, the company.',
      'The plant will close next year, Acme chief executive Jane Doe it would cost jobs.',
      // (`as` after a comma opens a clause; at the start of a text the tagger reads a preposition)
      'Prices should stay high this year, as well, as a result of the fall in the pound.',
      'The bank cut rates only briefly, as the market recovered all the ground it lost.'
    ]) {
      expect(tailTokens(text)).toEqual(wholeTail(text))
    }
    expect(tailTokens('The bank cut rates only briefly, as the market recovered.')![0]).toEqual({text: 'as', tag: 'SCONJ'})
  })

  test('finds no tail without a comma token', () => {
    expect(tailTokens('No comma here.')).toBeNull()
  })
})
