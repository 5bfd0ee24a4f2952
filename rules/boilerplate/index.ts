// Web-page residue from scraping (`Leave a Comment`, `Share this article`, `Advertisement`): a
// whole line that belongs to the page, not to the article. The fix removes the line together with
// the line break before it, so no blank line is left behind.
import {defineRule} from '../../src/rule.js'
import {PHRASES} from './phrases.js'

// Trailing arrows, bullets and counts around a residue line: `Read more »`, `• Share`. Trimmed by
// a loop: an expression anchored at the end was quadratic on a line with a long run of spaces.
const LEADING = /[\s•·|>»«→←▶►▸–—-]/u
const TRAILING = /[\s•·|>»«→←▶►▸–—:.!-]/u
const MAX_WORDS = 12

export default defineRule({
  id: 'boilerplate',
  summary: 'A line of web-page residue left by scraping, such as `Leave a Comment`.',
  fix: 'safe',
  options: {},
  check(_tree, _file, {article, report, settings}) {
    const extra = new Set(settings.boilerplate.map(normalize))
    const {blocks} = article
    blocks.forEach((block, index) => {
      if (block.kind === 'quotation') return
      const text = block.prose.trim()
      if (text.split(/\s+/u).length > MAX_WORDS) return
      const line = normalize(text)
      if (!extra.has(line) && !PHRASES.some((phrase) => phrase.test(line))) return
      // Take the line break before the line, or after it when it is the first line.
      const previous = blocks[index - 1]
      const next = blocks[index + 1]
      const span = previous
        ? {start: previous.end, end: block.end}
        : {start: block.start, end: next ? next.start : block.end}
      report(span, `Unexpected \`${text}\`: web-page residue, not part of the article`, {fix: ''})
    })
  }
})

function normalize(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && LEADING.test(text[start])) start++
  while (end > start && TRAILING.test(text[end - 1])) end--
  return text.slice(start, end).replace(/\s+/gu, ' ').toLowerCase()
}
