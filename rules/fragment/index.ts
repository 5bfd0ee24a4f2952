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
      const insideQuotation = quotationCounter(block)
      const isMidParagraph = midParagraph(block)
      for (const match of block.prose.slice(block.bodyStart).matchAll(SENTENCE)) {
        const [whole, opening, text, mark] = match
        const start = block.bodyStart + match.index
        const end = start + whole.length
        if (opening !== '' || mark !== '.' || insideQuotation(start)) continue
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
        if (words.length === 1 && leads && isMidParagraph(start, end)) {
          report(block.span(start, end), `Unexpected \`${whole}\` in mid-paragraph: a sentence without a verb`)
        } else if (words.length >= 3 && SUBJECTLESS.has(first) && FOLLOWS_SUBJECTLESS.test(second)) {
          report(block.span(start, start + head.length), `Unexpected \`${head}\` at the start of a sentence: it has no subject`)
        }
      }
    }
  }
})

// Sentences before and after it in the same paragraph: a one-word paragraph is a caption or a
// label, not a broken sentence. The first and last characters that are not white space are found
// once per block (trimming what lies before each sentence was quadratic in a long paragraph).
function midParagraph(block: Block): (start: number, end: number) => boolean {
  const first = block.prose.slice(block.bodyStart).search(/\S/u)
  let last = block.prose.length - 1
  while (last >= 0 && /\s/u.test(block.prose[last])) last--
  return (start, end) => first !== -1 && block.bodyStart + first < start && last >= end
}

// An odd number of quotation marks before the sentence: it is inside a quotation, where short
// sentences are speech (`"Definitely not."`). Sentences come in order, so the marks are counted
// from the last sentence on, not from the start of the paragraph each time.
function quotationCounter(block: Block): (start: number) => boolean {
  let at = 0
  let straight = 0
  let opened = 0
  return (start) => {
    for (; at < start; at++) {
      const char = block.prose[at]
      if (char === '"') straight++
      else if (char === '“') opened++
      else if (char === '”') opened--
    }
    return straight % 2 === 1 || opened > 0
  }
}
