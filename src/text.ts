// Reading backwards from a point in a text in time proportional to what is read. An expression
// anchored at the end (`/\S*$/.exec(text.slice(0, i))`) retries at every earlier position, so
// calling it at each match of a paragraph was quadratic on hostile copy (a long run of spaces).

/**
 * The run of characters (code points) matching `char` that ends at `end`: `char` tests one
 * character, such as `/[^\s"'“”]/u`.
 */
export function runBefore(text: string, end: number, char: RegExp): string {
  let start = end
  while (start > 0) {
    const code = text.charCodeAt(start - 1)
    // A low surrogate with its high surrogate is one character (an astral letter).
    const width = code >= 0xdc00 && code <= 0xdfff && start >= 2 && text.charCodeAt(start - 2) >= 0xd800 && text.charCodeAt(start - 2) <= 0xdbff ? 2 : 1
    if (!char.test(text.slice(start - width, start))) break
    start -= width
  }
  return text.slice(start, end)
}

/** Whether a UTF-16 code unit is white space as `\s` has it. */
export function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * How many pieces `text.split(/\s+/u)` makes (the words of a trimmed text), counted no further
 * than `limit + 1`: a paragraph is not split into an array of its words to learn that it is long.
 */
export function countWords(text: string, limit = Infinity): number {
  let count = 1
  let inSpace = false
  for (let at = 0; at < text.length && count <= limit; at++) {
    const space = isSpace(text.charCodeAt(at))
    if (space && !inSpace) count++
    inSpace = space
  }
  return count
}

/**
 * A copy of a string that holds on to nothing else. V8 makes a slice of 13 characters or more
 * (`text.slice(a, b)`, a token of a parsed text) a view into the whole string it was cut from:
 * kept as the key of a long-lived cache, a line of a document kept the whole document alive,
 * each version an editor sent (the language server grew by 0.7 MB every 100 edits of a 14 kB
 * article). The copy goes through a buffer, so it is a string of its own whatever V8 does.
 */
export function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf16le').toString('utf16le')
}
