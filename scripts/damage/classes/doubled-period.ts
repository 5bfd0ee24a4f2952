// A second period after a sentence that already ended: `talks. . The` (seed: `conversations. .`).
import {edit, freeBodyLines, sentenceEndPeriods, type DamageClass} from '../core.js'

export const doubledPeriod: DamageClass = {
  id: 'doubled-period',
  about: 'A second period, after a space, where a sentence already ended.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const ends = sentenceEndPeriods(line.text)
      if (!ends.length) continue
      const at = rng.pick(ends) + 1
      edit(line, at, at, ' .')
      return {line, start: at, end: at + 2, why: 'A second period after the sentence ended.', fix: ''}
    }
    return null
  }
}
