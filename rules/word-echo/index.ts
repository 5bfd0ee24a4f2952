// The same word or stem twice within a few words (`welcomed as a welcome sign`): clumsy in edited
// copy and a trace of article spinning, which swaps words for synonyms and stems. Off by default
// (`info` when on): good writers repeat words on purpose.
import {defineRule} from '../../src/rule.js'
import {STOP_WORDS} from './stop-words.js'

const WORD = /[\p{L}][\p{L}'’-]*/gu
const SUFFIX = /(?:ing|ed|es|s|ly|er|ers|ment|ments|ness|ion|ions|ive|ity)$/u

export default defineRule({
  id: 'word-echo',
  summary: 'The same word or stem twice within a few words, such as `welcomed as a welcome sign`.',
  fix: 'none',
  scope: 'block',
  options: {window: 4},
  check(_tree, _file, {article, report, options}) {
    for (const block of article.blocks) {
      const seen: Array<{stem: string; word: string; start: number; end: number; index: number}> = []
      let index = 0
      for (const match of block.prose.matchAll(WORD)) {
        const word = match[0]
        const start = match.index
        const end = start + word.length
        index++
        // Punctuation breaks the window: `the deeper the ties, the stronger the ties` is parallel on purpose.
        if (/[.,!?;:]/u.test(block.prose.slice(seen[seen.length - 1]?.end ?? start, start))) seen.length = 0
        const lower = word.toLowerCase()
        if (/^\p{Lu}/u.test(word) || lower.length < 4 || STOP_WORDS.has(lower) || word.includes('-')) continue
        const stem = stemOf(lower)
        const echo = seen.find((earlier) => earlier.stem === stem && earlier.word !== lower && index - earlier.index <= options.window)
        const same = seen.find((earlier) => earlier.word === lower && index - earlier.index > 1 && index - earlier.index <= options.window)
        const found = echo ?? same
        if (found) {
          const text = block.prose.slice(found.start, end)
          const what = found.word === lower ? `\`${lower}\` twice` : `\`${found.word}\` and \`${lower}\``
          report(block.span(found.start, end), `Unexpected echo \`${text}\`: ${what} within ${options.window} words`)
          seen.length = 0
          continue
        }
        seen.push({stem, word: lower, start, end, index})
        while (seen.length > 0 && index - seen[0].index > options.window) seen.shift()
      }
    }
  }
})

function stemOf(word: string): string {
  const stem = word.replace(SUFFIX, '')
  return stem.length >= 4 ? stem.replace(/e$/u, '') : word
}
