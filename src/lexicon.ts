// The lexicon: American and British English and the project's word lists, in one nspell checker
// loaded on first use and shared by every rule of a processor (spelling evidence, name typos, the
// headline), so a run loads it once however many files and rules use it.
import en from 'dictionary-en'
import gb from 'dictionary-en-gb'
import nspell from 'nspell'
import type {Settings} from './rule.js'

export interface Lexicon {
  /** Whether either variety (or the project's lists) knows the word, case as written. */
  knows(word: string): boolean
  /** Corrections for a word, best first (slow: milliseconds per word). */
  suggest(word: string): string[]
}

/** A hunspell dictionary: affix rules and word list. */
export interface Dictionary {
  aff: Buffer
  dic: Buffer
}

let english: Dictionary | undefined

/**
 * American and British English as one dictionary: the two packages share one affix file, so their
 * word lists are joined, each entry once (nspell would expand a repeated entry twice). Joined as
 * text because nspell's `dictionary()` breaks its compound rules when called a second time.
 * Immutable, so it is built once per process and shared.
 */
export function englishDictionary(): Dictionary {
  if (english) return english
  const decoder = new TextDecoder()
  if (!Buffer.from(en.aff).equals(Buffer.from(gb.aff))) {
    throw new Error('dictionary-en and dictionary-en-gb no longer share an affix file: join them another way')
  }
  const lines = decoder.decode(en.dic).split('\n')
  const seen = new Set(lines)
  // Each file starts with its entry count, which would be read as a word in the second.
  const extra = decoder.decode(gb.dic).split('\n').slice(1).filter((line) => !seen.has(line))
  english = {aff: Buffer.from(en.aff), dic: Buffer.from([...lines, ...extra].join('\n'))}
  return english
}

/** A lexicon for one processor; nothing is loaded until a rule asks. */
export function createLexicon(settings: Settings): Lexicon {
  const project = new Set([...settings.names, ...settings.words])
  let checker: ReturnType<typeof nspell> | undefined
  const load = () => {
    if (checker) return checker
    checker = nspell(englishDictionary())
    for (const word of project) checker.add(word)
    return checker
  }
  const plain = (word: string) => word.replace(/’/gu, "'")
  // Copy repeats its words (Zipf): remembering verdicts saves most of nspell's work. Cleared when
  // full, so a long-running language server stays bounded.
  const verdicts = new Map<string, boolean>()
  return {
    knows(word) {
      let known = verdicts.get(word)
      if (known === undefined) {
        if (verdicts.size >= 20_000) verdicts.clear()
        known = project.has(word) || load().correct(plain(word))
        verdicts.set(word, known)
      }
      return known
    },
    suggest: (word) => load().suggest(plain(word))
  }
}
