// Markdown and HTML into nlcst: only prose becomes text (code, inline code, front matter, raw
// HTML, autolinks, images, <script>, <style>, <pre> and attributes do not), positions point into
// the original markup, and the structure (headings, list items, quotations) becomes hints for the
// article model, so no rule has to guess what a heading is.
import type {Element, Root as HastRoot} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toString as hastToString} from 'hast-util-to-string'
import type {Nodes as MdastNodes, Root as MdastRoot} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {toString as mdastToString} from 'mdast-util-to-string'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import {attention} from 'micromark-core-commonmark'
import type {Code, Construct, Event, Extension, Resolver, State, Token, TokenizeContext} from 'micromark-util-types'
import type {Node, Paragraph, Root, RootContent, Sentence, SentenceContent} from 'nlcst'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {parse as parseHtml5, type DefaultTreeAdapterMap} from 'parse5'
import {Parser as EnglishParser} from './parse.js'
import {tooLarge, UnparsableError} from './unparsable.js'
export {tooLarge, UnparsableError} from './unparsable.js'
import type {BlockKind, KindHint} from './article.js'
import type {Span} from './rule.js'

/** Copy that the parsers cannot take (a block too large for their recursion): a per-file error. */
// Deeper structure than this is flattened before any recursive walk (the parsers' own tree
// walks, unist-util-visit, the to-nlcst utilities): 2,000 nested `<div>` or 4,000 nested `>`
// overflowed the stack. Browsers do the same (Chrome stops nesting at 512).
export const MAX_DEPTH = 256

// How many list items one line may open: micromark's time grows with the square of a line's
// list nesting (`- ` written 4,000 times on one line took 4.9 s, 8,000 times 28 s), and no real
// copy nests a tenth as deep. (Block quotes nest in linear time, and are left as they are.)
export const MAX_LINE_LISTS = 64
const CONTAINER = /[ \t]{0,3}(>|[-*+]|\d{1,9}[.)])(?=[ \t]|\r|\n|$)/y

/**
 * `source` with the list markers a line opens past `MAX_LINE_LISTS` turned into spaces of the
 * same length, so every offset stays where it was: what stood there is read as the indented
 * content (code) of the deepest list item kept.
 */
export function shallowLines(source: string): string {
  let out: string[] | undefined
  let copied = 0
  for (let start = 0; start < source.length; ) {
    const end = source.indexOf('\n', start)
    const lineEnd = end === -1 ? source.length : end
    CONTAINER.lastIndex = start
    let lists = 0
    for (let match = CONTAINER.exec(source); match && CONTAINER.lastIndex <= lineEnd; match = CONTAINER.exec(source)) {
      if (match[1] === '>' || ++lists <= MAX_LINE_LISTS) continue
      out ??= []
      out.push(source.slice(copied, match.index), ' '.repeat(match[0].length))
      copied = CONTAINER.lastIndex
    }
    start = lineEnd + 1
  }
  if (!out) return source
  out.push(source.slice(copied))
  return out.join('')
}

// micromark merges the adjacent `data` tokens of a paragraph once per run, each time with a
// splice of the paragraph's whole event list; every mark that starts no construct (`a * b`,
// `x_y`, `[a](`, the start of a word that GFM tries as an e-mail address) begins a new token, so
// a paragraph of many such runs (a long hard-wrapped one, or `[a](` 20,000 times: 2.9 s, 10,000
// times: 0.25 s) took time growing with the square of its length. This construct, tried last
// wherever all others fail, takes what the parser would have taken as a new `data` token (up to
// the next place a construct may start) and grows the `data` token just before it instead, so
// the runs are one token each and the tree is the same.
const DATA_AFTER: Construct = {
  name: 'copydeskData',
  add: 'after',
  // Never a reason to stop the parser's own `data` token.
  previous: () => false,
  tokenize(this: TokenizeContext, effects, ok) {
    const self = this
    const constructs = self.parser.constructs.text
    // Where the parser's own text loop would stop a `data` token.
    const atBreak = (next: Code): boolean => {
      if (next === null) return true
      const list = constructs[next]
      if (!list) return false
      return (Array.isArray(list) ? list : [list]).some((item) => !item.previous || item.previous.call(self, self.previous))
    }
    const more: State = (next) => {
      if (atBreak(next)) {
        effects.exit('data')
        return ok(next)
      }
      effects.consume(next)
      return more
    }
    return (first) => {
      effects.enter('data')
      effects.consume(first)
      return more
    }
  },
  resolve(events: Event[], context: TokenizeContext): Event[] {
    const last = context.events[context.events.length - events.length - 1]
    const token = events[0][1]
    if (!last || last[0] !== 'exit' || last[1].type !== 'data' || last[1].end.offset !== token.start.offset) return events
    last[1].end = token.end
    return []
  }
}

// Every mark where a construct of CommonMark or GFM may start in text (GFM tries every letter and
// digit as the start of an e-mail address).
const TEXT_MARKS = [33, 38, 42, 43, 45, 46, 60, 91, 92, 93, 95, 96, 126, ...range(48, 57), ...range(65, 90), ...range(97, 122)]
/** The construct above at every mark where it may be needed, as a micromark extension. */
export const joinedData: Extension = {text: Object.fromEntries(TEXT_MARKS.map((code) => [code, DATA_AFTER]))}

function range(from: number, to: number): number[] {
  return Array.from({length: to - from + 1}, (_, index) => from + index)
}

