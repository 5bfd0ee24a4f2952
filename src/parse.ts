// Parsing copy into nlcst. Plain text goes through parse-english with one extra step: a line
// break ends a block (a subheading has no period to end it), unless the text is hard-wrapped.
// Markdown and HTML keep their structure as hints for the article model.
import type {Node, Paragraph, Root, RootContent, Sentence, SentenceContent, WhiteSpace, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {KindHint} from './article.js'
import type {Span} from './rule.js'
import {ownCopy} from './text.js'
import {tooLarge, UnparsableError} from './unparsable.js'
import {createRequire} from 'node:module'
import {
  breakImplicitSentences,
  makeFinalWhiteSpaceSiblings,
  makeInitialWhiteSpaceSiblings,
  mergeFinalHyphens,
  mergeInitialAmpersands,
  mergeInitialisms,
  mergeRemainingFullStops,
  mergeSlashes,
  patchPosition,
  prefixExceptions,
  removeEmptyNodes
} from './parse-steps.js'

// The Markdown and HTML parsers (a tenth of the start-up) are loaded only for a file that needs
// them: `loadMarkup()` ahead of time where the caller can wait (the CLI, the server), else
// synchronously on first use (require of an ES module, Node 20.19 and later).
type Markup = typeof import('./markup.js')
let markup: Markup | undefined

/** Loads the Markdown and HTML parsers, so that a later lint of such a file need not wait. */
export async function loadMarkup(): Promise<void> {
  markup ??= await import('./markup.js')
}

function markupNow(): Markup {
  markup ??= createRequire(import.meta.url)('./markup.js') as Markup
  return markup
}

export type Format = 'text' | 'markdown' | 'html'

/** What the parser leaves on `file.data.copydesk` for the engine. */
export interface ParseData {
  format: Format
  hints?: readonly KindHint[]
  /** Source ranges where no safe fix is ever made (an HTML `<head>`), beside what is not prose. */
  frozen?: readonly Span[]
  /** Whether this is a section of a longer text, after its start (see sections.ts). */
  continued?: boolean
}

declare module 'vfile' {
  interface DataMap {
    copydesk: ParseData
  }
}

const LINE_BREAK = /[\r\n]/u
// A line that ends like this is the end of a sentence or a heading, not a wrapped line.
const LINE_END = /[.!?…:;"'”’»)\]]\s*$/u

/** The extensions the CLI collects from folders; a file named explicitly is linted whatever it is. */
export const EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm']

/** The format of a file from its name: `.md`/`.markdown`, `.html`/`.htm`, else plain text. */
export function formatOf(path: string | undefined): Format {
  const name = (path ?? '').toLowerCase()
  if (/\.(?:md|markdown|mdown|mkd)$/u.test(name)) return 'markdown'
  if (/\.(?:html?|xhtml)$/u.test(name)) return 'html'
  return 'text'
}

/** Parses plain text into nlcst with one paragraph per line (or per paragraph, when wrapped). */
export function parseText(source: string, wrapped = isHardWrapped(source), cache?: PieceCache, copy = false): Root {
  const tree = parseByParagraph(source, cache, copy)
  if (!wrapped) splitAtLineBreaks(tree)
  return tree
}

// parse-english's white space, and a run of it that holds two or more line breaks and nothing but
// spaces and tabs besides: parse-english always ends a sentence and a paragraph there (its
// breakImplicitSentences and paragraph split), so the text on either side parses alone.
// (parse-english's white space is `[\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]`.)
// Found as a whole run of white space, then checked: the one expression that said it all
// (`[ \t]*(?:(?:\r?\n|\r)[ \t]*){2,}` between look-arounds) overflowed the expression engine's
// stack on a run of some million line breaks, and the file was called too large to parse.
/**
 * The first blank line (a whole run of white space with two line breaks) at or after `from`. Only
 * the runs that hold a line break are looked at, from one line break to the next: a match for
 * every space between two words was a tenth of what a plain-text parse allocated.
 */
export function nextBlankLine(source: string, from: number): {index: number; 0: string} | null {
  for (let at = from; at < source.length; ) {
    const lineBreak = nextLineBreak(source, at)
    if (lineBreak === -1) return null
    let start = lineBreak
    while (start > 0 && isParserSpace(source.charCodeAt(start - 1))) start--
    let end = lineBreak + 1
    while (end < source.length && isParserSpace(source.charCodeAt(end))) end++
    at = end
    // A run that began before `from` is not whole.
    if (start < from) continue
    const text = source.slice(start, end)
    if (!/^[ \t\r\n]+$/u.test(text)) continue
    let breaks = 0
    for (let i = 0; i < text.length && breaks < 2; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) breaks++
    }
    if (breaks >= 2) return {index: start, 0: text}
  }
  return null
}

// The index of the first CR or LF at or after `from`, or -1 (found by the expression engine: a
// loop over each character of every text ran in the interpreter for much of a cold parse).
const LINE_BREAKS = /[\r\n]/gu
function nextLineBreak(source: string, from: number): number {
  LINE_BREAKS.lastIndex = from
  return LINE_BREAKS.exec(source)?.index ?? -1
}

// Whether a UTF-16 code unit is white space as SPACE (parse-latin's) has it. Not `isSpace` of
// src/text.ts, which is JavaScript's `\s`: the parser counts U+0085 as white space and U+FEFF not.
function isParserSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000
}

