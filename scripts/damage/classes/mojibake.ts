// Mojibake: a character's UTF-8 bytes read back as Windows-1252 (`don’t` -> `donâ€™t`, `Café` ->
// `CafÃ©`, `£5` -> `Â£5`). Copy in plain ASCII is damaged as if its apostrophe or dash had been
// typeset first (`don't` -> `donâ€™t`, ` - ` -> ` â€“ `), as a CMS does before the mix-up.
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {contractionApostrophes} from '../quote-pairs.js'

// Windows-1252 bytes 0x80-0x9F, written out here independently of the rule's own table; the five
// undefined bytes become the C1 control of the same number, as Latin-1 readers leave them.
const HIGH: Record<number, string> = {
  0x80: '\u20AC', 0x82: '\u201A', 0x83: '\u0192', 0x84: '\u201E', 0x85: '\u2026', 0x86: '\u2020', 0x87: '\u2021',
  0x88: '\u02C6', 0x89: '\u2030', 0x8a: '\u0160', 0x8b: '\u2039', 0x8c: '\u0152', 0x8e: '\u017D', 0x91: '\u2018',
  0x92: '\u2019', 0x93: '\u201C', 0x94: '\u201D', 0x95: '\u2022', 0x96: '\u2013', 0x97: '\u2014', 0x98: '\u02DC',
  0x99: '\u2122', 0x9a: '\u0161', 0x9b: '\u203A', 0x9c: '\u0153', 0x9e: '\u017E', 0x9f: '\u0178'
}

/** A character as mojibake: its UTF-8 bytes, each read as Windows-1252. */
export function garble(char: string): string {
  return [...new TextEncoder().encode(char)].map((byte) => (byte < 0x80 || byte > 0x9f ? String.fromCharCode(byte) : HIGH[byte] ?? String.fromCharCode(byte))).join('')
}

export const mojibake: DamageClass = {
  id: 'mojibake',
  about: 'A character whose UTF-8 bytes were read as Windows-1252.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      // A non-ASCII letter or sign already there, else an apostrophe or a spaced dash, typeset.
      const places: Array<{at: number; length: number; char: string; shape: string}> = []
      for (const match of line.text.matchAll(/[\u00A0-\u017F\u2013\u2014\u2018-\u201D\u2026\u20AC]/gu)) {
        if (/[\u00A0-\u017F]/u.test(match[0])) places.push({at: match.index, length: 1, char: match[0], shape: 'letter'})
        else places.push({at: match.index, length: 1, char: match[0], shape: 'punctuation'})
      }
      for (const at of contractionApostrophes(line.text)) if (line.text[at] === "'") places.push({at, length: 1, char: '’', shape: 'apostrophe'})
      for (const match of line.text.matchAll(/ - /gu)) places.push({at: match.index + 1, length: 1, char: '–', shape: 'dash'})
      // `”` is garbled with an undefined byte (0x9D): what that leaves is a remnant, not this class.
      const usable = places.filter((place) => place.char !== '”' && place.char !== '\u00A0')
      if (!usable.length) continue
      const place = rng.pick(usable)
      const garbled = garble(place.char)
      edit(line, place.at, place.at + place.length, garbled)
      return {line, start: place.at, end: place.at + garbled.length, shape: place.shape, why: `\`${place.char}\` garbled as \`${garbled}\`.`, fix: place.char}
    }
    return null
  }
}