// GFM tries every `]` as the end of a footnote call (`![^1]`), first walking back through the
// paragraph's tokens to the nearest label: quadratic in a paragraph of many `]` (`a ] b` on 8,000
// lines: 37 s). No call can succeed without a footnote definition, and the definitions are all
// known before text is read: without one the call is not tried.
function gfmCallsOnlyWithDefinitions(): Extension {
  const extension = gfm()
  const list = extension.text?.[93]
  const calls = (Array.isArray(list) ? list : list ? [list] : []).map((construct): Construct => {
    if (construct.name !== 'gfmPotentialFootnoteCall') return construct
    const {tokenize} = construct
    return {
      ...construct,
      tokenize(this: TokenizeContext, effects, ok, nok) {
        const defined = (this.parser as {gfmFootnotes?: string[]}).gfmFootnotes
        return defined && defined.length > 0 ? tokenize.call(this, effects, ok, nok) : nok
      }
    }
  })
  const tildes = extension.text?.[126]
  const strikethrough = (Array.isArray(tildes) ? tildes : tildes ? [tildes] : []).map((construct): Construct =>
    construct.resolveAll ? {...construct, resolveAll: strikethroughInStretches(construct.resolveAll)} : construct
  )
  return {...extension, text: {...extension.text, 93: calls, 126: strikethrough}}
}
/** GFM syntax, as micromark-extension-gfm makes it but for the footnote call above. */
export const GFM = gfmCallsOnlyWithDefinitions()

// micromark pairs emphasis markers (`*`, `_`) and GFM's strikethrough (`~`) by walking back, from
// each one that may close, through every event of the paragraph to the nearest opener it may
// take, and re-reads what lies between each pair: a paragraph of closers that find none (`a* `
// 40,000 times: 27 s; 80,000 times: 156 s; `a~~ ` 40,000 times: 16 s), or of pairs nested
// thousands deep (`*a ` 4,000 times, then ` c*` as often: 6.9 s), took time growing with the
// square of its length. The resolvers below work out first, in one pass, what micromark will pair
// (the same rules, with a floor per kind of closer below which no opener suits it, as the
// CommonMark spec suggests). A closer that would pair with nothing is told it cannot close, which
// changes nothing but the walk; and the paragraph goes to micromark's own resolver in stretches
// that no pair crosses, so any other walk stops at its stretch. Pairs nested deeper than
// MAX_DEPTH are not made: such a closer is told it cannot close, and stays a literal mark, as the
// tree past that depth is flattened anyway.
// Paragraphs of fewer markers go straight to micromark.
const SMALL_PARAGRAPH = 64

interface Marker {
  token: Token
  /** Its index among the events. */
  at: number
  code: number
  /** How many marks of it are not yet paired. */
  left: number
}

/** The markers of one type among `events`, in order. */
function markersOf(events: Event[], context: TokenizeContext, type: string): Marker[] {
  const markers: Marker[] = []
  for (let index = 0; index < events.length; index++) {
    const [kind, token] = events[index]
    if (kind === 'enter' && token.type === type) {
      markers.push({token, at: index, code: context.sliceSerialize(token).charCodeAt(0), left: token.end.offset - token.start.offset})
    }
  }
  return markers
}

/** The pairs a pass found: how many open and close at each event, and which (as a signature). */
interface Pairs {
  depth: Int32Array
  /** Two 32-bit signatures of each pair, xor-ed in where it opens and where it closes. */
  first: Int32Array
  second: Int32Array
  count: number
}

function pairsFor(events: Event[]): Pairs {
  return {depth: new Int32Array(events.length + 3), first: new Int32Array(events.length + 3), second: new Int32Array(events.length + 3), count: 0}
}

/** Notes a pair: +1 where its opener enters, -1 where its closer exits, its signature at both. */
function cover(pairs: Pairs, opener: Marker, closer: Marker): void {
  pairs.depth[opener.at]++
  pairs.depth[closer.at + 1]--
  const id = ++pairs.count
  const first = mix(id)
  const second = mix(id ^ 0x5bd1e995)
  pairs.first[opener.at] ^= first
  pairs.first[closer.at + 1] ^= first
  pairs.second[opener.at] ^= second
  pairs.second[closer.at + 1] ^= second
}

/** A well-spread 32-bit number for a pair's id (a fixed integer hash: the same copy, the same cuts). */
function mix(value: number): number {
  let x = Math.imul(value ^ (value >>> 16), 0x45d9f3b)
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b)
  return x ^ (x >>> 16)
}

/**
 * `resolve` run on the stretches of `events` that no pair crosses (cut before and after each
 * marker), written back into `events` in place: micromark reads the text's events through the
 * array it handed out. Within a stretch that pairs hold, each stretch between places where the
 * fewest pairs are open, the same pairs at both ends, is resolved first, the same way, and stands
 * in it already resolved: each of micromark's pairs splices the array it is given, so many pairs
 * inside one long emphasis each spliced the whole stretch.
 */