// Two of parse-latin's paragraph steps merge one sentence into the one before by splicing it out
// of the paragraph's array, once per merge: quadratic in a long paragraph (`. ` or `end. . `
// 80,000 times took 4 to 11 s). The two below do the same merges in one pass. parse-latin's
// steps are found by what they do (its modules are not exported); a step not found is kept.

// A sentence without words joins the one before it (the first one, the one after it).
// (Both make their new array at their first merge: most paragraphs have none, and keep theirs.)
function mergeNonWordSentences(paragraph: Paragraph): void {
  const nodes = paragraph.children
  let children: Paragraph['children'] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const child = nodes[index]
    if (child.type === 'SentenceNode' && !child.children.some((node) => node.type === 'WordNode')) {
      const previous = children ? children[children.length - 1] : nodes[index - 1]
      if (previous?.type === 'SentenceNode') {
        children ??= nodes.slice(0, index)
        for (const node of child.children) previous.children.push(node)
        if (previous.position && child.position) previous.position.end = child.position.end
        continue
      }
      const next = nodes[index + 1]
      if (next?.type === 'SentenceNode') {
        next.children = [...child.children, ...next.children]
        if (next.position && child.position) next.position.start = child.position.start
        // As in parse-latin, the sentence that took it in is not looked at again.
        children ??= nodes.slice(0, index)
        children.push(next)
        index++
        continue
      }
    }
    children?.push(child)
  }
  if (children) paragraph.children = children
}

// A sentence whose first word starts in lower case joins the one before it.
const LOWER_INITIAL = /^\p{Ll}/u
function mergeLowerCaseSentences(paragraph: Paragraph): void {
  const nodes = paragraph.children
  let children: Paragraph['children'] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const child = nodes[index]
    const previous = children ? children[children.length - 1] : nodes[index - 1]
    if (child.type === 'SentenceNode' && previous?.type === 'SentenceNode' && startsInLowerCase(child)) {
      children ??= nodes.slice(0, index)
      for (const node of child.children) previous.children.push(node)
      if (previous.position && child.position) previous.position.end = child.position.end
    } else children?.push(child)
  }
  if (children) paragraph.children = children
}

function startsInLowerCase(sentence: Sentence): boolean {
  for (const node of sentence.children) {
    if (node.type === 'WordNode') {
      // (an ASCII first character is read by its code, without the word's text)
      const code = node.children[0]?.type === 'TextNode' ? node.children[0].value.charCodeAt(0) : NaN
      if (code < 0x80) return code >= 0x61 && code <= 0x7a
      return LOWER_INITIAL.test(toString(node))
    }
    if (node.type === 'SymbolNode' || node.type === 'PunctuationNode') return false
  }
  return false
}

