// Characters damaged on the way into the copy: mojibake (UTF-8 read as Windows-1252: `donâ€™t`,
// `CafÃ©`), HTML character references left in plain text (`&amp;`, `&#8217;`), zero-width
// characters inside words, control characters, the replacement character `�` and a typed-out
// `^M`. Mojibake is repaired only when decoding it back gives text that is more plausible than
// what is there (ftfy's test); inside an address or a code-like token nothing is ever fixed.
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {decodeNumericCharacterReference} from 'micromark-util-decode-numeric-character-reference'
import {OPAQUE} from '../../src/article.js'
import {defineRule} from '../../src/rule.js'
import {byteOf, charOfHighByte} from './windows-1252.js'

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/gu
// Invisible characters that split a word for search, spelling and copy-paste. Only between Latin
// letters: other scripts join and break words with them on purpose.
const INVISIBLE = /(?<=\p{Script=Latin})[\u200B\u200C\u200D\u2060\uFEFF\u00AD]+(?=\p{Script=Latin})/gu
const INVISIBLE_CHARACTER = /[\u200B\u200C\u200D\u2060\uFEFF\u00AD]/u
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
  '\u00AD': 'soft hyphen'
}
// C0 controls other than tab and line breaks, DEL, and C1 controls.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu
const HAS_CONTROL = new RegExp(CONTROL.source, 'u')
const UTF8 = new TextDecoder('utf-8', {fatal: true})
// A character every finding needs: a lead byte of mojibake (LEAD), `&` of a reference, an
// invisible or control character, `�`, or the `^` of `^M`.
const SUSPECT = /[\u00C2-\u00F4&\u200B\u200C\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD^]/u

export default defineRule({
  id: 'character-damage',
  summary: 'Mojibake (`donâ€™t`), HTML character references in plain text (`&amp;`), invisible and control characters, `�` and `^M`.',
  fix: 'safe',
  scope: 'block',
  options: {},
  check(_tree, _file, {article, report}) {
    for (const block of article.blocks) {
      const text = block.prose
      // Nearly every paragraph holds none of the characters any finding below starts from: one
      // scan for them all passes it over (where a scan for each was most of the rule's work).
      if (!SUSPECT.test(text)) continue
      const taken: Array<[number, number]> = []
      // Reports a span of the block's prose when its source is exactly that text: in Markdown
      // and HTML a character reference (`&amp;`, `&#8203;`) is markup, not damage.
      // A reference the reader sees as such (`&amp;amp;` in HTML, `\&amp;` in Markdown) is damage
      // all the same; its source is not the text, so the engine only offers the repair there.
      const say = (from: number, to: number, reason: string, fix?: string, escaped = false) => {
        const span = block.span(from, to)
        if (!escaped && article.source.slice(span.start, span.end) !== text.slice(from, to)) return
        taken.push([from, to])
        const safe = fix !== undefined && !inCode(text, from, to)
        report(span, reason, safe ? {fix} : {})
      }

      for (const run of mojibake(text)) {
        const found = text.slice(run.from, run.to)
        if (run.repaired === undefined) {
          say(run.from, run.to, `Unexpected \`${found}\`: what is left of a character garbled by an encoding mix-up`)
        } else {
          say(run.from, run.to, `Unexpected \`${found}\`: UTF-8 read as Windows-1252, expected \`${run.repaired}\``, run.repaired)
        }
      }

      // (each scan below runs only on text that holds what it looks for: matchAll copies its
      // expression, and nearly every paragraph has none of these)
      for (const match of text.includes('&') ? text.matchAll(REFERENCE) : []) {
        const [reference, decimal, hex, name] = match
        let character: string | undefined
        if (name) {
          const decoded = decodeNamedCharacterReference(name)
          if (decoded === false) continue
          character = decoded
        } else {
          const code = Number.parseInt(decimal ?? hex, decimal ? 10 : 16)
          // `&#146;` is what Windows-1252 calls a right quote, as browsers read it.
          character = code >= 0x80 && code <= 0x9f ? charOfHighByte(code) : decodeNumericCharacterReference(decimal ?? hex, decimal ? 10 : 16)
          if (character === '\uFFFD') character = undefined
        }
        const shown = character === '\u00A0' ? 'a no-break space' : character === undefined ? undefined : `\`${character}\``
        const reason = shown
          ? `Unexpected character reference \`${reference}\` shown as text, expected ${shown}`
          : `Unexpected character reference \`${reference}\` shown as text, which stands for no character`
        say(match.index, match.index + reference.length, reason, character, true)
      }

      // (INVISIBLE starts with a lookbehind, which its scan tries at every character: it is run
      // only on text that holds one of its characters)
      if (INVISIBLE_CHARACTER.test(text)) {
        for (const match of text.matchAll(INVISIBLE)) {
          const from = match.index
          const to = from + match[0].length
          const word = (/\p{L}+$/u.exec(text.slice(Math.max(0, from - 40), from))?.[0] ?? '') + (/^\p{L}+/u.exec(text.slice(to, to + 40))?.[0] ?? '')
          const name = INVISIBLE_NAMES[match[0][0]]
          say(from, to, `Unexpected ${name} (U+${hex(match[0])}) inside \`${word}\``, '')
        }
      }

      for (const match of HAS_CONTROL.test(text) ? text.matchAll(CONTROL) : []) {
        if (taken.some(([from, to]) => match.index >= from && match.index < to)) continue
        say(match.index, match.index + 1, `Unexpected control character \`U+${hex(match[0])}\``)
      }
      for (const match of text.includes('\uFFFD') ? text.matchAll(/\uFFFD+/gu) : []) {
        say(match.index, match.index + match[0].length, `Unexpected replacement character \`${match[0]}\`: a character was lost in a conversion`)
      }
      for (const match of text.includes('^M') ? text.matchAll(/\^M(?=\s|$)/gu) : []) {
        say(match.index, match.index + 2, 'Unexpected `^M`: a carriage return typed out as text')
      }
    }
  }
})

