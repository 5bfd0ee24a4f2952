// A quotation left open: the closing mark of the last quotation in a paragraph is lost
// (`"It is only the middlemen who will benefit, he said.`). The defect is at the opening mark. Not
// where the next paragraph opens with a quotation mark: that is news convention for a quotation
// that runs on.
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {doublePairs} from '../quote-pairs.js'

export const unclosedQuote: DamageClass = {
  id: 'unclosed-quote',
  about: 'The closing mark of a quotation lost, so the quotation is never closed.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const pairs = doublePairs(line.text)
      if (!pairs.length) continue
      const index = doc.lines.indexOf(line)
      const next = doc.lines.slice(index + 1).find((other) => other.text.trim() !== '')
      if (next && /^\s*["“‘']/u.test(next.text)) continue
      const {open, close} = pairs[pairs.length - 1]
      edit(line, close, close + 1, '')
      return {line, start: open, end: open + 1, shape: line.text[open] === '"' ? 'straight' : 'curly', why: 'A quotation that is never closed.', fix: null}
    }
    return null
  }
}
