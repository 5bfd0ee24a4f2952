// A headline that names a place, person or organisation the body never mentions: the trace of a
// headline written for another story, or of a body cut down by spinning. Related forms count
// (`Japan`/`Japanese`, `US`/`U.S.`/`American`), so does a surname for a full name. Report only.
import type {Block} from '../../src/article.js'
import type {Lexicon} from '../../src/lexicon.js'
import {isCapitalized, withoutPossessive, type NameUse} from '../../src/names.js'
import {defineRule} from '../../src/rule.js'
import {RELATED} from './forms.js'
import {countryForms, formsInCountry, isCountryName, placeOf, type Place} from './gazetteer.js'

// Standing labels of wire and web headlines, not part of what the story is about: `BREAKING
// NEWS:`, `UPDATE 1-`, `MARKET TALK`, `EXCLUSIVE-`, `WRAPUP 2-`, `ANALYSIS-`, `COMMENTARY:`.
const LABEL =
  /^\s*(?:(?:breaking(?: news)?|update(?: \d+)?|exclusive|wrapup(?: \d+)?|analysis|commentary|market (?:talk|watch)|corrected|refile|rpt|instant view|factbox|timeline|snap analysis|live|watch|video|opinion|editorial|just in|developing|urgent|flash)\b\s*(?:\d+\s*)?[-:/|–—]+\s*|(?:breaking|exclusive|analysis|commentary)\b\s+)+/iu
// Names that stand for an institution, not the place: `Westminster row`, `Wall Street falls`.
const METONYMS = new Set([
  'westminster', 'whitehall', 'wall street', 'downing street', 'fleet street', 'capitol hill', 'hollywood', 'bollywood',
  'silicon valley', 'the city', 'brussels', 'foggy bottom', 'holyrood', 'stormont', 'the hague', 'main street', 'broadway', 'vatican'
])

// Little words a title-case headline capitalizes but an acronym skips: `Bank of England` -> BoE.
const LINKING = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'to', 'de', 'du', 'la', 'von', 'van', '&'])

