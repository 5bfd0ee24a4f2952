// The name index: every capitalized word of the article with its uses, for the rules that read
// the whole document (name typos, the headline). Built once per file, on first use.
import type {Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {shaped, type Article, type Block} from './article.js'
import {offsetInWord} from './nlcst.js'

export interface NameUse {
  /** The name without a possessive ending (`Trump’s` is a use of `Trump`, `Ardern-era` of `Ardern`). */
  text: string
  start: number
  end: number
  block: Block
  /** First word of its sentence, where any word is capitalized. */
  initial: boolean
  /** The words just before and after, for titles and first names (`Mr`, `Fred`). */
  before: string | undefined
  after: string | undefined
}

export interface NameIndex {
  /** Uses of each name, in document order. */
  readonly uses: ReadonlyMap<string, readonly NameUse[]>
  /** Every word the article writes in lower case, lower-cased: `While` is a name only if `while` is absent. */
  readonly lower: ReadonlySet<string>
  /** How often a name is used in the article. */
  count(text: string): number
  /** The uses in one block, in order. */
  of(block: Block): readonly NameUse[]
}

const CAPITALIZED = /^\p{Lu}/u

/** Whether a word starts with a capital letter; most words are ASCII, tested without an expression. */
export function isCapitalized(word: string): boolean {
  const code = word.charCodeAt(0)
  if (code < 128) return code >= 65 && code <= 90
  return CAPITALIZED.test(word)
}

// What a block gives the index, kept with its paragraph's shape: the parse of an unchanged
// paragraph is reused from the last lint (src/parse.ts), and its names with it, moved where the
// paragraph now sits. The uses are made for the lint that first reads them (one object for each,
// not one for the block and a copy for the lint).
interface BlockNames {
  block: Block
  uses: NameUse[]
  /** Where the paragraph's first node started when these were made. */
  anchor: number
}

export function buildNameIndex(article: Article): NameIndex {
  const uses = new Map<string, NameUse[]>()
  const inBlock: NameUse[][] = []
  for (const block of article.blocks) {
    const names = shaped(block, 'names', () => namesIn(block))
    const own = names.block === block ? names.uses : moved(names, block)
    for (const use of own) {
      const list = uses.get(use.text)
      if (list) list.push(use)
      else uses.set(use.text, [use])
    }
    inBlock[block.index] = own
  }
  return new Names(article, uses, inBlock)
}

// A class, not an object literal with a `lower` getter: V8 keeps an accessor defined on an object
// in its old generation, and through the getter's closure it held the article through every
// young-generation collection until a full one (see ArticleModel in article.ts).
class Names implements NameIndex {
  // Read only to rule out a candidate (in one article of twenty): worked out when first read,
  // by a second walk of the words.
  private lowerWords: Set<string> | undefined

  constructor(
    private readonly article: Article,
    readonly uses: Map<string, NameUse[]>,
    private readonly inBlock: NameUse[][]
  ) {}

  get lower(): ReadonlySet<string> {
    if (!this.lowerWords) {
      const lower = new Set<string>()
      for (const block of this.article.blocks) for (const word of shaped(block, 'lower', () => lowerIn(block))) lower.add(word)
      this.lowerWords = lower
    }
    return this.lowerWords
  }

  // (arrow functions, as in the object literal this was: a rule may take them apart from the index)
  readonly count = (text: string): number => this.uses.get(text)?.length ?? 0

  readonly of = (block: Block): readonly NameUse[] => this.inBlock[block.index] ?? []
}

function anchorOf(block: Block): number {
  return block.node.children[0]?.position?.start.offset ?? block.start
}

// The uses another lint made of this paragraph, for this block.
function moved(names: BlockNames, block: Block): NameUse[] {
  const shift = anchorOf(block) - names.anchor
  return names.uses.map((use) => ({text: use.text, start: use.start + shift, end: use.end + shift, block, initial: use.initial, before: use.before, after: use.after}))
}

// The names of a block's sentences.
function namesIn(block: Block): BlockNames {
  const names: BlockNames = {block, uses: [], anchor: anchorOf(block)}
  scan(block, names, undefined)
  return names
}

// The words of a block written in lower case (the parts of a hyphenated word), lower-cased.
function lowerIn(block: Block): string[] {
  const lower: string[] = []
  scan(block, undefined, lower)
  return lower
}

// The parts of each word of a block (`Ardern-era` is a use of `Ardern`; `O'Brien` stays whole),
// as names or as words in lower case. A use's `after` is set when the next word is read.
function scan(block: Block, names: BlockNames | undefined, lower: string[] | undefined): void {
  const paragraph = block.node.children
  for (let at = 0; at < paragraph.length; at++) {
    const sentence = paragraph[at]
    if (sentence.type !== 'SentenceNode') continue
    const nodes = sentence.children
    let before: string | undefined
    // The uses of the word before, which wait for their `after`.
    let waiting = names ? names.uses.length : 0
    for (let index = 0; index < nodes.length; index++) {
      const word = nodes[index]
      if (word.type !== 'WordNode') continue
      const text = textOf(word)
      if (names) {
        const {uses} = names
        for (; waiting < uses.length; waiting++) uses[waiting].after = text
      }
      // A word in lower case without a hyphen (most words) gives the index no name: its parts
      // are itself, cut short, with the same first letter.
      if (!lower && !isCapitalized(text) && text.indexOf('-') === -1) {
        before = text
        continue
      }
      const raw = withoutPossessive(withoutFinalPeriod(text))
      // Parts by hand: a word is seldom hyphenated, and an array for each word was garbage.
      for (let from = 0; from <= raw.length; ) {
        const hyphen = raw.indexOf('-', from)
        const to = hyphen === -1 ? raw.length : hyphen
        const part = from === 0 && to === raw.length ? raw : raw.slice(from, to)
        if (!isCapitalized(part)) lower?.push(part.toLowerCase())
        else if (names && part.length >= 2 && !hasDigit(part)) {
          names.uses.push({
            text: part,
            start: offsetIn(word, from),
            end: offsetIn(word, to - 1) + 1,
            block,
            initial: before === undefined && from === 0,
            before,
            after: undefined
          })
        }
        from = to + 1
      }
      before = text
    }
  }
}

// A word's text: most words are one text node; the others are joined here, as `toString` does.
function textOf(word: Word): string {
  const {children} = word
  if (children.length === 1) {
    const only = children[0]
    if (only.type === 'TextNode') return only.value
  }
  let text = ''
  for (const child of children) {
    if (child.type !== 'TextNode' && child.type !== 'PunctuationNode' && child.type !== 'SymbolNode') return toString(word)
    text += child.value
  }
  return text
}

// The source offset of a character of a word's text (`index` may be its length).
function offsetIn(word: Word, index: number): number {
  const {children} = word
  if (children.length === 1) {
    const only = children[0]
    const start = only.position?.start.offset
    if (only.type === 'TextNode' && start !== undefined && only.position!.end.offset !== undefined && word.position?.start.offset !== undefined && word.position.end.offset !== undefined) {
      return start + Math.min(index, only.value.length)
    }
  }
  return offsetInWord(word, index)
}

// As `/\d/u` (ASCII digits only, with or without the flag), without an expression.
function hasDigit(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at)
    if (code >= 48 && code <= 57) return true
  }
  return false
}

// parse-english keeps a period in the word when lower case follows (`Tisch. , chief`, `Corp. said`):
// that period is punctuation, not part of the name, unless the word has others (`U.S.`).
function withoutFinalPeriod(word: string): string {
  return word.length >= 2 && word.indexOf('.') === word.length - 1 ? word.slice(0, -1) : word
}

/** A possessive ending cut off, as `/['’]s?$/u` reads it: `Trump’s`, `Jones'`. */
export function withoutPossessive(word: string): string {
  const {length} = word
  const last = word.charCodeAt(length - 1)
  if (last === 0x27 || last === 0x2019) return word.slice(0, -1)
  if (last === 0x73 && length >= 2) {
    const before = word.charCodeAt(length - 2)
    if (before === 0x27 || before === 0x2019) return word.slice(0, -2)
  }
  return word
}