// Inside a sentence: words joined by a mark (`newly-built`, `AT&T`) become one word, once per
// join by a splice, quadratic in a long sentence of hyphenated words. The marks are parse-latin's.
const INNER_WORD_MARK = /^(?:[&'\-.:=?@\u00AD\u00B7\u2010\u2011\u2019\u2027]|_+)$/u
function mergeInnerWordMarks(sentence: Sentence): void {
  const nodes = sentence.children
  // Made at the first join: most sentences have none, and keep their array.
  let children: Sentence['children'] | undefined
  let index = 0
  while (index < nodes.length) {
    const child = nodes[index]
    const previous = children ? children[children.length - 1] : nodes[index - 1]
    // (only a joining mark before a word or another mark can start a join: a comma or a final
    // period, nearly every mark after a word, is passed without the arrays below, and without
    // its expression: it is followed by white space)
    const next = nodes[index + 1]
    if (
      previous?.type === 'WordNode' &&
      (child.type === 'SymbolNode' || child.type === 'PunctuationNode') &&
      (next?.type === 'WordNode' || next?.type === 'SymbolNode' || next?.type === 'PunctuationNode') &&
      INNER_WORD_MARK.test(child.value)
    ) {
      // Marks and words from here on, as long as they alternate; marks not followed by a word
      // stay where they are. (Found first, then moved: no arrays for the join.)
      let lastWord = -1
      for (let position = index; position < nodes.length; position++) {
        const node = nodes[position]
        if (node.type === 'WordNode') lastWord = position
        else if (!((node.type === 'SymbolNode' || node.type === 'PunctuationNode') && INNER_WORD_MARK.test(node.value))) break
      }
      if (lastWord !== -1) {
        children ??= nodes.slice(0, index)
        const into = previous.children
        for (let position = index; position <= lastWord; position++) {
          const node = nodes[position]
          if (node.type === 'WordNode') for (const token of node.children) into.push(token)
          else into.push(node as Word['children'][number])
        }
        const last = into[into.length - 1]
        if (previous.position && last.position) previous.position.end = last.position.end
        index = lastWord + 1
        continue
      }
    }
    children?.push(child)
    index++
  }
  if (children) sentence.children = children
}

// The kinds of token parse-latin's tokenizer gives a UTF-16 code unit, by code unit, learnt from
// it one code unit at a time the first time each is met (0: not yet asked).
const WORD = 1
const WHITE_SPACE = 2
const PUNCTUATION = 3
const SYMBOL = 4
const KINDS = ['', 'WordNode', 'WhiteSpaceNode', 'PunctuationNode', 'SymbolNode'] as const
const kinds = new Uint8Array(0x10000)
const latinTokenize = ParseEnglish.prototype.tokenize

function kindOf(code: number): number {
  let kind = kinds[code]
  if (kind === 0) {
    kind = KINDS.indexOf(latinTokenize.call(new ParseEnglish(), String.fromCharCode(code))[0].type as (typeof KINDS)[number])
    kinds[code] = kind
  }
  return kind
}

/** parse-english with its quadratic merging steps done in one pass; the Markdown and HTML parsers use it too. */
export class Parser extends ParseEnglish {
  /**
   * Where the next text tokenized starts in its file: its positions are given from there, so a
   * paragraph parsed alone needs no second pass to move them.
   */
  origin: Origin = {line: 1, column: 1, offset: 0}

  /** Where the last text tokenized ends (its last token's end), for the next piece to start at. */
  end: Origin = {line: 1, column: 1, offset: 0}

  /**
   * parse-latin's tokenizer, with the same tokens and positions (counted from `origin`), one point
   * per offset shared by the tokens that meet there (points are never changed, only replaced),
   * and each code unit's kind looked up rather than matched by three expressions.
   */
  override tokenize(value: string | null | undefined): SentenceContent[] {
    const children: SentenceContent[] = []
    if (!value) return children
    let {line, column, offset} = this.origin
    let start: Origin = {line, column, offset}
    let from = 0
    let previousKind = 0
    let previous = -1
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      const kind = kindOf(code)
      // A run of words or white space goes on; so does a run of one mark, or of surrogates.
      if (index > from && !(kind === previousKind && (kind === WORD || kind === WHITE_SPACE || code === previous || (code >= 0xd800 && code <= 0xdfff)))) {
        const end: Origin = {line, column, offset}
        children.push(token(previousKind, value.slice(from, index), start, end))
        from = index
        start = end
      }
      if (code === 0x0d || (code === 0x0a && previous !== 0x0d)) {
        line++
        column = 1
      } else if (code !== 0x0a) column++
      offset++
      previousKind = kind
      previous = code
    }
    const end: Origin = {line, column, offset}
    children.push(token(previousKind, value.slice(from), start, end))
    this.end = end
    return children
  }

  /**
   * parse-latin's, but a step that can only join around a mark the text does not hold where it
   * could act (most paragraphs have no `&` or `/`, and their `-` and `’` sit between two words)
   * is not run: the tree is the same, without its walk.
   */
  override tokenizeSentence(value: string | null | undefined): Sentence {
    const sentence: Sentence = {type: 'SentenceNode', children: this.tokenize(value)}
    for (const step of this.tokenizeSentencePlugins) {
      if (value && SENTENCE_STEP_NEEDS.get(step)?.(value) === false) continue
      step(sentence)
    }
    return sentence
  }

  /**
   * parse-latin's: the sentence the text makes is split after each terminal mark, and the
   * paragraph steps run, but a step that needs what the text does not hold (two line breaks) is
   * not run, and a terminal mark is found by its first character before the expression is asked.
   */
  override tokenizeParagraph(value: string | null | undefined): Paragraph {
    const tokens = this.tokenizeSentence(value).children
    const paragraph: Paragraph = {type: 'ParagraphNode', children: splitAfter<Sentence>('SentenceNode', tokens, isTerminalMarker)}
    for (const step of this.tokenizeParagraphPlugins) {
      if (value && PARAGRAPH_STEP_NEEDS.get(step)?.(value) === false) continue
      step(paragraph)
    }
    return paragraph
  }

  /** parse-latin's: the paragraph is split after white space that holds a line break (` ` is passed without the expression). */
  override tokenizeRoot(value: string | null | undefined): Root {
    const paragraph = this.tokenizeParagraph(value)
    const root: Root = {type: 'RootNode', children: splitAfter<Paragraph>('ParagraphNode', paragraph.children, isNewLine)}
    for (const step of this.tokenizeRootPlugins) step(root)
    return root
  }
}

// parse-latin's split of a node's children into nodes of a type, each ending at a child that
// passes the test or at the last child.
function splitAfter<T extends Paragraph | Sentence>(type: T['type'], nodes: readonly Node[], test: (node: Node) => boolean): T[] {
  const parts: T[] = []
  let start = 0
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    if (index === nodes.length - 1 || test(node)) {
      const part = {type, children: nodes.slice(start, index + 1)} as T
      const first = nodes[start]
      if (first.position && node.position) part.position = {start: first.position.start, end: node.position.end}
      parts.push(part)
      start = index + 1
    }
  }
  return parts
}

