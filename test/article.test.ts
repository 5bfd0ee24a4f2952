// The article model's verbatim zones are found word by word (only words that hold a mark of code
// or an address are read): they must be exactly what a scan of the whole text finds. Words are
// counted without splitting a text: the count must be what the split gives.
import {expect, test} from '@jest/globals'
import fc from 'fast-check'
import {buildArticle, VERBATIM, verbatimZones} from '../src/article.js'
import {parseText} from '../src/parse.js'
import {countWords} from '../src/text.js'

// The zones as a scan of the whole text with VERBATIM finds them, ending marks trimmed as the model does.
function scanned(prose: string): Array<{start: number; end: number}> {
  return [...prose.matchAll(VERBATIM)].map((match) => {
    let token = match[0].replace(/[.,;:!?]+$/u, '')
    if (/[)\]]$/u.test(token) && !/[([]/u.test(token)) token = token.slice(0, -1).replace(/[.,;:!?]+$/u, '')
    return {start: match.index, end: match.index + token.length}
  })
}

const PIECES = [
  'a', 'Bc', 'x1', 'www.', 'http://', 'https://', 'example.com', '/', '//', '.', '..', '@', '#', '\\', 'C:', ':', '_', '(', ')', '[', ']',
  '=', '{', '}', ',', ';', '!', '?', '-', '+', 'é', '😀', '’', '"', ' ', ' ', ' ', '\u00a0', '\n', '\t', '\u2028', '\u3000', '\ufeff', '\u200b'
]

test('verbatim zones are those a scan of the whole text finds', () => {
  const text = 'Mail jane.doe@example.com, see https://example.com/a. or (at example.com/b) #tag @jane /usr/bin C:\\x user_name a.b() x=1 {r} www.x.org.'
  expect(verbatimZones(text).map(({start, end}) => text.slice(start, end))).toEqual([
    'jane.doe@example.com',
    'https://example.com/a',
    'example.com/b',
    '#tag',
    '@jane',
    '/usr/bin',
    'C:\\x',
    'user_name',
    'a.b()',
    'x=1',
    '{r}',
    'www.x.org'
  ])
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 60}), (pieces) => {
      const prose = pieces.join('')
      expect(verbatimZones(prose)).toEqual(scanned(prose))
    }),
    {numRuns: 3000}
  )
})

test('words are counted as splitting at white space counts them, up to a limit', () => {
  expect([countWords('Leave a comment'), countWords(''), countWords(' two  words\u00a0'), countWords('a b c d e', 2)]).toEqual([3, 1, 4, 3])
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...PIECES), {maxLength: 40}), fc.nat(12), (pieces, limit) => {
      const text = pieces.join('')
      const count = text.split(/\s+/u).length
      expect(countWords(text)).toBe(count)
      expect(countWords(text, limit)).toBe(Math.min(count, limit + 1))
    }),
    {numRuns: 3000}
  )
})

// A paragraph of plain text parsed by src/parse.ts takes its text from the source (buildArticle's
// `ours`): the blocks must be those that gathering every leaf of the tree gives.
test('a plain paragraph\'s text from the source is the text its leaves give', () => {
  const blocksOf = (source: string, ours: boolean) =>
    buildArticle(parseText(source), source, undefined, false, false, undefined, ours).blocks.map(({prose, segments, kind, start, end, furniture, bodyStart}) => ({prose, segments, kind, start, end, furniture, bodyStart}))
  const parts = [...PIECES, 'The talks', ' went on.', '\n\n', '\r\n\r\n', ' \n \n', 'Mr.', 'U.S.', '&amp;', '—', 'By Jane Doe']
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...parts), {maxLength: 40}), (pieces) => {
      const source = pieces.join('')
      expect(blocksOf(source, true)).toEqual(blocksOf(source, false))
    }),
    {numRuns: 2000}
  )
})