export default defineRule({
  id: 'headline-mismatch',
  summary: 'A headline that names a place, person or organisation the body never mentions, such as `Philippines`.',
  fix: 'none',
  options: {},
  check(_tree, _file, {article, report, lexicon, remember}) {
    const headline = article.headline
    if (!headline) return
    // An HTML page may have a <title> and an <h1>: both are headlines, neither is the body.
    const body = article.blocks.filter((block) => block.kind !== 'headline')
    if (body.length === 0) return
    // in a mixed-case headline, words in capitals before a colon are a label too (`CITY POLL: Has ...`)
    const label = LABEL.exec(headline.prose)?.[0].length ?? (/\p{Ll}/u.test(headline.prose) ? /^\s*(?:[\p{Lu}\d][\p{Lu}\d'’&-]*\s+){0,3}[\p{Lu}\d][\p{Lu}\d'’&-]*\s*:\s*/u.exec(headline.prose)?.[0].length ?? 0 : 0)
    const labelEnd = headline.at(label)
    // An ALL-CAPS headline has no case to read: only places are evidence there, found by
    // looking its words up (`SEES LOWER PROFIT`, a verb in capitals, is not a name).
    if (!/\p{Ll}/u.test(headline.prose)) {
      const mentions = new Mentions(body, (block) => remember(block, 'grams', () => gramsOf(block.prose)))
      for (const found of placesIn(headline.prose, label, lexicon)) {
        if (mentions.ofPlace(found.place, found.text)) continue
        report(headline.span(found.from, found.to), `Unexpected \`${found.text}\` in the headline: the article never mentions it`)
      }
      return
    }
    const uses = article.names.of(headline).filter((use) => use.start >= labelEnd)
    uses.sort((a, b) => a.start - b.start)
    const titleCase = isTitleCase(headline)
    // Only a country or a full name of two or more words is evidence enough; a lone word may be
    // a metonym (`Hollywood deal`), a nickname (`the Addicks`) or a demonym (`Indian title`).
    const after = (group: NameUse[]) => article.source.slice(group[group.length - 1].end, group[group.length - 1].end + 40)
    const candidates = runs(uses, headline)
      .flatMap((group) => splitPlaces(group, lexicon))
      .filter((group) => {
        const phrase = group.map((use) => use.text).join(' ').toLowerCase()
        if (METONYMS.has(phrase)) return false
        const place = isCountryName(phrase) || (isPlace(phrase, lexicon) && !describesEntity(after(group), 0, phrase))
        if (!place && group.length < 2) return false
        // `High Voltage`, `Mission Impossible`: a run of words of the language is a phrase in
        // capitals (a title, a slogan), not a name; names have a word the dictionary lacks
        if (!place && group.every((use) => lexicon.knows(use.text.toLowerCase().replace(/['’]s$/u, '')))) return false
        // a known place is a name even first in the headline (`France seals deal`)
        return group.every((use) => (place || isName(use, use === uses[0], titleCase, lexicon)) && !isPrefix(use, headline))
      })
    if (candidates.length === 0) return
    const mentions = new Mentions(body, (block) => remember(block, 'grams', () => gramsOf(block.prose)))
    for (const group of candidates) {
      // A full name is mentioned when any part of it is: `Tony Blair` by `Mr Blair`.
      const phrase = group.map((use) => use.text).join(' ')
      const place = placeOf(phrase)
      // a place is mentioned in any of its forms, or by another place of its country; a name
      // when any part of it is (`Tony Blair` by `Mr Blair`)
      if (place ? mentions.ofPlace(place, phrase) : group.some((use) => mentions.of(use.text))) continue
      const span = {start: group[0].start, end: group[group.length - 1].end}
      report(span, `Unexpected \`${phrase}\` in the headline: the article never mentions it`)
    }
  }
})

// A single word names a place when the gazetteer knows it; a city, capital or state that is
// also a word of the language (`Reading`, `Mobile`, `Nice`) needs more evidence than a headline gives.
function isPlace(phrase: string, lexicon: Lexicon): boolean {
  const place = placeOf(phrase)
  if (!place) return false
  // `Island` (Iceland's own name) and `Georgia` (a name) are words: a country's common English name is enough, other forms must not be words
  if (place.kind === 'country') return isCountryName(phrase) || !lexicon.knows(phrase)
  if (place.kind === 'demonym' || place.kind === 'region') return true
  // a city or state that is also a word (`Reading`, `Mobile`, `Nice`) is not evidence enough
  return !lexicon.knows(phrase)
}

// A title-case run may hold a place among common words (`Taiwanese Consumers Cut Back`,
// `Saudi Arabia East`): the place stands alone, the other words are not a name.
function splitPlaces(group: NameUse[], lexicon: Lexicon): NameUse[][] {
  if (group.length < 2 || placeOf(group.map((use) => use.text).join(' '))) return [group]
  const found: NameUse[][] = []
  for (let i = 0; i < group.length; i++) {
    for (let n = Math.min(3, group.length - i); n >= 1; n--) {
      const part = group.slice(i, i + n)
      const phrase = part.map((use) => use.text).join(' ').toLowerCase()
      if (METONYMS.has(phrase)) {
        i += n - 1
        break
      }
      if (isCountryName(phrase) || isPlace(phrase, lexicon)) {
        found.push(part)
        i += n - 1
        break
      }
    }
  }
  return found.length ? found : [group]
}

// `French suitor`, `Turkish bank`: a people's name before a word for a firm or a person describes
// one the body may name by its own name (an exchange, a bank) without its country. Wire copy in
// capitals opens its body with a dateline and names the country, so there the demonym counts.
const ENTITY = /^\s+(?:suitor|bidder|buyer|firm|group|giant|bank|banks|company|companies|carrier|airline|carmaker|maker|operator|owner|investor|investors|rival|rivals|team|side|club|star|stars|player|players|minister|leader|president|premier|official|officials|envoy|diplomat|tycoon|billionaire|chief|boss|champion|striker|coach|singer|actor|director|author|writer|police|court|judge|regulator|watchdog|lender|insurer|broker|brewer|retailer|producer|exporter|importer|utility|union|party|title)\b/iu

function describesEntity(prose: string, end: number, phrase: string): boolean {
  return placeOf(phrase)?.kind === 'demonym' && ENTITY.test(prose.slice(end))
}

// The places an ALL-CAPS headline names, longest first (`SOUTH KOREA`, `NEW YORK`), skipping the
// label and tickers in angle brackets (`<IBM.N>`).
function placesIn(prose: string, from: number, lexicon: Lexicon): Array<{text: string; from: number; to: number; place: Place}> {
  // a hyphen joins a place into a longer name (`PETRO-CANADA`): its parts are read too
  const tokens = [...prose.slice(from).matchAll(/<[^>]*>|[\p{L}][\p{L}.'’]*/gu)].map((m) => ({text: m[0], from: from + m.index, to: from + m.index + m[0].length}))
  const found: Array<{text: string; from: number; to: number; place: Place}> = []
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].text.startsWith('<')) continue
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n)
      if (run.some((token) => token.text.startsWith('<'))) continue
      const text = prose.slice(run[0].from, run[n - 1].to)
      const phrase = text.toLowerCase().replace(/['’]s$/u, '')
      if (METONYMS.has(phrase)) break
      const place = placeOf(phrase)
      if (!place) continue
      // in capitals a city may be a word (`MOBILE`, `READING`): a single-word city must not be one
      if (n === 1 && place.kind !== 'demonym' && place.kind !== 'region' && !isCountryName(phrase) && lexicon.knows(phrase)) continue
      found.push({text, from: run[0].from, to: run[0].from + phrase.length, place})
      i += n - 1
      break
    }
  }
  return found
}

/** Whether the body mentions a name, in any of the forms that count. Work is done on demand. */
class Mentions {
  #text: string | undefined
  #compact: string | undefined
  private initials: Set<string> | undefined

  constructor(
    private readonly blocks: readonly Block[],
    private readonly gramsIn: (block: Block) => readonly string[] = (block) => gramsOf(block.prose)
  ) {}

  // The body in lower case, made when first read: a place is looked up in the grams alone.
  private get text(): string {
    return (this.#text ??= ` ${this.blocks.map((block) => block.prose.toLowerCase()).join(' \n ')} `)
  }

  /** The text without the periods inside abbreviations: `u.s.` reads `us.` */
  private get compact(): string {
    return (this.#compact ??= this.text.replace(/\.(?=\p{L})/gu, ''))
  }

  private grams: Set<string> | undefined

  /**
   * Whether the body names a place in any of its forms (`US` for `American`, `Britain` for `UK`)
   * or names another place of the same country (`Chennai` for an `Indian` title, `Australian`
   * for `Melbourne`): a headline may name the country where the body names the city.
   */
  ofPlace(place: Place, written: string): boolean {
    const grams = this.ngrams()
    const own = written.toLowerCase().replace(/\./gu, '')
    if (grams.has(own) || dotless(place.group).some((form) => grams.has(form))) return true
    // a state is its own place: the body naming Texas or the US says nothing of Ohio; its cities do
    if (place.kind === 'state') return meets(grams, setOf(formsInCountry(`state:${place.group[0]}`), false))
    // a city is mentioned by its country's own name, people or capital (`Melbourne` by
    // `Australian`), never by another city of it (`Manchester` by `Liverpool`)
    if (place.kind === 'city') return meets(grams, setOf(countryForms(place.country), true))
    return meets(grams, setOf(formsInCountry(place.country), true))
  }

  /**
   * The body's capitalized words and runs of up to three words that start and end with one
   * (`New York`, `Bosnia and Herzegovina`), lower-cased, without possessives or abbreviation
   * periods: `us` the pronoun is not `US`.
   */
  private ngrams(): Set<string> {
    if (this.grams) return this.grams
    const grams = new Set<string>()
    for (const block of this.blocks) for (const gram of this.gramsIn(block)) grams.add(gram)
    this.grams = grams
    return grams
  }

  of(name: string): boolean {
    const lower = name.toLowerCase().replace(/\./gu, '')
    // The name or a word that shares most of its stem, at a word start: `Japan`, `Japanese`,
    // `Trump’s`, `China`/`Chinese`, `Korea`/`Korean`, `U.S.` for `US`.
    const stem = lower.length < 4 ? lower : lower.slice(0, Math.max(4, Math.ceil(lower.length * 0.6)))
    if (atWordStart(this.compact, stem, lower.length < 4)) return true
    // a word of a longer name that is a place (`Tokyo` in `Tokyo Electric`): any form of the place
    const place = placeOf(lower)
    if (place && this.ofPlace(place, name)) return true
    for (const group of RELATED) {
      if (group.includes(lower) && group.some((form) => new RegExp(`(?<![\\p{L}])${escape(form)}(?![\\p{L}])`, 'u').test(this.text))) return true
    }
    if (/^\p{Lu}{2,6}$/u.test(name) && this.acronyms().has(lower)) return true
    // `Utd` for `United`, `Govt` for `Government`: a short form inside a longer word.
    if (lower.length <= 4) {
      for (const word of this.text.match(/\p{L}+/gu) ?? []) if (abbreviates(lower, word)) return true
    }
    return false
  }

  /** Initials of runs of capitalized words: `European Union` -> `eu`, `Bank of England` -> `boe`. */
  private acronyms(): Set<string> {
    if (this.initials) return this.initials
    const initials = new Set<string>()
    for (const block of this.blocks) {
      for (const run of block.prose.match(/\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|and|the|for|de|du|la|von|van|&)\s+)?\p{Lu}[\p{L}'’-]*)+/gu) ?? []) {
        const words = run.split(/\s+/u).filter((word) => !LINKING.has(word))
        for (let from = 0; from < words.length; from++) {
          let letters = ''
          for (let to = from; to < words.length && to < from + 6; to++) {
            letters += words[to][0].toLowerCase()
            if (letters.length >= 2) initials.add(letters)
          }
        }
      }
    }
    this.initials = initials
    return initials
  }
}

const LETTER = /\p{L}/u
const SURROGATE = /[\uD800-\uDFFF]/u

/**
 * Whether `text` has `stem` at the start of a word (no letter before it), and when `whole`, as a
 * whole word: `/(?<!\p{L})stem(?!\p{L})/u`, found by indexOf, as one such expression compiled
 * for each name and tried at every character of the body took longer. A stem with half an astral
 * character is left to the expression, which never matches half of one.
 */
function atWordStart(text: string, stem: string, whole: boolean): boolean {
  if (stem === '' || SURROGATE.test(stem)) return new RegExp(`(?<![\\p{L}])${escape(stem)}${whole ? '(?![\\p{L}])' : ''}`, 'u').test(text)
  for (let at = text.indexOf(stem); at !== -1; at = text.indexOf(stem, at + 1)) {
    if (at > 0 && LETTER.test(String.fromCodePoint(codePointBefore(text, at)))) continue
    const after = at + stem.length
    if (whole && after < text.length && LETTER.test(String.fromCodePoint(text.codePointAt(after)!))) continue
    return true
  }
  return false
}

// The code point that ends at `at` (a surrogate pair read as one).
function codePointBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1)
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2)
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000
  }
  return code
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

function abbreviates(short: string, long: string): boolean {
  if (long.length <= short.length || long[0] !== short[0]) return false
  let at = 0
  for (const letter of long) if (letter === short[at]) at++
  return at === short.length
}

// Consecutive capitalized words of the headline form one name: `Donald Trump`.
function runs(uses: readonly NameUse[], headline: Block): NameUse[][] {
  const groups: NameUse[][] = []
  for (const use of uses) {
    const last = groups[groups.length - 1]
    const previous = last?.[last.length - 1]
    if (previous && /^\s+$/u.test(sliceOf(headline, previous.end, use.start))) last.push(use)
    else groups.push([use])
  }
  return groups
}

function sliceOf(block: Block, start: number, end: number): string {
  const from = block.segments.find((segment) => segment.source <= start && start <= segment.source + segment.length)
  if (!from) return ''
  const index = from.from + (start - from.source)
  return block.prose.slice(index, index + (end - start))
}

// In a sentence-case headline every capitalized word but the first is a name; the first, and
// every word of a title-case headline, is a name only when it is not a word of the language.
function isName(use: NameUse, first: boolean, titleCase: boolean, lexicon: Lexicon): boolean {
  if (!first && !titleCase) return true
  if (/^\p{Lu}{2,}$/u.test(use.text)) return true
  return !lexicon.knows(use.text.toLowerCase())
}

// `Pre-poll clash`: a capitalized prefix of a compound is not a name.
function isPrefix(use: NameUse, headline: Block): boolean {
  return sliceOf(headline, use.end, use.end + 2).match(/^-\p{Ll}/u) !== null && use.text.length <= 5 && !isCountryName(use.text)
}

function isTitleCase(headline: Block): boolean {
  const words = headline.prose.match(/\p{L}+/gu) ?? []
  const long = words.filter((word) => word.length > 3)
  const capitalized = long.filter((word) => /^\p{Lu}/u.test(word))
  return long.length >= 3 && capitalized.length / long.length > 0.6
}

// A list of forms without their abbreviation periods (`u.s.` -> `us`), made once per list: a
// country's forms run to thousands (every city of the US), asked of every headline naming it.
const dotlessLists = new WeakMap<readonly string[], readonly string[]>()
function dotless(forms: readonly string[]): readonly string[] {
  let list = dotlessLists.get(forms)
  if (list === undefined) {
    list = forms.map((form) => (form.includes('.') ? form.replace(/\./gu, '') : form))
    dotlessLists.set(forms, list)
  }
  return list
}

// A list of forms as a set, without their periods when asked, made once per list: whether the
// body names one is asked by its grams, fewer than the thousands of forms of a country such as
// the US (each looked up in the grams for every headline naming an American place).
const formSets = [new WeakMap<readonly string[], ReadonlySet<string>>(), new WeakMap<readonly string[], ReadonlySet<string>>()]
function setOf(forms: readonly string[], withoutPeriods: boolean): ReadonlySet<string> {
  const sets = formSets[withoutPeriods ? 1 : 0]
  let set = sets.get(forms)
  if (set === undefined) {
    set = new Set(withoutPeriods ? dotless(forms) : forms)
    sets.set(forms, set)
  }
  return set
}

// Whether two sets share a member, looked up from the smaller.
function meets(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [few, many] = a.size <= b.size ? [a, b] : [b, a]
  for (const member of few) if (many.has(member)) return true
  return false
}

/**
 * The capitalized words of a paragraph and its runs of up to three words that start and end with
 * one (`New York`, `Bosnia and Herzegovina`), lower-cased, without possessives or abbreviation
 * periods: `us` the pronoun is not `US`.
 */
function gramsOf(prose: string): string[] {
  const grams = new Set<string>()
  const words = (prose.replace(/\.(?=\p{L})/gu, '').match(/[\p{L}][\p{L}'’-]*/gu) ?? []).map(withoutPossessive)
  const capital = isCapitalized
  words.forEach((word, i) => {
    // `Petro-Canada` names Canada
    if (word.includes('-')) for (const part of word.split('-')) if (capital(part)) grams.add(part.toLowerCase())
    if (!capital(word)) return
    grams.add(word.toLowerCase())
    // (the last word tested before the run is made: most runs end in a small word)
    if (i + 2 <= words.length && capital(words[i + 1])) grams.add(`${word} ${words[i + 1]}`.toLowerCase())
    if (i + 3 <= words.length && capital(words[i + 2])) grams.add(`${word} ${words[i + 1]} ${words[i + 2]}`.toLowerCase())
  })
  return [...grams]
}
