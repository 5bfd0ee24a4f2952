// Web-page residue from scraping (`Leave a Comment`, `Share this article`, `Advertisement`): a
// whole line that belongs to the page, not to the article. The fix removes the line together with
// the line break before it, so no blank line is left behind.
import {defineRule} from '../../src/rule.js'
import {countWords} from '../../src/text.js'
import {AMBIGUOUS, BUTTONS, LABELS, MAX_PHRASE_WORDS, PHRASES} from './phrases.js'

const MAX_WORDS = 12

export default defineRule({
  id: 'boilerplate',
  summary: 'A line of web-page residue left by scraping, such as `Leave a Comment`.',
  fix: 'safe',
  options: {},
  check(_tree, _file, {article, report, settings, remember}) {
    const extra = new Set(settings.boilerplate.map(normalize))
    const {blocks} = article
    // Whether a line is residue depends on it alone; only where it stands decides the report.
    const residue = blocks.map((block) => remember(block, '', () => {
      const text = block.prose.trim()
      const words = countWords(text, MAX_PHRASE_WORDS)
      if (block.kind === 'quotation' || words > MAX_PHRASE_WORDS) return false
      // a cookie banner may run to two sentences; other residue is short
      const line = normalize(text)
      return words <= MAX_WORDS ? extra.has(line) || isResidue(text, line) : PHRASES.some((pattern) => pattern.test(line))
    }))
    blocks.forEach((block, index) => {
      if (!residue[index]) return
      const text = block.prose.trim()
      // `Listen` between two paragraphs may be a subheading; beside other residue or at an edge it is a button
      if (AMBIGUOUS.has(normalize(text)) && !extra.has(normalize(text)) && index > 0 && index < blocks.length - 1 && !residue[index - 1] && !residue[index + 1]) return
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

/** Lower case, every run of what is not a letter or a digit one space: `Comments (12) »` -> `comments 12`. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

/**
 * A whole line of page furniture: a button, a residue phrase, a label line or a photo credit.
 * `line` is the line normalized, when that is known.
 */
export function isResidue(text: string, line = normalize(text)): boolean {
  if (!line) return false
  // `Print.` or `Listen!` alone may be a sentence of the article; a button has no sentence end
  const sentence = /[.!?]["'”’)]?$/u.test(text) && !/[.!?]{2,}$|\.\.\.$|…$/u.test(text)
  if (!sentence && BUTTONS.some((pattern) => pattern.test(line))) return true
  if (PHRASES.some((pattern) => pattern.test(line))) return true
  const bare = trimDecoration(text)
  return LABELS.some((pattern) => pattern.test(bare)) || isCredit(bare)
}

const AGENCY = /^(?:getty images|getty|reuters|ap|afp|epa|pa|pa wire|ap photo|afp photo|reuters photo|shutterstock|alamy|corbis|bloomberg|istock|istockphoto|rex features|rex|press association|associated press|xinhua|efe|anadolu|sipa|dpa|wireimage|filmmagic|courtesy|handout|file|file photo)$/u

// A photo credit: `Photo: AFP/Getty Images`, `Image: Reuters`, `(AP Photo/Jane Doe)`, `Getty Images`.
// Its words are names or agencies (capitals, slashes); `Photo: Crowds gather at noon` is a caption.
function isCredit(text: string): boolean {
  const labelled = /^(?:photos?|photograph(?:y|s)?|images?|pictures?|pic|credit|photo credit|image credit|picture credit|illustration|graphic|source|ap photo|afp photo)\s*(?::|by)\s*(.+)$/iu.exec(text)
  const rest = labelled ? labelled[1] : text
  if (/[.!?]$/u.test(rest) && !/\b[A-Z]\.$/u.test(rest)) return false
  const parts = rest.split(/\s*[/|,;]\s*|\s+(?:via|for|and|&)\s+/u)
  if (!labelled && !parts.some((part) => AGENCY.test(normalize(part)))) return false
  // a lone agency name (`Reuters`) may be a source line of the story; a picture agency or a slash is a credit
  if (!labelled && !/\//u.test(rest) && !/^(?:getty images|shutterstock|istockphoto|alamy|wireimage|rex features)$/u.test(normalize(rest))) return false
  return parts.length <= 4 && parts.every((part) => AGENCY.test(normalize(part)) || /^(?:\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(part))
}

const LEADING = /[\s•·|>»«→←▶►▸–—(\[-]/u
const TRAILING = /[\s•·|>»«→←▶►▸–—)\]-]/u

// Bullets, arrows and brackets around a label line, trimmed by a loop: an expression anchored at
// the end was quadratic on a line with a long run of spaces inside it.
function trimDecoration(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && LEADING.test(text[start])) start++
  while (end > start && TRAILING.test(text[end - 1])) end--
  return text.slice(start, end)
}
