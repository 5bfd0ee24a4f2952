// Abbreviations that end in a period without ending a sentence (`Sen. Bill`, `Jan. 5`, `etc. and`).
// Shared language data: the sentence rules must not take their period for a sentence end.

// Compared lower-cased, without the final period. Everyday words that double as abbreviations
// (`ill`, `wash`, `sun`, `wed`) are left out: `He was ill. he said` must still be caught.
const WORDS = new Set([
  // titles and ranks
  'mr', 'mrs', 'ms', 'messrs', 'dr', 'prof', 'sen', 'sens', 'rep', 'reps', 'gov', 'gen', 'lt', 'col',
  'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pte', 'adm', 'cmdr', 'cdr', 'brig', 'rev', 'fr', 'sr', 'jr',
  'hon', 'pres', 'supt', 'insp', 'det', 'amb', 'atty', 'gens', 'msgr', 'st', 'ste', 'esq',
  // months and days
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'thu', 'thur', 'thurs', 'fri',
  // organisations and places
  'inc', 'ltd', 'co', 'corp', 'bros', 'llc', 'dept', 'univ', 'assn', 'assoc', 'govt', 'intl',
  'ave', 'blvd', 'rd', 'mt', 'ft', 'pl', 'sq', 'hwy', 'ct', 'cty', 'calif', 'conn', 'fla', 'penn',
  'wis', 'tenn', 'ariz', 'colo', 'okla', 'nev', 'mich', 'minn', 'ala', 'ark', 'kan', 'ky', 'md',
  'mont', 'neb', 'tex', 'vt', 'va', 'wyo',
  // references and measures
  'etc', 'vs', 'approx', 'est', 'nos', 'vol', 'vols', 'pp', 'ch', 'fig', 'figs', 'ed', 'eds', 'al',
  'cf', 'viz', 'ca', 'min', 'max', 'avg', 'tel', 'ext', 'lb', 'lbs', 'oz', 'km', 'kg', 'mph', 'hr',
  'hrs', 'yr', 'yrs', 'mos', 'wk', 'wks', 'pt', 'pts', 'sec', 'secs', 'incl', 'excl', 'misc', 'ref',
  'esp', 'resp', 'cont', 'orig', 'dept', 'apt', 'bldg', 'div', 'gov', 'inst', 'natl', 'pop', 'mgr',
  'no'
])

// A party and state after a US legislator's name: `Sen. Elizabeth Warren, D-Mass., said` (the
// state is abbreviated there even where it is also a word: `Mass.`, `Ore.`, `Wash.`).
const PARTY_STATE = /^\(?[DRI]-\p{Lu}\p{L}{0,4}$/u

/**
 * Whether a word followed by a period is an abbreviation: a known one, one with inner periods
 * (`U.S`, `e.g`, `p.m`), a single letter (an initial: `J. K.`), or a party and state (`D-Mass`).
 */
export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/u, '')
  if (bare.length === 1 && /\p{L}/u.test(bare)) return true
  if (/\p{L}\.\p{L}/u.test(bare)) return true
  if (PARTY_STATE.test(bare)) return true
  return WORDS.has(bare.toLowerCase())
}
