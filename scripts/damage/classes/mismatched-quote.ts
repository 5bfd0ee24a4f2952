// A quotation whose marks do not match: opened curly and closed straight (`“We’re ready"`), or
// the other way round, or opened with a single mark and closed with a double one
// (`'The port is shut," he said`). The defect is at the closing mark.
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {doublePairs} from '../quote-pairs.js'

// Words a single mark may stand before as an apostrophe (`'em`, `'til`): not an opening there.
const ELISION = /^(?:em|til|till|cause|tis|twas|bout|round|n|s|cos|coz|kay)\b/iu

export const mismatchedQuote: DamageClass = {
  id: 'mismatched-quote',
  about: 'A quotation opened with one kind of mark and closed with another.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const pairs = doublePairs(line.text)
      if (!pairs.length) continue
      const {open, close} = rng.pick(pairs)
      const curly = line.text[open] === '“'
      if (rng.chance(0.5) && !ELISION.test(line.text.slice(open + 1))) {
        edit(line, open, open + 1, curly ? '‘' : "'")
        return {line, start: close, end: close + 1, shape: 'single-double', why: 'A single quotation mark closed by a double one.', fix: null}
      }
      edit(line, close, close + 1, curly ? '"' : '”')
      return {line, start: close, end: close + 1, shape: 'curly-straight', why: 'A quotation closed with a mark of the other style.', fix: curly ? '”' : '"'}
    }
    return null
  }
}