function inStretches(events: Event[], context: TokenizeContext, resolve: Resolver, markers: Marker[], pairs: Pairs): Event[] {
  const cuttable = new Uint8Array(events.length + 1)
  for (const marker of markers) cuttable[marker.at] = cuttable[marker.at + 2] = 1
  cuttable[0] = cuttable[events.length] = 1
  // The places a stretch may be cut, how many pairs are open at each, and which.
  const places: number[] = []
  const open: number[] = []
  const which: string[] = []
  let depth = 0
  let first = 0
  let second = 0
  for (let index = 0; index <= events.length; index++) {
    if (cuttable[index]) {
      places.push(index)
      open.push(depth)
      which.push(`${first}:${second}`)
    }
    depth += pairs.depth[index]
    first ^= pairs.first[index]
    second ^= pairs.second[index]
  }

  // The same pairs are open at places `from` and `to`, and at least those at every place between.
  const range = (from: number, to: number): Event[] => {
    if (to - from < 2) return resolve(events.slice(places[from], places[to]), context)
    let fewest = Infinity
    for (let place = from + 1; place < to; place++) fewest = Math.min(fewest, open[place])
    const at: number[] = []
    for (let place = from + 1; place < to; place++) if (open[place] === fewest) at.push(place)
    if (fewest === open[from]) {
      // Independent stretches side by side.
      const out: Event[] = []
      let start = from
      for (const place of [...at, to]) {
        for (const event of range(start, place)) out.push(event)
        start = place
      }
      return out
    }
    // Pairs hold all of it: what lies between places with the same pairs open goes first.
    const whole: Event[] = []
    let copied = places[from]
    for (let index = 0; index < at.length; ) {
      let end = index
      while (end + 1 < at.length && which[at[end + 1]] === which[at[index]]) end++
      if (end > index) {
        for (let event = copied; event < places[at[index]]; event++) whole.push(events[event])
        for (const event of range(at[index], at[end])) whole.push(event)
        copied = places[at[end]]
      }
      index = end + 1
    }
    for (let event = copied; event < places[to]; event++) whole.push(events[event])
    return resolve(whole, context)
  }

  const out = range(0, places.length - 1)
  events.length = 0
  for (const event of out) events.push(event)
  return events
}

function resolveAttention(events: Event[], context: TokenizeContext): Event[] {
  const resolve = attention.resolveAll!
  let markers = markersOf(events, context, 'attentionSequence')
  if (markers.length < SMALL_PARAGRAPH) return resolve(events, context)
  let pairs = pairsFor(events)
  const split = pairAttention(markers, pairs)
  if (split.length > 0) {
    // A closer that pairs some of its marks and then finds no opener for the rest walks back
    // again for the rest (`_y a__` inside one long emphasis, many times over). It is cut in two:
    // the marks it pairs, and the rest, which cannot close. (Only where no opener it meets may
    // also close, so the rule of three reads the same lengths; micromark makes the same tree.)
    const after = new Map(split.map((marker) => [marker.token, marker]))
    const spliced: Event[] = []
    for (const event of events) {
      spliced.push(event)
      const token = event[1]
      const marker = event[0] === 'exit' ? after.get(token) : undefined
      if (marker) {
        const paired = token.end.offset - token.start.offset - marker.left
        const middle = {...token.start, column: token.start.column + paired, offset: token.start.offset + paired, _bufferIndex: token.start._bufferIndex + paired}
        const rest: Token = {type: 'attentionSequence', start: middle, end: token.end, _open: false, _close: false}
        token.end = {...middle}
        spliced.push(['enter', rest, event[2]], ['exit', rest, event[2]])
      }
    }
    events.length = 0
    for (const event of spliced) events.push(event)
    markers = markersOf(events, context, 'attentionSequence')
    pairs = pairsFor(events)
    pairAttention(markers, pairs)
  }
  return inStretches(events, context, resolve, markers, pairs)
}

/**
 * Pairs `markers` as micromark will, noting each pair in `pairs`; turns off the `_close` flag of
 * a closer that pairs with nothing (or too deep). Returns the closers to cut in two.
 */
function pairAttention(markers: Marker[], pairs: Pairs): Marker[] {
  const split: Marker[] = []
  const open: Marker[] = []
  // nested[height]: how deep the pairs made since the opener at this height of `open` nest.
  const nested: number[] = []
  // floors[kind]: no opener below this height of `open` suits a closer of this kind (its marker,
  // its length left modulo three, whether it may also open).
  const floors = new Int32Array(12)
  for (const closer of markers) {
    const {token, code} = closer
    if (token._close) {
      let paired = false
      let deep = false
      // Whether an opener that may also close was met: the rule of three may read it.
      let three = false
      while (closer.left > 0) {
        const kind = (code === 42 ? 0 : 6) + (closer.left % 3) * 2 + (token._open ? 1 : 0)
        let at = open.length - 1
        for (; at >= floors[kind]; at--) {
          const opener = open[at]
          if (opener.code !== code) continue
          if (opener.token._close) three = true
          // The rule of three (CommonMark: "multiple of 3" rule), on the lengths left.
          if (!((opener.token._close || token._open) && closer.left % 3 !== 0 && (opener.left + closer.left) % 3 === 0)) break
        }
        if (at < floors[kind]) {
          floors[kind] = open.length
          break
        }
        // What the openers above hold nests inside the pair this would make.
        let inside = 0
        for (let height = at; height < nested.length; height++) inside = Math.max(inside, nested[height])
        if (inside + 1 > MAX_DEPTH && (!paired || (!token._open && !three))) {
          // Any later closer of this kind would stop at the same opener, nested deeper still.
          floors[kind] = open.length
          deep = !paired
          break
        }
        const opener = open[at]
        const use = opener.left > 1 && closer.left > 1 ? 2 : 1
        opener.left -= use
        closer.left -= use
        paired = true
        cover(pairs, opener, closer)
        open.length = nested.length = opener.left > 0 ? at + 1 : at
        if (opener.left > 0) nested[at] = inside + 1
        else if (at > 0) nested[at - 1] = Math.max(nested[at - 1], inside + 1)
        for (let kind = 0; kind < floors.length; kind++) if (floors[kind] > at) floors[kind] = at
      }
      // One that may also open keeps its flag when it merely found no opener: the rule of three
      // reads it when it opens. One kept from pairing too deep loses it (and the rule of three
      // reads the flag as micromark will, from here on).
      if (deep || (!paired && !token._open)) token._close = false
      else if (paired && closer.left > 0 && !token._open && !three) split.push(closer)
    }
    if (token._open && closer.left > 0) {
      open.push(closer)
      nested.push(0)
    }
  }
  return split
}
/** GFM's strikethrough resolver, run as `resolveAttention` runs micromark's emphasis one. */
function strikethroughInStretches(resolve: Resolver): Resolver {
  return function (events, context) {
    const markers = markersOf(events, context, 'strikethroughSequenceTemporary')
    if (markers.length < SMALL_PARAGRAPH) return resolve(events, context)
    const pairs = pairsFor(events)
    const open: Marker[] = []
    // floors[length]: no opener below this height of `open` has this length.
    const floors = new Int32Array(3)
    for (const closer of markers) {
      const {token, left} = closer
      let paired = false
      if (token._close && left < floors.length) {
        let at = open.length - 1
        while (at >= floors[left] && open[at].left !== left) at--
        if (at < floors[left]) {
          floors[left] = open.length
          if (!token._open) token._close = false
        } else if (at >= MAX_DEPTH) {
          token._close = false
        } else {
          paired = true
          cover(pairs, open[at], closer)
          open.length = at
          for (let length = 0; length < floors.length; length++) if (floors[length] > at) floors[length] = at
        }
      }
      if (token._open && !paired) open.push(closer)
    }
    return inStretches(events, context, resolve, markers, pairs)
  }
}

