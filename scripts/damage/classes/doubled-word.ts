// A word typed twice: `to to`, `the the`, `that that` (only where the pair cannot be grammatical).
import {edit, freeBodyLines, words, type DamageClass} from '../core.js'

// After these a second `that` makes grammatical `that that` (`He said that that was wrong`).
const verbsAfterThat = /^(is|was|are|were|has|had|have|will|would|could|should|may|might|can|does|did|must|seems|means|makes|made)$/

export const doubledWord: DamageClass = {
  id: 'doubled-word',
  about: 'A word typed twice in a row.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const tokens = words(line.text)
      const choices = tokens.filter((token, i) => {
        if (!/^\p{Ll}+$/u.test(token.word)) return false
        const next = tokens[i + 1]?.word ?? ''
        const previous = tokens[i - 1]?.word.toLowerCase() ?? ''
        if (previous === token.word || next.toLowerCase() === token.word) return false
        // `had had enough` and `what it is is` are English; only make the pairs that never are
        if (token.word === 'that' && verbsAfterThat.test(next)) return false
        if (token.word === 'had' && !/^(been|\p{Ll}+ed)$/u.test(next)) return false
        if (token.word === 'is' && previous === 'it') return false
        return true
      })
      if (!choices.length) continue
      const token = rng.pick(choices)
      edit(line, token.start, token.start, `${token.word} `)
      return {line, start: token.start, end: token.end + token.word.length + 1, why: `\`${token.word}\` typed twice.`, fix: token.word}
    }
    return null
  }
}
