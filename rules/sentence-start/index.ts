// A sentence or paragraph that starts in lower case: the trace of a sentence split mid-clause
// (`officials. there, including`) or of a lost capital (`Japan. he remains`). Repairs are safe
// only where the words leave one reading; otherwise they are offered, or the place only reported.
import {isAbbreviation} from '../../src/abbreviations.js'
import type {Block} from '../../src/article.js'
import {defineRule, type ReportExtra} from '../../src/rule.js'
import {runBefore} from '../../src/text.js'
import {CONTINUATIONS, EXISTENTIAL_VERBS, FUNCTION_WORDS, SPEECH_VERBS, SUBJECT_PRONOUNS} from './words.js'

// A period, any closing quotes or brackets, white space, any opening ones, then a lower-case word.
// Only a period: after `?` or `!` a lower-case word is usually right (`fight it out?" the Labour
// MP`, `Shall We Dance? at number three`, `Wham! through`).
const BREAK = /(?<=[^.\s])\.(["'”’»)\]]*)(\s+)(["'“‘«„‚‹([]*)(\p{Ll}[\p{L}\p{M}'’-]*)/gu
// The first word of a paragraph, after opening quotes or brackets.
const FIRST = /^(\s*["'“‘«„‚‹([]*)(\p{Ll}[\p{L}\p{M}'’-]*)/u
// Lower-case names and addresses: `iPhone`, `eBay`, `www.bbc.co.uk`, `e-mail`.
const NOT_A_WORD = /\p{Lu}|^www$|^(?:e|i)-/u

export default defineRule({
  id: 'sentence-start',
  summary: 'A sentence or paragraph that starts in lower case, such as `Japan. he remains`.',
  fix: 'safe',
  options: {},
  check(_tree, _file, {article, report}) {
    for (const block of article.blocks) {
      if (block.kind === 'list-item') continue
      paragraphStart(block)
      for (const match of block.prose.matchAll(BREAK)) {
        const [, closing, , opening, word] = match
        const period = match.index
        const wordStart = period + 1 + closing.length + match[2].length + opening.length
        const wordEnd = wordStart + word.length
        const before = runBefore(block.prose, period, /[^\s"'“”‘’«»()[\]]/u)
        if (isAbbreviation(before) || NOT_A_WORD.test(word) || /[@/]/u.test(before)) continue
        if (block.prose.charAt(wordEnd) === '.' && /\p{L}/u.test(block.prose.charAt(wordEnd + 1))) continue
        const next = nextWord(block.prose, wordEnd)
        const lower = word.toLowerCase()

        // `dealing with this." he added.`: a quote closed with a period before its attribution.
        if (closing !== '' && SUBJECT_PRONOUNS.has(lower) && SPEECH_VERBS.has(next.toLowerCase())) {
          report(block.span(period, period + 1), `Unexpected period before the attribution \`${word} ${next}\`, expected a comma`, {fix: ','})
          continue
        }
        const joined = block.prose.slice(period + 1, wordEnd)
        const capital = block.prose.slice(period, wordStart) + capitalize(word)
        const span = block.span(period, wordEnd)
        const repair = classify(lower, next)
        if (repair === 'capitalize') {
          report(block.span(wordStart, wordEnd), `Unexpected lower-case \`${word}\` at the start of a sentence, expected \`${capitalize(word)}\``, {fix: capitalize(word)})
        } else if (repair === 'join') {
          report(span, `Unexpected period before \`${word}\`, which continues the sentence`, {fix: joined})
        } else if (repair === 'either') {
          report(span, `Unexpected lower-case \`${word}\` after a period: capitalize it, or remove the period if the sentence was split`, {suggest: [capital, joined]})
        } else {
          report(span, `Unexpected lower-case \`${word}\` after a period: the sentence may have been split`)
        }
      }
    }

    // A paragraph that starts in lower case lost its first words (a stripped name) or its capital.
    function paragraphStart(block: Block) {
      const match = FIRST.exec(block.prose.slice(block.bodyStart))
      if (!match) return
      const word = match[2]
      if (NOT_A_WORD.test(word)) return
      const start = block.bodyStart + match[1].length
      const end = start + word.length
      // `bbc.co.uk is`, `http://`, and list labels (`iv. This`, `a) This`) are not words.
      const rest = block.prose.slice(end)
      if (/^\.\p{L}|^:\/\//u.test(rest) || (/^(?:[ivxlc]+|\p{L})$/u.test(word) && /^[.)]\s/u.test(rest))) return
      const extra: ReportExtra = SUBJECT_PRONOUNS.has(word.toLowerCase())
        ? {fix: capitalize(word)}
        : FUNCTION_WORDS.has(word.toLowerCase())
          ? {suggest: [capitalize(word)]}
          : {}
      report(block.span(start, end), `Unexpected lower-case \`${word}\` at the start of a paragraph`, extra)
    }
  }
})

type Repair = 'capitalize' | 'join' | 'either' | 'report'

function classify(word: string, next: string): Repair {
  if (SUBJECT_PRONOUNS.has(word)) return 'capitalize'
  if (CONTINUATIONS.has(word)) return 'join'
  if (word === 'there') {
    // `there are` starts a sentence; `there, including` and `there in May` continue one.
    if (EXISTENTIAL_VERBS.has(next.toLowerCase())) return 'capitalize'
    return next === '' ? 'join' : 'either'
  }
  return FUNCTION_WORDS.has(word) ? 'either' : 'report'
}

// The word after `index`, or '' when punctuation comes first (`there, including`).
function nextWord(text: string, index: number): string {
  const match = /^\s+([\p{L}'’]+)/u.exec(text.slice(index))
  return match ? match[1] : ''
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
