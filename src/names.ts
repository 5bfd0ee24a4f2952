// The name index: every capitalized word of the article with its uses, for the rules that read
// the whole document (name typos, the headline, spelling). Built once per file, on first use.
import type {Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Article, Block} from './article.js'
import {spanOf} from './nlcst.js'

export interface NameUse {
  /** The name without a possessive ending (`Trump’s` is a use of `Trump`). */
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
  /** How often a name is used in the article. */
  count(text: string): number
}

const POSSESSIVE = /['’]s?$/u
const CAPITALIZED = /^\p{Lu}/u

export function buildNameIndex(article: Article): NameIndex {
  const uses = new Map<string, NameUse[]>()
  for (const block of article.blocks) {
    for (const sentence of block.node.children) {
      if (sentence.type !== 'SentenceNode') continue
      const words = (sentence as Sentence).children.filter((node): node is Word => node.type === 'WordNode')
      words.forEach((word, index) => {
        const raw = toString(word)
        if (!CAPITALIZED.test(raw)) return
        const text = raw.replace(POSSESSIVE, '')
        if (text.length < 2 || /\d/u.test(text)) return
        const {start} = spanOf(word)
        const use: NameUse = {
          text,
          start,
          end: start + text.length,
          block,
          initial: index === 0,
          before: index > 0 ? toString(words[index - 1]) : undefined,
          after: index + 1 < words.length ? toString(words[index + 1]) : undefined
        }
        const list = uses.get(text)
        if (list) list.push(use)
        else uses.set(text, [use])
      })
    }
  }
  return {uses, count: (text) => uses.get(text)?.length ?? 0}
}
