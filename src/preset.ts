// The default severity of every rule, one line each, with the reason. The only place defaults
// live: the library, the CLI and the language server all start from here.
import type {Level} from './config.js'

export const preset: Readonly<Record<string, Level>> = {
  // Scraped page residue is never part of the article; removing it is always safe.
  boilerplate: 'error',
  // `. .`, `. ,` and `drug .` are unambiguous damage with a mechanical repair.
  'stray-punctuation': 'error',
  // A sentence split mid-clause changes how the copy reads; some repairs need a person.
  'sentence-start': 'warn',
  // A style error rather than damage, but one every major style guide agrees on.
  'ly-hyphen': 'warn',
  // `the the` is almost always a slip; the exceptions are listed in the rule.
  'repeated-words': 'error',
  // Only clear typos are reported, but a person picks the word: a warning, never applied.
  spelling: 'warn'
}
