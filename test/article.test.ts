// The article model's verbatim zones are found word by word (only words that hold a mark of code
// or an address are read): they must be exactly what a scan of the whole text finds. Words are
// counted without splitting a text: the count must be what the split gives.
import {expect, test} from '@jest/globals'
import fc from 'fast-check'
import {blockKey, buildArticle, createShapeCache, shaped, VERBATIM, verbatimZones, withBlocks} from '../src/article.js'
import {parseText} from '../src/parse.js'
import {createTally} from '../src/tally.js'
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

test('a linter keeps the shapes of the last article it built, and only those', () => {
  const cache = createShapeCache()
  const build = (source: string, tree = parseText(source)) => ({tree, article: buildArticle(tree, source, undefined, false, false, undefined, true, cache)})
  const made = (article: ReturnType<typeof buildArticle>, value: number) => shaped(article.blocks[0], 'probe', () => value)
  const first = 'The council met on Tuesday.\n\nIt said little.'
  const {tree, article} = build(first)
  expect(made(article, 1)).toBe(1)
  // The same nodes again (an editor's re-lint reuses the parse of an unchanged paragraph): the
  // paragraph's shape is the one the last article worked out.
  expect(made(build(first, tree).article, 2)).toBe(1)
  // Another article in between: the first one's shapes are not kept for its nodes.
  build('Something else entirely.')
  expect(made(build(first, tree).article, 3)).toBe(3)
  expect([...cache.last.keys()]).toEqual(tree.children.flatMap((node) => (node.type === 'ParagraphNode' ? [node.children[0]] : [])))
})

test('articles, their name indexes and their counters have no accessor of their own', () => {
  // V8 keeps an accessor defined on an object in its old generation: a getter of each article's
  // own (an object literal's `get names()`) held the article, parse tree and all, through every
  // young-generation collection until a full one. Their getters are on their classes' prototypes.
  const source = 'Storm hits Leeds\n\nMary Smith said rain fell in Leeds.'
  const counter = createTally(source)
  const article = buildArticle(parseText(source), source, undefined, false, false, counter, true)
  const accessors = (object: object) => Object.entries(Object.getOwnPropertyDescriptors(object)).filter(([, descriptor]) => 'get' in descriptor).map(([key]) => key)
  expect({article: accessors(article), names: accessors(article.names), counter: accessors(counter)}).toEqual({article: [], names: [], counter: []})
  // (and they still answer through them)
  expect([article.names.count('Leeds'), article.names.lower.has('storm'), counter.tally.source]).toEqual([2, false, source])
  // Its functions still work taken apart from it, as the object literal's closures did.
  const {blockAt, count, tokensNear} = article
  const {of, count: uses} = article.names
  const block = blockAt(source.indexOf('Mary'))!
  expect([block.prose, count(/Leeds/gu), tokensNear({start: 0, end: 5}), of(block).map((use) => use.text), uses('Mary')]).toEqual([
    'Mary Smith said rain fell in Leeds.',
    2,
    [],
    ['Mary', 'Smith', 'Leeds'],
    1
  ])
})

test('a view of some of the blocks answers for the whole article, whichever is read first', () => {
  // The engine hands a rule scoped to blocks a view of the blocks it has not seen (src/engine.ts):
  // only `blocks` is theirs; the block at an offset, the names, the tokens, the headline and the
  // counts are the whole article's, also when the view is the first to ask for them.
  const PARAGRAPHS = ['Storm hits Leeds', 'Mary Smith said rain fell in Leeds.', 'See www.example.com/a_b or mail jo@example.com.', 'smith said the river rose.', 'By Jane Roe', '"We are ready," said Smith.']
  const text = fc.array(fc.constantFrom(...PARAGRAPHS), {minLength: 1, maxLength: 7}).map((parts) => parts.join('\n\n'))
  fc.assert(
    fc.property(text, fc.array(fc.boolean(), {minLength: 7, maxLength: 7}), fc.boolean(), (source, kept, viewFirst) => {
      const build = () => buildArticle(parseText(source), source, undefined, false, false, createTally(source), true)
      const article = build()
      const view = withBlocks(article, article.blocks.filter((_, index) => kept[index]))
      const asked = viewFirst ? view : article
      const names = asked.names
      const tokens = asked.tokens
      expect(view.names).toBe(names)
      expect(article.names).toBe(names)
      expect(view.tokens).toBe(tokens)
      expect(article.tokens).toBe(tokens)
      // What the whole article, built again, says.
      const whole = build()
      expect([...names.uses.keys()]).toEqual([...whole.names.uses.keys()])
      expect([...names.lower]).toEqual([...whole.names.lower])
      expect(view.blocks).toEqual(article.blocks.filter((_, index) => kept[index]))
      expect([view.source, view.headline]).toEqual([article.source, article.headline])
      for (let offset = -1; offset <= source.length + 1; offset++) expect(view.blockAt(offset)).toBe(article.blockAt(offset))
      expect(view.tokensNear({start: 0, end: source.length})).toEqual(article.tokensNear({start: 0, end: source.length}))
      expect(view.count(/\bsaid\b/gu)).toBe(source.match(/\bsaid\b/gu)?.length ?? 0)
      expect(withBlocks(view, []).names).toBe(names)
    }),
    {numRuns: 200}
  )
})

test('a block of the same text is remembered apart when its nodes part it otherwise', () => {
  // parse-english glues the full stop into `rebuilt` when the next line goes on in lower case: the
  // first line reads the same in both texts, but a rule reading its nodes may find otherwise.
  const keyOfFirst = (source: string) => {
    const article = buildArticle(parseText(source), source, undefined, false, false, undefined, true)
    return blockKey(article.blocks[0], source)
  }
  const glued = 'The pier will be rebuilt rebuilt.\ni think so.\n'
  const apart = 'The pier will be rebuilt rebuilt.\nI think so.\n'
  expect(keyOfFirst(glued)).not.toBe(keyOfFirst(apart))
  expect(keyOfFirst(glued)).toBe(keyOfFirst(glued))
  expect(keyOfFirst(apart)).toBe(keyOfFirst('The pier will be rebuilt rebuilt.\nWe think so.\n'))
})