/** Emphasis and strong, as CommonMark has them, paired without a walk per closer. */
export const linearAttention: Extension = {
  disable: {null: ['attention']},
  text: Object.fromEntries([42, 95].map((code) => [code, {name: 'copydeskAttention', tokenize: attention.tokenize, resolveAll: resolveAttention}]))
}

/**
 * The parser the to-nlcst utilities use: parse.ts's one-pass parse-english, whose step that
 * breaks sentences at blank lines works in one pass over the single paragraph they make of a
 * whole document.
 */
export class MarkupParser extends EnglishParser {}

/** What a parser of markup gives the engine. */
export interface Parsed {
  tree: Root
  hints: KindHint[]
  /** Source ranges where safe fixes are never made. */
  frozen?: Span[]
}

const FRONT_MATTER: Array<'yaml' | 'toml'> = ['yaml', 'toml']

/** Markdown (CommonMark, GFM, front matter) into nlcst and block hints. */
export function parseMarkdown(source: string, file: VFile): Parsed {
  const mdast = fromMarkdown(shallowLines(source), {
    extensions: [GFM, frontmatter(FRONT_MATTER), joinedData, linearAttention],
    // The mdast side of GFM autolink literals (`moved.www.example.com`, a lone `www.`) makes
    // nodes without positions, which nothing can map back to the source; micromark still finds
    // the ordinary ones, and the token scanner protects every address either way.
    mdastExtensions: [gfmFromMarkdown().map(({transforms: _, ...extension}) => extension), frontmatterFromMarkdown(FRONT_MATTER)]
  })
  if (source.charCodeAt(0) === 0xfeff) afterByteOrderMark(mdast)
  const depth = boundDepth(mdast as unknown as Tree, childrenOf, (node, children) => (node.children = children), (node) => MARKDOWN_KEPT.has(node.type))
  return guard(source, depth, () => {
    const hints: KindHint[] = []
    let headline = false
    visit(mdast, (node) => {
      const kind = markdownKind(node.type, 'depth' in node ? node.depth : undefined, headline)
      if (kind === 'headline') headline = true
      if (kind) hint(hints, node, kind)
      // An autolink (`<https://...>`, `www.example.com`) shows its address: not prose.
      if (node.type === 'link' && isAddress(mdastToString(node), node.url)) (node as {type: string}).type = 'copydeskAddress'
    })
    opaqueRawElements(mdast as unknown as RawTree)
    const maps: TextMap[] = []
    visit(mdast, 'text', (node) => {
      const map = mapText(node, source)
      if (map) maps.push(map)
    })
    const options = {
      ignore: ['html', 'image', 'imageReference', 'definition', 'footnoteDefinition'],
      source: ['copydeskAddress']
    }
    const tree = retrying(
      () => mdastToNlcst(mdast as MdastRoot, file, MarkupParser, options),
      () => {
        splitLongText(mdast as unknown as TextTree, source)
        const children: RootContent[] = []
        inParts(mdast as unknown as MdastNodes, (node) => mdastToNlcst(node, file, MarkupParser, options), children)
        const place = location(source)
        return {type: 'RootNode', children, position: {start: place.toPoint(0)!, end: place.toPoint(source.length)!}}
      }
    )
    realign(tree, source, maps)
    joinSplitWords(tree)
    return {tree, hints}
  })
}

/**
 * micromark drops a byte-order mark that starts the text and counts offsets from the character
 * after it: every place is moved one on, so that it points into the text as written (`\uFEFFtalks“`
 * gave the closing mark an empty span at the paragraph's end, and quotation-marks threw).
 */
function afterByteOrderMark(root: MdastRoot): void {
  const seen = new Set<object>()
  const stack: MdastNodes[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (seen.has(point)) continue
      seen.add(point)
      if (point.offset !== undefined) point.offset++
      if (point.line === 1) point.column++
    }
    if ('children' in node) for (const child of node.children) stack.push(child)
  }
}

