// The default severity of every rule, one line each, with the reason. The only place defaults
// live: the library, the CLI and the language server all start from here.
import type {Level} from './config.js'

export const preset: Readonly<Record<string, Level>> = {
  // Scraped page residue is never part of the article; removing it is always safe.
  boilerplate: 'error',
  // `. .`, `. ,` and `drug .` are unambiguous damage with a mechanical repair.
  'stray-punctuation': 'error',
  // Quotation marks that do not pair up are damage a reader trips over; the rule stays quiet where
  // news convention (a quotation running on into the next paragraph) or primes explain a mark.
  'quotation-marks': 'error',
  // Mojibake, stray character references and invisible characters are never meant; the rule
  // repairs them only where decoding proves what was meant, and never inside an address.
  'character-damage': 'error',
  // A sentence split mid-clause changes how the copy reads; some repairs need a person.
  'sentence-start': 'warn',
  // A style error rather than damage, but one every major style guide agrees on.
  'ly-hyphen': 'warn',
  // `the the` is almost always a slip; the exceptions are listed in the rule.
  'repeated-words': 'error',
  // A misspelt name is a factual error in news; the rule only fires on strong evidence.
  'name-consistency': 'error',
  // Only clear typos are reported, but a person picks the word: a warning, never applied.
  spelling: 'warn',
  // A headline about another story misleads readers, but only a person can rewrite it.
  'headline-mismatch': 'warn',
  // A claim without its source is an accuracy problem; the repair needs a person.
  'dangling-attribution': 'warn',
  // Fires only on strong evidence (a one-word sentence mid-paragraph); the repair needs a person.
  fragment: 'warn',
  // Writers repeat words on purpose; useful when hunting spun copy, noise otherwise.
  'word-echo': 'off'
}

/** The severity `"on"` means for a rule: `info` for the stylistic ones, else `warn`. */
export const whenOn: Readonly<Record<string, Exclude<Level, 'off'>>> = {
  'word-echo': 'info'
}
