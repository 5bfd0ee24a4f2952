// The name index: every capitalized word of the article with its uses, for the rules that read
// the whole document (name typos, the headline). Built once per file, on first use.
import type {Sentence, Word} from 'nlcst'
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

// What a sentence gives the index, with offsets from the sentence's start. The parse of an
// unchanged paragraph is reused from the last lint (src/parse.ts), its sentence nodes with it, so
// an editor's re-lint reads only the sentences it has not seen.
interface SentenceNames {
  uses: Array<Omit<NameUse, 'block'>>
  /** The words not capitalized, as written. */
  lower: string[]
}
const bySentence = new WeakMap<Sentence, SentenceNames>()

export function buildNameIndex(article: Article): NameIndex {
  const uses = new Map<string, NameUse[]>()
  const inBlock: NameUse[][] = []
  // Blocks by what they give the index (offsets from the block's start), worked out once per
  // paragraph while its parse is reused.
  const found = article.blocks.map((block) => shaped(block, 'names', () => namesIn(block)))
  article.blocks.forEach((block, index) => {
    const own: NameUse[] = []
    for (const {names, shift} of found[index]) {
      for (const each of names.uses) {
        const use: NameUse = {text: each.text, start: each.start + shift + block.start, end: each.end + shift + block.start, block, initial: each.initial, before: each.before, after: each.after}
        own.push(use)
        const list = uses.get(use.text)
        if (list) list.push(use)
        else uses.set(use.text, [use])
      }
    }
    inBlock[block.index] = own
  })
  // Read only to rule out a candidate: built when first read.
  let lower: Set<string> | undefined
  return {
    uses,
    get lower() {
      if (!lower) {
        lower = new Set()
        for (const each of found) for (const {names} of each) for (const word of names.lower) lower.add(word.toLowerCase())
      }
      return lower
    },
    count: (text) => uses.get(text)?.length ?? 0,
    of: (block) => inBlock[block.index] ?? []
  }
}

// What a block's sentences give the index, each with where it starts in the block.
function namesIn(block: Block): Array<{names: SentenceNames; shift: number}> {
  const all: Array<{names: SentenceNames; shift: number}> = []
  for (const sentence of block.node.children) {
    if (sentence.type !== 'SentenceNode') continue
    const base = sentence.position?.start.offset
    let found = base === undefined ? undefined : bySentence.get(sentence)
    if (!found) {
      found = namesOf(sentence, base ?? 0)
      if (base !== undefined) bySentence.set(sentence, found)
    }
    all.push({names: found, shift: (base ?? 0) - block.start})
  }
  return all
}

function namesOf(sentence: Sentence, base: number): SentenceNames {
  const found: SentenceNames = {uses: [], lower: []}
  const words: Word[] = []
  const texts: string[] = []
  for (const node of sentence.children) {
    if (node.type !== 'WordNode') continue
    words.push(node)
    const only = node.children.length === 1 ? node.children[0] : undefined
    texts.push(only && 'value' in only ? only.value : toString(node))
  }
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    const raw = withoutPossessive(withoutFinalPeriod(texts[index]))
    // `Ardern-era` is a use of `Ardern`; `O'Brien` stays whole. Parts by hand: a word is seldom
    // hyphenated, and an array for each word was garbage.
    for (let from = 0; from <= raw.length; ) {
      const hyphen = raw.indexOf('-', from)
      const to = hyphen === -1 ? raw.length : hyphen
      const part = from === 0 && to === raw.length ? raw : raw.slice(from, to)
      // (lower-cased when `lower` is first read: most lints never read it)
      if (!isCapitalized(part)) found.lower.push(part)
      else if (part.length >= 2 && !DIGIT.test(part)) {
        found.uses.push({
          text: part,
          start: offsetInWord(word, from) - base,
          end: offsetInWord(word, to - 1) + 1 - base,
          initial: index === 0 && from === 0,
          before: texts[index - 1],
          after: texts[index + 1]
        })
      }
      from = to + 1
    }
  }
  return found
}

const DIGIT = /\d/u

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