interface RawTree {
  type: string
  value?: string
  children?: RawTree[]
  position?: {start: unknown; end: unknown}
}

const RAW_OPEN = /^<([a-z]+)(?:\s[^>]*)?>$/iu

/**
 * Raw HTML in Markdown holds code as an HTML file does: from `<code>` (or `<kbd>`, `<pre>`,
 * `<noscript>`...) to its closing tag, or the end of the paragraph, the text becomes one opaque
 * source node (`<code>the the . .</code>` in a Markdown paragraph was fixed to `<code>the.</code>`).
 */
function opaqueRawElements(root: RawTree) {
  const stack = [root]
  while (stack.length > 0) {
    const children = stack.pop()!.children
    if (!children) continue
    for (let index = 0; index < children.length; index++) {
      const child = children[index]
      const tag = child.type === 'html' ? RAW_OPEN.exec(child.value ?? '')?.[1].toLowerCase() : undefined
      if (tag && (NOT_PROSE_BLOCKS.has(tag) || NOT_PROSE_INLINE.has(tag))) {
        const close = `</${tag}>`
        let last = index + 1
        while (last < children.length && !(children[last].type === 'html' && children[last].value?.replace(/\s+/gu, '').toLowerCase() === close)) last++
        last = Math.min(last, children.length - 1)
        const end = children[last].position?.end
        if (child.position && end) children.splice(index, last - index + 1, {type: 'copydeskAddress', children: [], position: {start: child.position.start, end}})
      } else stack.push(child)
    }
  }
}

// Blocks whose text stays whole when deep structure is flattened (their inline markup goes).
const MARKDOWN_KEPT = new Set(['paragraph', 'heading', 'tableCell'])

interface Tree {
  type: string
  children?: Tree[]
}

function childrenOf(node: Tree): Tree[] | undefined {
  return node.children
}

/**
 * Flattens whatever lies deeper than `MAX_DEPTH`, without recursion: containers there are
 * unwrapped (their children take their place), and the `kept` nodes (a paragraph, a `<code>`)
 * stay with their text leaves only. Returns the depth the tree had.
 */
function boundDepth<T extends object>(root: T, children: (node: T) => T[] | undefined, setChildren: (node: T, children: T[]) => void, kept: (node: T) => boolean): number {
  let deepest = 0
  const stack: Array<[T, number]> = [[root, 0]]
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    const list = children(node)
    if (!list || list.length === 0) continue
    if (depth < MAX_DEPTH) {
      for (const child of list) stack.push([child, depth + 1])
      continue
    }
    // The measured depth goes on below the cut, for the error message if one is ever needed.
    deepest = Math.max(deepest, depth + depthBelow(list, children))
    setChildren(node, flatten(list, children, setChildren, kept))
  }
  return deepest
}

function depthBelow<T>(list: T[], children: (node: T) => T[] | undefined): number {
  let deepest = 0
  const stack: Array<[T, number]> = list.map((node) => [node, 1])
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!
    deepest = Math.max(deepest, depth)
    for (const child of children(node) ?? []) stack.push([child, depth + 1])
  }
  return deepest
}

function flatten<T>(list: T[], children: (node: T) => T[] | undefined, setChildren: (node: T, children: T[]) => void, kept: (node: T) => boolean): T[] {
  const result: T[] = []
  const stack = [...list].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    const inner = children(node)
    if (!inner || inner.length === 0) result.push(node)
    else if (kept(node)) {
      setChildren(node, leaves(inner, children))
      result.push(node)
    } else for (let index = inner.length - 1; index >= 0; index--) stack.push(inner[index])
  }
  return result
}

// Every leaf under the list, in order: flattening that keeps no node.
function leaves<T>(list: T[], children: (node: T) => T[] | undefined): T[] {
  return flatten(list, children, () => undefined, () => false)
}

// The to-nlcst utilities spread a block's tokens into one call (`push(...tokens)`), which
// overflows the stack past some hundred thousand tokens (a 140 KB Markdown paragraph): then long
// text nodes are cut into parts and Markdown is converted block by block.
function retrying(first: () => Root, second: () => Root): Root {
  try {
    return first()
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return second()
  }
}

// Text nodes longer than this are cut (at white space where there is some) on the second try.
const TEXT_PART = 4096
// Markdown containers larger than this are converted child by child on the second try.
const BLOCK_PART = 16384
const PHRASING_HOLDERS = new Set(['paragraph', 'heading', 'tableCell'])

interface TextTree {
  type: string
  value?: string
  children?: TextTree[]
  position?: {start: {line: number; column: number; offset?: number}; end: {line: number; column: number; offset?: number}}
}

// Cuts long text nodes into parts. A part is placed as the to-nlcst utilities place text (its
// node's start plus the length of the text before it), which is what `realign` corrects.
function splitLongText(root: TextTree, source: string): void {
  const place = location(source)
  const point = (offset: number) => place.toPoint(Math.min(offset, source.length))!
  const stack = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!node.children) continue
    const children: TextTree[] = []
    for (const child of node.children) {
      const start = child.position?.start.offset
      if (child.type !== 'text' || child.value === undefined || child.value.length <= TEXT_PART || start === undefined) {
        children.push(child)
        stack.push(child)
        continue
      }
      for (const [from, to] of cuts(child.value)) {
        children.push({type: 'text', value: child.value.slice(from, to), position: {start: point(start + from), end: point(start + to)}})
      }
    }
    node.children = children
  }
}

