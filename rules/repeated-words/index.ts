// A word written twice in a row (`the the`, `hostility hostility`), found by retext-repeated-words
// and narrowed by the cases where the repeat is right: `had had`, `that that`, names
// (`Girls Girls Girls`), reduplication (`so so much`), and a phrasal verb meeting its own
// preposition (`waiting for for years`). The fix keeps the first word, so its capital stays.
import type {Root} from 'nlcst'
import retextRepeatedWords from 'retext-repeated-words'
import {VFile} from 'vfile'
import {defineRule} from '../../src/rule.js'
import {runBefore} from '../../src/text.js'
import {HOMOGRAPHS, NAME_WORDS, NOT_AFTER_TO, OBJECT_POSSESSIVE, PHRASAL, REDUPLICATED} from './words.js'

type Transform = (tree: Root, file: VFile) => void

export default defineRule({
  id: 'repeated-words',
  summary: 'A word written twice in a row, such as `the the`.',
  fix: 'safe',
  options: {},
  init: () => (retextRepeatedWords as () => Transform)(),
  check(tree, file, {article, report, state: findRepeats}) {
    const scratch = new VFile({value: file.value})
    findRepeats(tree, scratch)
    for (const found of scratch.messages) {
      const start = found.place && 'start' in found.place ? found.place.start.offset : undefined
      const end = found.place && 'end' in found.place ? found.place.end.offset : undefined
      if (start === undefined || end === undefined) continue
      const pair = article.source.slice(start, end)
      const [first, second] = pair.split(/\s+/u)
      const word = second.toLowerCase()
      if (REDUPLICATED.has(word)) continue
      const block = article.blockAt(start)
      const before = block ? previousWord(article.source.slice(block.start, start)) : ''
      if (OBJECT_POSSESSIVE.has(word) && before !== '') continue
      // `b a s i c a l l y`: single letters other than `a` and `I` are not words.
      if (word.length === 1 && word !== 'a' && word !== 'i') continue
      // `In May may we`: a capitalized name before its lower-case twin.
      if (first !== second && /^\p{Lu}/u.test(first) && NAME_WORDS.has(word)) continue
      // `To record record profits`: a verb and the noun spelled the same.
      if (HOMOGRAPHS.has(word) && before.toLowerCase() === 'to') continue
      if (PHRASAL.get(word)?.test(before.toLowerCase())) {
        // `referred to to exist` is two phrases; `refers to to a value` is a slip.
        const after = nextWord(article.source.slice(end))
        if (word !== 'to' || (after !== '' && !NOT_AFTER_TO.test(after))) continue
      }
      report({start, end}, `Unexpected \`${pair}\`: a repeated word, expected \`${first}\``, {fix: first})
    }
  }
})

function nextWord(text: string): string {
  return /^\s+([\p{L}\p{N}'’]+)/u.exec(text)?.[1] ?? ''
}

function previousWord(text: string): string {
  // Read backwards: an expression anchored at the end was quadratic in a long paragraph.
  return runBefore(text, text.length - runBefore(text, text.length, /\s/u).length, /[\p{L}'’]/u)
}
