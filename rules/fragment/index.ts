// A body sentence that is not one: no finite verb (`notched up a 10% increase. Overall. sales
// across`) or no subject (`Aims to advance economic ties.`). Taggers call 2-7% of real news
// sentences verbless, so the rule asks for more than a missing verb: a one-word sentence in the
// middle of a body paragraph, outside quotation marks, that is a word meant to lead into a
// sentence (`Overall`, `Meanwhile`), or a sentence that opens with a verb of intent or speech
// in the third person. Headings, datelines, captions, list items and
// quotations are never fragments here. Report only.
import type {Block} from '../../src/article.js'
import {defineRule} from '../../src/rule.js'
import {CONNECTIVES, FINITE, RHETORICAL, SUBJECTLESS} from './words.js'

// A sentence: from a capital (after optional quotes) to a terminal mark and white space or the end.
const SENTENCE = /(?<=^|[.!?]["”’]?\s+)(["“‘']?)(\p{Lu}[^.!?]*?)([.!?])(?=["”’]?(?:\s|$))/gu
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’%-]*/gu
const FOLLOWS_SUBJECTLESS = /^(?:to|that|he|she|it|they|the|a|an)$/u

export default defineRule({
  id: 'fragment',
  summary: 'A body sentence with no finite verb or no subject, such as `Overall.` in mid-paragraph.',
  fix: 'none',
  scope: 'block',
  options: {},
  check(_tree, _file, {article, report, lexicon}) {
    for (const block of article.blocks) {
      if (block.kind !== 'body') continue
      for (const match of block.prose.slice(block.bodyStart).matchAll(SENTENCE)) {
        const [whole, opening, text, mark] = match
        const start = block.bodyStart + match.index
        const end = start + whole.length
        if (opening !== '' || mark !== '.' || insideQuotation(block, start)) continue
        if (text.startsWith('According to')) continue // dangling-attribution's case
        const words = text.match(WORD) ?? []
        const lower = words.map((word) => word.toLowerCase())
        if (lower.some((word) => FINITE.has(word))) continue
        const [first = '', second = ''] = lower
        const head = words[0] ?? ''
        // One word alone between two sentences that should lead into a sentence (`increase.
        // Overall. sales`): a connective or a sentence adverb. A lone name (`London.`) or
        // exclamation (`Sadly.`) may be meant; two words are usually a subject and its verb
        // (`They refuse.`).
        const leads = CONNECTIVES.has(first) || (first.endsWith('ly') && !RHETORICAL.has(first) && lexicon.knows(first))
        if (words.length === 1 && leads && isMidParagraph(block, start, end)) {
          report(block.span(start, end), `Unexpected \`${whole}\` in mid-paragraph: a sentence without a verb`)
        } else if (words.length >= 3 && SUBJECTLESS.has(first) && FOLLOWS_SUBJECTLESS.test(second)) {
          report(block.span(start, start + head.length), `Unexpected \`${head}\` at the start of a sentence: it has no subject`)
        }
      }
    }
  }
})

// Sentences before and after it in the same paragraph: a one-word paragraph is a caption or a
// label, not a broken sentence.
function isMidParagraph(block: Block, start: number, end: number): boolean {
  return block.prose.slice(block.bodyStart, start).trim() !== '' && block.prose.slice(end).trim() !== ''
}

// An odd number of quotation marks before the sentence: it is inside a quotation, where short
// sentences are speech (`"Definitely not."`).
function insideQuotation(block: Block, start: number): boolean {
  const before = block.prose.slice(0, start)
  const straight = (before.match(/"/gu) ?? []).length
  const opened = (before.match(/“/gu) ?? []).length - (before.match(/”/gu) ?? []).length
  return straight % 2 === 1 || opened > 0
}
