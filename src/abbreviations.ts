// One abbreviation model for every rule: a word that ends in a period without ending a sentence
// (`Sen. Bill`, `Jan. 5`, `Portland, Ore. on`, `(R-Tex.) and`, `et al. found`). The list is
// compromise's tokenizer list (titles, months, organisations, places, units), with the words it
// shares with everyday English taken out, and the older US state abbreviations that are words.
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'

// compromise's bundled build, one file: its sources are 194 modules, more than half of all the
// modules a run loads (72 ms to load them against 20 ms). test/abbreviations.test.ts checks
// that both give the same list. Even the one file took 17 ms of a cold run, for a list of some
// two hundred words: `npm run build` writes the list beside this module
// (scripts/build-abbreviations.ts), and compromise is loaded only when that file is missing, was
// made from another build of compromise, or is not whole.
const require = createRequire(import.meta.url)

/** Where `npm run build` writes compromise's abbreviations. Run from the TypeScript sources (the tests) there is none. */
export const ABBREVIATIONS_FILE = new URL('./abbreviations.json', import.meta.url)

// What the list was made from: a list written from another build of compromise is not used.
function abbreviationsKey(): string {
  return `copydesk-abbreviations 1 ${statSync(require.resolve('compromise/one')).size}`
}

/** compromise's abbreviations, as its model lists them (lower case, without the period). */
export function compromiseAbbreviations(): string[] {
  const nlp = require('compromise/one') as typeof import('compromise/one').default
  return Object.keys((nlp.model() as {one: {abbreviations: Record<string, true>}}).one.abbreviations)
}

/** compromise's abbreviations as JSON, for `npm run build` to write to ABBREVIATIONS_FILE. */
export function abbreviationsText(): string {
  const words = compromiseAbbreviations()
  return JSON.stringify({key: abbreviationsKey(), count: words.length, words})
}

/**
 * The list `abbreviationsText` wrote, or undefined when it was made from another build of
 * compromise or is not whole (a truncated or damaged file is worked out again, never thrown).
 */
export function readAbbreviations(text: string): string[] | undefined {
  let stored: {key?: unknown; count?: unknown; words?: unknown}
  try {
    stored = JSON.parse(text) as typeof stored
  } catch {
    return undefined
  }
  const words = stored?.words
  if (stored?.key !== abbreviationsKey() || !Array.isArray(words) || words.length !== stored.count || words.length === 0) return undefined
  return words.every((word) => typeof word === 'string') ? (words as string[]) : undefined
}

// The list `npm run build` wrote if it is whole and made from this compromise, else worked out now.
function loadAbbreviations(): string[] {
  let text: string | undefined
  try {
    text = readFileSync(ABBREVIATIONS_FILE, 'utf8')
  } catch {
    // Not built: worked out below.
  }
  return (text !== undefined && readAbbreviations(text)) || compromiseAbbreviations()
}

// compromise's abbreviations that are everyday words, so that `He bought an ad. he said` is
// still a sentence end: lower-case, they are words; only the capitalized ones below abbreviate.
const EVERYDAY = new Set([
  'ad', 'arc', 'ba', 'bl', 'cal', 'col', 'def', 'ea', 'eng', 'ex', 'exp', 'fem', 'gal', 'inf', 'lit', 'ma',
  'masc', 'pd', 'pref', 'prob', 'pron', 'res', 'sir', 'situ', 'temp', 'ver', 'vet', 'vivo', 'vitro', 'ida',
  'que', 'alta', 'ont'
])

// Compared lower-cased, without the final period. Everyday words that double as abbreviations
// (`ill`, `wash`, `sun`, `wed`) are left out here: `He was ill. he said` must still be caught.
const OWN = [
  // titles and ranks
  'messrs', 'pte', 'cpt', 'pres', 'insp', 'amb', 'gens', 'msgr', 'ste', 'mme', 'mlle', 'sgts',
  // days
  'mon', 'tue', 'tues', 'thu', 'thur', 'thurs', 'fri',
  // organisations and places
  'llc', 'plc', 'govt', 'intl', 'natl', 'assoc', 'ft', 'pl', 'sq', 'ct', 'cty', 'penn', 'wis', 'tenn',
  'ariz', 'okla', 'nev', 'mich', 'minn', 'dak', 'ky',
  // references and measures
  'vs', 'nos', 'vols', 'ch', 'figs', 'ed', 'eds', 'cf', 'viz', 'max', 'avg', 'ext', 'lbs', 'yr',
  'yrs', 'mos', 'wk', 'wks', 'pts', 'secs', 'incl', 'excl', 'ref', 'resp', 'cont', 'orig', 'div',
  'inst', 'pop', 'mgr', 'no', 'tbs', 'tbsp', 'tsp', 'pkg', 'doz', 'approx'
]

