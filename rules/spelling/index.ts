// Misspelled words, checked against American and British English (dictionary-en,
// dictionary-en-gb). retext-spell finds the words the dictionaries do not know (it skips quoted
// literals and checks hyphenated parts); this rule keeps only the lower-case ones that are clear
// typos (typo.ts), since a capital starts a name and name typos belong to name-consistency.
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import retextSpell from 'retext-spell'
import {VFile} from 'vfile'
import {englishDictionary, type Lexicon} from '../../src/lexicon.js'
import {spanOf, toString} from '../../src/nlcst.js'
import {defineRule} from '../../src/rule.js'
import {findTypo, type Typo} from './typo.js'

type Detect = (tree: Root, file: VFile, next: (error?: Error) => void) => void

interface State {
  /** retext-spell's transformer, built on first use: it loads its own checker. */
  readonly detect: Detect
  /** Verdicts by word: news repeats its unknown words (`gamers` five times in one story). */
  readonly verdicts: Map<string, Typo | null>
  /**
   * retext-spell's findings by sentence text, as indices of the flagged words: in an editor
   * only the edited sentence changes, so only it is read again.
   */
  readonly sentences: Map<string, number[]>
}
// A lower-case word, its hyphenated parts, and a possessive ending; anything else (capitals,
// digits, `don't`, `.aero`) is a name, a number, a contraction or not a word.
const CHECKED = /^[a-z]+(?:-[a-z]+)*(?:['’]s?)?$/u
const POSSESSIVE = /['’]s?$/u
// Characters that glue a word to its neighbours into something else: `clich&#233;d`, `a/b`,
// `name@example`, `bbc.co.uk`.
const GLUE = /[\p{L}\p{N}@#&_/\\.]/u
const MIN_PART = 4
const MAX_VERDICTS = 5_000
// Enough for the sentences of a long article being edited; cleared when full, so memory stays flat.
const MAX_SENTENCES = 500

export default defineRule({
  id: 'spelling',
  summary: 'A misspelled word, such as `recieve` or `goverment`.',
  fix: 'suggest',
  options: {},
  init(_options, settings): State {
    let detect: Detect | undefined
    return {
      get detect() {
        // `max: 1`: retext-spell cannot be told to suggest nothing; it computes one suggestion,
        // once per processor, and the rule computes its own only when someone reads them.
        detect ??= (retextSpell as unknown as (options: object) => Detect)({
          dictionary: englishDictionary(),
          ignore: [...settings.names, ...settings.words],
          max: 1
        })
        return detect
      },
      verdicts: new Map(),
      sentences: new Map()
    }
  },
  check(_tree, file, {article, report, state, lexicon}) {
    const {source} = article
    const correct = (word: string) => lexicon.knows(word)
    const unknown = (word: string) => /^[a-z]+$/u.test(word) && !correct(word)
    // retext-spell reads only the sentences with a lower-case word the lexicon does not know:
    // the same verdicts as on the whole tree (one dictionary), without checking every word twice.
    const suspect = article.blocks.flatMap((block) =>
      block.node.children.filter((node): node is Sentence => node.type === 'SentenceNode' && hasUnknown(node, correct))
    )
    if (suspect.length === 0) return
    const keys = new Map(suspect.map((sentence) => [sentence, toString(sentence)]))
    const fresh = suspect.filter((sentence) => !state.sentences.has(keys.get(sentence)!))
    if (fresh.length > 0) {
      const found = new VFile({value: file.value})
      const part: Root = {type: 'RootNode', children: [{type: 'ParagraphNode', children: fresh}]}
      state.detect(part, found, (error) => {
        if (error) throw error
      })
      if (state.sentences.size + fresh.length > MAX_SENTENCES) state.sentences.clear()
      for (const sentence of fresh) state.sentences.set(keys.get(sentence)!, [])
      for (const message of found.messages) {
        const [sentence, token] = (message.ancestors ?? []) as [Sentence | undefined, Word | undefined]
        if (message.ruleId === 'overflow' || !sentence || token?.type !== 'WordNode') continue
        state.sentences.get(keys.get(sentence)!)?.push(sentence.children.indexOf(token))
      }
    }
    const flagged = suspect.flatMap((sentence) => (state.sentences.get(keys.get(sentence)!) ?? []).map((index) => [sentence, sentence.children[index]] as const))
    for (const [sentence, token] of flagged) {
      if (token?.type !== 'WordNode') continue
      const first = token.children[0]
      // A capital starts a name: name typos are name-consistency's.
      if (first?.type !== 'TextNode' || !/^[a-z]/u.test(first.value)) continue
      const text = token.children.length === 1 ? first.value : toString(token)
      if (!CHECKED.test(text)) continue
      const word = text.replace(POSSESSIVE, '')
      const {start, end} = spanOf(token)
      if (source.slice(start, end) !== text || glued(source, start, end)) continue
      const tokens = sentence.children
      const index = tokens.indexOf(token)
      const parts = word.split('-')
      let offset = 0
      parts.forEach((part, i) => {
        const at = start + offset
        offset += part.length + 1
        if (part.length < MIN_PART || correct(part)) return
        // Two unknown words together are a phrase in another language (`carte blanche`,
        // `joie de vivre`, `laissez-faire`), not two slips.
        const before = i > 0 ? parts[i - 1] : wordAround(tokens, index, -1)
        const after = i + 1 < parts.length ? parts[i + 1] : wordAround(tokens, index, 1)
        if ((before && unknown(before)) || (after && unknown(after))) return
        const typo = verdict(state, part, correct)
        if (!typo) return
        const [best] = typo.expected
        const reason =
          typo.kind === 'run-together'
            ? `Unexpected unknown word \`${part}\`, probably \`${best}\` without its space`
            : `Unexpected unknown word \`${part}\`, probably a typo of \`${best}\``
        report({start: at, end: at + part.length}, reason, {
          suggest: () => suggestions(lexicon, part, typo)
        })
      })
    }
  }
})

// A lower-case word (or part of one) that the dictionaries do not know.
function hasUnknown(sentence: Sentence, correct: (word: string) => boolean): boolean {
  for (const token of sentence.children) {
    if (token.type !== 'WordNode') continue
    const first = token.children[0]
    if (first?.type !== 'TextNode' || !/^[a-z]/u.test(first.value)) continue
    const text = (token.children.length === 1 ? first.value : toString(token)).replace(POSSESSIVE, '')
    if (!correct(text) && text.split('-').some((piece) => piece !== '' && !correct(piece))) return true
  }
  return false
}

function verdict(state: State, word: string, correct: (word: string) => boolean): Typo | null {
  let found = state.verdicts.get(word)
  if (found === undefined) {
    if (state.verdicts.size >= MAX_VERDICTS) state.verdicts.clear()
    found = findTypo(word, correct) ?? null
    state.verdicts.set(word, found)
  }
  return found
}

// The evidence first (the words one slip away, or the split), then nspell's own candidates.
function suggestions(lexicon: Lexicon, word: string, typo: Typo): string[] {
  if (typo.kind === 'run-together') return [...typo.expected]
  const all = [...new Set([...typo.expected, ...lexicon.suggest(word)])]
  return all.filter((candidate) => candidate !== word).slice(0, 4)
}

function glued(source: string, start: number, end: number): boolean {
  const before = source[start - 1] ?? ''
  const after = source[end] ?? ''
  if (before && GLUE.test(before)) return true
  if (after === '.') return /\p{L}/u.test(source[end + 1] ?? '')
  return after !== '' && GLUE.test(after)
}

/** The word just before (`-1`) or after (`1`) a word of the sentence, across one space. */
function wordAround(siblings: readonly SentenceContent[], index: number, step: -1 | 1): string | undefined {
  const space = siblings[index + step]
  const word = siblings[index + 2 * step]
  if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') return undefined
  return toString(word as Word)
}
