// Misspelled words, checked against American and British English (dictionary-en, dictionary-en-gb)
// with one nspell checker per processor. Only lower-case words are checked (a capital starts a
// name, and name typos belong to name-consistency), and only clear typos are reported (typo.ts).
import type {SentenceContent, Word} from 'nlcst'
import {isLiteral} from 'nlcst-is-literal'
import {spanOf, toString} from '../../src/nlcst.js'
import {defineRule} from '../../src/rule.js'
import {createChecker, type Checker} from './checker.js'
import {findTypo, type Typo} from './typo.js'

interface State {
  /** Built on first use, so a processor that never lints pays nothing. */
  readonly checker: Checker
  /** Verdicts by word: news repeats its unknown words (`gamers` five times in one story). */
  readonly verdicts: Map<string, Typo | null>
}

// A lower-case word, its hyphenated parts, and a possessive ending; anything else (capitals,
// digits, `don't`, `.aero`) is a name, a number, a contraction or not a word.
const CHECKED = /^[a-z]+(?:-[a-z]+)*(?:['’]s?)?$/u
const POSSESSIVE = /['’]s?$/u
// Characters that glue a word to its neighbours into something else: `clich&#233;d`, `a/b`,
// `name@example`, `bbc.co.uk`.
const GLUE = /[\p{L}\p{N}@#&_/\\.]/u
const MIN_PART = 4
const MAX_VERDICTS = 10_000

export default defineRule({
  id: 'spelling',
  summary: 'A misspelled word, such as `recieve` or `goverment`.',
  fix: 'suggest',
  options: {},
  init(_options, settings): State {
    let checker: Checker | undefined
    return {
      get checker() {
        checker ??= createChecker([...settings.names, ...settings.words])
        return checker
      },
      verdicts: new Map()
    }
  },
  check(_tree, _file, {article, report, state}) {
    const {source} = article
    const unknown = (word: string) => /^[a-z]+$/u.test(word) && !state.checker.correct(word)
    // A plain loop over the sentences, not unist-util-visit: this runs on every word of every
    // file, and visiting every node cost more than the spell checking itself.
    for (const block of article.blocks) {
      for (const sentence of block.node.children) {
        if (sentence.type !== 'SentenceNode') continue
        const tokens = sentence.children
        tokens.forEach((token, index) => {
          if (token.type !== 'WordNode') return
          const first = token.children[0]
          // Most words start with a capital or are known: settle them before any other work.
          if (first?.type !== 'TextNode' || !/^[a-z]/u.test(first.value)) return
          const text = token.children.length === 1 ? first.value : toString(token)
          if (!CHECKED.test(text)) return
          const word = text.replace(POSSESSIVE, '')
          if (state.checker.correct(word)) return
          const {start, end} = spanOf(token)
          if (source.slice(start, end) !== text || glued(source, start, end) || isLiteral(sentence, index)) return
          const parts = word.split('-')
          let offset = 0
          parts.forEach((part, i) => {
            const at = start + offset
            offset += part.length + 1
            if (part.length < MIN_PART || state.checker.correct(part)) return
            // Two unknown words together are a phrase in another language (`carte blanche`,
            // `joie de vivre`, `laissez-faire`), not two slips.
            const before = i > 0 ? parts[i - 1] : wordAround(tokens, index, -1)
            const after = i + 1 < parts.length ? parts[i + 1] : wordAround(tokens, index, 1)
            if ((before && unknown(before)) || (after && unknown(after))) return
            const typo = verdict(state, part)
            if (!typo) return
            const [best] = typo.expected
            const reason =
              typo.kind === 'run-together'
                ? `Unexpected unknown word \`${part}\`, probably \`${best}\` without its space`
                : `Unexpected unknown word \`${part}\`, probably a typo of \`${best}\``
            report({start: at, end: at + part.length}, reason, {
              suggest: () => suggestions(state.checker, part, typo)
            })
          })
        })
      }
    }
  }
})

function verdict(state: State, word: string): Typo | null {
  let found = state.verdicts.get(word)
  if (found === undefined) {
    if (state.verdicts.size >= MAX_VERDICTS) state.verdicts.clear()
    found = findTypo(word, (candidate) => state.checker.correct(candidate)) ?? null
    state.verdicts.set(word, found)
  }
  return found
}

// The evidence first (the words one slip away, or the split), then nspell's own candidates.
function suggestions(checker: Checker, word: string, typo: Typo): string[] {
  if (typo.kind === 'run-together') return [...typo.expected]
  const all = [...new Set([...typo.expected, ...checker.suggest(word)])]
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
