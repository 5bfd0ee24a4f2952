// A space before the apostrophe of a contraction or possessive: `isn 't`, `House 's` (left by
// tokenizers and spinners that split words at the apostrophe).
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {contractionApostrophes} from '../quote-pairs.js'

export const apostropheSpace: DamageClass = {
  id: 'apostrophe-space',
  about: 'A space before the apostrophe of a contraction or possessive.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const places = contractionApostrophes(line.text)
      if (!places.length) continue
      const at = rng.pick(places)
      const apostrophe = line.text[at]
      edit(line, at, at, ' ')
      return {line, start: at, end: at + 2, why: 'A space before an apostrophe.', fix: apostrophe}
    }
    return null
  }
}
