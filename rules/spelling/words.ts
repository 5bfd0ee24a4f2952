// Word parts that explain an unknown word without a typo. English makes new words by joining
// known ones (`webpage`), adding a productive prefix (`renationalise`, `teraflops`) or suffix
// (`gamers`, `sentencers`); a word built that way is a neologism, not a misspelling.

/**
 * Short words that run into the next word when a space is lost (`thefirst`, `ofthe`). Those that
 * are also prefixes (`a`, `for`, `in`, `on`, `out`, `over`) are left out: `acellular`,
 * `formatters`, `inbuilt` and `onscreen` are words, not lost spaces.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'and', 'are', 'but', 'from', 'had', 'has', 'have', 'is', 'not', 'of', 'that', 'the', 'this', 'to',
  'was', 'were', 'will', 'with'
])

/** Productive prefixes before a known word: `delist`, `reoffending`, `petaflop`, `unrecycled`. */
export const PREFIXES: readonly string[] = [
  'anti', 'auto', 'bio', 'co', 'counter', 'cyber', 'de', 'dis', 'e', 'eco', 'euro', 'ex', 'geo',
  'giga', 'hyper', 'inter', 'kilo', 'macro', 'mega', 'micro', 'mid', 'mini', 'mis', 'multi', 'neo',
  'non', 'out', 'over', 'peta', 'post', 'pre', 'pro', 're', 'semi', 'sub', 'super', 'tele', 'tera',
  'ultra', 'un', 'under'
]

/**
 * Productive suffixes after a known word (`hirings`, `abided`, `dialler`, `punky`). A suffix that
 * starts with a vowel may also drop a final `e` (`sentence` → `sentencers`) or double a final
 * consonant (`dial` → `dialler`).
 */
export const SUFFIXES: readonly string[] = [
  'ability', 'able', 'ation', 'ations', 'd', 'ed', 'er', 'ers', 'es', 'ful', 'hood', 'ing', 'ings',
  'isation', 'ise', 'ised', 'ish', 'ising', 'ism', 'ist', 'ists', 'ity', 'ive', 'ization', 'ize', 'ized',
  'izing', 'less', 'like', 'ly', 'ment', 'ments', 'ness', 'r', 'rs', 's', 'ship', 'wise', 'y'
]

/**
 * Words that open hyphenated compounds, which copy also writes open: `a no brainer` is
 * `no-brainer`, `a self starter` is `self-starter`, `an ill wisher` is `ill-wisher`.
 */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  'no', 'non', 'self', 'well', 'ill', 'half', 'all', 'ever', 'never', 'much', 'one'
])

// A word without its possessive ending (`’s`, `'s`, or a bare apostrophe), as the name index cuts it.
export {withoutPossessive as bare} from '../../src/names.js'

/** Whether a text starts with a lower-case ASCII letter, as /^[a-z]/u tests. */
export function startsLower(text: string): boolean {
  const first = text.charCodeAt(0)
  return first >= 0x61 && first <= 0x7a
}

/**
 * Whether a word is checked: lower-case letters `a`-`z` in parts joined by single hyphens, given
 * the text `bare` cut it from, which may add a possessive ending (`'s`, `’s`, or the apostrophe
 * alone); as /^[a-z]+(?:-[a-z]+)*(?:['’]s?)?$/u tests the text, in code (the spelling rule asks
 * it of every word of the copy). Anything else (digits, `don't`, `.aero`) is a number, a
 * contraction or not a word.
 */
export function isChecked(text: string, word: string): boolean {
  const n = word.length
  let letter = false
  for (let at = 0; at < n; at++) {
    const code = word.charCodeAt(at)
    if (code >= 0x61 && code <= 0x7a) letter = true
    else if (code === 0x2d && letter) letter = false
    else return false
  }
  return letter && endsWord(text, n)
}

/**
 * Whether a word is capitalised (`Febuary`), given the text `bare` cut it from, as
 * /^[A-Z][a-z]+(?:['’]s?)?$/u tests the text: not `McDonald`, `iPhone` or `NATO`.
 */
export function isCapitalised(text: string, word: string): boolean {
  const n = word.length
  const head = word.charCodeAt(0)
  if (n < 2 || head < 0x41 || head > 0x5a) return false
  for (let at = 1; at < n; at++) {
    const code = word.charCodeAt(at)
    if (code < 0x61 || code > 0x7a) return false
  }
  return endsWord(text, n)
}

// Whether what a text holds past its first `n` code units is nothing or a possessive ending (`'`,
// `’`, `'s`, `’s`), as `bare` cuts it.
function endsWord(text: string, n: number): boolean {
  const rest = text.length - n
  if (rest === 0) return true
  const mark = text.charCodeAt(n)
  if (mark !== 0x27 && mark !== 0x2019) return false
  return rest === 1 || (rest === 2 && text.charCodeAt(n + 1) === 0x73)
}
