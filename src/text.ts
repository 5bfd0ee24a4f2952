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
