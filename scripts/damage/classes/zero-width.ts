// An invisible character inside a word (a zero-width space, joiner or non-joiner, a word joiner,
// a byte-order mark, a soft hyphen), carried in by copying from web pages and word processors.
import {edit, freeBodyLines, words, type DamageClass} from '../core.js'

const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD']

export const zeroWidth: DamageClass = {
  id: 'zero-width',
  about: 'An invisible character inside a word.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const choices = words(line.text).filter((token) => /^[A-Za-z]{4,}$/u.test(token.word))
      if (!choices.length) continue
      const token = rng.pick(choices)
      const at = token.start + 1 + rng.int(token.word.length - 1)
      const char = rng.pick(INVISIBLE)
      edit(line, at, at, char)
      return {line, start: at, end: at + 1, shape: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, why: 'An invisible character inside a word.', fix: ''}
    }
    return null
  }
}
