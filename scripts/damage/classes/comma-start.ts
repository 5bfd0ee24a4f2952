// A period put in before a comma, so the next "sentence" opens with it: `ties. , economic`.
import {edit, freeBodyLines, type DamageClass} from '../core.js'

export const commaStart: DamageClass = {
  id: 'comma-start',
  about: 'A spurious period before a comma: the next sentence opens with the comma.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      // a comma between two words (not inside a number such as 1,000)
      const commas = [...line.text.matchAll(/(?<=\p{L})(,)(?= \p{L})/gu)].map((match) => match.index)
      if (!commas.length) continue
      const at = rng.pick(commas)
      edit(line, at, at, '. ')
      return {line, start: at, end: at + 3, why: 'A sentence that begins with a comma: the period before it is spurious.', fix: ','}
    }
    return null
  }
}