const isTerminalMarker = (node: Node) =>
  node.type === 'PunctuationNode' && TERMINAL_START.has((node as Literal).value.charCodeAt(0)) && TERMINAL_MARKER.test((node as Literal).value)
// parse-latin's white space with a line break, between two blocks.
const NEW_LINE = /^[ \t]*((\r?\n|\r)[\t ]*)+$/u
const isNewLine = (node: Node) => node.type === 'WhiteSpaceNode' && (node as Literal).value !== ' ' && NEW_LINE.test((node as Literal).value)
type Literal = Node & {value: string}

// parse-latin's terminal marker (a run of `!`, `.`, `?`, `…`, `‽`), and the first characters it can have.
const TERMINAL_MARKER = /^([!.?\u2026\u203D]+)$/u
const TERMINAL_START = new Set([0x21, 0x2e, 0x3f, 0x2026, 0x203d])

// Whether a sentence step may change a text's tokens, by step (see `tokenizeSentence`); a step
// not here always runs.
const SENTENCE_STEP_NEEDS = new Map<unknown, (value: string) => boolean>()
// The same for paragraph steps (see `tokenizeParagraph`).
const PARAGRAPH_STEP_NEEDS = new Map<unknown, (value: string) => boolean>()

// Whether a `-` ends a word (`ab-`, `ab- and`): one after white space or at the start has no word
// before it (white space never joins a word), one before a letter or digit has a word after it
// (`well-known`); neither joins the word before.
function mayEndInHyphen(value: string): boolean {
  for (let at = value.indexOf('-'); at !== -1; at = value.indexOf('-', at + 1)) {
    if (at === 0 || kindOf(value.charCodeAt(at - 1)) === WHITE_SPACE) continue
    if (at + 1 < value.length && kindOf(value.charCodeAt(at + 1)) === WORD) continue
    return true
  }
  return false
}

// Whether an apostrophe (`'` or `’`) may be elided (`'tis`, `rock 'n' roll`, `goin' home`). The
// elision step joins only a lone apostrophe (not `''`), and either one with white space after it
// and a word before it (a word never ends in white space), or one with a word after it (which
// does not start with white space) and no word before it (a letter or digit before it is the end
// of a word). `it’s`, `students’.` and `’ ` after white space are passed.
function mayElide(value: string): boolean {
  if (value.includes('/')) return true
  for (const apostrophe of ["'", '\u2019']) {
    for (let at = value.indexOf(apostrophe); at !== -1; at = value.indexOf(apostrophe, at + 1)) {
      if (value[at - 1] === apostrophe || value[at + 1] === apostrophe) continue
      const before = at > 0 ? kindOf(value.charCodeAt(at - 1)) : 0
      const after = at + 1 < value.length ? kindOf(value.charCodeAt(at + 1)) : 0
      if (after === WHITE_SPACE ? before !== 0 && before !== WHITE_SPACE : after !== 0 && before !== WORD) return true
    }
  }
  return false
}

// Whether a full stop may end an initialism (`U.S.`): only a lone `.` right after a word of
// several parts can, and a word whose letters and digits run back to white space or the start
// of the text is one part (`said.`).
function mayEndInitialism(value: string): boolean {
  for (let at = value.indexOf('.'); at !== -1; at = value.indexOf('.', at + 1)) {
    if (at === 0 || value.charCodeAt(at - 1) === 0x2e || value.charCodeAt(at + 1) === 0x2e) continue
    let start = at - 1
    while (start >= 0 && kindOf(value.charCodeAt(start)) === WORD) start--
    if (start === at - 1 ? kindOf(value.charCodeAt(start)) !== WHITE_SPACE : start >= 0 && kindOf(value.charCodeAt(start)) !== WHITE_SPACE) return true
  }
  return false
}

