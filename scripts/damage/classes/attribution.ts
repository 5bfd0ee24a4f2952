// Attribution damage. `attribution-verb`: the verb (`said`, `says`, `told`, `added`) deleted in
// every shape copy holds: after a quotation or a reported statement (`," he.`, `, the group.`),
// inverted after a quotation (`," Fred Fleitz, a former aide`), before a quotation
// (`Smith: "We...`). `according-to`: a clause-final attribution cut off into its own
// sentence (`... policies. According to sources.`). Each damage's `shape` names where the
// attribution stood and who the speaker is (pronoun, name, title, organisation, anonymous).
import {edit, freeBodyLines, type Damage, type DamageClass, type Line} from '../core.js'

const pronoun = /^(he|she|they|it|we|i|you)$/i
const anonymous =
  /\b(sources?|people|person|officials?|spokes(?:man|woman|person|men|women|people)|aides?|analysts?|diplomats?|insiders?|witness(?:es)?|observers|experts|residents|traders|dealers|economists|executives?|investors)\b/
const orgWord =
  /\b(Ministry|Department|Bank|Group|Inc|Corp|Corporation|Company|Co|Ltd|Commission|Council|Agency|Office|Association|Board|Union|Party|Court|Police|Federation|Institute|University|Committee|Government|Treasury|Authority|Service|Fund|Exchange|Reserve|Organisation|Organization|Administration|Club|League|Foundation)\b|^the (company|group|firm|bank|ministry|government|board|agency|union|council|club|party|department|court|police|league|committee|commission|report|study|survey|statement|airline|carrier|utility|newspaper|station|network|broadcaster|regulator|authority|association|institute|organisation|organization|team|side|body|fund|index|exchange)\b/