// Where to cut a long text: after white space, else between a mark and a letter, else anywhere.
function cuts(value: string): Array<[number, number]> {
  const result: Array<[number, number]> = []
  let from = 0
  while (value.length - from > TEXT_PART) {
    const limit = Math.min(value.length, from + 2 * TEXT_PART)
    let at = -1
    for (const test of [/\s\S/u, /[^\p{L}\p{N}][\p{L}\p{N}]|[\p{L}\p{N}][^\p{L}\p{N}]/u]) {
      const found = test.exec(value.slice(from + TEXT_PART - 1, limit))
      if (found) {
        at = from + TEXT_PART - 1 + found.index + 1
        break
      }
    }
    if (at === -1) at = from + TEXT_PART
    // Never between the halves of a surrogate pair.
    if (/[\uDC00-\uDFFF]/u.test(value.charAt(at))) at++
    result.push([from, at])
    from = at
  }
  result.push([from, value.length])
  return result
}

// Converts Markdown block by block: a large container child by child (bounded depth keeps the
// recursion short), anything else whole.
function inParts(node: MdastNodes, convert: (node: MdastNodes) => Root, out: RootContent[]): void {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return
  if ('children' in node && end - start > BLOCK_PART && !PHRASING_HOLDERS.has(node.type)) {
    for (const child of node.children) inParts(child as MdastNodes, convert, out)
    return
  }
  for (const child of convert(node).children) out.push(child)
}

// The to-nlcst utilities and parse-english spread a block's tokens into one call
// (`push(...tokens)`), which overflows the stack on a block of some hundred thousand tokens:
// that file gets a clear error, not a crash.
function guard(source: string, depth: number, parse: () => Parsed): Parsed {
  try {
    return parse()
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new UnparsableError(tooLarge(source, depth))
  }
}

/** The per-file error for copy whose parse ran out of stack. */
function markdownKind(type: string, depth: number | undefined, headline: boolean): BlockKind | undefined {
  if (type === 'heading') return depth === 1 && !headline ? 'headline' : 'subheading'
  if (type === 'listItem') return 'list-item'
  if (type === 'blockquote') return 'quotation'
  if (type === 'paragraph') return 'body'
  return undefined
}

// Elements whose text is not prose. Blocks are left out; inline ones stay as opaque source, so
// the prose around them is not glued together (`see <code>x</code>.` is not `see .`).
const NOT_PROSE_BLOCKS = new Set(['pre', 'textarea', 'noscript', 'template', 'script', 'style', 'select', 'option'])
const NOT_PROSE_INLINE = new Set(['code', 'kbd', 'samp', 'var'])
// Elements whose text parse5 takes as written, references undecoded (`<xmp>a &amp; b` is those
// nine characters; read as references, every later word in a heading pointed too early).
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'])

type Parse5Node = DefaultTreeAdapterMap['node'] & {childNodes?: Parse5Node[]; content?: {childNodes: Parse5Node[]}; tagName?: string}

// Elements kept whole, with their text only, when deep structure is flattened.
const HTML_KEPT = new Set([...NOT_PROSE_BLOCKS, ...NOT_PROSE_INLINE, ...RAW_TEXT, 'svg', 'math', 'del', 'head', 'title'])

/** HTML into nlcst and block hints; `<title>` is the headline, as the first `<h1>` is. */
export function parseHtml(source: string, file: VFile): Parsed {
  // Scripting on, as in a browser: `<noscript>` holds raw text, not markup that leaks its words
  // into the body (`<noscript>the the . .</noscript>` at the top of a page was linted).
  const document = parseHtml5(source, {sourceCodeLocationInfo: true, scriptingEnabled: true}) as unknown as Parse5Node
  const depth = boundDepth<Parse5Node>(
    document,
    (node) => node.content?.childNodes ?? node.childNodes,
    (node, children) => {
      if (node.content) node.content.childNodes = children
      else node.childNodes = children
      for (const child of children) (child as {parentNode?: unknown}).parentNode = node
    },
    (node) => node.tagName !== undefined && HTML_KEPT.has(node.tagName)
  )
  return guard(source, depth, () => {
    const hast = fromParse5(document as never, {file}) as HastRoot
    // An empty document has no position, which hast-util-to-nlcst requires.
    const place = location(source)
    hast.position ??= {start: place.toPoint(0)!, end: place.toPoint(source.length)!}
    const hints: KindHint[] = []
    const frozen: Span[] = []
    let headline = false
    visit(hast, 'element', (node: Element) => {
      const tag = node.tagName
      // Nothing in `<head>` is ever fixed safely: its `<title>` is linted, but only suggested.
      if (tag === 'head') frozen.push(...spansIn(node))
      if (NOT_PROSE_BLOCKS.has(tag)) node.properties = {...node.properties, dataNlcst: 'ignore'}
      // A link whose text is its address is not prose; as a `<span>`, hast-util-to-nlcst keeps it
      // opaque outside a `<p>` too (it unwraps `<a>` in flow content).
      if (tag === 'a' && typeof node.properties?.href === 'string' && isAddress(hastToString(node), node.properties.href)) {
        node.tagName = 'span'
        node.properties = {...node.properties, dataNlcst: 'source'}
      }
      if (NOT_PROSE_INLINE.has(tag)) node.properties = {...node.properties, dataNlcst: 'source'}
      // hast-util-to-nlcst reads `<title>` as no paragraph; as a `<p>` it is one.
      if (tag === 'title') node.tagName = 'p'
      const kind = htmlKind(tag, headline)
      if (kind === 'headline') headline = true
      if (kind) hint(hints, node, kind)
    })
    const maps: TextMap[] = []
    visit(hast, 'text', (node, _index, parent) => {
      const raw = parent?.type === 'element' && RAW_TEXT.has(parent.tagName)
      if (!raw) startAtReference(node, source, place)
      const map = mapText(node, source, raw ? 'none' : 'html')
      if (map) maps.push(map)
    })
    const tree = retrying(
      () => hastToNlcst(hast, file, MarkupParser),
      () => {
        splitLongText(hast as unknown as TextTree, source)
        return hastToNlcst(hast, file, MarkupParser)
      }
    )
    realign(tree, source, maps)
    joinSplitWords(tree)
    return {tree, hints, frozen}
  })
}

