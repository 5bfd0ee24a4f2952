// An apostrophe typed (or converted) as a double quote: `Japan"s`, `won"t` (real wire copy has
// `week"s`).
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {contractionApostrophes} from '../quote-pairs.js'

export const apostropheQuote: DamageClass = {
  id: 'apostrophe-quote',
  about: 'An apostrophe of a contraction or possessive typed as a double quote.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const places = contractionApostrophes(line.text)
      if (!places.length) continue
      const at = rng.pick(places)
      const apostrophe = line.text[at]
      edit(line, at, at + 1, '"')
      return {line, start: at, end: at + 1, why: 'An apostrophe typed as a double quote.', fix: apostrophe}
    }
    return null
  }
}
