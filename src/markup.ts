// Markdown and HTML into nlcst: only prose becomes text (code, inline code, front matter, raw
// HTML, autolinks, images, <script>, <style>, <pre> and attributes do not), positions point into
// the original markup, and the structure (headings, list items, quotations) becomes hints for the
// article model, so no rule has to guess what a heading is.
import type {Element, Root as HastRoot} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {toNlcst as hastToNlcst} from 'hast-util-to-nlcst'
import {toString as hastToString} from 'hast-util-to-string'
import type {Root as MdastRoot} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {toNlcst as mdastToNlcst} from 'mdast-util-to-nlcst'
import {toString as mdastToString} from 'mdast-util-to-string'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfm} from 'micromark-extension-gfm'
import type {Node, Root, Sentence, SentenceContent} from 'nlcst'
import {ParseEnglish} from 'parse-english'
import {visit} from 'unist-util-visit'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {BlockKind, KindHint} from './article.js'

const FRONT_MATTER: Array<'yaml' | 'toml'> = ['yaml', 'toml']

/** Markdown (CommonMark, GFM, front matter) into nlcst and block hints. */
export function parseMarkdown(source: string, file: VFile): {tree: Root; hints: KindHint[]} {
  const mdast = fromMarkdown(source, {
    extensions: [gfm(), frontmatter(FRONT_MATTER)],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(FRONT_MATTER)]
  })
  const hints: KindHint[] = []
  let headline = false
  visit(mdast, (node) => {
    const kind = markdownKind(node.type, 'depth' in node ? node.depth : undefined, headline)
    if (kind === 'headline') headline = true
    if (kind) hint(hints, node, kind)
    // An autolink (`<https://...>`, `www.example.com`) shows its address: not prose.
    if (node.type === 'link' && isAddress(mdastToString(node), node.url)) (node as {type: string}).type = 'copydeskAddress'
  })
  const maps: TextMap[] = []
  visit(mdast, 'text', (node) => {
    const map = mapText(node, source)
    if (map) maps.push(map)
  })
  const tree = mdastToNlcst(mdast as MdastRoot, file, ParseEnglish, {
    ignore: ['html', 'image', 'imageReference', 'definition', 'footnoteDefinition'],
    source: ['copydeskAddress']
  })
  realign(tree, source, maps)
  joinSplitWords(tree)
  return {tree, hints}
}

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

/** HTML into nlcst and block hints; `<title>` is the headline, as the first `<h1>` is. */
export function parseHtml(source: string, file: VFile): {tree: Root; hints: KindHint[]} {
  const hast = fromHtml(source) as HastRoot
  const hints: KindHint[] = []
  let headline = false
  visit(hast, 'element', (node: Element) => {
    const tag = node.tagName
    if (NOT_PROSE_BLOCKS.has(tag)) node.properties = {...node.properties, dataNlcst: 'ignore'}
    const address = tag === 'a' && typeof node.properties?.href === 'string' && isAddress(hastToString(node), node.properties.href)
    if (NOT_PROSE_INLINE.has(tag) || address) node.properties = {...node.properties, dataNlcst: 'source'}
    // hast-util-to-nlcst reads `<title>` as no paragraph; as a `<p>` it is one.
    if (tag === 'title') node.tagName = 'p'
    const kind = htmlKind(tag, headline)
    if (kind === 'headline') headline = true
    if (kind) hint(hints, node, kind)
  })
  const maps: TextMap[] = []
  visit(hast, 'text', (node) => {
    const map = mapText(node, source)
    if (map) maps.push(map)
  })
  const tree = hastToNlcst(hast, file, ParseEnglish)
  realign(tree, source, maps)
  joinSplitWords(tree)
  return {tree, hints}
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
    for (const child of sentence.children) {
      const last = children[children.length - 1]
      if (child.type === 'WordNode' && last?.type === 'WordNode' && last.position && child.position) {
        children[children.length - 1] = {
          type: 'WordNode',
          children: [...last.children, ...child.children],
          position: {start: last.position.start, end: child.position.end}
        }
      } else children.push(child)
    }
    sentence.children = children
  })
}

const ENTITY = /^&(?:#x?[\da-f]+|[a-z][a-z\d]*);/iu

// An entity starts here, unless its `&` is escaped (`\&amp;` in Markdown is the text `&amp;`).
function isEntityAt(source: string, at: number): boolean {
  return ENTITY.test(source.slice(at, at + 34)) && source[at - 1] !== '\\'
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
function mapText(node: {value: string; position?: {start: {offset?: number}; end: {offset?: number}}}, source: string): TextMap | undefined {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) return undefined
  const offsets: number[] = []
  const ends: number[] = []
  const {value} = node
  let at = start
  for (let index = 0; index < value.length; index++) {
    let entity = false
    // An entity is tried first: the `&` of `&amp;` matches the value's `&`, but is not all of it.
    while (at < end && (source[at] !== value[index] || isEntityAt(source, at))) {
      const semicolon = isEntityAt(source, at) ? source.indexOf(';', at) : -1
      if (semicolon !== -1) {
        // An entity stands for this character (or, when astral, its two UTF-16 units).
        const units = value.codePointAt(index)! > 0xffff ? 2 : 1
        for (let unit = 0; unit < units; unit++) {
          offsets.push(at)
          ends.push(semicolon + 1)
        }
        index += units - 1
        at = semicolon + 1
        entity = true
        break
      }
      at++
    }
    if (entity) continue
    // `&` written as itself is one character; as `&amp;` it is five, caught above.
    offsets.push(Math.min(at, end))
    ends.push(Math.min(at + 1, end))
    at++
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
      first ??= span.start
      last = span.end
    }
    if (first !== undefined && last !== undefined && node.position) {
      node.position = {start: place.toPoint(first)!, end: place.toPoint(last)!}
    }
    return first !== undefined && last !== undefined ? {start: first, end: last} : undefined
  }
  fix(tree as Parameters<typeof fix>[0])
}