/**
 * parse5 (8.1) starts a text node that opens with a character reference after white space or NUL
 * it dropped (`\n&amp;x` at the top of a page, `<p>\0&lt;b`) at the reference's last character,
 * not at its `&`: such a node is moved back to the reference, which no node can start inside.
 */
function startAtReference(node: {value: string; position?: {start: {offset?: number; line: number; column: number}}}, source: string, place: ReturnType<typeof location>): void {
  const start = node.position?.start.offset
  if (start === undefined || node.value === '') return
  // The longest reference, `&CounterClockwiseContourIntegral;`, is 33 characters.
  for (let at = start - 1; at >= 0 && at > start - 34; at--) {
    if (source.charCodeAt(at) !== 38) continue
    const reference = referenceAt(source, at, node.value, 0, 'html', at)
    if (reference && reference.end > start) node.position!.start = place.toPoint(at)!
    return
  }
}

// The source ranges of an element: its own, or (an implied `<head>`) its children's.
function spansIn(node: Element): Span[] {
  const own = node.position
  if (own?.start.offset !== undefined && own.end.offset !== undefined) return [{start: own.start.offset, end: own.end.offset}]
  const spans: Span[] = []
  for (const child of node.children) {
    const start = child.position?.start.offset
    const end = child.position?.end.offset
    if (start !== undefined && end !== undefined) spans.push({start, end})
  }
  return spans
}

function htmlKind(tag: string, headline: boolean): BlockKind | undefined {
  if (tag === 'title' || (tag === 'h1' && !headline)) return 'headline'
  if (/^h[1-6]$/u.test(tag)) return 'subheading'
  if (tag === 'li' || tag === 'dt' || tag === 'dd') return 'list-item'
  if (tag === 'blockquote') return 'quotation'
  if (['p', 'div', 'section', 'article', 'main', 'body', 'td', 'th', 'figcaption', 'caption'].includes(tag)) return 'body'
  return undefined
}

function hint(hints: KindHint[], node: {position?: {start: {offset?: number}; end: {offset?: number}}}, kind: BlockKind) {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start !== undefined && end !== undefined) hints.push({start, end, kind})
}

// The text of a link is its address: `https://example.com`, `www.example.com`, `a@b.org`.
function isAddress(text: string, url: string): boolean {
  const bare = (value: string) => value.replace(/^(?:https?:\/\/|mailto:)/u, '').replace(/\/$/u, '')
  return text !== '' && (text === url || bare(text) === bare(url))
}

/**
 * Joins words that markup split but a reader sees as one: `*Bide*nn` is the word `Bidenn`, so
 * name and spelling rules see it, and its span, which crosses the markup, only ever gets a
 * suggestion.
 */
function joinSplitWords(tree: Root): void {
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    const children: SentenceContent[] = []
    // The words made here, which take later parts in place: copying a word's parts at each join
    // was quadratic in a run of words split by markup (`<span>a</span>` 20,000 times).
    const joined = new Set<SentenceContent>()
    for (const child of sentence.children) {
      const last = children[children.length - 1]
      if (child.type === 'WordNode' && last?.type === 'WordNode' && last.position && child.position) {
        if (joined.has(last)) {
          for (const part of child.children) last.children.push(part)
          last.position = {start: last.position.start, end: child.position.end}
          continue
        }
        const word: SentenceContent = {
          type: 'WordNode',
          children: [...last.children, ...child.children],
          position: {start: last.position.start, end: child.position.end}
        }
        joined.add(word)
        children[children.length - 1] = word
      } else children.push(child)
    }
    sentence.children = children
  })
}

const REFERENCE = /#[xX]([\da-fA-F]{1,8});?|#(\d{1,10});?|([A-Za-z][A-Za-z\d]{0,31})(;?)/y

// Whether a Markdown backslash escapes the character at `at`: an odd run of backslashes before it,
// within the same text node (`\\&amp;` is a backslash and an ampersand, and a backslash that ends
// an autolink before the node, as in `www.example.com\&amp;`, escapes nothing in it).
function escaped(source: string, at: number, start: number): boolean {
  let count = 0
  while (at - count - 1 >= start && source.charCodeAt(at - count - 1) === 92) count++
  return count % 2 === 1
}

/**
 * The character reference at `at` that stands for the value's characters from `index`: where it
 * ends and how many UTF-16 units of the value it gives. Only a reference the parser decoded counts
 * (`&foo;` and `&NotEqualTilde;`, two characters, misaligned every later word); in HTML a numeric
 * one, or a legacy name (`&copy 2024`, `&not`), needs no semicolon.
 */