/** Abbreviations compared lower-cased: compromise's list less everyday words, and the project's own. */
const WORDS = new Set([
  ...loadAbbreviations().filter((word) => !EVERYDAY.has(word) && !word.includes(' ')),
  ...OWN
])

/**
 * Abbreviations only with their capital, since lower-case they are words: the older US state
 * forms (`Portland, Ore.`, `(D-Ill.)`, `Boston, Mass.`), and titles that are words lower-case.
 */
const CAPITALIZED = new Set([
  'Ala', 'Ark', 'Cal', 'Col', 'Del', 'Ill', 'Ind', 'Kan', 'La', 'Mass', 'Md', 'Miss', 'Mo', 'Mont',
  'Neb', 'Ore', 'Pa', 'Tex', 'Va', 'Vt', 'Wash', 'Wyo', 'Ida', 'Alta', 'Ont', 'Que', 'Sask', 'Nfld',
  'Gen', 'Pfc', 'Spc'
])

/**
 * Lower-case letters that abbreviate in references, before a number or a name: `p. 12` (page),
 * `c. 1850` (circa), `Roe v. Wade`, `b. 1932`, `d. 2001`. Any other lower-case letter before a
 * period is a word (`in a. recent interview`, `so i. said`) or a list label, which the rules read
 * in context.
 */
const REFERENCE_LETTERS = new Set(['p', 'c', 'v', 'b', 'd'])

const OPENERS = '"\'“‘(['

/**
 * Whether a word followed by a period is an abbreviation: a known one, one with inner periods
 * (`U.S`, `e.g`, `p.m`), a single capital letter (an initial: `J. K.`) or reference letter
 * (`p. 12`), or a party and state tag (`R-Tex`).
 */
export function isAbbreviation(word: string): boolean {
  // Opening quotes and brackets and a final period cut off, as `/^["'“‘(\[]+/u` and then `/\.$/u`
  // would (by hand: every sentence end asks, and most words have neither)
  let from = 0
  while (from < word.length && OPENERS.includes(word[from])) from++
  let to = word.length
  if (to > from && word.charCodeAt(to - 1) === 0x2e) to--
  const bare = from === 0 && to === word.length ? word : word.slice(from, to)
  if (bare.length === 1 && /\p{L}/u.test(bare) && (!/\p{Ll}/u.test(bare) || REFERENCE_LETTERS.has(bare))) return true
  if (bare.includes('.') && /\p{L}\.\p{L}/u.test(bare)) return true
  if (WORDS.has(bare.toLowerCase()) || CAPITALIZED.has(bare)) return true
  // `(D-Vt.)`, `(R-N.Y.)`: a party letter and a state.
  const tagged = bare.includes('-') ? /^\p{Lu}-(\p{Lu}[\p{L}.]*)$/u.exec(bare) : null
  return tagged !== null && (CAPITALIZED.has(tagged[1]) || WORDS.has(tagged[1].toLowerCase()) || /^\p{Lu}\p{Ll}?$/u.test(tagged[1]))
}

/**
 * Whether the period at `index` of `text` ends a sentence: not when it closes an abbreviation
 * (`Sen.`, `U.S.`, `(R-Tex.)`), sits inside a number or an address (`3.5`, `bbc.co.uk`), or is
 * one of the periods of an ellipsis.
 */
export function endsSentence(text: string, index: number): boolean {
  if (text.charAt(index) !== '.') return /[!?…]/u.test(text.charAt(index))
  if (/[\p{L}\p{N}]/u.test(text.charAt(index + 1))) return false
  if (text.charAt(index - 1) === '.' || text.charAt(index + 1) === '.') return false
  const word = /[^\s"'“”‘’«»()[\]]*$/u.exec(text.slice(0, index))?.[0] ?? ''
  return word === '' || !isAbbreviation(word)
}
