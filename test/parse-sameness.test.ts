// The plain-text parser (parse.ts: its own tokenizer and one-pass merging steps) must give the
// tree parse-english gives: same node types, values, children and positions. The reference here
// is parse-english itself, run on each piece between blank lines (as parseByParagraph splits the
// text) with its positions moved to where the piece starts. Compared on every text of the shared
// corpora (read where they are, never copied; skipped when they are absent), on random strings
// rich in the marks the steps join, and through the Markdown parser, which runs the same steps.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {toNlcst} from 'mdast-util-to-nlcst'
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs'
import {join, resolve} from 'node:path'
import {ParseEnglish} from 'parse-english'
import {VFile} from 'vfile'
import {nextBlankLine, parseByParagraph, Parser} from '../src/parse.js'

type Point = {line: number; column: number; offset: number}

// parse-english's tree of a piece of text that starts at `origin`.
function pieceTree(text: string, origin: Point): {children: unknown[]} {
  return JSON.parse(JSON.stringify(new ParseEnglish().parse(text)), (key, point) =>
    (key === 'start' || key === 'end') && typeof point?.offset === 'number'
      ? {
          line: point.line + origin.line - 1,
          column: point.line === 1 ? point.column + origin.column - 1 : point.column,
          offset: point.offset + origin.offset
        }
      : point
  )
}

// Where a text that starts at `point` ends.
function after(point: Point, text: string): Point {
  let {line, column} = point
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 0x0d || (code === 0x0a && text.charCodeAt(index - 1) !== 0x0d)) {
      line++
      column = 1
    } else if (code !== 0x0a) column++
  }
  return {line, column, offset: point.offset + text.length}
}

// parse-english, a piece between blank lines at a time (a blank line at the very end stays with
// the last piece), each blank line a white-space node of the root.
function reference(source: string): unknown {
  const children: unknown[] = []
  let point: Point = {line: 1, column: 1, offset: 0}
  while (point.offset < source.length) {
    let match = nextBlankLine(source, point.offset)
    if (match && match.index + match[0].length === source.length) match = null
    const text = source.slice(point.offset, match ? match.index : source.length)
    children.push(...pieceTree(text, point).children)
    point = after(point, text)
    if (!match) break
    const end = after(point, match[0])
    children.push({type: 'WhiteSpaceNode', value: match[0], position: {start: point, end}})
    point = end
  }
  if (children.length === 0) return {type: 'RootNode', children}
  return {type: 'RootNode', children, position: {start: {line: 1, column: 1, offset: 0}, end: point}}
}

const plain = (value: unknown) => JSON.parse(JSON.stringify(value))

// The nearest shared/corpus above this checkout, or the one named by COPYDESK_CORPUS.
const corpus =
  process.env.COPYDESK_CORPUS ?? [1, 2, 3, 4].map((up) => resolve('../'.repeat(up), 'shared/corpus')).find((path) => existsSync(path))

function textsIn(folder: string): string[] {
  const found: string[] = []
  for (const name of readdirSync(folder).sort()) {
    const path = join(folder, name)
    if (statSync(path).isDirectory()) found.push(...textsIn(path))
    else if (/\.(?:txt|md)$/u.test(name)) found.push(path)
  }
  return found
}

// Marks the merging steps act on, abbreviations, elisions, initialisms, numbers, line breaks.
const UNITS = ['.', '.', '..', '-', '--', "'", '’', '&', '/', ',', ';', ':', '!', '?', '…', '"', '“', '”', '(', ')', '_', '@',
  ' ', ' ', ' ', '  ', '\t', '\n', '\n', '\r\n', '\r', '\u00a0',
  'A', 'B', 'S', 'U', 'W', 'N', 'a', 'b', 'e', 'n', 's', 'w', 'o', 'I', 'é', 'Él',
  'the', 'The', 'rock', 'ol', 'em', 'tis', 'll', 'Mr', 'Dr', 'etc', 'Inc', 'Jan', 'ca', 'al',
  '1', '2', '12', '0', '3.5', '½', '😀']
const rich = fc.array(fc.constantFrom(...UNITS), {maxLength: 60}).map((units) => units.join(''))

describe('the plain-text parse is parse-english\'s', () => {
  test('on random text rich in joining marks', () => {
    fc.assert(
      fc.property(rich, (value) => {
        expect(plain(parseByParagraph(value))).toEqual(reference(value))
      }),
      {numRuns: 3000}
    )
  })

  test('through the Markdown utilities, which run the parser\'s steps', () => {
    fc.assert(
      fc.property(rich, (value) => {
        const mdast = fromMarkdown(value)
        expect(plain(toNlcst(mdast, new VFile(value), Parser))).toEqual(plain(toNlcst(mdast, new VFile(value), ParseEnglish)))
      }),
      {numRuns: 1000}
    )
  })

  const corpora = corpus ? ['news-dev', 'wire-dev', 'web-dev'].map((name) => join(corpus, name)).filter((path) => existsSync(path)) : []
  // (run only where the shared corpora are: they are never copied into the project)
  const onCorpora = corpora.length > 0 ? test : test.skip
  onCorpora('on every text of the shared corpora', () => {
    let compared = 0
    for (const path of corpora.flatMap(textsIn)) {
      const value = readFileSync(path, 'utf8')
      const tree = plain(parseByParagraph(value))
      const expected = reference(value)
      // (the path, not the whole tree, names a difference)
      if (JSON.stringify(tree) !== JSON.stringify(expected)) expect({path, tree}).toEqual({path, tree: expected})
      compared++
    }
    expect(compared).toBeGreaterThan(500)
  })
})
