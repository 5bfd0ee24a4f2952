// A capitalised word no dictionary knows is usually a name (`Fleitz`, `Kishida`), so it is called
// a typo only on strong evidence: one letter left out of, or two letters swapped in, a proper noun
// every dictionary has (`Febuary`, `Manchster`, `Europen`, `Conservatves`), and a form that the
// ways names vary do not explain.
import {ALL_LETTERS, type Edits} from '../../src/lexicon.js'
import {lowestBit, type Correct} from './typo.js'

/**
 * Whether a form could be a dictionary entry or built from one: a quick test before `correct`.
 * Given the form as written and in lower case, and the endings of the word it was made from.
 */
export type Entry = (form: string, lower: string, endings: readonly Ending[]) => boolean

/** An ending the dictionary builds forms with, and what it replaces in the entry. */
export type Ending = readonly [string, readonly string[]]

// Shorter names crowd: `Ana`, `Tomas`, `Maris` sit one letter from dictionary names. A capitalised
// common word (`Goverment`) needs more letters, since surnames are often one letter from a word
// (`Stange`, `Grene`).
export const MIN_PROPER = 6
const MIN_COMMON = 9
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * The proper noun a capitalised unknown word most likely misspells, or undefined. Not counted as
 * evidence, because real names differ from dictionary names in these ways:
 * - a doubled letter written single (`Russel`, `Mathews`, `Philips` are surnames of their own);
 * - a dropped `h` (`Jonson`, `Tomson`, `Antony`);
 * - the first letter, and a last letter dropped (`Frederic`, `Februar` in German copy);
 * - more than one dictionary word one slip away: no clear source.
 */
export function properTypo(word: string, correct: Correct, entry: Entry, endings: readonly Ending[], edits?: Edits): string | undefined {
  const n = word.length
  if (n < MIN_PROPER) return undefined
  const found = new Set<string>()
  // Only the endings the word has, worked out once: a search tries hundreds of forms.
  const lower = word.toLowerCase()
  const own = endings.filter(([ending]) => lower.endsWith(ending))
  const consider = (head: string, tail: string) => {
    const candidate = word[0] + head + tail
    if (!entry(candidate, lower[0] + head + tail, own) || !correct(candidate)) return
    const proper = !correct(candidate.toLowerCase())
    if (proper || n >= MIN_COMMON) found.add(candidate)
  }
  const rest = word.slice(1)
  // A letter left out: put it back anywhere but first or last.
  for (let i = 1; i < n; i++) {
    const head = rest.slice(0, i - 1)
    const tail = rest.slice(i - 1)
    // (`edits` turns away the forms `correct` would not know, without building them: each
    // letter a bit)
    const may = edits ? edits.inserts(i) : ALL_LETTERS
    // (only the letters whose bit is set, in alphabetical order)
    for (let bits = may & ALL_LETTERS; bits !== 0; bits &= bits - 1) {
      const added = LETTERS[lowestBit(bits)]
      if (added === 'h' || added === word[i - 1] || added === word[i]) continue
      consider(head + added, tail)
    }
  }
  // Two letters swapped, the first left alone.
  for (let i = 1; i + 1 < n; i++) {
    if (word[i] !== word[i + 1] && edits?.swap(i) !== false) consider(rest.slice(0, i - 1) + word[i + 1] + word[i], rest.slice(i + 1))
  }
  return found.size === 1 ? [...found][0] : undefined
}
