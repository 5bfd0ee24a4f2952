// An HTML character reference left in the text by a scraper or a CMS export: `&amp;`,
// `&#8217;`, `&quot;`, `&nbsp;`, `&eacute;`.
import {edit, freeBodyLines, type DamageClass} from '../core.js'
import {contractionApostrophes} from '../quote-pairs.js'

const NAMED: Record<string, string> = {'&': '&amp;', '"': '&quot;', 'é': '&eacute;', '£': '&pound;', '—': '&mdash;', '–': '&ndash;', '’': '&rsquo;', '“': '&ldquo;', '”': '&rdquo;'}

export const characterReference: DamageClass = {
  id: 'character-reference',
  about: 'An HTML character reference shown as text.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const places: Array<{at: number; char: string}> = []
      for (const match of line.text.matchAll(/[&"é£—–’“”]/gu)) places.push({at: match.index, char: match[0]})
      for (const at of contractionApostrophes(line.text)) places.push({at, char: line.text[at]})
      for (const match of line.text.matchAll(/(?<=\d) (?=[A-Za-z])/gu)) places.push({at: match.index, char: ' '})
      if (!places.length) continue
      const {at, char} = rng.pick(places)
      const code = char.codePointAt(0)!
      const reference =
        char === ' ' ? '&nbsp;' : rng.chance(0.5) && NAMED[char] ? NAMED[char] : rng.chance(0.5) ? `&#${code};` : `&#x${code.toString(16)};`
      edit(line, at, at + 1, reference)
      return {line, start: at, end: at + reference.length, shape: reference.startsWith('&#') ? 'numeric' : 'named', why: `\`${reference}\` shown as text.`, fix: char === ' ' ? '\u00A0' : char}
    }
    return null
  }
}