// Whether a text holds two line breaks (`\r` or `\n`), which a white space that breaks a sentence holds.
function holdsTwoLineBreaks(value: string): boolean {
  const feed = value.indexOf('\n')
  const ret = value.indexOf('\r')
  if (feed !== -1 && ret !== -1) return true
  return (feed !== -1 && value.includes('\n', feed + 1)) || (ret !== -1 && value.includes('\r', ret + 1))
}

function token(kind: number, value: string, start: Origin, end: Origin): SentenceContent {
  if (kind === WORD) return {type: 'WordNode', children: [{type: 'TextNode', value, position: {start, end}}], position: {start, end}}
  return {type: KINDS[kind] as 'WhiteSpaceNode' | 'PunctuationNode' | 'SymbolNode', value, position: {start, end}}
}
{
  const plugins = [...ParseEnglish.prototype.tokenizeParagraphPlugins]
  const word = (value: string) => ({type: 'WordNode' as const, children: [{type: 'TextNode' as const, value}]})
  const sentence = (...children: Sentence['children']): Sentence => ({type: 'SentenceNode', children})
  const period = {type: 'PunctuationNode' as const, value: '.'}
  // The first step that merges the second sentence of this paragraph into the first.
  const find = (make: () => Sentence[]) =>
    plugins.findIndex((plugin) => {
      const paragraph: Paragraph = {type: 'ParagraphNode', children: make()}
      plugin(paragraph)
      return paragraph.children.length === 1
    })
  const prefixes = find(() => [sentence(word('Mr'), period), sentence(word('Smith'), period)])
  const latinPrefixes = find(() => [sentence(word('12'), period), sentence(word('Then'), period)])
  // The first step that changes this sentence (parse-latin's full stop step makes `One.` a word).
  const changes = (make: () => Sentence) =>
    plugins.findIndex((plugin) => {
      const probe = make()
      plugin({type: 'ParagraphNode', children: [probe]})
      return probe.children.length !== make().children.length
    })
  // The first step that breaks this sentence at its blank line.
  const breaks = plugins.findIndex((plugin) => {
    const paragraph: Paragraph = {type: 'ParagraphNode', children: [sentence(word('One'), {type: 'WhiteSpaceNode', value: '\n\n'}, word('Two'))]}
    plugin(paragraph)
    return paragraph.children.length === 3
  })
  const steps: Array<[number, (paragraph: Paragraph) => void]> = [
    [breaks, breakImplicitSentences],
    [find(() => [sentence(word('One'), period), sentence({type: 'SymbolNode', value: '&'})]), mergeNonWordSentences],
    [find(() => [sentence(word('One'), period), sentence(word('two'), period)]), mergeLowerCaseSentences],
    [prefixes, prefixExceptions(plugins[prefixes])],
    [latinPrefixes === prefixes ? -1 : latinPrefixes, prefixExceptions(plugins[latinPrefixes], true)],
    [changes(() => sentence(word('One'), period, word('Two'), period)), mergeRemainingFullStops]
  ]
  for (const [index, step] of steps) if (index !== -1) plugins[index] = step
  // The steps that move white space out of sentences and paragraphs and drop empty ones, in the
  // root's and the paragraph's lists: found in the root's by what they do, replaced in both.
  const rootPlugins = [...ParseEnglish.prototype.tokenizeRootPlugins]
  const space = () => ({type: 'WhiteSpaceNode' as const, value: ' '})
  const moves = (make: () => Paragraph['children']) =>
    rootPlugins.find((plugin) => {
      const root: Root = {type: 'RootNode', children: [{type: 'ParagraphNode', children: make()}]}
      plugin(root)
      return root.children.length !== 1
    })
  const wholeSteps = new Map<unknown, (parent: never) => void>([
    [moves(() => [space(), sentence(word('One'))]), makeInitialWhiteSpaceSiblings],
    [moves(() => [sentence(word('One')), space()]), makeFinalWhiteSpaceSiblings],
    [moves(() => []), removeEmptyNodes]
  ])
  wholeSteps.delete(undefined)
  for (const list of [rootPlugins, plugins] as Array<Array<(node: never) => void>>) {
    for (let index = 0; index < list.length; index++) list[index] = wholeSteps.get(list[index]) ?? list[index]
  }
  Parser.prototype.tokenizeRootPlugins = rootPlugins
  Parser.prototype.tokenizeParagraphPlugins = plugins

  // The sentence step that makes `well-known` one word.
  const sentencePlugins = [...ParseEnglish.prototype.tokenizeSentencePlugins]
  const joins = sentencePlugins.findIndex((plugin) => {
    const probe = sentence(word('well'), {type: 'PunctuationNode', value: '-'}, word('known'))
    plugin(probe)
    return probe.children.length === 1
  })
  if (joins !== -1) sentencePlugins[joins] = mergeInnerWordMarks
  // The sentence steps that make `&b`, `ab-` and `an/or` one word.
  const joining = (make: () => Sentence['children']) =>
    sentencePlugins.findIndex((plugin) => {
      const probe = sentence(...make())
      plugin(probe)
      return probe.children.length === 1
    })
  const sentenceSteps: Array<[number, (sentence: Sentence) => void]> = [
    [joining(() => [{type: 'SymbolNode', value: '&'}, word('b')]), mergeInitialAmpersands],
    [joining(() => [word('ab'), {type: 'PunctuationNode', value: '-'}]), mergeFinalHyphens],
    [joining(() => [word('an'), {type: 'SymbolNode', value: '/'}, word('or')]), mergeSlashes]
  ]
  for (const [index, step] of sentenceSteps) if (index !== -1) sentencePlugins[index] = step
  // The step that makes `U.S.` one word (its last full stop joins the initialism before it).
  const initialisms = joining(() => [{type: 'WordNode', children: [{type: 'TextNode', value: 'U'}, period, {type: 'TextNode', value: 'S'}]}, period])
  if (initialisms !== -1) {
    sentencePlugins[initialisms] = mergeInitialisms(sentencePlugins[initialisms])
    SENTENCE_STEP_NEEDS.set(sentencePlugins[initialisms], mayEndInitialism)
  }
  // The step that gives a sentence, a paragraph or the root the start of its first child and the
  // end of its last, in all three lists.
  const point = () => ({line: 1, column: 1, offset: 0})
  const patches = (plugin: (node: never) => void) => {
    const probe = {type: 'ParagraphNode', children: [{type: 'SentenceNode', children: [], position: {start: point(), end: point()}}]}
    plugin(probe as never)
    return (probe as {position?: unknown}).position !== undefined
  }
  for (const list of [rootPlugins, plugins, sentencePlugins] as Array<Array<(node: never) => void>>) {
    const index = list.findIndex(patches)
    if (index !== -1) list[index] = patchPosition
  }
  Parser.prototype.tokenizeSentencePlugins = sentencePlugins
  // Ours act only on the mark they are named for; parse-english's elision step only on `/` and a
  // lone apostrophe (`w/`, `'s`, `rock 'n' roll`), found as the step that makes `w/` one word.
  SENTENCE_STEP_NEEDS.set(mergeInitialAmpersands, (value) => value.includes('&'))
  SENTENCE_STEP_NEEDS.set(mergeFinalHyphens, mayEndInHyphen)
  SENTENCE_STEP_NEEDS.set(mergeSlashes, (value) => value.includes('/'))
  const elision = joining(() => [word('w'), {type: 'SymbolNode', value: '/'}])
  if (elision !== -1 && !SENTENCE_STEP_NEEDS.has(sentencePlugins[elision])) SENTENCE_STEP_NEEDS.set(sentencePlugins[elision], mayElide)
  PARAGRAPH_STEP_NEEDS.set(breakImplicitSentences, holdsTwoLineBreaks)
}

