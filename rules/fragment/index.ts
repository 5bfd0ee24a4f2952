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
      const prose = block.bodyStart === 0 ? block.prose : block.prose.slice(block.bodyStart)
      SENTENCE.lastIndex = 0
      for (let match = SENTENCE.exec(prose); match; match = SENTENCE.exec(prose)) {
        const whole = match[0]
        const opening = match[1]
        const text = match[2]
        const mark = match[3]
        const start = block.bodyStart + match.index
        const end = start + whole.length
        if (opening !== '' || mark !== '.') continue
        if (text.startsWith('According to')) continue // dangling-attribution's case
        // Only a sentence of one leading word, or one that opens with a verb of intent and its
        // object, can be reported: the first two words decide whether the rest is read at all
        // (most sentences are neither, and splitting and lower-casing each was most of the rule).
        WORD.lastIndex = 0
        const head = WORD.exec(text)?.[0]
        if (head === undefined) continue
        const first = head.toLowerCase()
        const next = WORD.exec(text)?.[0]
        if (next === undefined) {
          // One word alone between two sentences that should lead into a sentence (`increase.
          // Overall. sales`): a connective or a sentence adverb. A lone name (`London.`) or
          // exclamation (`Sadly.`) may be meant; two words are usually a subject and its verb
          // (`They refuse.`).
          if (FINITE.has(first)) continue
          const leads = CONNECTIVES.has(first) || (first.endsWith('ly') && !RHETORICAL.has(first) && lexicon.knows(first))
          if (leads && isMidParagraph(start, end) && !insideQuotation(start)) report(block.span(start, end), `Unexpected \`${whole}\` in mid-paragraph: a sentence without a verb`)
          continue
        }
        // Three words or more, none of them a finite verb.
        if (!SUBJECTLESS.has(first) || !FOLLOWS_SUBJECTLESS.test(next.toLowerCase())) continue
        let words = 2
        let finite = FINITE.has(first) || FINITE.has(next.toLowerCase())
        for (let word = WORD.exec(text); word && !finite; word = WORD.exec(text)) {
          words++
          finite = FINITE.has(word[0].toLowerCase())
        }
        if (finite || words < 3 || insideQuotation(start)) continue
        report(block.span(start, start + head.length), `Unexpected \`${head}\` at the start of a sentence: it has no subject`)
      }
    }
  }
})

// Sentences before and after it in the same paragraph: a one-word paragraph is a caption or a
// label, not a broken sentence. The first and last characters that are not white space are found
// once per block (trimming what lies before each sentence was quadratic in a long paragraph).
// (Found when first asked: most paragraphs have no sentence to ask about.)
function midParagraph(block: Block): (start: number, end: number) => boolean {
  let first = -2
  let last = -2
  return (start, end) => {
    if (first === -2) {
      first = block.prose.slice(block.bodyStart).search(/\S/u)
      last = block.prose.length - 1
      while (last >= 0 && /\s/u.test(block.prose[last])) last--
    }
    return first !== -1 && block.bodyStart + first < start && last >= end
  }
}

// An odd number of quotation marks before the sentence: it is inside a quotation, where short
// sentences are speech (`"Definitely not."`). Sentences come in order, so the marks are counted
// from the last sentence on, not from the start of the paragraph each time; and asked only of a
// sentence that would be reported (counting the marks before every sentence was most of the rule).
function quotationCounter(block: Block): (start: number) => boolean {
  let at = 0
  let straight = 0
  let opened = 0
  return (start) => {
    const {prose} = block
    for (; at < start; at++) {
      const code = prose.charCodeAt(at)
      if (code === 0x22) straight++
      else if (code === 0x201c) opened++
      else if (code === 0x201d) opened--
    }
    return straight % 2 === 1 || opened > 0
  }
}
