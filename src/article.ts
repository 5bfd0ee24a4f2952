// The article model: what each block of the copy IS (headline, subheading, body, list item,
// quotation, or page furniture such as a byline or a photo credit), its dateline, its quotations,
// and its text with a map back to source offsets. Computed once per file and handed to every
// rule, so no rule has to guess what a line is.
import type {Paragraph, Root} from 'nlcst'
import type {Span} from './rule.js'
import {spanOf} from './nlcst.js'
import {buildNameIndex, type NameIndex} from './names.js'
import {createTally, type Counter} from './tally.js'
import {countWords, isSpace, ownCopy} from './text.js'
import {scanLines, tokensNear, type Token} from './tokens.js'

export type BlockKind = 'headline' | 'subheading' | 'body' | 'list-item' | 'quotation' | 'furniture'

/** What a line of page furniture is: it is never a sentence, so sentence rules skip it. */
export type Furniture = 'byline' | 'date' | 'credit' | 'department' | 'yield'

/** Structure the parser already knows (a Markdown heading, an HTML list item) over a source range. */
export interface KindHint {
  start: number
  end: number
  kind: BlockKind
}

export interface Block {
  index: number
  kind: BlockKind
  /** For a `furniture` block, which kind: `by Jane Doe on May 3, 2011`, `Photo: Jane Doe`, ... */
  furniture?: Furniture
  /** Whether markup said what the block is (a Markdown heading, an HTML list item), not a guess. */
  marked: boolean
  node: Paragraph
  /** Source offsets of the whole block. */
  start: number
  end: number
  /** The text as the parser saw it; equals the source slice for plain text. */
  prose: string
  /** Where the text after a dateline (`WASHINGTON/TOKYO:`) starts in `prose`; 0 when there is none. */
  bodyStart: number
  /**
   * Runs of `prose` that sit unbroken in the source: `prose[from + i]` is at `source + i`. A run
   * that is not `exact` stands for source of another length (an entity, code shown opaque).
   */
  segments: ReadonlyArray<{from: number; source: number; length: number; exact: boolean}>
  /** Source offset of a `prose` index (`prose.length` maps to the block's end). */
  at(index: number): number
  /** Source span of `prose.slice(from, to)`. */
  span(from: number, to: number): Span
  /**
   * The quotations in `prose`, in order: `start` at the opening mark, `end` after the closing one
   * (the block's end when it is never closed, as a quotation running on into the next paragraph).
   */
  readonly quotations: ReadonlyArray<{start: number; end: number}>
  /**
   * Runs of `prose` that are not words of the language but are quoted as they are: web and
   * e-mail addresses, handles and hashtags, paths, and code-like tokens (`user_name`, `a.b()`).
   * House style is not enforced inside them.
   */
  readonly verbatim: ReadonlyArray<{start: number; end: number}>
  /**
   * Whether the block belongs to a letter set out in the copy, from its salutation (`Dear
   * Editor,`) to its sign-off (`Yours truly,`): a document quoted as its author wrote it.
   */
  letter: boolean
  /**
   * Source spans of the block's quotations that write the pronoun `i` in lower case (a quoted
   * post or text message), in order; see `isWrittenAt`.
   */
  readonly posts: ReadonlyArray<{start: number; end: number}>
}

export interface Article {
  source: string
  blocks: readonly Block[]
  headline: Block | undefined
  /** The block that holds a source offset. */
  blockAt(offset: number): Block | undefined
  /** Capitalized words and their uses, built on first access. */
  readonly names: NameIndex
  /**
   * Addresses, e-mail addresses, paths, numbers with parts and code-like tokens (`.NET`,
   * `node.js`, `e.g.`) in source order, built on first access: safe fixes never change them.
   */
  readonly tokens: readonly Token[]
  /** The protected tokens that overlap or touch a source span. */
  tokensNear(span: Span): Token[]
  /**
   * How often a short pattern occurs in the source (see `createTally`: a global pattern whose
   * matches never overlap and reach at most `REACH` characters), counted once per lint and, after
   * an edit, only around what changed.
   */
  count(pattern: RegExp): number
}

/**
 * Whether the source text of a span is exactly the prose the parser saw, white space between
 * blocks aside: only then can an edit be applied to the source without touching markup.
 */
