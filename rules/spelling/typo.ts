// Whether a word the dictionaries do not know is a typo or a valid word they lack. Edited news is
// full of the second kind (`webpage`, `gamers`, `teraflops`, `naira`), so a word is only a typo
// on positive evidence: a lost space, or a dictionary word one slip away that nothing else explains.
import {ALL_LETTERS, type Edits} from '../../src/lexicon.js'
import {FUNCTION_WORDS, PREFIXES, SUFFIXES} from './words.js'

/** Whether the dictionaries accept a word. */
export type Correct = (word: string) => boolean

/** What a typo most likely should have been. */
export interface Typo {
  kind: 'run-together' | 'near'
  /** The likely intended text, best first: `the first`, or the dictionary words one slip away. */
  expected: readonly string[]
  /** Whether a letter left out or two swapped explain it (`goverment`), the commonest slips. */
  strong?: boolean
}

// Shorter words sit among so many dictionary words one edit away that a valid unknown word (`roti`,
// `ramen`, `incel`) lands next to one by chance: a letter left out counts from five letters, a
// swap from four, an added or replaced letter (weaker evidence) from six.
const MIN_LENGTH = 5
const MIN_SWAP_LENGTH = 4
const MIN_WEAK_LENGTH = 6
// A word with more neighbours than this (`boops`: boobs, books, booms, boots...) is in a crowd of
// short words, where a slip has no clear source: `carte` in `carte blanche` has five.
const MAX_NEIGHBOURS = 3
const LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/**
 * The typo a lower-case word most likely is, or undefined when it is not clearly one. `edits`
 * (the lexicon's) turns away forms `correct` would not know before they are built.
 */
export function findTypo(word: string, correct: Correct, edits?: Edits): Typo | undefined {
  const {strong, weak, crowd} = neighbours(word, correct, edits)
  if (crowd > MAX_NEIGHBOURS) return lostSpaceTypo(word, correct)
  // A prefix before a word of four letters or more outweighs even a strong neighbour:
  // `regetting` is re-getting, not `regretting`.
  if (strong.length > 0 && !prefixed(word, correct, 4)) return {kind: 'near', expected: [...strong, ...weak], strong: true}
  const lost = lostSpaceTypo(word, correct)
  if (lost) return lost
  if (weak.length > 0 && !explained(word, correct)) return {kind: 'near', expected: weak}
  return undefined
}

function lostSpaceTypo(word: string, correct: Correct): Typo | undefined {
  const lost = lostSpace(word, correct)
  return lost ? {kind: 'run-together', expected: [lost]} : undefined
}

/** Dictionary words one slip from a word, by strength of evidence, and how many there are. */
export interface Neighbours {
  strong: string[]
  weak: string[]
  /** All dictionary words one slip away, including those too short to count as evidence. */
  crowd: number
}

/**
 * Dictionary words one slip from `word`. Strong: a letter left out (`goverment`) or two letters
 * swapped (`recieve`), the commonest slips, which valid new words rarely resemble. Weak: a letter
 * added (`propostition`) or replaced (`definately`), which inflections also produce (`gamers` is
 * `games` plus a letter), so they count only when morphology does not explain the word. The first
 * letter is left alone (people rarely get it wrong; `delist` is not `duelist` missing a `u`), and
 * the last for additions and replacements (an ending differs: `biometric`, `trailblazed`).
 */