/**
 * parse-english, one paragraph at a time: it parses a text as one run whose merging steps splice
 * a single token array, quadratic in the file (a 5 MB file took 20 s). Each paragraph between
 * blank lines is parsed alone, its positions counted from where it sits, which gives the tree
 * parse-english gives for the whole text.
 */
export function parseByParagraph(source: string, cache?: PieceCache, copy = false): Root {
  const parser = new Parser()
  const children: RootContent[] = []
  const used = new Map<string, Piece[]>()
  // A long text's pieces are not kept: their trees would outlive the lint.
  if (cache && source.length > MAX_CACHED_TEXT) cache.pieces.clear()
  const caching = cache !== undefined && source.length <= MAX_CACHED_TEXT
  let line = 1
  let column = 1
  let offset = 0
  // (line breaks counted by a loop: a match of them for each piece was garbage)
  const advance = (text: string) => {
    let breaks = 0
    let last = -1
    for (let at = 0; at < text.length; at++) {
      const code = text.charCodeAt(at)
      if (code === 0x0a || (code === 0x0d && text.charCodeAt(at + 1) !== 0x0a)) breaks++
      if (code === 0x0a || code === 0x0d) last = at
    }
    if (breaks > 0) {
      line += breaks
      column = text.length - last
    } else column += text.length
    offset += text.length
  }
  // A piece parsed from here: the tokenizer has counted its lines, so the next piece starts
  // where its last token ends (a second walk over each text's characters was a tenth of a cold parse).
  const parsePiece = (text: string) => {
    parser.origin = {line, column, offset}
    const tree = parser.parse(text)
    shareWordPositions(tree)
    if (text.length > 0) ({line, column, offset} = parser.end)
    return tree.children
  }
  // The white space of a blank line between two pieces becomes a node of the root, as
  // parse-english makes it; the first piece keeps the white space before it, the last the white
  // space after it (parse-english reads a final period differently at the very end).
  while (offset < source.length) {
    let match = nextBlankLine(source, offset)
    if (match && match.index + match[0].length === source.length) match = null
    const text = source.slice(offset, match ? match.index : source.length)
    if (caching && text.length <= MAX_CACHED_PIECE) {
      // A piece the last parse had (as often as it had it) is moved, not parsed again.
      let piece = cache.pieces.get(text)?.pop()
      if (piece) {
        place(piece, line, column, offset)
        advance(text)
      } else {
        piece = {children: [], line, column, offset}
        // When the text is an edited copy of the last (`copy`), from a copy of the piece: its nodes'
        // text, cut from the source, would keep this whole version of the text alive as long as the
        // piece serves, one version for each piece an editor changed. (Not otherwise: a run over
        // many files reuses no piece, so a copy would be work for nothing.)
        piece.children = parsePiece(copy ? ownCopy(text) : text)
      }
      for (const child of piece.children) children.push(child)
      const pieces = used.get(text)
      if (pieces) pieces.push(piece)
      else used.set(text, [piece])
    } else {
      for (const child of parsePiece(text)) children.push(child)
    }
    if (!match) break
    const start = {line, column, offset}
    advance(match[0])
    children.push({type: 'WhiteSpaceNode', value: match[0], position: {start, end: {line, column, offset}}})
  }
  if (caching) cache.pieces = used
  if (children.length === 0) return {type: 'RootNode', children}
  return {type: 'RootNode', children, position: {start: {line: 1, column: 1, offset: 0}, end: {line, column, offset}}}
}

