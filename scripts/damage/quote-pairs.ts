// Helpers for the quotation-mark and apostrophe damage classes: the double quotations of a line
// (paired by position, only in lines whose marks are unambiguous) and the apostrophes of
// contractions and possessives.

/** A double quotation of a line: offsets of its opening and closing marks. */
export interface Pair {
  open: number
  close: number
}

const OPENS_AFTER = /^$|[\s(\[—–-]/u
const CLOSES_BEFORE = /^$|[\s.,;:!?)\]—–-]/u

/**
 * The double quotations of a line, when every mark in it is plainly an opening or a closing one
 * and they alternate: straight (`"…"`) or curly (`“…”`), not mixed, none between letters or after
 * a digit (a prime). Otherwise none.
 */
export function doublePairs(text: string): Pair[] {
  const marks = [...text.matchAll(/["“”]/gu)].map((match) => match.index)
  if (marks.length === 0 || marks.length % 2 === 1) return []
  const kinds = new Set(marks.map((at) => (text[at] === '"' ? 'straight' : 'curly')))
  if (kinds.size > 1) return []
  const pairs: Pair[] = []
  for (let i = 0; i < marks.length; i += 2) {
    const open = marks[i]
    const close = marks[i + 1]
    if (text[open] === '”' || text[close] === '“') return []
    if (!OPENS_AFTER.test(text.charAt(open - 1)) || !/\p{L}/u.test(text.charAt(open + 1))) return []
    if (!CLOSES_BEFORE.test(text.charAt(close + 1)) || /[\s\d]/u.test(text.charAt(close - 1))) return []
    pairs.push({open, close})
  }
  // Single marks inside make the damage harder to place; such lines are left out.
  if (/['‘’]\s|\s['‘’]/u.test(text)) return []
  return pairs
}

// Who takes a `'ll`, `'re`, `'ve`, `'d` or `'m`.
const PRONOUN = /^(?:i|you|we|they|he|she|it|who|that|there|what)$/iu

/** Apostrophes of contractions and possessives (`Japan's`, `won't`, `we'll`) in a line. */
export function contractionApostrophes(text: string): number[] {
  const found: number[] = []
  for (const match of text.matchAll(/(\p{L}+)['’](s|t|ll|re|ve|d|m)(?![\p{L}\p{N}'’"”-])/gu)) {
    const [, word, ending] = match
    if (ending === 't' ? !/n$/iu.test(word) : ending !== 's' && !PRONOUN.test(word)) continue
    // A one- or two-letter word right after a quotation mark (`"L's`) is left out.
    if (word.length <= 2 && /["“]$/u.test(text.slice(0, match.index))) continue
    found.push(match.index + word.length)
  }
  return found
}