function referenceAt(source: string, at: number, value: string, index: number, references: References, start: number): {end: number; units: number} | undefined {
  if (source[at] !== '&' || references === 'none') return undefined
  const html = references === 'html'
  if (!html && escaped(source, at, start)) return undefined
  REFERENCE.lastIndex = at + 1
  const match = REFERENCE.exec(source)
  if (!match) return undefined
  const [whole, hex, decimal, name, semicolon] = match
  const end = at + 1 + whole.length
  if (hex !== undefined || decimal !== undefined) {
    if (!whole.endsWith(';') && !html) return undefined
    // Whatever it decodes to (U+FFFD for an invalid one), it is one character of the value.
    return value[index] === '&' && value.startsWith(source.slice(at, end), index) ? undefined : {end, units: value.codePointAt(index)! > 0xffff ? 2 : 1}
  }
  for (let length = name.length; length > 1; length--) {
    const withSemicolon = length === name.length && semicolon !== ''
    if (!withSemicolon && !html) continue
    const decoded = decodeNamedCharacterReference(name.slice(0, length))
    if (decoded && value.startsWith(decoded, index)) return {end: at + 1 + length + (withSemicolon ? 1 : 0), units: decoded.length}
  }
  return undefined
}

/** Where each character of a text node's decoded value sits in the source. */
interface TextMap {
  start: number
  /** Where each character of the value starts in the source, and where its source ends. */
  offsets: number[]
  ends: number[]
}

/**
 * Maps a text node's decoded value onto its source, character by character: an escape (`\*`),
 * an entity (`&amp;`) or markup inside the node's range (the `> ` of a quotation's continued
 * line) takes source characters that the value does not have.
 */
/** How a text node's character references were read: as Markdown or HTML does, or not at all (raw text). */
type References = 'markdown' | 'html' | 'none'

function mapText(node: {value: string; position?: {start: {offset?: number}; end: {offset?: number}}}, source: string, references: References = 'markdown'): TextMap | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const offsets: number[] = []
  const ends: number[] = []
  const {value} = node
  // How many source characters stand for value[index] at `at`: itself, or what the parsers
  // normalise (HTML reads a CR or CR LF as a line feed, and both parsers read NUL as U+FFFD;
  // `a\r . ` in HTML and `\0the the` in Markdown threw).
  const width = (at: number, index: number): number => {
    if (source[at] === value[index]) return 1
    if (value[index] === '\n' && source[at] === '\r') return source[at + 1] === '\n' ? 2 : 1
    return value[index] === '\uFFFD' && source[at] === '\0' ? 1 : 0
  }
  let at = start
  for (let index = 0; index < value.length; index++) {
    let entity = false
    // An entity is tried first: the `&` of `&amp;` matches the value's `&`, but is not all of it.
    while (at < end) {
      const reference = referenceAt(source, at, value, index, references, start)
      if (!reference && width(at, index) !== 0) break
      if (reference) {
        // An entity stands for this character (or its two UTF-16 units, or two characters).
        for (let unit = 0; unit < reference.units; unit++) {
          offsets.push(at)
          ends.push(reference.end)
        }
        index += reference.units - 1
        at = reference.end
        entity = true
        break
      }
      at++
    }
    if (entity) continue
    // `&` written as itself is one character; as `&amp;` it is five, caught above.
    const units = Math.max(1, width(at, index))
    offsets.push(Math.min(at, end))
    ends.push(Math.min(at + units, end))
    at += units
  }
  return {start, offsets, ends}
}

/**
 * Puts every leaf at the place its text really is. The to-nlcst utilities place a leaf at its
 * text node's start plus the length of the decoded text before it, so after an escape, an
 * entity or a quotation marker, later leaves would point too early; the text maps put them back.
 */
function realign(tree: Root, source: string, maps: TextMap[]): void {
  const place = location(source)
  maps.sort((a, b) => a.start - b.start)
  const mapOf = (offset: number): TextMap | undefined => {
    let low = 0
    let high = maps.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (maps[middle].start <= offset) low = middle + 1
      else high = middle - 1
    }
    const map = maps[high]
    return map && offset - map.start < map.offsets.length ? map : undefined
  }
  const fix = (node: Node & {value?: string; children?: Node[]}): {start: number; end: number} | undefined => {
    if (typeof node.value === 'string') {
      const claimed = node.position?.start.offset
      if (claimed === undefined) return undefined
      const map = node.type === 'SourceNode' ? undefined : mapOf(claimed)
      let start = claimed
      let end = claimed + node.value.length
      if (map && node.value.length > 0) {
        start = map.offsets[claimed - map.start]
        end = map.ends[claimed - map.start + node.value.length - 1] ?? end
      }
      if (start !== claimed || end !== node.position?.end.offset) node.position = {start: place.toPoint(start)!, end: place.toPoint(end)!}
      return {start, end}
    }
    let first: number | undefined
    let last: number | undefined
    for (const child of node.children ?? []) {
      const span = fix(child as typeof node)
      if (!span) continue
      // The least and the most, not the first and the last: foster parenting puts children out of
      // source order (`<p><table>\n<title>…` has the `<title>` before the table).
      first = first === undefined ? span.start : Math.min(first, span.start)
      last = last === undefined ? span.end : Math.max(last, span.end)
    }
    if (first !== undefined && last !== undefined && node.position) {
      node.position = {start: place.toPoint(first)!, end: place.toPoint(last)!}
    }
    return first !== undefined && last !== undefined ? {start: first, end: last} : undefined
  }
  fix(tree as Parameters<typeof fix>[0])
}