function hex(char: string): string {
  return char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')
}

// An address, a path or a code-like token keeps its bytes: what looks like damage there may be
// what the address needs (`?a=1&amp;b=2` in a copied link).
function inCode(text: string, from: number, to: number): boolean {
  const before = /[^\s]*$/u.exec(text.slice(Math.max(0, from - 200), from))![0]
  const after = /^[^\s]*/u.exec(text.slice(to, to + 200))![0]
  const token = (before + after).replace(REFERENCE, '')
  return /:\/\/|^www\.|[@/\\=_{}<>|`$#~]|[a-z]\.[a-z]{2,}/iu.test(token) || token.includes(OPAQUE)
}

interface Run {
  from: number
  to: number
  /** The text it decodes to; undefined for a remnant that cannot be decoded (`â€` alone). */
  repaired?: string
}

// A character that may stand for a UTF-8 lead byte.
const LEAD = /[\u00C2-\u00F4]/gu

/**
 * Runs of mojibake in a text. A run is one or more characters whose Windows-1252 bytes form
 * UTF-8 sequences; it is taken only when every decoded character is one that copy plausibly has
 * (Latin letters, punctuation, symbols, emoji), so `naïve`, `São Paulo`, German `„groß“` and
 * `café—“` (which decode to nothing, or to CJK) are left alone.
 */
export function mojibake(text: string): Run[] {
  const runs: Run[] = []
  let index = 0
  while (index < text.length) {
    // A lead byte is a character of U+00C2-U+00F4 (the bytes of HIGH are below it): any other
    // character, which is nearly every one, starts no sequence. (Found by an expression, whose
    // scan is compiled: a loop over every character ran unoptimized for most of a cold run.)
    LEAD.lastIndex = index
    const lead = LEAD.exec(text)
    if (!lead) break
    index = lead.index
    const sequence = sequenceAt(text, index)
    if (!sequence) {
      index++
      continue
    }
    let to = sequence.to
    let decoded = sequence.decoded
    for (let next = sequenceAt(text, to); next?.decoded !== undefined && decoded !== undefined; next = sequenceAt(text, to)) {
      decoded += next.decoded
      to = next.to
    }
    if (decoded === undefined) {
      runs.push({from: index, to})
      index = to
      continue
    }
    // Copy mangled twice (`Ã¢â‚¬â„¢`) decodes to mojibake again.
    for (let round = 0; round < 2; round++) {
      const again = mojibake(decoded).filter((run) => run.repaired !== undefined)
      if (again.length === 0) break
      let rebuilt = ''
      let cursor = 0
      for (const run of again) {
        rebuilt += decoded.slice(cursor, run.from) + run.repaired
        cursor = run.to
      }
      decoded = rebuilt + decoded.slice(cursor)
    }
    if (plausible(decoded)) runs.push({from: index, to, repaired: decoded})
    index = to
  }
  return runs
}

// One UTF-8 sequence spelt in Windows-1252 at `index`: a lead byte and its continuation bytes.
// `â€` followed by anything else is a remnant (the third byte was undefined in Windows-1252 and
// got lost): it is returned without a decoding.
function sequenceAt(text: string, index: number): {to: number; decoded?: string} | undefined {
  const lead = byteOf(text.charAt(index))
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4
  const bytes = [lead]
  let at = index + 1
  while (bytes.length < length) {
    const byte = at < text.length ? byteOf(text.charAt(at)) : undefined
    if (byte === undefined || byte < 0x80 || byte > 0xbf) break
    bytes.push(byte)
    at++
  }
  if (bytes.length < length) {
    return lead === 0xe2 && bytes.length === 2 && bytes[1] === 0x80 ? {to: at} : undefined
  }
  try {
    return {to: at, decoded: UTF8.decode(new Uint8Array(bytes))}
  } catch {
    return undefined
  }
}

// What copy plausibly holds: Latin letters and signs, general punctuation, currency, letterlike
// symbols, arrows, dingbats, emoji; Greek and Cyrillic only as words (two letters or more), since
// one such letter in Latin copy is likelier a coincidence.
function plausible(decoded: string): boolean {
  let script = 0
  for (const char of decoded) {
    const code = char.codePointAt(0)!
    if (code >= 0xa0 && code <= 0x17f) continue
    if (code >= 0x1e00 && code <= 0x1eff) continue
    if (code >= 0x2010 && code <= 0x203a) continue
    if (code >= 0x20a0 && code <= 0x20bf) continue
    if (code >= 0x2100 && code <= 0x21ff) continue
    if (code >= 0x2600 && code <= 0x27bf) continue
    if (code >= 0x1f000 && code <= 0x1faff) continue
    if (code === 0xfe0f || code === 0x200d) continue
    if ((code >= 0x391 && code <= 0x3c9) || (code >= 0x400 && code <= 0x45f)) {
      script++
      continue
    }
    return false
  }
  return script === 0 || script >= 2
}