const honorific = /^(Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame|Sen|Rep|Gov|Gen|Prof|President|Prime|Chancellor|Minister|Secretary)\.?\b/
// A speaker: a pronoun, or words opening with a capital or a determiner; no clause inside.
const speakerStart = /^(?:\p{Lu}|(?:the|a|an|one|two|three|four|some|several|other|another|many|most|his|her|their|its|our|he|she|they|it|we|i|you)\b)/u
// (`be`: `Others to be added.` is a passive, not an attribution)
const notSpeaker = /["“”‘’;:()]|\b(which|who|whom|that|where|when|while|because|if|as|and said|has|have|had|was|were|is|are|be|been|being|not)\b/

function speakerKind(speaker: string): string {
  if (pronoun.test(speaker)) return 'pronoun'
  if (orgWord.test(speaker)) return 'organisation'
  if (anonymous.test(speaker) && !/\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(speaker)) return 'anonymous'
  if (honorific.test(speaker) || /^\p{Ll}/u.test(speaker) || /\p{Ll}+\s+\p{Lu}/u.test(speaker)) return 'title'
  if (/^(\p{Lu}[\p{L}'’.-]*\s*)+$/u.test(speaker)) return 'name'
  return 'other'
}

function plausibleSpeaker(speaker: string): boolean {
  const count = speaker.split(/\s+/).length
  return count >= 1 && count <= 9 && speakerStart.test(speaker) && !notSpeaker.test(speaker)
}

interface Found {
  line: Line
  start: number // where the text to delete starts
  end: number
  spanStart: number // span offsets in the line AFTER the deletion
  spanEnd: number
  shape: string
  fix: string
}

// Every place in a line where a verb can be deleted, in the three shapes.
function candidates(line: Line): Found[] {
  const text = line.text
  const found: Found[] = []
  // 1. speaker then verb, closing a clause after a comma or a quotation: `, the group said.`,
  //    `," he said on Monday.`, `," she told reporters.`
  for (const match of text.matchAll(/(,["”’]?|[.?!]["”’]) ((?:[^,.;:?!"“”]|\.(?= ?\p{Lu}))+?) (said|says|added|told)((?: [^,.;:?!"“”]{1,40})?)\.(?=\s|$)/gu)) {
    const [, boundary, speaker, verb, tail] = match
    if (!plausibleSpeaker(speaker) || /\b(that)\b/.test(tail) || (verb === 'told' && !tail)) continue
    const speakerAt = match.index + boundary.length + 1
    const verbAt = speakerAt + speaker.length + 1
    const where = /["”’]/.test(boundary) ? 'after-quote' : 'reported'
    found.push({
      line,
      start: verbAt - 1,
      end: verbAt + verb.length,
      spanStart: speakerAt,
      spanEnd: speakerAt + speaker.length + tail.length,
      shape: `${where}/${speakerKind(speaker)}`,
      fix: `${speaker} ${verb}${tail}`
    })
  }
  // 2. verb then speaker after a quotation: `," said Fred Fleitz, a former aide.`
  for (const match of text.matchAll(/([,?!]["”’]) (said|says|added) ([^,.;:?!"“”]+)/gu)) {
    const [, boundary, verb, speaker] = match
    if (!/^\p{Lu}/u.test(speaker) || !plausibleSpeaker(speaker)) continue
    // `," said Jane Doe, the firm's manager said at ...`: a second verb of saying later in the
    // sentence leaves it grammatical once the first is gone, so it is no damage.
    const rest = text.slice(match.index + match[0].length).split(/[.?!](?:\s|$)/u)[0]
    if (/\b(?:said|says|added|told)\b/u.test(rest)) continue
    const verbAt = match.index + boundary.length + 1
    found.push({
      line,
      start: verbAt,
      end: verbAt + verb.length + 1,
      spanStart: verbAt,
      spanEnd: verbAt + speaker.length,
      shape: `inverted/${speakerKind(speaker)}`,
      fix: `${verb} ${speaker}`
    })
  }
  // 3. before a quotation: `Smith said: "We`, `He told the BBC: "We`
  for (const match of text.matchAll(/(^|[.?!] |, )([^,.;:?!"“”]+?) (said|says|added|told)((?: [^,.;:?!"“”]{1,40})?)[:,] ?["“]/gu)) {
    const [, boundary, speaker, verb, tail] = match
    if (!plausibleSpeaker(speaker) || (verb === 'told' && !tail)) continue
    const speakerAt = match.index + boundary.length
    const verbAt = speakerAt + speaker.length + 1
    found.push({
      line,
      start: verbAt - 1,
      end: verbAt + verb.length,
      spanStart: speakerAt,
      spanEnd: speakerAt + speaker.length + tail.length,
      shape: `before-quote/${speakerKind(speaker)}`,
      fix: `${speaker} ${verb}${tail}`
    })
  }
  return found
}

export const attributionVerb: DamageClass = {
  id: 'attribution-verb',
  always: true,
  about: 'An attribution whose verb (said, says, told, added) was deleted.',
  apply(doc, rng) {
    const all = freeBodyLines(doc, rng).flatMap(candidates)
    if (!all.length) return null
    // pick a shape first, so rare shapes are not drowned by `, he said.`
    const shapes = [...new Set(all.map((found) => found.shape))]
    const shape = rng.pick(shapes)
    const chosen = rng.pick(all.filter((found) => found.shape === shape))
    edit(chosen.line, chosen.start, chosen.end, '')
    const damage: Damage = {
      line: chosen.line,
      start: chosen.spanStart,
      end: chosen.spanEnd,
      shape: chosen.shape,
      why: 'A source attribution with no verb.',
      fix: null
    }
    return damage
  }
}

export const accordingTo: DamageClass = {
  id: 'according-to',
  always: true,
  about: 'A clause-final attribution cut off into its own verbless sentence, `According to X.`',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const text = line.text
      const options: Array<{start: number; end: number; replacement: string; shape: string}> = []
      // `..., according to the ministry.` -> `... . According to the ministry.`
      for (const match of text.matchAll(/, according to ([^,.;:?!"“”]{2,60})\.(?=\s|$)/g)) {
        options.push({start: match.index, end: match.index + match[0].length, replacement: `. According to ${match[1]}.`, shape: 'according'})
      }
      // `..., the people said.` -> `... . According to the people.`
      for (const match of text.matchAll(/(?<=\p{Ll}), ([^,.;:?!"“”]+?) (?:said|says)\.(?=\s|$)/gu)) {
        const speaker = match[1]
        if (!plausibleSpeaker(speaker) || pronoun.test(speaker)) continue
        options.push({start: match.index, end: match.index + match[0].length, replacement: `. According to ${speaker}.`, shape: 'said'})
      }
      if (!options.length) continue
      const chosen = rng.pick(options)
      edit(line, chosen.start, chosen.end, chosen.replacement)
      const start = chosen.start + 2
      return {line, start, end: start + chosen.replacement.length - 2, shape: chosen.shape, why: 'An attribution cut off from its sentence.', fix: null}
    }
    return null
  }
}
