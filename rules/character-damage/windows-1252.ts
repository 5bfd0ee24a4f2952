// Windows-1252 as data: the characters its bytes 0x80-0x9F stand for (the rest of its upper half
// is Latin-1, byte = code point). Five bytes are undefined; a decoder that read them as Latin-1
// left the C1 control of the same number, so those map back too.
const HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

/** The byte a character stands for when UTF-8 was read as Windows-1252 (or Latin-1); else undefined. */
export function byteOf(char: string): number | undefined {
  const code = char.codePointAt(0)!
  // (most of copy: none of HIGH is ASCII)
  if (code < 0x80) return undefined
  if (code >= 0xa0 && code <= 0xff) return code
  if (code >= 0x80 && code <= 0x9f) return code
  const index = HIGH.indexOf(char)
  return index === -1 ? undefined : 0x80 + index
}

/** The character Windows-1252 gives a byte of 0x80-0x9F (what a browser shows for `&#146;`). */
export function charOfHighByte(byte: number): string {
  return HIGH[byte - 0x80]
}