export function neighbours(word: string, correct: Correct, edits?: Edits): Neighbours {
  const n = word.length
  const strong = new Set<string>()
  const weak = new Set<string>()
  const all = new Set<string>()
  const found = (candidate: string, evidence: Set<string> | undefined) => {
    if (all.has(candidate) || !correct(candidate)) return
    all.add(candidate)
    evidence?.add(candidate)
  }
  if (n < MIN_SWAP_LENGTH) return {strong: [], weak: [], crowd: 0}
  for (let i = 0; i + 1 < n; i++) {
    // `-re`/`-er` is British against American (`centre`), not a swap.
    if (word[i] === word[i + 1] || (i === n - 2 && /^(?:re|er)$/u.test(word.slice(i)))) continue
    if (edits?.swap(i) === false) continue
    found(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2), strong)
  }
  const weakly = n >= MIN_WEAK_LENGTH ? weak : undefined
  for (let i = 1; i <= n; i++) {
    // (`edits` turns away the forms `correct` would not know, without building them: each
    // letter a bit, and only the letters whose bit is set are visited, in alphabetical order:
    // visiting all 26 a place, as this did, ran in the interpreter for much of a cold run)
    const may = edits ? edits.inserts(i) : ALL_LETTERS
    for (let bits = may & ALL_LETTERS; bits !== 0; bits &= bits - 1) {
      const letter = LETTERS[lowestBit(bits)]
      const doubled = letter === word[i] || letter === word[i - 1]
      // One `l` or two before an ending is British against American (`dialler`, `travelled`);
      // before `-y` it is a slip (`specificaly`). A missing last `s` is a singular.
      if (letter === 'l' && doubled && /[aeio]/u.test(word[i] === 'l' ? word[i + 1] ?? '' : word[i] ?? '')) continue
      if (i === n && letter === 's') continue
      // A letter missing right after the first (`pesident`, but `delist` is not `duelist`) or at
      // the end (`governmen`, but `workgroup` is not `workgroups`) is weaker evidence, unless
      // it is a doubled letter (`adress`).
      const edge = (i === 1 || i === n) && !doubled
      found(word.slice(0, i) + letter + word.slice(i), edge ? weakly : n >= MIN_LENGTH ? strong : undefined)
    }
  }
  for (let i = 2; i < n - 1; i++) {
    if (!(word[i] === 'l' && word[i - 1] === 'l' && /[aeio]/u.test(word[i + 1])) && edits?.remove(i) !== false) {
      found(word.slice(0, i) + word.slice(i + 1), weakly)
    }
    const may = edits ? edits.replaces(i) : ALL_LETTERS
    for (let bits = may & ALL_LETTERS; bits !== 0; bits &= bits - 1) {
      const letter = LETTERS[lowestBit(bits)]
      // `s` for `z` is British against American (`demonisation`).
      if (letter === word[i] || (letter === 'z' && word[i] === 's') || (letter === 's' && word[i] === 'z')) continue
      found(word.slice(0, i) + letter + word.slice(i + 1), weakly)
    }
  }
  // A doubled last letter (`untill`).
  if (word[n - 1] === word[n - 2] && edits?.remove(n - 1) !== false) found(word.slice(0, -1), weakly)
  return {strong: [...strong], weak: [...weak], crowd: all.size}
}

/** The index of the lowest bit set in a number that has one (bit 0 for `a`). */
export function lowestBit(bits: number): number {
  return 31 - clz32(bits & -bits)
}

// (bound once: under jest every read of the global `Math` goes through the test context)
const clz32 = Math.clz32

/**
 * `thefirst` → `the first`, `ofthe` → `of the`: a function word run into another function word
 * or a dictionary word of four letters or more (shorter ones include abbreviations: `forint` is a
 * currency, not `for int`).
 */
export function lostSpace(word: string, correct: Correct): string | undefined {
  for (let i = 1; i < word.length - 1; i++) {
    const head = word.slice(0, i)
    const rest = word.slice(i)
    if (!FUNCTION_WORDS.has(head)) continue
    if (FUNCTION_WORDS.has(rest) || (rest.length >= 4 && correct(rest))) return `${head} ${rest}`
  }
  return undefined
}

/**
 * Whether English word-building explains a word: two dictionary words (`webpage`, `conmen`), a
 * prefix (`delist`, `teraflops`), a suffix (`hirings`, `sentencers`, `dialler`), or a name
 * written in lower case (`trojan`).
 */
export function explained(word: string, correct: Correct): boolean {
  const n = word.length
  for (let i = 3; i <= n - 3; i++) if (correct(word.slice(0, i)) && correct(word.slice(i))) return true
  if (prefixed(word, correct, 3)) return true
  for (const suffix of SUFFIXES) {
    const stem = word.slice(0, n - suffix.length)
    if (!word.endsWith(suffix) || stem.length < 3) continue
    if (correct(stem)) return true
    if (!/^[aeio]/u.test(suffix)) continue
    if (correct(`${stem}e`)) return true
    if (stem.length > 3 && stem[stem.length - 1] === stem[stem.length - 2] && correct(stem.slice(0, -1))) return true
  }
  return correct(word[0].toUpperCase() + word.slice(1))
}

/** Whether a word is a known prefix before a dictionary word of at least `rest` letters. */
function prefixed(word: string, correct: Correct, rest: number): boolean {
  return PREFIXES.some((prefix) => word.startsWith(prefix) && word.length - prefix.length >= rest && correct(word.slice(prefix.length)))
}
