// The lexicon: American and British English dictionaries plus the project's word lists, loaded on
// first use and shared by every rule of a processor (spelling, name typos, the headline), so a run
// loads each dictionary once however many files and rules use it.
import en from 'dictionary-en'
import gb from 'dictionary-en-gb'
import nspell, {type NSpell} from 'nspell'
import type {Settings} from './rule.js'

export interface Lexicon {
  /** Whether either dictionary (or the project's lists) knows the word, case as written. */
  knows(word: string): boolean
  /** Corrections for a word, best first (slow: milliseconds per word). */
  suggest(word: string): string[]
}

/** A lexicon for one processor; nothing is loaded until a rule asks. */
export function createLexicon(settings: Settings): Lexicon {
  let american: NSpell | undefined
  let british: NSpell | undefined
  const project = new Set([...settings.names, ...settings.words])
  const load = (dictionary: typeof en) => {
    const checker = nspell(dictionary)
    for (const word of project) checker.add(word)
    return checker
  }
  const us = () => (american ??= load(en))
  const uk = () => (british ??= load(gb))
  return {
    knows(word) {
      const plain = word.replace(/’/gu, "'")
      return project.has(word) || us().correct(plain) || uk().correct(plain)
    },
    suggest(word) {
      const plain = word.replace(/’/gu, "'")
      const found = [...us().suggest(plain), ...uk().suggest(plain)]
      return [...new Set(found)]
    }
  }
}
