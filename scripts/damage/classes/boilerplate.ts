// A line of page furniture left by scraping: share and print buttons, comment counts, related
// links, photo credits, subscription and cookie prompts. Inserted as its own paragraph, between
// paragraphs or at the end (seed: `Leave a Comment` as the last line). The lines come from the
// inventory in ../residue.ts, written apart from the rule's patterns; the truth's `shape` is the
// inventory's family and where the line stands.
import type {DamageClass, Line} from '../core.js'
import {residueLine} from '../residue.js'

export const boilerplate: DamageClass = {
  id: 'boilerplate',
  about: 'A page-widget line left by scraping, inserted as its own paragraph.',
  apply(doc, rng) {
    const {text, family} = residueLine(rng)
    // after a body paragraph (or the last line), never inside the headline block
    const body = doc.lines.map((line, i) => ({line, i})).filter(({line}) => line.kind === 'body' || line.kind === 'other')
    if (!body.length) return null
    // a lone one-word button (`Print`) stands at the article's edge, as pages put it; between
    // paragraphs it would read as a subheading
    const atEnd = rng.chance(0.3) || !/\s/u.test(text.replace(/[^\p{L}\p{N}]+/gu, ' ').trim())
    const after = atEnd ? doc.lines.length - 1 : rng.pick(body).i
    const line: Line = {text, kind: 'inserted', used: true}
    const inserted: Line[] = doc.blankSeparated ? [{text: '', kind: 'blank', used: true}, line] : [line]
    // keep a trailing newline where the file had one: insert before the final empty line
    let at = after + 1
    if (atEnd) while (at > 0 && doc.lines[at - 1].kind === 'blank') at--
    doc.lines.splice(at, 0, ...inserted)
    return {line, start: 0, end: text.length, shape: `${family}/${atEnd ? 'end' : 'between'}`, why: 'Web-page residue left by scraping.', fix: ''}
  }
}