/**
 * The pieces of the last text a linter parsed, by text, for the next parse of an edited copy
 * of it (an editor re-lints after each keystroke): rules only read trees, so a piece's nodes
 * can serve again once their positions are moved. It holds the pieces of one text only.
 */
export interface PieceCache {
  pieces: Map<string, Piece[]>
}

/** A cache for `parseByParagraph`. */
export function createPieceCache(): PieceCache {
  return {pieces: new Map()}
}

// Pieces of a text this long, or a piece this long, are parsed every time: caching them would
// keep a large tree alive after the lint.
const MAX_CACHED_TEXT = 300_000
const MAX_CACHED_PIECE = 100_000

// A piece's nodes, where they were put last, and, once it is moved, its points with their places
// in the piece, to move it again in one pass. A piece is indexed only when a later parse reuses
// it: most are never reused (the CLI lints each file once), and indexing every piece took a
// fifth of the parse.
interface Piece {
  children: RootContent[]
  line: number
  column: number
  offset: number
  points?: Point[]
  lines?: Uint32Array
  columns?: Uint32Array
  offsets?: Uint32Array
}

// The points of a piece, each once, with their places relative to the piece's start.
function index(piece: Piece): Required<Piece> {
  const unique: Point[] = []
  const stack: Node[] = [...piece.children]
  const seen = new Set<Point>()
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (seen.has(point)) continue
      seen.add(point)
      unique.push(point)
    }
    if ('children' in node) for (const child of node.children as Node[]) stack.push(child)
  }
  piece.points = unique
  piece.lines = Uint32Array.from(unique, (point) => point.line - piece.line + 1)
  piece.columns = Uint32Array.from(unique, (point) => (point.line === piece.line ? point.column - piece.column + 1 : point.column))
  piece.offsets = Uint32Array.from(unique, (point) => (point.offset ?? 0) - piece.offset)
  return piece as Required<Piece>
}

// Puts a piece where it starts at this line, column and offset.
function place(piece: Piece, line: number, column: number, offset: number): void {
  const {points, lines, columns, offsets} = piece.points ? (piece as Required<Piece>) : index(piece)
  for (let index = 0; index < points.length; index++) {
    const point = points[index]
    point.line = lines[index] + line - 1
    point.column = lines[index] === 1 ? columns[index] + column - 1 : columns[index]
    point.offset = offsets[index] + offset
  }
  piece.line = line
  piece.column = column
  piece.offset = offset
}

type Point = {line: number; column: number; offset?: number}
type Origin = {line: number; column: number; offset: number}

// Gives a word of one text node its position, shared with that node, as the tree is kept (a 5 MB
// file's tree went from 575 MB to 390 MB with this and one point object per offset, which the
// tokenizer makes). parse-english's steps change a word's position when they merge into it, so
// the two are one object only once the parse is done.
function shareWordPositions(parent: {children: Node[]}): void {
  for (const node of parent.children) {
    if (!('children' in node)) continue
    const children = node.children as Node[]
    if (node.type === 'WordNode') {
      if (children.length === 1 && node.position && children[0].position) children[0].position = node.position
    } else shareWordPositions(node as {children: Node[]})
  }
}

/** Gives a plain-text tree (ours or retext-english's) one block per line; idempotent. */
export function normalizePlain(tree: Root, source: string): void {
  if (!isHardWrapped(source)) splitAtLineBreaks(tree)
}

