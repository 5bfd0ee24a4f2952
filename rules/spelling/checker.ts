// The spell checker: American (dictionary-en) and British (dictionary-en-gb) English in one nspell
// instance, built once per processor, so `color` and `colour` are both right and a word is
// unknown only when neither variety has it.
import en from 'dictionary-en'
import gb from 'dictionary-en-gb'
import nspell from 'nspell'

/** What the rule asks of a dictionary. */
export interface Checker {
  correct(word: string): boolean
  /** nspell's candidates for an unknown word; slow (milliseconds), so only called on demand. */
  suggest(word: string): string[]
}

/** Loads both varieties and adds the project's own words (names and terms from configuration). */
export function createChecker(words: readonly string[]): Checker {
  const decoder = new TextDecoder()
  const checkers = sameBytes(en.aff, gb.aff)
    ? // One instance with both word lists when the affix rules are the same (they are in
      // dictionary-en 4 and dictionary-en-gb 3): about half the memory and load time of two.
      [nspell({aff: Buffer.from(en.aff), dic: union(decoder.decode(en.dic), decoder.decode(gb.dic))})]
    : [nspell({aff: Buffer.from(en.aff), dic: Buffer.from(en.dic)}), nspell({aff: Buffer.from(gb.aff), dic: Buffer.from(gb.dic)})]
  for (const checker of checkers) for (const word of words) checker.add(word)
  return {
    correct: (word) => checkers.some((checker) => checker.correct(word)),
    suggest: (word) => [...new Set(checkers.flatMap((checker) => checker.suggest(word)))]
  }
}

// The lines of two .dic files, each once: most entries are in both, and nspell would expand a
// repeated entry twice. Joined as text because nspell's `dictionary()` breaks its compound rules
// when called a second time (every word becomes correct).
function union(first: string, second: string): string {
  const lines = first.split('\n')
  const seen = new Set(lines)
  // Each file starts with its entry count, which would be read as a word in the second.
  const extra = second.split('\n').slice(1).filter((line) => !seen.has(line))
  return [...lines, ...extra].join('\n')
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, index) => byte === b[index])
}
