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
