// The lexicon: American, British and Australian English and the project's word lists, in one nspell
// checker built on first use and shared by every rule of a processor (spelling evidence, name typos,
// the headline). It is the only full dictionary a process builds: the spelling rule hands
// retext-spell the bare affix file (see rules/spelling) and asks this checker for every verdict.
import en from 'dictionary-en'
import au from 'dictionary-en-au'
import gb from 'dictionary-en-gb'
import nspell from 'nspell'
import type {Settings} from './rule.js'

export interface Lexicon {
  /** Whether a variety (or the project's lists) knows the word, case as written. */
  knows(word: string): boolean
  /**
   * Like `knows`, but the verdict is not remembered: for the many forms one slip from an unknown
   * word that a typo search tries once each, which would crowd the words of the copy out of memory.
   */
  probe(word: string): boolean
  /** Corrections for a word, best first (slow: milliseconds per word); none past `MAX_WORD` letters. */
  suggest(word: string): string[]
}

/** A hunspell dictionary: affix rules and word list. */
export interface Dictionary {
  aff: Buffer
  dic: Buffer
}

/**
 * No English word needs more letters (the longest in the dictionaries has 28): a longer one is
 * known to no dictionary and gets no suggestions, whose cost grows with the square of the length
 * (a 2,000-letter word took 4 GB).
 */
export const MAX_WORD = 40

let english: Dictionary | undefined
let americanLines: string[] | undefined

// dictionary-en's entries, decoded once for both dictionaries built from them.
function american(): string[] {
  americanLines ??= new TextDecoder().decode(en.dic).split('\n')
  return americanLines
}

/** The affix file the three varieties share. */
function englishAffix(): Buffer {
  return Buffer.from(en.aff)
}

/**
 * The shared affix file with no words but the numerals (`1st`, `22nd`) its compound rules are built
 * from: about 1 ms to load, and it knows no word. Without the numerals nspell leaves the rules'
 * flags as letters, and `/n*mp/` then accepts every word holding `mp`.
 */
export function bareDictionary(): Dictionary {
  const numerals = american().filter((line) => /^\d/u.test(line))
  return {aff: englishAffix(), dic: Buffer.from([String(numerals.length), ...numerals].join('\n'))}
}

/**
 * American, British and Australian English as one dictionary: the packages share one affix file,
 * so their word lists are joined, each entry once (nspell would expand a repeated entry twice).
 * Joined as text because nspell's `dictionary()` breaks its compound rules when called a second
 * time. Immutable, so it is built once per process and shared.
 */
export function englishDictionary(): Dictionary {
  if (english) return english
  const decoder = new TextDecoder()
  for (const variety of [gb, au]) {
    if (!Buffer.from(en.aff).equals(Buffer.from(variety.aff))) {
      throw new Error('dictionary-en, -en-gb and -en-au no longer share an affix file: join them another way')
    }
  }
  const lines = [...american()]
  const seen = new Set(lines)
  for (const variety of [gb, au]) {
    // Each file starts with its entry count, which would be read as a word in the next.
    for (const line of decoder.decode(variety.dic).split('\n').slice(1)) {
      if (seen.has(line)) continue
      seen.add(line)
      lines.push(line)
    }
  }
  english = {aff: englishAffix(), dic: Buffer.from(lines.join('\n'))}
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
      // Not remembered, so an 8 KB token costs no memory: no dictionary holds it.
      if (word.length > MAX_WORD) return project.has(word)
      let known = verdicts.get(word)
      if (known === undefined) {
        if (verdicts.size >= 20_000) verdicts.clear()
        known = project.has(word) || load().correct(plain(word))
        verdicts.set(word, known)
      }
      return known
    },
    probe: (word) => project.has(word) || (word.length <= MAX_WORD && (verdicts.get(word) ?? load().correct(plain(word)))),
    suggest: (word) => (word.length > MAX_WORD ? [] : load().suggest(plain(word)))
  }
}