export function isVerbatim(article: Article, span: Span): boolean {
  const {source} = article
  let cursor = span.start
  const {blocks} = article
  // Blocks and segments are in source order: what ends before the span is passed over by binary
  // search, and the walk stops past its end (a scan of them all per fix was quadratic in a
  // Markdown paragraph of many marks, each fixed).
  const blockOrder = inOrder(blocks, (block) => block.start, (block) => block.end)
  for (let index = firstReaching(blocks, blockOrder, (block) => block.end, span.start); index < blocks.length; index++) {
    const block = blocks[index]
    if (block.start > span.end && blockOrder) break
    if (block.end < span.start || block.start > span.end) continue
    let inside = false
    const {segments} = block
    const segmentEnd = (segment: (typeof segments)[number]) => segment.source + segment.length - 1
    const segmentOrder = inOrder(segments, (segment) => segment.source, segmentEnd)
    for (let at = firstReaching(segments, segmentOrder, segmentEnd, span.start); at < segments.length; at++) {
      const segment = segments[at]
      if (segment.source >= span.end && segmentOrder) break
      const from = Math.max(span.start, segment.source)
      const to = Math.min(span.end, segment.source + segment.length)
      if (to <= from) continue
      // Inside a block, any source between two runs of prose is markup (`*`, an indentation, a
      // quotation's `> `): an edit across it would change it.
      const gap = source.slice(cursor, from)
      if (inside ? gap !== '' : gap.trim() !== '') return false
      // An entity (`&amp;`) is one character of prose and several of source.
      if (!segment.exact) return false
      const offset = segment.from + (from - segment.source)
      if (block.prose.slice(offset, offset + (to - from)) !== source.slice(from, to)) return false
      cursor = to
      inside = true
    }
  }
  return source.slice(cursor, Math.max(cursor, span.end)).trim() === ''
}

const ordered = new WeakMap<readonly object[], boolean>()

// Whether items are in source order, by where they start and where they end (found once per list).
function inOrder<Item extends object>(items: readonly Item[], start: (item: Item) => number, end: (item: Item) => number): boolean {
  let sorted = ordered.get(items)
  if (sorted === undefined) {
    sorted = items.every((item, index) => index === 0 || (start(items[index - 1]) <= start(item) && end(items[index - 1]) <= end(item)))
    ordered.set(items, sorted)
  }
  return sorted
}

// The first of the items whose `end` is at least `offset` when they are in order; else the first.
function firstReaching<Item extends object>(items: readonly Item[], sorted: boolean, end: (item: Item) => number, offset: number): number {
  if (!sorted) return 0
  let low = 0
  let high = items.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (end(items[middle]) < offset) low = middle + 1
    else high = middle
  }
  return low
}

// A block ends a sentence when its last visible mark is one of these, before any closing quotes
// or brackets. A colon ends an introduction to what follows, so such a line is not a heading.
const TERMINAL = /[.!?…:;,][\s"'”’»)\]]*$/u
const LIST_ITEM = /^\s*(?:[-*•·–—]|\d{1,3}[.)]|[a-z][.)]|[ivxlc]{1,5}[.)]|\([a-z0-9]{1,3}\))\s+/u
// `WASHINGTON/TOKYO/SEOUL:`, `LONDON (Reuters) -`, `NEW YORK, March 3 (AP) —`: a place in capitals,
// optionally a date and an agency, then a colon or a dash.
const DATELINE =
  /^[A-Z][A-Z.'’-]+(?:[ /][A-Z][A-Z.'’-]+)*(?:,\s+[A-Z][a-z]+\.?(?:\s+\d{1,2})?)?\s*(?:\([A-Za-z .]+\)\s*)?(?::|[-–—]{1,2})\s+/u