/** The unified parser plugin: picks the format from the option, else the file name. */
export function copydeskParse(this: Processor, options?: {format?: Format; cache?: PieceCache}) {
  let lastPath: string | undefined | null = null
  this.parser = (document: string, file: VFile) => {
    const format = options?.format ?? formatOf(file.path)
    if (format === 'text') {
      const section = file.data.copydeskSection
      file.data.copydesk = section?.continued ? {format, continued: true} : {format}
      try {
        // (a text of the same file as the last is an edited copy of it, see `parseByParagraph`;
        // a section of a long text is not)
        const again = section === undefined && file.path === lastPath
        lastPath = file.path
        return parseText(document, section?.wrapped, options?.cache, again)
      } catch (error) {
        // parse-english spreads a sentence's tokens into one call: a stack overflow on a
        // sentence of some hundred thousand tokens is that file's error, not a crash.
        if (error instanceof RangeError) throw new UnparsableError(tooLarge(document))
        throw error
      }
    }
    const {parseHtml, parseMarkdown} = markupNow()
    const {tree, hints, frozen} = format === 'markdown' ? parseMarkdown(document, file) : parseHtml(document, file)
    file.data.copydesk = {format, hints, frozen}
    return tree
  }
}

/**
 * Makes every line break a block boundary, in place; idempotent. parse-english ends a paragraph at
 * a line break only after a sentence ends, so `Welcome sign\nIn Seoul, ...` would be one sentence.
 */
export function splitAtLineBreaks(tree: Root): void {
  const children: RootContent[] = []
  let current: Paragraph['children'] = []
  const flush = () => {
    if (current.length > 0) children.push(group<Paragraph>('ParagraphNode', current))
    current = []
  }
  for (const child of tree.children) {
    if (child.type !== 'ParagraphNode') {
      flush()
      children.push(child)
      continue
    }
    for (const node of child.children) {
      if (node.type === 'WhiteSpaceNode' && LINE_BREAK.test(node.value)) {
        flush()
        children.push(node)
      } else if (node.type === 'SentenceNode') {
        // (a sentence on one line is its own part: nothing to remember for it)
        if (!breaksLine(node)) {
          current.push(node)
          continue
        }
        for (const part of linesOf(node)) {
          if (part.type === 'WhiteSpaceNode') {
            flush()
            children.push(part)
          } else current.push(part)
        }
      } else current.push(node)
    }
    flush()
  }
  tree.children = children
}

// A sentence's lines, as sentences, with the line breaks between them; kept for the sentence,
// whose nodes a re-parse of an unchanged piece reuses: the same parts come back (src/article.ts
// and the rules remember what they read of a sentence by its node). Only a sentence that breaks
// a line comes here: one on one line is its own part, without an entry in a weak map (which
// the garbage collector works through at every collection) for each sentence of every text.
const lines = new WeakMap<Sentence, Array<Sentence | WhiteSpace>>()

function linesOf(sentence: Sentence): Array<Sentence | WhiteSpace> {
  let parts = lines.get(sentence)
  if (parts) return parts
  parts = []
  let part: SentenceContent[] = []
  for (const token of sentence.children) {
    if (token.type === 'WhiteSpaceNode' && LINE_BREAK.test(token.value)) {
      if (part.length > 0) parts.push(group<Sentence>('SentenceNode', part))
      part = []
      parts.push(token as WhiteSpace)
    } else part.push(token)
  }
  if (part.length === sentence.children.length) parts.push(sentence)
  else if (part.length > 0) parts.push(group<Sentence>('SentenceNode', part))
  lines.set(sentence, parts)
  return parts
}

// Whether a sentence holds a line break (the white space between two words is nearly always one
// space, passed without reading it).
function breaksLine(sentence: Sentence): boolean {
  for (const token of sentence.children) {
    if (token.type === 'WhiteSpaceNode' && token.value !== ' ' && LINE_BREAK.test(token.value)) return true
  }
  return false
}

function group<T extends Paragraph | Sentence>(type: T['type'], nodes: T['children']): T {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  const position =
    first.position && last.position ? {start: first.position.start, end: last.position.end} : undefined
  return {type, children: nodes, position} as T
}

/** Whether plain text is wrapped at a fixed width, so a line break is only a space. */
export function isHardWrapped(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/u)
  let pairs = 0
  let open = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trim() === '' || lines[i + 1].trim() === '') continue
    pairs++
    if (!LINE_END.test(lines[i])) open++
  }
  return pairs >= 3 && open / pairs >= 0.5
}

/** Whether a tree is the plain parse of this text (not derived from Markdown or HTML). */
export function isPlainParse(tree: Root, source: string): boolean {
  return toString(tree) === source
}
