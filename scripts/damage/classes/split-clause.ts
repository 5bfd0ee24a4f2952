// A clause split off in lower case. Two shapes of the seed: a spurious period inside a clause
// (`officials. there, including`) and a real sentence whose capital was lost (`Japan. he remains`).
import {edit, freeBodyLines, fullText, sentenceStarts, words, type DamageClass} from '../core.js'

export const splitClause: DamageClass = {
  id: 'split-clause',
  about: 'A spurious period inside a clause; the part after it starts in lower case.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const tokens = words(line.text)
      // between two lower-case words with only a space between them, not in the first three words
      const gaps = tokens
        .slice(3)
        .map((token, i) => ({before: tokens[i + 2], after: token}))
        .filter(({before, after}) => /^\p{Ll}/u.test(after.word) && /^\p{Ll}/u.test(before.word) && line.text.slice(before.end, after.start) === ' ')
      if (!gaps.length) continue
      const {before, after} = rng.pick(gaps)
      edit(line, before.end, before.end, '.')
      return {line, start: before.end, end: after.end + 1, why: 'A spurious period splits one clause; the next word continues it.', fix: null}
    }
    return null
  }
}

export const lowercaseStart: DamageClass = {
  id: 'lowercase-start',
  about: 'A sentence whose first letter lost its capital (the period before it is right).',
  apply(doc, rng) {
    const text = fullText(doc)
    for (const line of freeBodyLines(doc, rng)) {
      // a sentence after another on the same line, opening with a common word the article also writes in lower case
      const starts = sentenceStarts(line.text).slice(1).filter((start) => {
        const word = /^\p{Lu}\p{Ll}*/u.exec(line.text.slice(start))?.[0]
        return word && word.length > 1 && new RegExp(`(?<![\\p{L}])${word.toLowerCase()}(?![\\p{L}])`, 'u').test(text)
      })
      if (!starts.length) continue
      const at = rng.pick(starts)
      const word = /^\p{L}+/u.exec(line.text.slice(at))![0]
      edit(line, at, at + 1, line.text[at].toLowerCase())
      return {line, start: at, end: at + word.length, why: 'A sentence that starts in lower case.', fix: word}
    }
    return null
  }
}