const QUOTED = /^\s*["“‘'].*["”’']\s*$/su
/** Stands for each character of code or an address in a block's prose (a private-use character). */
export const OPAQUE = '\uE000'
// Headings are short; anything longer without terminal punctuation is a body paragraph whose
// punctuation was lost.
const MAX_HEADING_WORDS = 15

/**
 * Builds the article model of a parsed file; `continued` for a section of a longer text after
 * its start, whose first line is no headline; `ours` for a tree of plain text parsed by
 * src/parse.ts, whose paragraphs' leaves are their source, offset for offset; `cache` a linter's
 * shapes of the last article it built (see `ShapeCache`).
 */
export function buildArticle(
  tree: Root,
  source: string,
  hints?: readonly KindHint[],
  derived = false,
  continued = false,
  counter: Counter = createTally(source),
  ours = false,
  cache?: ShapeCache
): Article {
  const paragraphs = tree.children.filter((node): node is Paragraph => node.type === 'ParagraphNode')
  const blocks: Block[] = []
  const solid: Block[] = []
  const shapes: Shape[] = []
  const known = cache?.last
  const kept = cache ? new Map<object, Shape>() : undefined
  paragraphs.forEach((node, index) => {
    const {start, end} = spanOf(node)
    const shape = shapeOf(node, start, ours ? source.slice(start, end) : undefined, known, kept)
    const block = makeBlock(node, index, start, end, shape)
    blocks.push(block)
    shapes.push(shape)
    if (!continued && !(shape.blank ??= shape.prose.trim() === '')) solid.push(block)
  })

  const kindAt = hints ? hintFinder(hints) : undefined
  for (const block of blocks) {
    const shape = shapes[block.index]
    const hinted = kindAt ? kindAt(block.start) : derived ? sniff(source, block) : undefined
    const first = block === solid[0] && solid.length > 1
    block.kind = hinted ?? (shape.kinds[first ? 1 : 0] ??= classify(block.prose, first))
    block.marked = hinted !== undefined
    if (block.kind === 'body' || block.kind === 'subheading') {
      const furniture = shape.furniture === undefined ? (shape.furniture = furnitureOf(block.prose) ?? null) : shape.furniture
      if (furniture) {
        block.kind = 'furniture'
        block.furniture = furniture
      }
    }
    if ((block.kind === 'body' || block.kind === 'quotation') && block.index !== solid[0]?.index) {
      block.bodyStart = shape.dateline ??= DATELINE.exec(block.prose)?.[0].length ?? 0
    }
  }

  markLetters(solid, shapes)
  if (cache) cache.last = kept!

  return new ArticleModel(source, blocks, counter)
}

// The model as a class: its methods and lazy parts on the prototype, no property of its own an
// accessor. It was an object literal with `names` and `tokens` getters: V8 keeps each pair of
// accessors it defines on an object in its old generation, so through the getters' closures each
// article, parse tree and all, outlived every young-generation collection until a full one. A
// cold run over 293 articles so carried 10-45 MB of trees out of the young generation, and its
// young collections took two to four times as long (V8's --trace-gc-nvp).
class ArticleModel implements Article {
  readonly headline: Block | undefined
  // The whole article's blocks and their starts, its names and tokens: a view of some of its
  // blocks (`withBlocks`) shares them.
  private readonly all: readonly Block[]
  private readonly starts: readonly number[]
  private readonly whole: ArticleModel
  private readonly lazy: {names?: NameIndex; tokens?: Token[]}

  constructor(
    readonly source: string,
    readonly blocks: readonly Block[],
    private readonly counter: Counter,
    of?: ArticleModel
  ) {
    this.whole = of ?? this
    this.all = of ? of.all : blocks
    this.starts = of ? of.starts : blocks.map((block) => block.start)
    this.headline = of ? of.headline : blocks.find((block) => block.kind === 'headline')
    this.lazy = of ? of.lazy : {}
  }

  /** The article with only these of its blocks to check. */
  withBlocks(blocks: readonly Block[]): ArticleModel {
    return new ArticleModel(this.source, blocks, this.counter, this.whole)
  }

  // (arrow functions, as the closures of the object literal this was: a rule may take them apart
  // from the article, `const {blockAt} = article`)
  readonly blockAt = (offset: number): Block | undefined => {
    const {starts, all} = this
    let low = 0
    let high = starts.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (starts[middle] <= offset) low = middle + 1
      else high = middle - 1
    }
    const block = all[high]
    return block && offset <= block.end ? block : undefined
  }

  get names(): NameIndex {
    return (this.lazy.names ??= buildNameIndex(this.whole))
  }

  get tokens(): readonly Token[] {
    return (this.lazy.tokens ??= scanLines(this.source))
  }

  readonly tokensNear = (span: Span): Token[] => tokensNear(this.tokens, span)

  readonly count = (pattern: RegExp): number => this.counter.count(pattern)
}

/**
 * The article as a rule sees it when only some of its blocks are left to check (the engine
 * repeats what it said in the others): those blocks, and the whole article's names, tokens and
 * counts. (a model of its own: an object made over the article with Object.create and a `names`
 * getter, as this was, held the article as ArticleModel's comment says)
 */
export function withBlocks(article: Article, blocks: readonly Block[]): Article {
  if (article instanceof ArticleModel) return article.withBlocks(blocks)
  return Object.create(article, {blocks: {value: blocks}, names: {get: () => article.names}}) as Article
}

// A letter set out in the copy: a salutation line (`Dear Editor,`, `My dear Sir`), then within a
// few dozen paragraphs a sign-off line (`Yours truly,`, `Sincerely,`, `Best wishes`). Both are
// needed: `Dear readers, we are back.` alone opens a column, not a letter.
const SALUTATION = /^(?:my\s+)?(?:dear|dearest)\s+\p{L}[^.!?\n]{0,60}[,:!]?$/iu
const SIGN_OFF =
  /^(?:yours(?:\s+(?:truly|sincerely|faithfully|ever|always|respectfully))?|(?:very\s+)?(?:sincerely|faithfully|truly|respectfully)(?:\s+yours)?|(?:best|kind|warm|warmest|with)?\s*regards|(?:best|warm|with best)\s+wishes|(?:with\s+)?(?:love|thanks|gratitude)|cheers|respectfully)\b[^.!?\n]{0,40}$/iu
const MAX_LETTER_BLOCKS = 40

function markLetters(blocks: readonly Block[], shapes: readonly Shape[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const {prose} = blocks[i]
    if (!(shapes[blocks[i].index].salutation ??= SALUTATION.test(prose.trim()) && prose.split(/\s+/u).length <= 10)) continue
    const last = Math.min(blocks.length, i + MAX_LETTER_BLOCKS)
    for (let j = i + 1; j < last; j++) {
      if (!SIGN_OFF.test(blocks[j].prose.trim())) continue
      for (let k = i; k <= j; k++) blocks[k].letter = true
      i = j
      break
    }
  }
}

