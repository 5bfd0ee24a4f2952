// A hyphen after an -ly adverb in a compound modifier: `democratically-governed` reads as
// `democratically governed` in every major style guide, because the adverb cannot be misread.
import {defineRule} from '../../src/rule.js'
import {runBefore} from '../../src/text.js'
import {ADVERB_ENDINGS, NOT_ADVERBS} from './words.js'

// An -ly word, a hyphen, and the word it modifies; not inside a longer chain of hyphens
// (`the not-so-hotly-contested result` keeps its hyphens).
const PLURAL_NOUN = /^(?:men|women|people|children|folk)$|[^su]s$/u
const COMPOUND = /(?<![\p{L}\p{N}'’-])(\p{L}{2,}ly)-(\p{L}[\p{L}'’]*)(?![\p{L}\p{N}]*-)/gu

export default defineRule({
  id: 'ly-hyphen',
  summary: 'A hyphen after an -ly adverb, such as `democratically-governed`.',
  fix: 'safe',
  scope: 'block',
  options: {},
  check(_tree, _file, {article, report}) {
    for (const block of article.blocks) {
      if (!block.prose.includes('ly-')) continue
      for (const match of block.prose.matchAll(COMPOUND)) {
        const [compound, adverb, head] = match
        const lower = adverb.toLowerCase()
        if (NOT_ADVERBS.has(lower)) continue
        // A capital may start a name (`Italy-based`, `Kelly-led`): only a plain adverb ending
        // counts, unless the capital is the sentence's own (`Randomly-selected projects.`).
        const initial = startsSentence(block.prose, match.index)
        if (adverb !== lower && !initial && !ADVERB_ENDINGS.test(lower)) continue
        // A plural noun after the hyphen makes a noun compound, not a modifier: the "nearly-men" tag.
        if (PLURAL_NOUN.test(head.toLowerCase())) continue
        const fixed = `${adverb} ${head}`
        report(block.span(match.index, match.index + compound.length), `Unexpected hyphen after the adverb \`${adverb}\`, expected \`${fixed}\``, {fix: fixed})
      }
    }
  }
})

// Whether `index` starts a sentence: the paragraph's start or `[.!?]["”’]?` and white space
// before it, either way with an opening quote allowed. Read backwards: the same test as an
// expression anchored at the end of the paragraph so far was quadratic in a long paragraph.
function startsSentence(text: string, index: number): boolean {
  let end = index
  if (end > 0 && `"“‘'`.includes(text[end - 1])) end--
  if (end === 0) return true
  const spaces = runBefore(text, end, /\s/u).length
  if (spaces === 0) return false
  const last = end - spaces - 1
  if (last >= 0 && '.!?'.includes(text[last])) return true
  return last >= 1 && `"”’`.includes(text[last]) && '.!?'.includes(text[last - 1])
}