/**
 * Whether a source offset is in copy quoted as its writer wrote it, where house style and
 * informal spelling are the writer's: a letter set out in the copy, or a quotation that writes
 * the pronoun `i` in lower case (a quoted post or text message: `"gr8 gig, wish i could stay
 * longr"`). No copy editor transcribing speech writes `i`, so such a quotation is written text.
 */
export function isWrittenAt(article: Article, offset: number): boolean {
  const block = article.blockAt(offset)
  if (!block) return false
  if (block.letter) return true
  // By halves: a paragraph of many quotations and unknown words stays linear-logarithmic.
  const {posts} = block
  let low = 0
  let high = posts.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (posts[middle].end <= offset) low = middle + 1
    else if (posts[middle].start > offset) high = middle - 1
    else return true
  }
  return false
}

// The pronoun `i` in lower case: alone, or in `i'm`, `i've`, `i'll`, `i'd`; not `i.e.` or `Wi-Fi`.
const LOWER_CASE_I = /(?<![\p{L}\p{N}'’.-])i(?:['’](?:m|ve|ll|d))?(?=[\s,;:!?…"”]|\.(?!\p{L})|$)/u

// A tree derived from Markdown by someone else's pipeline (remark-retext) comes without hints:
// the markup before a block on its line says what it is (`## `, `- `, `1. `, `> `).
function sniff(source: string, block: Block): BlockKind | undefined {
  const line = source.slice(source.lastIndexOf('\n', block.start - 1) + 1, block.start)
  if (/^ {0,3}#{1,6}[ \t]+$/u.test(line)) return /^ {0,3}#[ \t]/u.test(line) && block.index === 0 ? 'headline' : 'subheading'
  if (/^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?$/u.test(line)) return 'list-item'
  if (/^[ \t]*>/u.test(line)) return 'quotation'
  return undefined
}

// The structure around an offset: a heading, list item or quotation wins over the paragraph
// inside it (a list item's text is a Markdown paragraph), and the innermost of those wins.
/**
 * `hintAt` for offsets in order: the hints that hold an offset are the ones open at it, kept on a
 * stack as the offsets advance (a scan of every hint per block was quadratic in a Markdown file of
 * thousands of headings). Hints nest as the markup does; if they do not, or an offset goes back,
 * every hint is looked at, as before.
 */
export function hintFinder(hints: readonly KindHint[]): (offset: number) => BlockKind | undefined {
  const sorted = hints.map((hint, index) => ({hint, index})).sort((a, b) => a.hint.start - b.hint.start || b.hint.end - a.hint.end)
  const open: typeof sorted = []
  let nested = true
  for (const item of sorted) {
    while (open.length > 0 && open[open.length - 1].hint.end <= item.hint.start) open.pop()
    if (open.length > 0 && open[open.length - 1].hint.end < item.hint.end) nested = false
    open.push(item)
  }
  open.length = 0
  let next = 0
  let last = -Infinity
  return (offset) => {
    if (!nested || offset < last) return hintAt(hints, offset)
    last = offset
    for (; next < sorted.length && sorted[next].hint.start <= offset; next++) {
      while (open.length > 0 && open[open.length - 1].hint.end <= sorted[next].hint.start) open.pop()
      open.push(sorted[next])
    }
    while (open.length > 0 && open[open.length - 1].hint.end <= offset) open.pop()
    // As hintAt chooses: a hint that is not `body` over one that is, then the shortest, then the first.
    let found: (typeof sorted)[number] | undefined
    for (const item of open) {
      if (!found) {
        found = item
        continue
      }
      const [a, b] = [item.hint, found.hint]
      const better =
        (b.kind === 'body' && a.kind !== 'body') ||
        ((b.kind === 'body') === (a.kind === 'body') &&
          (a.end - a.start < b.end - b.start || (a.end - a.start === b.end - b.start && item.index < found.index)))
      if (better) found = item
    }
    return found?.hint.kind
  }
}

/** The kind the markup gives the block at `offset`: a hint that is not `body` first, then the shortest. */
export function hintAt(hints: readonly KindHint[], offset: number): BlockKind | undefined {
  let found: KindHint | undefined
  for (const hint of hints) {
    if (offset < hint.start || offset >= hint.end) continue
    const better =
      !found ||
      (found.kind === 'body' && hint.kind !== 'body') ||
      ((found.kind === 'body') === (hint.kind === 'body') && hint.end - hint.start < found.end - found.start)
    if (better) found = hint
  }
  return found?.kind
}

// Page furniture: lines of a web page or wire story around the article that are not sentences.
// Bylines (`by Jane Doe`, `By JANE DOE, Reuters`, `by jdoe on January 31, 2011 at 1:31pm`,
// `Posted by Jane Doe`), dates and times alone (`Updated 4:36 p.m. ET July 23, 2012`), photo and
// source credits (`Photo: Jane Doe`, `image credit: Wikimedia`, `via: Example News`, `Adapted from
// Example Kitchen`), a department line (`from the lost-in-the-post dept.`), a recipe's yield
// (`makes 8 large rolls`).
const BYLINE = /^(?:(?:posted|written|words|story|reported|reporting|compiled|edited|text|interview)\s+)?by\s*:?\s+\S/iu
const POSTED_BY = /\b(?:posted|written|published|filed|submitted)\s+(?:by|on)\b/iu
const STAMP = /^(?:posted|published|updated|last updated|last modified|filed|first published|created|submitted|modified)\b/iu
const CREDIT =
  /^(?:(?:(?:cover|top|lead|main|file|header|featured)\s+)?(?:photo|photos|photograph|photographs|image|images|picture|pictures|pic|pics|illustration|graphic|video|cartoon|map|chart)(?:\s+credits?)?|credits?|sources?|via|h\/t|hat tip)\s*(?::|-|–|—|\||\bby\b|\bvia\b|\bcourtesy\b|\bfrom\b)/iu
const REPRINT = /^(?:(?:adapted|reprinted|excerpted|republished|reposted|cross-posted|recipe)\s+(?:with permission\s+)?(?:from|by)|courtesy of)\b/iu
const DEPARTMENT = /^from the\s.+\sdept\.?$/iu
// `Jane Doe wrote:` above a quoted comment or post.
const WROTE = /^[^.!?"“]{1,60}\b(?:wrote|writes|said|says|asked|asks|tweeted|posted)\s*:$/iu
const YIELD = /^(?:makes|serves|yields?|servings|prep time|cook time|total time)\b:?\s+(?:about\s+|up to\s+)?(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a dozen|dozen)/iu
const MONTH = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/iu
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?$/iu
const DATE_WORD = /^(?:\d{1,4}(?:st|nd|rd|th)?|\d{1,4}(?:[/.-]\d{1,4}){1,2}|\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:am|pm)?|[ap]\.?m\.?|am|pm|et|est|edt|ct|cst|cdt|pt|pst|pdt|gmt|bst|utc|cet|cest|ist|aest|at|on|of|the|updated|posted|published|-|–|—|\||•|·|\/)$/iu

function furnitureOf(prose: string): Furniture | undefined {
  const text = prose.trim()
  const words = countWords(text, 20)
  if (words > 20) return undefined
  // A sentence ends with a period; a stamp may end with one of `p.m.` or `a.m.`.
  const sentence = /[.!?]["'”’)]*$/u.test(text) && !/\b[ap]\.m\.$|\bdept\.$|\d$/iu.test(text)
  if (DEPARTMENT.test(text)) return 'department'
  if (BYLINE.test(text) && !sentence && words <= 16) return 'byline'
  if (POSTED_BY.test(text) && words <= 12) return 'byline'
  if (WROTE.test(text) && words <= 8) return 'byline'
  if (YIELD.test(text) && !sentence && words <= 10) return 'yield'
  if ((CREDIT.test(text) || REPRINT.test(text)) && words <= (sentence ? 8 : 16)) return 'credit'
  const tokens = text.split(/[\s,]+/u).filter((token) => token !== '')
  const dated = tokens.some((token) => MONTH.test(token) || WEEKDAY.test(token) || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/u.test(token))
  if (dated && tokens.every((token) => MONTH.test(token) || WEEKDAY.test(token) || DATE_WORD.test(token))) return 'date'
  if (STAMP.test(text) && dated && words <= 16) return 'date'
  return undefined
}

function classify(prose: string, first: boolean): BlockKind {
  const text = prose.trim()
  if (LIST_ITEM.test(text)) return 'list-item'
  const words = countWords(text, 2 * MAX_HEADING_WORDS)
  const ends = TERMINAL.test(text)
  if (first && words <= 2 * MAX_HEADING_WORDS && !/\.[\s"'”’)]*$/u.test(text)) return 'headline'
  if (!ends && words <= MAX_HEADING_WORDS) return 'subheading'
  if (QUOTED.test(text)) return 'quotation'
  return 'body'
}

type Segment = {from: number; source: number; length: number; exact: boolean}
interface Text {
  prose: string
  segments: Segment[]
}
// A text being gathered: its pieces, joined once at the end, and its length so far.
interface Gathering {
  pieces: string[]
  length: number
  segments: Segment[]
}

// What a sentence node gives its block's text, with offsets from the sentence's start. The parse
// of an unchanged paragraph is reused from the last lint (src/parse.ts), its sentence nodes with
// it, so an editor's re-lint reads only the sentences it has not seen.
const sentenceTexts = new WeakMap<object, Text>()

type Leafy = {type?: string; children?: unknown[]; value?: unknown; position?: Paragraph['position']}

function gather(parent: Leafy, into: Gathering): void {
  const {children} = parent
  if (children) {
    const base = parent.type === 'SentenceNode' ? parent.position?.start.offset : undefined
    if (base === undefined) {
      for (const child of children) gather(child as Leafy, into)
      return
    }
    let text = sentenceTexts.get(parent)
    if (!text) {
      const own: Gathering = {pieces: [], length: 0, segments: []}
      for (const child of children) gather(child as Leafy, own)
      // The segments were made for this sentence alone: moved where they are.
      for (const segment of own.segments) segment.source -= base
      text = {prose: own.pieces.join(''), segments: own.segments}
      sentenceTexts.set(parent, text)
    }
    const from = into.length
    for (const segment of text.segments) add(into, from + segment.from, segment.source + base, segment.length, segment.exact)
    into.pieces.push(text.prose)
    into.length += text.prose.length
    return
  }
  if (typeof parent.value === 'string') {
    const offset = parent.position?.start.offset
    // Code and addresses stay in the prose as opaque characters of the same length, so offsets
    // still map and no rule reads them as words or punctuation.
    const value = parent.type === 'SourceNode' ? OPAQUE.repeat(parent.value.length) : parent.value
    if (offset === undefined || value === '') return
    const exact = parent.type !== 'SourceNode' && parent.position!.end.offset! - offset === value.length
    add(into, into.length, offset, value.length, exact)
    into.pieces.push(value)
    into.length += value.length
  }
}

// A segment at the end of a text: one with the last when both are exact and follow each other.
function add(into: Gathering, from: number, source: number, length: number, exact: boolean): void {
  const {segments} = into
  const last = segments[segments.length - 1]
  if (exact && last?.exact && last.source + last.length === source && last.from + last.length === from) last.length += length
  else segments.push({from, source, length, exact})
}

/**
 * What a paragraph gives the model by itself, with offsets from its start: its text, the map from
 * the text to the source, what the text reads as, and whatever else is worked out from them (see
 * `shaped`). The parse of an unchanged paragraph is reused from the last lint (src/parse.ts), its
 * nodes with it, so an editor's re-lint works out only the paragraphs it has not seen.
 */
interface Shape {
  /** The paragraph's children when this was worked out: the same nodes are the same paragraph. */
  children: readonly unknown[]
  prose: string
  /** As `Block.segments`, but `source` counts from the paragraph's start. */
  segments: readonly Segment[]
  blank?: boolean
  /** What `classify` says, when the block is not and is the first. */
  kinds: [BlockKind?, BlockKind?]
  furniture?: Furniture | null
  dateline?: number
  salutation?: boolean
  quotations?: Array<{start: number; end: number}>
  verbatim?: Array<{start: number; end: number}>
  /** The block's key for the engine's memory, while the block is what it was (see `blockKey`). */
  key?: {what: string; raw: string; key: string}
  /** What `shaped` kept, by key (a few at most). */
  more?: Array<[string, unknown]>
}

/**
 * The shapes of the paragraphs of the last article a linter built, by the first child of their
 * paragraph (the paragraph node itself may be new: a plain text's paragraphs are regrouped by
 * line on each parse, from the nodes of the reused pieces), for its next lint: an editor's
 * re-lint of an edited copy. Only the last article's, as src/parse.ts keeps only the last text's
 * pieces. (Not a weak map over every article, as it was: V8's young-generation collector keeps a
 * weak map's values alive, and a shape leads back to its paragraph's nodes, the key among them,
 * so each article's tree outlived every young collection until a full one.)
 */
export interface ShapeCache {
  last: Map<object, Shape>
}

/** An empty cache of shapes, one for each linter. */
export function createShapeCache(): ShapeCache {
  return {last: new Map()}
}
const shapeOfBlock = (block: Block) => (block instanceof ProseBlock ? block.shape : undefined)

// The shape of a paragraph: the one the last article had for the same nodes (`known`), or made
// now; kept in `kept` for the next article.
function shapeOf(node: Paragraph, start: number, verbatim: string | undefined, known: Map<object, Shape> | undefined, kept: Map<object, Shape> | undefined): Shape {
  const {children} = node
  const first = children[0]
  // (a kept shape's text is a copy: cut from the source, it would keep this whole version of the
  // text alive as long as the shape serves)
  const shape = (first && known && reused(known.get(first), children)) || makeShape(node, start, kept && verbatim !== undefined ? ownCopy(verbatim) : verbatim)
  if (first && kept) kept.set(first, shape)
  return shape
}

function reused(shape: Shape | undefined, children: readonly unknown[]): Shape | undefined {
  return shape && shape.children.length === children.length && shape.children.every((child, index) => child === children[index]) ? shape : undefined
}

function makeShape(node: Paragraph, start: number, verbatim: string | undefined): Shape {
  const {children} = node
  if (verbatim !== undefined) {
    // Plain text parsed here: a paragraph's text is its source, one exact segment (what gathering
    // its leaves gives, without a walk of every node and a join of every piece).
    const segments = verbatim === '' ? [] : [{from: 0, source: 0, length: verbatim.length, exact: true}]
    return {children: [...children], prose: verbatim, segments, kinds: []}
  }
  const text: Gathering = {pieces: [], length: 0, segments: []}
  gather(node, text)
  // The segments were made for this paragraph alone: counted from its start.
  for (const segment of text.segments) segment.source -= start
  return {children: [...children], prose: text.pieces.join(''), segments: text.segments, kinds: []}
}

/**
 * What `make` returns for a block, worked out once for the block's paragraph while its parse is
 * reused: only for what depends on the paragraph's nodes and text alone, with offsets counted
 * from the block's start (never source offsets, which move) and nothing changed later.
 */
export function shaped<T>(block: Block, key: string, make: () => T): T {
  const shape = shapeOfBlock(block)
  if (!shape) return make()
  const more = (shape.more ??= [])
  for (const [known, value] of more) if (known === key) return value as T
  const value = make()
  more.push([key, value])
  return value
}

/**
 * A string that is equal for two blocks when all a rule scoped to blocks may read of them is
 * equal (what the block is, its prose, its source, how the prose sits in the source, how its
 * nodes part it), offsets counted from the block's start: the engine remembers a rule's reports
 * in a block by it.
 */
export function blockKey(block: Block, source: string): string {
  const what = `${block.kind} ${block.furniture ?? ''} ${block.marked ? 1 : 0} ${block.letter ? 1 : 0} ${block.bodyStart}`
  const raw = block.prose === source.slice(block.start, block.end) ? '' : source.slice(block.start, block.end)
  const shape = shapeOfBlock(block)
  // The same string as last time: it is hashed once, and compared by identity.
  if (shape?.key && shape.key.what === what && shape.key.raw === raw) return shape.key.key
  const segments = block.segments.map((segment) => `${segment.from},${segment.source - block.start},${segment.length},${segment.exact ? 1 : 0}`).join(';')
  const key = `${what} ${segments}\u0000${block.prose}\u0000${raw}\u0000${nodesOf(block.node, block.start)}`
  if (shape) shape.key = {what, raw, key}
  return key
}

// How a block's nodes part its text: each node's kind and where it ends, from the block's start.
// The same text is not always parsed the same: parse-english glues a full stop into the word
// before it when the next line starts in lower case (`rebuilt.` in `rebuilt rebuilt.` then `i
// think so.`), and a report remembered for one tree was said again for the other.
function nodesOf(node: Paragraph, base: number): string {
  const parts: string[] = []
  const walk = (each: {type: string; position?: Paragraph['position']; children?: unknown[]}) => {
    const end = each.position?.end.offset
    // (two letters tell nlcst's kinds apart: `Wo` and `Wh`, `Pa` and `Pu`, `Se`, `Sy` and `So`)
    parts.push(`${each.type.slice(0, 2)}${end === undefined ? '' : end - base}`)
    if (each.children) for (const child of each.children) walk(child as typeof each)
  }
  walk(node)
  return parts.join(' ')
}

// The text of a paragraph and a map from its indices to source offsets. Leaves that sit next to
// each other in the source (all of plain text) share one segment, so the map stays small.
function makeBlock(node: Paragraph, index: number, start: number, end: number, shape: Shape): Block {
  return new ProseBlock(node, index, start, end, shape)
}

// A block as a class: its methods and lazy parts on the prototype, not made again for each
// block of each lint.
class ProseBlock implements Block {
  kind: BlockKind = 'body'
  furniture?: Furniture
  marked = false
  bodyStart = 0
  letter = false
  prose: string
  segments: ReadonlyArray<Segment>
  /** What the paragraph gives the model, shared with the next lint while its parse is reused. */
  readonly shape: Shape
  #posts: Array<{start: number; end: number}> | undefined

  constructor(
    readonly node: Paragraph,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    shape: Shape
  ) {
    this.shape = shape
    this.prose = shape.prose
    this.segments = shape.segments.map((segment) => ({from: segment.from, source: segment.source + start, length: segment.length, exact: segment.exact}))
  }

  at(i: number): number {
    const {segments} = this
    if (segments.length === 0) return this.start
    if (i >= this.prose.length) {
      const last = segments[segments.length - 1]
      return last.source + last.length
    }
    let low = 0
    let high = segments.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (segments[middle].from <= i) low = middle
      else high = middle - 1
    }
    const segment = segments[low]
    return segment.source + (i - segment.from)
  }

  span(from: number, to: number): Span {
    return {start: this.at(from), end: to > from ? this.at(to - 1) + 1 : this.at(from)}
  }

  get quotations(): ReadonlyArray<{start: number; end: number}> {
    return (this.shape.quotations ??= findQuotations(this.prose))
  }

  get posts(): ReadonlyArray<{start: number; end: number}> {
    this.#posts ??= this.quotations
      .filter((quotation) => LOWER_CASE_I.test(this.prose.slice(quotation.start, quotation.end)))
      .map((quotation) => this.span(quotation.start, quotation.end))
    return this.#posts
  }

  get verbatim(): ReadonlyArray<{start: number; end: number}> {
    return (this.shape.verbatim ??= verbatimZones(this.prose))
  }
}

/** The runs of a text that VERBATIM finds, without a mark that ends the sentence. */
export function verbatimZones(prose: string): Array<{start: number; end: number}> {
  const zones: Array<{start: number; end: number}> = []
  // No run of VERBATIM holds white space, and each holds one of its marks: only the words (runs
  // without white space) that hold one are read, by themselves (a scan of the whole text with it
  // was a tenth of the article model's time). A lookbehind at a word's start sees white space or
  // nothing, both of them neither a word character nor `@`, as in the whole text.
  VERBATIM_MARK.lastIndex = 0
  for (let mark = VERBATIM_MARK.exec(prose); mark; mark = VERBATIM_MARK.exec(prose)) {
    let from = mark.index
    while (from > 0 && !isSpace(prose.charCodeAt(from - 1))) from--
    WORD_END.lastIndex = mark.index
    WORD_END.test(prose)
    const to = WORD_END.lastIndex
    const word = prose.slice(from, to)
    for (const match of word.matchAll(VERBATIM)) {
      // A mark that ends the sentence is not part of the address (`see example.com/a.`), nor is
      // a bracket closed outside it (`(at example.com/a)`).
      let token = match[0].replace(/[.,;:!?]+$/u, '')
      if (/[)\]]$/u.test(token) && !/[([]/u.test(token)) token = token.slice(0, -1).replace(/[.,;:!?]+$/u, '')
      zones.push({start: from + match.index, end: from + match.index + token.length})
    }
    VERBATIM_MARK.lastIndex = to
  }
  return zones
}

// What every run of VERBATIM holds: a mark of code or an address, or `www.`.
const VERBATIM_MARK = /[:/@#\\_(={}]|www\./gu
// The end of a word: the first white space from where it is set.
const WORD_END = /\S*/uy

// Addresses (`https://…`, `www.…`, `pic.example.com/x`, `jane@example.com`), handles and hashtags
// (`@jane`, `#tag`), paths (`/usr/bin`, `C:\\x`), and tokens with code's marks (`user_name`,
// `a.b()`, `x=1`, `{r}`). The parts that may start anywhere in a run of marks are bounded (an
// address's local part is at most 64 characters, a domain label 63, a call's name 64), so a run of
// 80,000 periods (or of `A.`) is read in linear time, not quadratic.
export const VERBATIM =
  /(?:https?:\/\/|www\.)\S+|[\w.+-]{1,64}@[\w-]+\.[\w.-]+|(?<![\w@])[@#][\w-]+|\b[\w-]{1,63}(?:\.[\w-]{1,63}){1,16}\/\S*|(?<!\w)(?:\/[\w.-]+){2,}\/?|\b[A-Za-z]:\\\S+|\b\w+_\w+\b|\b[\w.]{1,64}\([^)\s]*\)|\b\w+=\S+|[{}][^\s]*/gu

/** Whether a `prose` index of a block is inside an address, a handle, a path or a code-like token. */
export function isVerbatimAt(block: Block, index: number): boolean {
  return zoneAt(block.verbatim, index) !== undefined
}

/**
 * The zone that holds `index`, of zones in order and apart (each found by one pass over the
 * text): the last that starts at or before it is the only one that can. A scan of them all, once
 * per mark, was quadratic in a paragraph of addresses or quotations.
 */
function zoneAt<Zone extends {start: number; end: number}>(zones: readonly Zone[], index: number): Zone | undefined {
  let low = 0
  let high = zones.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (zones[middle].start <= index) low = middle + 1
    else high = middle
  }
  return low > 0 && index < zones[low - 1].end ? zones[low - 1] : undefined
}

// Quotations by their marks: curly double quotes pair up, a straight double quote opens or
// closes by what stands beside it. Single quotes are left out: an apostrophe looks the same.
function findQuotations(prose: string): Array<{start: number; end: number}> {
  const found: Array<{start: number; end: number}> = []
  let open = -1
  for (const match of prose.matchAll(/["“”„«»]/gu)) {
    const mark = match[0]
    const at = match.index
    const before = prose.charAt(at - 1)
    const after = prose.charAt(at + 1)
    const opening = mark === '“' || mark === '„' || mark === '«' || (mark === '"' && (at === 0 || /[\s([{—–-]/u.test(before)) && !/^\s?$/u.test(after))
    if (opening && open === -1) open = at
    else if (!opening && open !== -1) {
      found.push({start: open, end: at + 1})
      open = -1
    }
  }
  if (open !== -1) found.push({start: open, end: prose.length})
  return found
}

/** The quotation of a block that holds a `prose` index, if any. */
export function quotationAt(block: Block, index: number): {start: number; end: number} | undefined {
  return zoneAt(block.quotations, index)
}
