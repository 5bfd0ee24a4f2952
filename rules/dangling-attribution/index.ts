// An attribution that lost its verb (`"...," he.`, `..., the Treasury Department.`) or was cut off
// into a sentence of its own (`According to sources, 2025.`). It reads each sentence: a speaker
// with no verb at its end, after a quotation or a reported statement, told from an apposition by
// part-of-speech tags and what stands before the comma. The repairs restore the verb in the
// article's own tense or join the attribution to its sentence; a person confirms them.
import {isAbbreviation} from '../../src/abbreviations.js'
import type {Article, Block} from '../../src/article.js'
import {openerOf, quoteMarks, quoteOpen, type QuoteMark} from '../../src/quotes.js'
import {countWords, isSpace} from '../../src/text.js'
import {defineRule, type RuleContext} from '../../src/rule.js'
import {tag, type Token} from './tagger.js'
import {BODIES, PAPERS, PERSONS, ROLES, SPEECH, TIMES, TITLES} from './words.js'

type Report = RuleContext<object, undefined>['report']

/** The verbs to restore, in the tense the article attributes in. */
interface Tense {
  said: string
  told: string
  asked: string
}

// `"We will win," he.`: a quotation closed with a comma (inside or outside the marks), `?` or `!`,
// then the rest of the sentence, which is its attribution when the quotation opened the sentence.
const QUOTE_END = /(?:,\s*["”’']|["”’']\s*,|([?!])["”’'])\s+([^"“”;:()]+?)(?:\.\s+)*\.$/du
// `"...," Mr Goodman, "and there is more."`: a quotation interrupted by its speaker.
const INTERRUPTED = /,\s*["”]\s+([^"“”,;:()]+?),\s*["“](?=\p{Ll})/gu
// `Mr Smith: "We will win."`: a speaker, a colon and a quotation opening a sentence (after `But`).
// `He, "There is no reason."` too, when the quotation opens with a capital.
// An introduction may stand before the speaker: `In an e-mail on Wednesday, Conte: "..."`,
// `Calling for calm, he, "There is no reason to panic."`.
const BEFORE_QUOTE = /^(?:(?:But|And|Yet|However,?)\s+)?(?:(?:[^:"“”,;()]{1,120}?),\s+(?=[^:"“”,;()]{1,80}?(?::\s*["“]|,\s*["“]\p{Lu})))?([^:"“”,;()]{1,80}?)(?::|,(?=\s*["“]\p{Lu}))\s*["“]/du
// `Rates will rise, the group.`: the last comma-separated part of a sentence.
// A doubled period (`conversations. .`) is another rule's; the attribution is before it.
// No part after its first comma holds another, so a match starts at the last comma of the
// sentence: the expression is sticky and tried there only.
const TAIL = /,["”’']?\s+((?:[^,;:"“”()]|\(\p{Lu}{2,}\s*\))+?)(?:\.\s+)*\.$/duy
// `According to sources, 2025.`: an attribution alone, with at most a stray number after it.
// The look-behind comes after the phrase, so it is tried only where the phrase is (before it, it
// scanned back over a run of spaces at every space).
const ORPHAN = /According(?<=(?:^|[.!?]["”’]?\s+)According) to ([^,.;:!?]{1,60}?)(?:, [\d\s%.,-]{0,12})?\.(?=\s|$)/gu
// A verb in the phrase means it is a clause, not a bare attribution (`the people who spoke`).
const VERB = /\b(?:said|says|say|told|tell|added|adds|spoke|speak|speaking|asked|declined|confirmed|is|are|was|were|has|have|had|will|would)\b/u
// Subject pronouns: `"...," he.` Object pronouns (`him`, `them`) never attribute.
const SUBJECTS = new Set(['he', 'she', 'they', 'we', 'i', 'it'])
const DETERMINERS = /^(?:the|a|an|its|his|her|their|our|two|three|four|five|six|several|some|many|other|senior|top)$/iu
// Months and days: `Rates will rise in March, the Treasury Department.` is not an apposition.
const CALENDAR = /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/u
const MAX_WORDS = 12
// Verbs, finite or after a modal, that the tagger reads as verbs (not after an article, where
// `said` is an adjective and `will` or `can` a noun: `..., the said company.`, `..., a can of
// beans.`), and the pronouns that open the clause of a lost `said`.
const FINITE = /(?<!\b(?:the|a|an|this|that) )\b(?:said|says|say|told|tells|added|adds|is|are|was|were|be|has|have|had|did|does|will|would|can|could|should|may|might|must)\b/u
// A tail whose speaker would hold a verb: `according to ...`, a subject pronoun and a verb (not a
// word that may be a plural noun: `it states`, `he notes`).
const OWN_VERB = /^(?:according to|(?:he|she|it|they|we|I) (?:said|says|say|told|tells|added|adds|is|are|was|were|has|have|had|did|does|will|would|can|could|should|may|might|must|explained|warned|argued|insisted|wrote|writes|claimed|asked|noted|replied))(?= |$)/u
// A verb of saying that ends the words before a colon (not `states`: in `the Constitution
// states:` the tagger reads a noun).
const SAID_LAST = /(?:^|\s)(?:said|says|told|added|adds|wrote|writes|explained|asked|warned|insisted|argued|replied)$/u
const CLAUSE_PRONOUN = /\b(?:he|she|it|they|we|i|his|her|its|their)\b/iu
// `Acme writer Jane Doe it's a fair price.`: a sentence that opens with a name and a pronoun.
const NAMED_CLAUSE = /^(?:(?:But|And) )?(?:[\p{L}'’.-]+ ){0,5}\p{Lu}[\p{L}'’.-]* (?:he|she|it|they|we|I|his|her|its|their)[\s'’]/u
// Words that open a tail with no speaker: read as ADP, SCONJ, ADV, AUX or VERB there.
const OPENS_CLAUSE = /^(?:where|when|while|although|with|from|like|as|in|during|despite|against|under|along|if|also|rather|even|said|was|is)$/u
const REPORTING = /^(?:says|reports|notes|finds|shows|suggests|claims|warns|adds|states|estimates|argues|concludes|reveals|predicts|explains|writes|insists|recalls)$/u
// Plurals of people: `..., traders.`, `..., market sources.`
const PLURAL = /(?:[^s]s|people|police|staff)$/u
// Possessive determiners, which the tagger calls pronouns: `"...," his wife, Sheila.`
const POSSESSIVES = /^(?:his|her|its|their|our|my|your)$/iu
// Nouns for people by their form, which no list can hold all of: `futurologist`, `statistician`.
const AGENT = /^\p{Ll}{3,}(?:[^l]ist|ician)s?$/u

// Whether a text opens with a capital (\p{Lu}) or a lower-case letter (\p{Ll}): by code for an
// ASCII first character, by the expression otherwise. (Exported for their test.)
export function opensUpper(text: string): boolean {
  const code = text.charCodeAt(0)
  return code < 0x80 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(text)
}
export function opensLower(text: string): boolean {
  const code = text.charCodeAt(0)
  return code < 0x80 ? code >= 97 && code <= 122 : /^\p{Ll}/u.test(text)
}

// Sets of part-of-speech tags, read where an expression listed them.
const TAGS_ADJ_ADP_DET = new Set(['ADJ', 'ADP', 'DET'])
const TAGS_ADJ_CCONJ_DET_NOUN_PART_PROPN = new Set(['ADJ', 'CCONJ', 'DET', 'NOUN', 'PART', 'PROPN'])
const TAGS_ADJ_DET_NOUN_NUM_PRON_PROPN = new Set(['ADJ', 'DET', 'NOUN', 'NUM', 'PRON', 'PROPN'])
const TAGS_ADJ_NOUN = new Set(['ADJ', 'NOUN'])
const TAGS_ADP_ADV_SCONJ = new Set(['ADP', 'ADV', 'SCONJ'])
const TAGS_ADP_CCONJ_DET_SCONJ = new Set(['ADP', 'CCONJ', 'DET', 'SCONJ'])
const TAGS_AUX_VERB = new Set(['AUX', 'VERB'])
const TAGS_DET_NOUN_PRON_PROPN = new Set(['DET', 'NOUN', 'PRON', 'PROPN'])
const TAGS_DET_NUM_PROPN = new Set(['DET', 'NUM', 'PROPN'])
const TAGS_NOUN_PRON_PROPN = new Set(['NOUN', 'PRON', 'PROPN'])
const TAGS_NOUN_PROPN = new Set(['NOUN', 'PROPN'])

export default defineRule({
  id: 'dangling-attribution',
  summary: 'An attribution that lost its verb or its sentence, such as `"...," he.` or `..., the five people familiar with conversations.`',
  fix: 'suggest',
  options: {},
  check(_tree, _file, {article, report, remember}) {
    const evidence = evidenceOf(article)
    for (const block of article.blocks) {
      if (block.kind !== 'body' && block.kind !== 'quotation') continue
      // A paragraph's findings depend on it and on the few things it asked of the rest of the
      // article (whether a name is quoted elsewhere, the tense): an editor's re-lint reads again
      // only the paragraphs that changed, or whose answers did.
      remember(
        block,
        '',
        (say) => {
          const asked: Asked[] = []
          checkBlock(block, recording(evidence, asked), say)
          return asked
        },
        (asked) => asked.every(([question, subject, answer]) => evidence.ask(question, subject) === answer)
      )
    }
  }
})

function checkBlock(block: Block, evidence: Evidence, report: Report) {
  const verbs = () => tenseOf(evidence.ask('present', '') as boolean)
  const {prose} = block
  const marks = quoteMarks(prose)
  const ranges = sentences(prose, block.bodyStart)
  for (let index = 0; index < ranges.length; index++) {
    const from = ranges[index][0]
    const text = prose.slice(from, ranges[index][1])
    // Cheap tests before the expressions, which a cold run reads slowly: QUOTE_END and TAIL end
    // at a final period; QUOTE_END needs a quotation mark, TAIL and INTERRUPTED a comma, and
    // INTERRUPTED and BEFORE_QUOTE a double quotation mark.
    const period = text.charCodeAt(text.length - 1) === 46
    const comma = text.includes(',')
    const double = text.includes('"') || text.includes('“')
    const quoted = period && (double || text.includes('”') || text.includes('’') || text.includes("'")) ? QUOTE_END.exec(text) : null
    const close = quoted ? from + quoted.index + quoted[0].search(/["”’']/u) : -1
    if (quoted && opensSentence(prose, openerOf(marks, close), block.bodyStart)) {
      afterQuotation(block, from + quoted.indices![2]![0], quoted[2], quoted[1] === '?', verbs, report)
    } else if (period && comma) afterStatement(block, from, text, evidence, marks, verbs, report)
    if (NAMED_CLAUSE.test(text) && !quoteOpen(marks, from)) namedClause(block, from, text, verbs, report)
    // (BEFORE_QUOTE ends in an opening mark: a sentence with none, two in three, is not tried;
    // the expression's lazy repetitions cost more there than the look for a mark)
    // (nor a sentence whose opening marks have no colon or comma before them: three in five of
    // the rest)
    const colon = double && markAfterColon(text) ? BEFORE_QUOTE.exec(text) : null
    if (colon && !quoteOpen(marks, from)) beforeQuotation(block, from + colon.indices![1]![0], colon[1], evidence, verbs, report)
    if (!comma || !(double || text.includes('”'))) continue
    for (const match of text.matchAll(INTERRUPTED)) {
      const start = from + match.index + match[0].indexOf(match[1], 2)
      if (opensSentence(prose, openerOf(marks, start - 2), block.bodyStart)) afterQuotation(block, start, match[1], false, verbs, report)
    }
  }
  // (ORPHAN opens with its phrase: a paragraph without it, nearly all, is not read again)
  if (prose.includes('According')) for (const match of prose.matchAll(ORPHAN)) orphan(block, match, report)
}

// Whether an opening double mark (`"`, `“`) follows a colon or a comma, white space between at
// most: where BEFORE_QUOTE can end. (Exported for its test.)
// (each mark found by indexOf: a loop over every character ran slower in a cold run)
export function markAfterColon(text: string): boolean {
  return afterColon(text, '"') || afterColon(text, '“')
}

function afterColon(text: string, mark: string): boolean {
  for (let at = text.indexOf(mark, 1); at !== -1; at = text.indexOf(mark, at + 1)) {
    let back = at - 1
    while (back >= 0 && isSpace(text.charCodeAt(back))) back--
    if (back >= 0 && (text.charCodeAt(back) === 58 || text.charCodeAt(back) === 44)) return true
  }
  return false
}

// What a paragraph may ask of the rest of the article: whether it attributes in the present
// tense (`says` more often than `said`), whether it writes a word in lower case, how often it
// uses a name, whether it quotes a name elsewhere (`Smith said`).
type Question = 'present' | 'lower' | 'count' | 'quoted'
type Asked = [Question, string, boolean | number]

interface Evidence {
  ask(question: Question, subject: string): boolean | number
}

// The answers for one article, each worked out once.
function evidenceOf(article: Article): Evidence {
  const answers = new Map<string, boolean | number>()
  let attributions: Attributions | undefined
  const work = (question: Question, subject: string): boolean | number => {
    if (question === 'present') return article.count(SAYS) > article.count(SAID)
    if (question === 'lower') return article.names.lower.has(subject)
    if (question === 'count') return article.names.count(subject)
    return quotedElsewhere(subject, (attributions ??= attributionsOf(article.source)))
  }
  return {
    ask(question, subject) {
      const key = `${question} ${subject}`
      let answer = answers.get(key)
      if (answer === undefined) answers.set(key, (answer = work(question, subject)))
      return answer
    }
  }
}

// Evidence that writes down each question and its answer.
function recording(evidence: Evidence, asked: Asked[]): Evidence {
  return {
    ask(question, subject) {
      const answer = evidence.ask(question, subject)
      asked.push([question, subject, answer])
      return answer
    }
  }
}

// A quotation opens its sentence when nothing but the end of another sentence, a colon or a dash
// stands before it (`He paused. "We will win," he.`), not mid-sentence (`He called it "a
// disaster," the worst in years.`).
function opensSentence(prose: string, opener: number, start: number): boolean {
  if (opener < start) return false
  const before = prose.slice(start, opener).trimEnd()
  return before === '' || /[.!?:…—–-]["”’')\]]?$/u.test(before)
}

// Sentences of a block as [from, to) ranges: a period, `?` or `!` (with closing marks) before
// white space and a capital, a quote or a digit; never the period of an abbreviation (`Ms.
// Chambers`, `Lt. Kevin Donovan`, `D-Mass.`), and never `?"` before a lower-case word (`"Why?"
// he asked.`). (Exported for its test.)
export function sentences(prose: string, start: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let from = skipSpace(prose, start)
  // (read with `exec` from the start, not `matchAll`, whose iterator is more to run cold and to
  // compile)
  SENTENCE_END.lastIndex = 0
  for (let match = SENTENCE_END.exec(prose); match !== null; match = SENTENCE_END.exec(prose)) {
    const end = match.index + match[0].length
    if (end <= from) continue
    // The first character after the white space, in the next eight characters (by hand: this runs
    // at every period of every paragraph).
    const after = skipSpace(prose, end)
    const limit = Math.min(prose.length, end + 8)
    const next = after < limit
    if (next && !opensAfterPeriod(prose, after, limit)) continue
    // (only a period before another sentence can be an abbreviation's)
    if (next && match[1] === '.' && match[0] === '.') {
      // Read backwards (an expression anchored at the end was quadratic on a long run of marks).
      const run = prose.slice(Math.max(wordStart(prose, match.index), from), match.index)
      // (a word that opens with an ASCII letter has no lead to cut)
      const word = /^[A-Za-z]/.test(run) ? run : run.replace(/^[^\p{L}]+/u, '')
      // (`No problem, I.` ends with the pronoun, not an initial)
      const pronoun = word === 'I' && /,\s$/u.test(prose.slice(Math.max(0, match.index - 3), match.index - 1))
      if (word && !pronoun && isAbbreviation(`${word}.`)) continue
    }
    ranges.push([from, end])
    from = after
  }
  // (`from` is past white space: what is left, if anything, is a sentence without its mark)
  if (from < prose.length) ranges.push([from, prose.length])
  return ranges
}

// Whether the character at `at` may open a sentence after a period (SENTENCE_OPENER), read no
// further than `limit`: a surrogate pair cut there is read as its first half. By hand for ASCII
// and the curly quotation marks, which is all but a few of them.
function opensAfterPeriod(prose: string, at: number, limit: number): boolean {
  const code = prose.charCodeAt(at)
  if (code < 0x80) return (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 34 || code === 39 || code === 40
  if (code === 0x201c || code === 0x2018) return true
  return SENTENCE_OPENER.test(String.fromCodePoint(at + 1 < limit ? prose.codePointAt(at)! : code))
}

// A sentence's end: a period, `?` or `!`, its closing marks, then white space or the end.
const SENTENCE_END = /([.!?])["”’')\]]*(?=\s|$)/gu

// What may open a sentence after a period: a capital, a digit, a quotation or a bracket.
const SENTENCE_OPENER = /^[\p{Lu}\d"“‘'(]/u

// Where the run of characters other than white space that ends at an index starts (code unit by
// code unit: a surrogate, paired or not, is no white space).
function wordStart(text: string, end: number): number {
  while (end > 0 && !isSpace(text.charCodeAt(end - 1))) end--
  return end
}

// Where the white space (`\s`) that starts at an index ends.
function skipSpace(text: string, index: number): number {
  while (index < text.length && isSpace(text.charCodeAt(index))) index++
  return index
}

// `"We will win," he.`, `"...," chief executive Tim Cook.`, `"...," the group.`: after a quotation
// that opens the sentence, anything up to the end with no verb is a speaker without one.
function afterQuotation(block: Block, start: number, rest: string, question: boolean, verbs: () => Tense, report: Report) {
  if (rest.split(/\s+/u).length > 3 * MAX_WORDS) return
  // A finite verb before any apposition or clause of time is the speaker's own (`"...," he said.`,
  // `"...," Jane Doe, who has ...` is read on), decided before the tagger.
  const finite = FINITE.exec(rest)
  const stop = rest.search(/,|\b(?:who|which|when|as|after|before|while)\b/u)
  if (finite && (stop === -1 || finite.index < stop)) return
  const tokens = words(tag(rest))
  // `"...," Ken Kim, an analyst at Stone & McCarthy.` lost `said` before the name: the speaker is
  // the part before the apposition, which may have verbs of its own (`Scott, who won the race,
  // his third title.`), but none that opens a later part (`Smith, 45, admitted.`) and no verb of
  // saying (`Jane Doe, an Acme spokeswoman told the BBC.`).
  // `"...," rally driver Dave Hawkins who runs the firm.`: a relative clause is an apposition too.
  const comma = rest.search(/,| (?:who|which) /u)
  const speaker = comma === -1 ? rest : rest.slice(0, comma)
  const split = tokens.findIndex((token) => token.text === ',' || /^(?:who|which)$/u.test(token.text))
  const head = split === -1 ? tokens : tokens.slice(0, split)
  if (head.length > MAX_WORDS) return
  if (head.some((_, index) => isVerb(head, index))) {
    // `"...," Jane Doe when she returned from Oslo.`: a clause of time after the speaker.
    const when = head.findIndex((token) => TAGS_ADP_ADV_SCONJ.has(token.tag) && /^(?:when|as|after|before|while)$/u.test(token.text))
    const named = head.slice(0, when)
    if (split !== -1 || when < 1 || named.some((_, index) => isVerb(head, index)) || !isSpeaker(named)) return
    const cut = offsetOf(rest, tokens, when)
    flag(block, start, rest, `${rest.slice(0, cut).trimEnd()} ${question ? verbs().asked : verbs().said} ${rest.slice(cut)}`, report)
    return
  }
  if (split !== -1) {
    // Any later part that opens with a verb, or says who spoke, is the attribution's own verb.
    const chunks: Token[][] = [[]]
    for (const token of tokens.slice(split + 1)) {
      if (token.text === ',') chunks.push([])
      else chunks[chunks.length - 1].push(token)
    }
    for (const chunk of chunks) {
      if (chunk.length === 0) continue
      if (isVerb(chunk, 0) && !/ing$/u.test(chunk[0].text)) return
      if (!/^(?:who|which|that)$/u.test(chunk[0].text) && chunk.some((token) => SPEECH.test(token.text))) return
    }
  }
  if (!isSpeaker(head)) return
  const tense = verbs()
  const verb = question ? tense.asked : tense.said
  // With an apposition the verb may have stood before the name or after the apposition (`"...,"
  // Jane Doe, a researcher at Acme told the BBC.`): the message spans both.
  if (comma !== -1) flag(block, start, rest, `${verb} ${rest}`, report)
  else flag(block, start, speaker, withVerb(speaker, head, verb, tense.told, true), report)
}

// `Acme writer Jane Doe it's a fair price.`: a sentence whose named speaker lost the `said`
// before the clause it reported.
function namedClause(block: Block, from: number, text: string, verbs: () => Tense, report: Report) {
  const opener = /^(?:(?:But|And) )?/u.exec(text)![0]
  if (!titledBeforePronoun(text.slice(opener.length))) return
  const tokens = words(tag(text.slice(opener.length)))
  const at = complementAt(tokens)
  if (at === -1) return
  const phrase = text.slice(opener.length).replace(/[.!?]["”’]?$/u, '')
  const cut = offsetOf(phrase, tokens, at)
  flag(block, from + opener.length, phrase, `${phrase.slice(0, cut).trimEnd()} ${verbs().said} ${phrase.slice(cut)}`, report)
}

// Whether the words before the first pronoun of a sentence can be a named speaker, read before
// the tagger: the speaker of a lost `said` is a name after a label (`Acme writer Jane Doe it's a
// fair price.`), which has a lower-case word, or after a title (`Mr Doe his song had been
// copied.`). Capitals alone with neither (`If they ...`, `In his ...`: most sentences the
// expression for a named clause finds) are no such name; neither is no word at all (`He ...`).
// The pronoun `I` alone ends the search too (`When I ...`, `If I ...`, `I think ...`: nine in ten
// of the sentences web copy brought here): the tagger reads `I` as PRON (on all 1,496 of the three
// corpora and their damaged copies, and in `World War I`), so the clause's pronoun comes after
// capitals alone. (A word with a lower-case part, `Obama-era`, or one holding `I` otherwise,
// `I’m`, which the tagger may read as one word, is left to the tagger.)
// (Exported for its test.) The words are read by hand where they are ASCII, nearly all of them;
// a word with any other character is read by the expressions, as before.
export function titledBeforePronoun(text: string): boolean {
  let at = 0
  while (at < text.length) {
    let end = at
    let ascii = true
    while (end < text.length && !isSpace(text.charCodeAt(end))) {
      if (text.charCodeAt(end) >= 0x80) ascii = false
      end++
    }
    // (an empty word, before a leading space, holds no pronoun and no letter)
    if (end > at) {
      const said = ascii ? asciiWord(text, at, end) : otherWord(text.slice(at, end))
      if (said !== undefined) return said
    }
    at = end + 1
    while (at < text.length && isSpace(text.charCodeAt(at))) at++
  }
  return true
}

// What a word says of the speaker before a pronoun: false for the pronoun itself, true for a word
// with a lower-case part, `I`, a title or a word for a person, undefined for capitals alone.
function otherWord(word: string): boolean | undefined {
  if (/^(?:he|she|it|they|we|his|her|its|their)(?:['’]\p{L}*)?[^\p{L}\p{N}]*$/u.test(word) || /^I[^\p{L}\p{N}'’]*$/u.test(word)) return false
  const parts = word.match(/\p{L}+/gu) ?? []
  if (parts.some((part) => !opensUpper(part) || part === 'I' || TITLES.has(part.toLowerCase()) || PERSONS.has(part.toLowerCase()))) return true
  return undefined
}

// The same for an ASCII word, text[from, to), read by code.
function asciiWord(text: string, from: number, to: number): boolean | undefined {
  const letter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  const alnum = (code: number) => letter(code) || (code >= 48 && code <= 57)
  const none = (start: number, extra: number) => {
    for (let at = start; at < to; at++) if (alnum(text.charCodeAt(at)) || text.charCodeAt(at) === extra) return false
    return true
  }
  // A pronoun: its letters, then `'` and letters at most, then no letter or digit.
  let run = from
  while (run < to && letter(text.charCodeAt(run))) run++
  if (PRONOUN_WORDS.has(text.slice(from, run))) {
    let rest = run
    if (rest < to && text.charCodeAt(rest) === 39) {
      rest++
      while (rest < to && letter(text.charCodeAt(rest))) rest++
    }
    if (none(rest, -1)) return false
  }
  if (text.charCodeAt(from) === 73 && none(from + 1, 39)) return false
  for (let at = from; at < to; ) {
    if (!letter(text.charCodeAt(at))) {
      at++
      continue
    }
    const start = at
    while (at < to && letter(text.charCodeAt(at))) at++
    const first = text.charCodeAt(start)
    if (first >= 97) return true
    const part = text.slice(start, at)
    const lower = part.toLowerCase()
    if (part === 'I' || TITLES.has(lower) || PERSONS.has(lower)) return true
  }
  return undefined
}

const PRONOUN_WORDS = new Set(['he', 'she', 'it', 'they', 'we', 'his', 'her', 'its', 'their'])

// `He: "We will win."`, `A Defra spokesman: "..."`, `Moyes: "..."`: `said` lost before a colon. A
// bare name counts only where the article quotes it elsewhere or names it again (a label such
// as `Update: "..."` does neither).
function beforeQuotation(block: Block, start: number, phrase: string, evidence: Evidence, verbs: () => Tense, report: Report) {
  if (phrase.split(/\s+/u).length > MAX_WORDS) return
  // `He added: "..."`, `Acme chief executive Jane Doe said: "..."`: a verb of saying ends the
  // phrase, so the speaker, or what follows it, holds a verb. Decided before the tagger, which
  // reads these words there as verbs (on all 231 such phrases of the corpora and their damaged
  // copies).
  if (SAID_LAST.test(phrase)) return
  const all = words(tag(phrase))
  // `Mr Doe with a grin: "..."`: what followed the lost verb may stand after the speaker.
  const at = speakerKind(all) ? -1 : adjunctAt(all)
  const tokens = at === -1 ? all : all.slice(0, at)
  if (tokens.some((_, index) => isVerb(all, index))) return
  if (at !== -1 && !verblessAdjunct(all.slice(at))) return
  const kind = speakerKind(tokens)
  if (!kind) return
  if (kind === 'bare-name') {
    // `Like, "Look, ..."` is a word of the language, not a name.
    const name = at === -1 ? phrase : phrase.slice(0, offsetOf(phrase, all, at)).trimEnd()
    if (name.split(' ').some((word) => evidence.ask('lower', word.toLowerCase()))) return
    if (!evidence.ask('quoted', name) && (evidence.ask('count', name) as number) < 2) return
  }
  const tense = verbs()
  flag(block, start, phrase, at === -1 ? withVerb(phrase, tokens, tense.said, tense.told) : verbAt(phrase, all, at, tense), report)
}

// `Allies will back the effort, the five people familiar with the talks.`: a statement, a comma,
// and a speaker with no verb; not an apposition (`... met Smith, the group's chairman.`).
function afterStatement(block: Block, from: number, text: string, evidence: Evidence, marks: readonly QuoteMark[], verbs: () => Tense, report: Report) {
  TAIL.lastIndex = text.lastIndexOf(',')
  const match = TAIL.exec(text)
  if (!match) return
  const tail = match[1]
  // (a long tail, one in four, is counted, not split)
  if (countWords(tail, MAX_WORDS) > MAX_WORDS) return
  const parts = tail.split(/\s+/u)
  const first = parts[0].toLowerCase()
  // A subject pronoun alone after a comma is never a vocative or an apposition, even inside a
  // quotation whose closing mark was lost; anything else inside a quotation is the speaker's own
  // (`"I agree. Thank you, John. We go on."`).
  const pronoun = SUBJECTS.has(first)
  const start = from + match.indices![1]![0]
  if (!pronoun && quoteOpen(marks, start)) return
  // Cheap test before the tagger: the tail starts with a pronoun, a determiner or a capital, or
  // names a person or body.
  const named = () =>
    opensUpper(parts[0]) ||
    parts.some((part) => {
      const word = part.toLowerCase()
      return PERSONS.has(word) || BODIES.has(word)
    })
  if (!pronoun && !DETERMINERS.test(first) && !named()) return
  // Nor a tail with a finite verb and no pronoun, which is a clause with its verb (`..., the
  // company said.`, `..., which was rare.`): only a pronoun can start the clause of a lost `said`
  // (`..., Jane Doe it was over.`).
  if (FINITE.test(tail) && !CLAUSE_PRONOUN.test(tail)) return
  // Nor a tail that opens with a verb (`..., according to the agency.`) or with a subject pronoun
  // and its verb (`..., she said.`, `..., they say it works.`): the speaker read below would hold
  // that verb, which ends the search, and the lost `said` of a named clause follows a name, never
  // the first word. Decided before the tagger, which reads these words there as PRON then VERB or
  // AUX (on all 480 such tails of the three corpora and their damaged copies).
  if (OWN_VERB.test(tail)) return
  // Nor a tail that opens with a preposition, a conjunction of time or place, an adverb or a verb
  // (`..., with the group in charge.`, `..., where officials met.`, `..., also in March.`): what
  // the tagger reads as ADP, SCONJ, ADV, AUX or VERB opens no speaker (speakerKind, complementAt:
  // a phrase opening with a lower-case word other than a noun, an adjective, a determiner, a
  // number or a pronoun names no one). Decided before the tagger, which reads these words there
  // so (on all 4,534 tails it read in the three corpora and their damaged copies; 267 open with
  // one of them, and none was flagged).
  if (OPENS_CLAUSE.test(parts[0])) return
  // The tail is tagged from the word before its comma on, and the whole sentence only when the
  // tail is a speaker (a sentence of 25 words on average, its tail of 7; most tails are no
  // speaker). The tagger gave the words after the comma the same tags either way on every
  // sentence of the three corpora and their damaged copies that could reach here
  // (`scripts/tail-window.ts`: 10,194, none differs), but not on every text: a tail opening with
  // `as` or `for` may read SCONJ alone and ADP in the whole sentence (`He would close now, as the
  // market recovered.`); such tails are settled above (OPENS_CLAUSE), or name no speaker.
  const after = tailTokens(text)
  if (!after) return
  // The sentence's tokens, with the index of its last comma; null when nothing stands before
  // that comma (what follows renames nothing).
  const sentence = () => {
    const tokens = words(tag(text))
    const comma = tokens.map((token) => token.text).lastIndexOf(',')
    return comma < 1 ? null : {tokens, comma}
  }
  // `..., Acme chief executive Jane Doe it would close.`: `said` lost before its clause.
  const clauseAt = complementAt(after)
  if (clauseAt !== -1) {
    if (!sentence()) return
    const tense = verbs()
    const cut = offsetOf(tail, after, clauseAt)
    flag(block, start, tail, `${tail.slice(0, cut).trimEnd()} ${tense.said} ${tail.slice(cut)}`, report)
    return
  }
  // The speaker may be followed by what stood after its verb: `the agency in a report`, `he
  // later`, `officials travelling with him`, `a market research firm Monday`.
  const whole = after.some((_, index) => isVerb(after, index)) ? undefined : speakerKind(after)
  const at = whole ? -1 : adjunctAt(after)
  const speaker = at === -1 ? after : after.slice(0, at)
  if (speaker.some((_, index) => isVerb(after, index))) return
  if (at !== -1 && !verblessAdjunct(after.slice(at))) return
  const kind = whole ?? speakerKind(speaker)
  if (!kind) return
  const read = sentence()
  if (!read) return
  const {tokens, comma} = read
  const clause = tokens.slice(0, comma)
  // `Usually, lenders tell the agencies of any changes, he.`: a subject pronoun alone after a
  // comma needs no verb before it (the tagger calls some verbs adjectives).
  const alone = pronoun && after.length === 1 && clause.length >= 2
  // (any verb will do here: `Charges for repairs increased to 1.2 pct, the group.` has one
  // that the test for a participle in a noun phrase would pass over)
  if (!alone && !clause.some((token, index) => isVerb(clause, index) || (TAGS_AUX_VERB.has(token.tag) && opensLower(token.text)))) return
  // A list, not a speaker: `..., teachers, faculty and staff.` (but `energy and mines minister
  // Javier Espinosa` is one person, and `..., analysts and industry sources.` are speakers).
  const listed = /(?:[^s]s|people)[^\p{L}]*$/u.test(text.slice(0, match.index))
  // `Johnson and Johnson`, `Acme und Berger` are one name.
  const joined = (index: number) => opensUpper(speaker[index - 1]?.text ?? '') && opensUpper(speaker[index + 1]?.text ?? '')
  if (speaker.some((token, index) => token.tag === 'CCONJ' && !joined(index)) && (kind === 'people' ? listed : kind !== 'name' && kind !== 'pronoun')) return
  if (kind !== 'pronoun') {
    // The part before the comma is a statement, not a parenthesis (`that are, purportedly, the
    // source of evil.`) or an item of a list (`<Acme Ltd>, a British company`): it has a verb, or
    // is a phrase of its own after one (`Sales rose, up from 4.0 billion in 1985, the company.`).
    const texts = tokens.map((token) => token.text)
    let end = comma
    let segment = tokens.slice(texts.lastIndexOf(',', end - 1) + 1, end)
    // `... in Springfield, Ill., the company.`, `... on or before June 30, 2031, the company.`:
    // a state or a year after a comma belongs to the part before it.
    while (segment.length <= 2 && segment.length > 0 && /^(?:\p{Lu}[\p{L}.]*|\d{4})$/u.test(segment[0].text) && segment.every((token) => token.tag !== 'VERB') && texts.lastIndexOf(',', end - 1) > 0) {
      end = texts.lastIndexOf(',', end - 1)
      segment = tokens.slice(texts.lastIndexOf(',', end - 1) + 1, end)
    }
    if (!segment.some((_, index) => isVerb(segment, index)) && segment.length < 3) return
    // `"...," said Ken Kim, an analyst at Stone & McCarthy.`: the speaker has a verb already.
    const speech = segment.findLastIndex((token) => SPEECH.test(token.text))
    if (speech !== -1 && segment.slice(speech + 1).every((token) => opensUpper(token.text))) return
    // What stands before the comma may be what the phrase renames: a person for a person (`...
    // met the chairman, Mr Smith.`), a body for a body (`It was made by a new company, the
    // group.`), a name for one person or body (`... met Smith, the group's chairman.`). Not a
    // plural of people (`... bid for Acme, analysts.`) nor a bare `the company` (`Acme, the
    // company.` would say which company), nor a name the article quotes elsewhere.
    // (the last 200 characters: expressions anchored at the end are read from a window, as a
    // long run of marks or spaces made them quadratic)
    const before = (end === comma ? text.slice(0, match.index) : text.slice(0, offsetOf(text, tokens, end))).slice(-200)
    const previous = /([\p{L}\d'’-]+)[^\p{L}\d]*$/u.exec(before)?.[1] ?? ''
    const word = previous.toLowerCase()
    const person = kind === 'name' || kind === 'bare-name' || kind === 'person' || kind === 'people'
    // A word inside a quotation is renamed by nothing outside it: `It was "a painful step for
    // our staff," Acme chief executive Jane Doe.`
    const common = opensLower(previous) && !/["”’']\s*,["”’']?$|,["”’']$/u.test(text.slice(Math.max(0, match.index - 8), match.index + match[0].indexOf(',') + 2).trimEnd())
    // (`... take over as chairman, Acme Oaks.`: a role held after `as` renames no one, when the
    // article quotes the name elsewhere)
    const held = /\bas (?:[\p{Ll}-]+ ){0,5}[\p{Ll}-]+[^\p{L}]*$/u.test(before) && kind === 'bare-name' && evidence.ask('quoted', tail) === true
    if (common && ROLES.has(word) && person && !held) return
    if (common && (BODIES.has(word) || PAPERS.has(word)) && !person) return
    const name = at === -1 ? tail : tail.slice(0, offsetOf(tail, after, at)).trimEnd()
    // (a name after a title is its holder: `her predecessor as Home Secretary, Lady Doe.`)
    const titled = TITLES.has(word) || PERSONS.has(word)
    // After a quotation closed with a comma (`"...," Doe.`), a name the article names again.
    const closed = /^,["”’']/u.test(match[0]) && kind === 'bare-name' && (evidence.ask('count', name) as number) >= 2
    const quoted = (kind === 'bare-name' || (kind === 'name' && !titled)) && (closed || evidence.ask('quoted', name.replace(/^(?:the )/iu, '')) === true) && !initialsOf(name, text.slice(0, match.index))
    // A bare name may be a vocative or an afterthought (`tell us what it is about, Acme Studios.`,
    // `the best scent of all, Old Spice.`): only a name the article quotes elsewhere is a speaker.
    if (kind === 'bare-name' && !quoted) return
    const bare = /^the$/iu.test(speaker[0].text) && (isBody(speaker[1]?.text.toLowerCase() ?? '') || opensUpper(speaker[1]?.text ?? '')) && (speaker.length === 2 || speaker[2].tag === 'ADP')
    // `He died at his home in Lisbon, a spokesman.`: a place is renamed by no person.
    // A body by its full name after a place (`... to the Faroe Islands, the Ruritanian Farm
    // Department.`) too.
    // (not after a body: `... to the Acme Group, the Ruritanian Farm Bank.` renames it)
    const run = /((?:\p{Lu}[\p{L}.'’-]*|of| )+)[^\p{L}]*$/u.exec(before)?.[1] ?? ''
    const proper = kind === 'body' && speaker.some((token) => opensUpper(token.text)) && !run.split(' ').some((part) => BODIES.has(part.toLowerCase()))
    const place =
      ((person || kind === 'body') && /\b(?:in|at|near|outside)(?: \p{Lu}[\p{L}.'’-]*)+[^\p{L}]*$/u.test(before)) ||
      (proper && /\b(?:in|at|near|outside|to|from) the(?: \p{Lu}[\p{L}.'’-]*| of)+[^\p{L}]*$/u.test(before))
    if (opensUpper(previous) && !CALENDAR.test(previous) && kind !== 'people' && !bare && !quoted && !place) return
  }
  const tense = verbs()
  flag(block, start, tail, at === -1 ? withVerb(tail, after, tense.said, tense.told) : verbAt(tail, after, at, tense), report)
}

// The tokens after a sentence's last comma, tagged from the word that the comma closes (its left
// neighbour: after a comma `as` opens a clause, SCONJ, when a word stands before it, and reads as
// ADP at the start of a text); null when the tagger reads no comma there. (Exported for
// scripts/tail-window.ts.)
export function tailTokens(text: string): Token[] | null {
  const tokens = words(tag(text.slice(wordStart(text, text.lastIndexOf(',')))))
  const comma = tokens.map((token) => token.text).lastIndexOf(',')
  return comma === -1 ? null : tokens.slice(comma + 1)
}

// Where the clause that a lost `said` introduced starts after a named speaker, or -1: `Mr Doe
// his song had been copied`, `Acme writer Jane Doe it's a fair price`. Only a name
// (`Mr Doe`, a labelled name): after a noun the clause may be a relative one (`the company
// it bought last year`).
function complementAt(tokens: readonly Token[]): number {
  const at = tokens.findIndex((token) => token.tag === 'PRON' && /^(?:he|she|it|they|we|I|his|her|its|their)$/u.test(token.text))
  if (at < 1 || !opensUpper(tokens[at - 1].text)) return -1
  const speaker = tokens.slice(0, at)
  if (speaker.some((_, index) => isVerb(tokens, index)) || speakerKind(speaker, false) !== 'name') return -1
  // The clause has a verb of its own right after its subject: `it was`, `his copyright had`.
  const subject = POSSESSIVES.test(tokens[at].text) && tokens[at + 1]?.tag === 'NOUN' ? at + 2 : at + 1
  return tokens[subject] && (tokens[subject].tag === 'AUX' || isVerb(tokens, subject)) ? at : -1
}

// Where what followed a lost verb starts after a speaker, or -1: an adverb (`he later`,
// `Jane Doe reportedly`), a time (`a market research firm Monday`), a qualifier (`the agency in a
// report`, `Acme Capital as arranger`, `it without giving figures`, `officials travelling with
// him`). A preposition between capitals is part of a name (`the Department of Trade`).
function adjunctAt(tokens: readonly Token[]): number {
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]
    if (opensUpper(token.text)) {
      if (CALENDAR.test(token.text) && opensLower(tokens[index - 1].text)) return index
      continue
    }
    if (token.tag === 'ADV' && /^\p{Ll}+$/u.test(token.text)) return index
    if (/^(?:today|yesterday|tonight|tomorrow)$/u.test(token.text)) return index
    if (token.tag === 'ADP' || token.tag === 'SCONJ') {
      // (`one of his aides` is one phrase)
      if (index === 1 && token.text === 'of' && /^(?:one|some|many|two|three|several|most)$/iu.test(tokens[0].text)) continue
      const inName = opensUpper(tokens[index - 1].text) && opensUpper(tokens[index + 1]?.text ?? '') && /^(?:of|for|und|de|du|von|van)$/u.test(token.text)
      if (!inName) return index
    }
    if (token.tag === 'VERB' && /^\p{Ll}+ing$/u.test(token.text) && tokens[index - 1].tag === 'NOUN') return index
  }
  return -1
}

// What followed the verb has no verb of its own but a participle (`without giving figures`) or a
// word the tagger took for a verb before a noun (`as lead manager`).
function verblessAdjunct(tokens: readonly Token[]): boolean {
  const modifier = (index: number) => tokens[index + 1]?.tag === 'NOUN' && tokens[index].tag === 'VERB' && TAGS_ADJ_ADP_DET.has(tokens[index - 1]?.tag ?? '')
  return !tokens.some((token, index) => isVerb(tokens, index) && !/ing$/u.test(token.text) && !modifier(index))
}

// The verb restored where the speaker ends: `the agency said in a report`, `Jane Doe reportedly
// said`, `he later told reporters`, `a market research firm said Monday`.
function verbAt(phrase: string, tokens: readonly Token[], split: number, tense: Tense): string {
  // `officials travelling with him` -> `officials travelling with him said`
  if (tokens[split].tag === 'VERB') return `${phrase} ${tense.said}`
  let index = split
  while (index < tokens.length && tokens[index].tag === 'ADV') index++
  const object = index < tokens.length && index > split && TAGS_DET_NOUN_PRON_PROPN.has(tokens[index].tag)
  const verb = object ? tense.told : tense.said
  const offsets: number[] = []
  let cursor = 0
  for (const token of tokens) {
    const found = phrase.indexOf(token.text, cursor)
    if (found === -1) return `${phrase} ${tense.said}`
    offsets.push(found)
    cursor = found + token.text.length
  }
  const cut = index < tokens.length ? offsets[index] : phrase.length
  if (index > split) return `${phrase.slice(0, cut).trimEnd()} ${verb}${cut < phrase.length ? ' ' + phrase.slice(cut) : ''}`
  return `${phrase.slice(0, cut).trimEnd()} ${verb} ${phrase.slice(cut)}`
}

type Kind = 'pronoun' | 'name' | 'bare-name' | 'person' | 'people' | 'body'

// What a verbless phrase is, when it can be a speaker: a subject pronoun, a name (after roles or
// a title: `chief executive Tim Cook`, `Mr Smith`), or a noun phrase whose head is a person or a
// body (`the city's planning board`, `two officials familiar with the talks`).
function speakerKind(tokens: readonly Token[], object = true): Kind | undefined {
  if (tokens.length === 0) return undefined
  if (SUBJECTS.has(tokens[0].text.toLowerCase()) && tokens[0].tag === 'PRON') return 'pronoun'
  const kind = nounKind(tokens)
  if (kind || !object) return kind
  return objectAt(tokens) !== -1 ? 'name' : undefined
}

function nounKind(tokens: readonly Token[]): Kind | undefined {
  // `one of her senior aides`, `some of the analysts`: the head is after `of`. It is one person
  // (after a name, an apposition: `... by Jane Doe, one of the best analysts in the city.`).
  if (tokens.length > 2 && /^(?:one|some|many|two|three|several|most)$/iu.test(tokens[0].text) && tokens[1].text === 'of') {
    const kind = nounKind(tokens.slice(2))
    return kind === 'person' || kind === 'people' ? 'person' : kind === 'body' ? 'body' : undefined
  }
  // `Lloyds Merchant Bank Ltd as arranger`, `the IBC in a statement`: a firm's name before a
  // qualifier is the speaker.
  const qualifier = tokens.findIndex((token) => token.tag === 'ADP' || token.tag === 'SCONJ')
  if (qualifier > 0 && tokens.slice(0, qualifier).every((token) => opensUpper(token.text)) && firm(tokens.slice(0, qualifier))) {
    return 'body'
  }
  // `The SARFT: "..."`, `the Fed.`: a name with the article is a body.
  if (/^the$/iu.test(tokens[0].text) && (qualifier === -1 ? tokens.length : qualifier) === 2 && opensUpper(tokens[1].text)) return 'body'
  // `Johnson and Johnson`, `Acme und Berger`, `S and P`: a word that joins two capitals is inside
  // the name.
  const capital = (token: Token, index: number) =>
    opensUpper(token.text) || token.tag === 'PUNCT' || token.tag === 'SYM' || (/^(?:and|und|&)$/u.test(token.text) && opensUpper(tokens[index - 1]?.text ?? '') && opensUpper(tokens[index + 1]?.text ?? ''))
  const capitals = tokens.findIndex((token) => opensUpper(token.text))
  if (capitals !== -1 && tokens.every((token, index) => index < capitals || capital(token, index))) {
    const lead = tokens.slice(0, capitals)
    if (lead.every((token) => TAGS_ADJ_NOUN.has(token.tag) && opensLower(token.text))) {
      const name = tokens.slice(capitals).map((token) => token.text.replace(/\.$/u, '').toLowerCase())
      const titled = lead.length > 0 || name.slice(0, -1).some((word) => TITLES.has(word) || PERSONS.has(word))
      if (!titled && DETERMINERS.test(tokens[0].text)) return undefined
      if (!titled && tokens.length === 1 && /^\p{Lu}{2,}s$/u.test(tokens[0].text)) return 'people'
      if (!titled && capitals === 0 && firm(tokens)) return 'body'
      return titled ? 'name' : tokens.length <= 3 ? 'bare-name' : undefined
    }
  }
  // `British shipping executive Antony Butterwick`, `energy and mines minister Javier Espinosa`,
  // `the statistics agency Eurostat`, `West German statistician Jane Doe`, `Acme writer Jane
  // Doe`: a label, then a name. The label names a person or a body, or is an agent noun in `-er`
  // or `-or` that no article introduces (`the tanker Sea Star`, `the thriller Jaws` name things).
  // (`director general`: the tagger may call the last word of a title an adjective)
  const role = tokens.findLastIndex((token) => TAGS_ADJ_NOUN.has(token.tag) && opensLower(token.text))
  if (role !== -1 && role + 1 < tokens.length && tokens.slice(role + 1).every((token) => opensUpper(token.text) || token.tag === 'SYM')) {
    const label = tokens.slice(0, role).every((token) => TAGS_ADJ_CCONJ_DET_NOUN_PART_PROPN.has(token.tag) || POSSESSIVES.test(token.text))
    const word = tokens[role].tag === 'ADJ' && !PERSONS.has(tokens[role].text) ? '' : tokens[role].text
    const agent = isBody(word) || AGENT.test(word) || (/^\p{Ll}{3,}(?:er|or)$/u.test(word) && tokens[role - 1]?.tag !== 'DET')
    if (label && agent && !CALENDAR.test(tokens[role + 1].text)) return BODIES.has(word) ? 'body' : 'name'
  }
  const determined = TAGS_DET_NUM_PROPN.has(tokens[0].tag) || POSSESSIVES.test(tokens[0].text) || opensUpper(tokens[0].text)
  if (!determined && !TAGS_ADJ_NOUN.has(tokens[0].tag)) return undefined
  // `..., a new study reports.`: a verb of reporting after a singular noun, tagged as a plural.
  const last = tokens[tokens.length - 1].text
  if (tokens.length > 1 && REPORTING.test(last) && !tokens[tokens.length - 2].text.endsWith('s')) return undefined
  // The head: the last noun before a qualifier (`familiar with`, `at the bank`).
  // An adjective after the head qualifies it (`officials familiar with the talks`, `people close
  // to him`); one before a noun is part of the phrase (`the environment select committee`).
  let head: Token | undefined
  for (const [index, token] of tokens.entries()) {
    if (token.tag === 'ADP' || (token.tag === 'ADJ' && head && !TAGS_NOUN_PROPN.has(tokens[index + 1]?.tag ?? ''))) break
    if (token.tag === 'NOUN' || token.tag === 'PROPN') head = token
  }
  if (!head) return undefined
  const word = head.text.toLowerCase()
  // `the CPB`, `the Fed`, `the IBC in a statement`: a name with the article is a body.
  const named = tokens.findIndex((token) => token.tag === 'ADP')
  if (/^the$/iu.test(tokens[0].text) && (named === -1 ? tokens.length : named) === 2 && opensUpper(head.text)) return 'body'
  // Without a determiner only a plural of people is a subject (`officials familiar with the
  // matter`); `a niche, subject matter expert.` and `customers, building trust.` are not.
  if (!determined) {
    return (PERSONS.has(word) || PERSONS.has(singular(word))) && PLURAL.test(word) ? 'people' : undefined
  }
  if (PERSONS.has(word) || AGENT.test(word)) return PLURAL.test(word) ? 'people' : 'person'
  if (PERSONS.has(singular(word)) && word.endsWith('s')) return 'people'
  return isBody(word) ? 'body' : undefined
}

// After a quotation, any noun phrase is taken for a speaker, except a time (`"...," this year.`).
function isSpeaker(tokens: readonly Token[]): boolean {
  if (tokens.length === 0) return false
  // `"...," Jane Doe the daily briefing.`: after a quotation a name before an object lost `told`.
  if (objectAt(tokens, true) !== -1) return true
  const first = tokens[0]
  if (opensLower(first.text) && !TAGS_ADJ_DET_NOUN_NUM_PRON_PROPN.has(first.tag)) return false
  if (first.tag === 'PRON' && !POSSESSIVES.test(first.text)) return SUBJECTS.has(first.text.toLowerCase())
  let head: Token | undefined
  for (const token of tokens) {
    if (token.tag === 'ADP') break
    if (TAGS_NOUN_PRON_PROPN.has(token.tag) || opensUpper(token.text)) head = token
  }
  if (!head || TIMES.has(head.text.toLowerCase())) return false
  // `"...," notes Leung.`, `"...," Jane Doe pointed out.`: a verb the tagger took for a noun or an
  // adjective, next to the name.
  const verbLike = (token: Token) => /^\p{Ll}+(?:[^su]s|ed)$/u.test(token.text) && !isBody(token.text)
  const capital = (token: Token | undefined) => token !== undefined && opensUpper(token.text)
  if (tokens.some((token, index) => verbLike(token) && (capital(tokens[index + 1]) || capital(tokens[index - 1])))) return false
  // A name and a lower-case word is a name and a verb the tagger took for a noun (`"...,"
  // Robbie Spencer shares.`), unless the word names people or a body (`Acme officials`).
  const at = tokens.indexOf(head)
  const word = head.text.toLowerCase()
  return !(at > 0 && /^\p{Ll}+(?:[^su]s|ed)$/u.test(head.text) && opensUpper(tokens[at - 1].text) && !isBody(word))
}

// A name that ends in a word for a firm or a body: `Morgan Guaranty Ltd`, `Acme Group`, `the
// Federal Reserve Board`.
function firm(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1]?.text.replace(/\.$/u, '') ?? ''
  return tokens.length > 1 && (/^(?:Ltd|Corp|Inc|Plc|PLC|AG|SA|NV|Co|LLC|GmbH)$/u.test(last) || BODIES.has(last.toLowerCase()))
}

// A person, a body or a paper that can be quoted: `officials`, `the group`, `a CAS statement`.
function isBody(word: string): boolean {
  const known = (form: string) => PERSONS.has(form) || BODIES.has(form) || PAPERS.has(form)
  return known(word) || (word.endsWith('s') && known(singular(word)))
}

// `companies` -> `company`, `delegates` -> `delegate`.
function singular(word: string): string {
  return word.endsWith('ies') ? `${word.slice(0, -3)}y` : word.slice(0, -1)
}

// Whether a name is the initials of the words before it: `the Internet Corporation for Assigned
// Names and Numbers, Icann.` is an apposition.
function initialsOf(name: string, before: string): boolean {
  const letters = name.toLowerCase().replace(/[^\p{L}]/gu, '')
  const initials = before.split(/\s+/u).slice(-12).map((word) => word.replace(/^[^\p{L}]+/u, '')[0]?.toLowerCase() ?? '').join('')
  let at = 0
  for (const letter of initials) if (letter === letters[at]) at++
  return letters.length >= 2 && at === letters.length
}

// Whether the article attributes a quotation to a name elsewhere: `Smith said`, `said Smith`, or
// in its full form, a person's (`said Jane Smith`) or a firm's (`Acme Research Co said`).
// This was one expression a name, compiled and run over the whole article for each name asked;
// now the article's verbs are found once, and each form is read where it can start: after each
// verb, and at each place the name occurs. A capitalized word is read whole, as the expression's
// only way on after it was a space; sticky expressions see the characters before their start, so
// `\\b` reads as it did over the whole text.
export function quotedElsewhere(name: string, article: Attributions): boolean {
  // A person's surname alone: `Jane Smith` is quoted where `Smith said`.
  const parts = name.split(' ')
  if (parts.length === 2 && parts.every((part) => /^\p{Lu}\p{Ll}+$/u.test(part)) && !TITLES.has(parts[0].toLowerCase()) && quotedElsewhere(parts[1], article)) return true
  const {source, verbEnds} = article
  // `said Smith`, `said Jane Smith`, `said Acme Research Co`: a verb, at most two capitalized
  // words, the name.
  for (const end of verbEnds) {
    let cursor = end
    for (let words = 0; words <= 2 && source.charCodeAt(cursor) === 32; words++) {
      if (source.startsWith(name, cursor + 1) && whole(source, cursor + 1, cursor + 1 + name.length) && endsAt(BOUNDARY, source, cursor + 1 + name.length) !== -1) return true
      cursor = endsAt(NAME_WORD, source, cursor + 1)
      if (cursor === -1) break
    }
  }
  // `Smith said`, `Acme Research Co said`: the name, at most three capitalized words, a verb.
  for (let at = source.indexOf(name); at !== -1; at = at < source.length ? source.indexOf(name, at + 1) : -1) {
    if (!whole(source, at, at + name.length) || endsAt(BOUNDARY, source, at) === -1) continue
    let cursor = at + name.length
    for (let words = 0; words <= 3 && source.charCodeAt(cursor) === 32; words++) {
      if (endsAt(VERB_AT, source, cursor + 1) !== -1) return true
      cursor = endsAt(FIRM_WORD, source, cursor + 1)
      if (cursor === -1) break
    }
  }
  return false
}

// The verbs of a quotation's attribution, and where each ends in the article's source.
const VERBS = '(?:said|says|told|tells|added|adds|wrote|writes|explained|noted|asked|argued|insisted|recalled)'
const ATTRIBUTING = new RegExp(`\\b${VERBS}`, 'gu')
const VERB_AT = new RegExp(`${VERBS}\\b`, 'uy')
const NAME_WORD = /\p{Lu}[\p{L}.-]*/uy
const FIRM_WORD = /\p{Lu}[\p{L}.&-]*/uy
const BOUNDARY = /\b/uy

export interface Attributions {
  source: string
  verbEnds: number[]
}

/** The verbs of an article, read once for all the names asked of it (exported for its test). */
export function attributionsOf(source: string): Attributions {
  // (no verb holds another's start: a word boundary never falls inside one, so no match hides
  // another)
  return {source, verbEnds: Array.from(source.matchAll(ATTRIBUTING), (match) => match.index + match[0].length)}
}

// Where a sticky expression's match at `index` ends, or -1.
function endsAt(pattern: RegExp, text: string, index: number): number {
  pattern.lastIndex = index
  return pattern.test(text) ? pattern.lastIndex : -1
}

// Whether [from, to) splits no surrogate pair (an expression with the `u` flag reads the text by
// code points, so a name never matches half of one).
function whole(text: string, from: number, to: number): boolean {
  const high = (at: number) => text.charCodeAt(at) >= 0xd800 && text.charCodeAt(at) <= 0xdbff
  const low = (at: number) => text.charCodeAt(at) >= 0xdc00 && text.charCodeAt(at) <= 0xdfff
  const splits = (at: number) => at > 0 && high(at - 1) && low(at)
  return !splits(from) && !splits(to)
}

// Where the token at `index` starts in the phrase the tokens were read from.
function offsetOf(phrase: string, tokens: readonly Token[], index: number): number {
  let cursor = 0
  for (const [at, token] of tokens.entries()) {
    const found = phrase.indexOf(token.text, cursor)
    if (found === -1) return phrase.length
    if (at === index) return found
    cursor = found + token.text.length
  }
  return phrase.length
}

// A verb: a lower-case word tagged VERB or AUX (the tagger calls some names verbs: `Tim Cook`),
// except a participle that qualifies a noun (`the people briefed on the talks`).
function isVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  if (token.tag !== 'VERB' && token.tag !== 'AUX') return false
  if (!opensLower(token.text)) return false
  const participle = /(?:ed|en|ing)$/u.test(token.text) && !SPEECH.test(token.text)
  if (participle && tokens[index - 1]?.tag === 'NOUN' && tokens[index + 1]?.tag === 'ADP') return false
  // `a blog called Acme Thinker`: a participle that names.
  return !(/^(?:called|named|dubbed|titled|entitled)$/u.test(token.text) && tokens[index - 1]?.tag === 'NOUN' && opensUpper(tokens[index + 1]?.text ?? ''))
}

// Tokens that are words or commas (the tagger also returns the closing period).
// The tagger reads a closing `I.` as an initial.
function words(tokens: readonly Token[]): Token[] {
  const kept: Token[] = []
  for (const token of tokens) {
    if (token.tag === 'PUNCT' && token.text !== ',') continue
    kept.push(token.text === 'I.' ? {text: 'I', tag: 'PRON'} : token)
  }
  return kept
}

// `he` -> `he said`; `he the BBC` -> `he told the BBC`; `a spokesman the BBC` -> `a spokesman told
// the BBC`.
function withVerb(phrase: string, tokens: readonly Token[], said: string, told: string, bare = false): string {
  const split = objectAt(tokens, bare)
  // `the IBC in a statement` -> `the IBC said in a statement`; `Acme Ltd as arranger` -> `Acme
  // Ltd said as arranger`.
  const where = / (?:as|in (?:a|an|its|their|the|his|her) (?:[^ ]+ ){0,3}(?:statement|report|release|interview|letter|filing|note|speech))\b/u.exec(phrase)
  if (split === -1 && where) return `${phrase.slice(0, where.index)} ${said}${phrase.slice(where.index)}`
  if (split === -1) return `${phrase} ${said}`
  let cursor = 0
  for (const [index, token] of tokens.entries()) {
    const at = phrase.indexOf(token.text, cursor)
    if (at === -1) break
    if (index === split) return `${phrase.slice(0, at)}${told} ${phrase.slice(at)}`
    cursor = at + token.text.length
  }
  return `${phrase} ${said}`
}

// Where the object of a lost `told` starts after a speaker (`he the BBC`, `Ahold chairman Albert
// Heijn a news conference`, `the minister reporters`); -1 when there is none.
function objectAt(tokens: readonly Token[], bare = false): number {
  for (let index = 1; index < tokens.length; index++) {
    const token = tokens[index]
    if (!/^(?:the|a|an)$/iu.test(token.text) && !/^(?:reporters|journalists|Reuters)$/u.test(token.text)) continue
    // (`Acme, the survey office and the Ruritanian Mapping Network`: a list, not an object)
    if (TAGS_ADP_CCONJ_DET_SCONJ.has(tokens[index - 1].tag)) continue
    if (tokens[0].tag === 'PRON' && !POSSESSIVES.test(tokens[0].text)) return index === 1 ? 1 : -1
    const kind = speakerKind(tokens.slice(0, index), false)
    if (kind && (bare || kind !== 'bare-name')) return index
  }
  return -1
}

function flag(block: Block, start: number, phrase: string, expected: string, report: Report) {
  report(block.span(start, start + phrase.length), `Unexpected attribution \`${phrase}\` without a verb, expected \`${expected}\``, {
    suggest: [expected]
  })
}

// The article's own tense of attribution: `says` where it says `says` more often than `said`.
const SAYS = /\bsays\b/gu
const SAID = /\bsaid\b/gu
function tenseOf(present: boolean): Tense {
  return present ? {said: 'says', told: 'tells', asked: 'asks'} : {said: 'said', told: 'told', asked: 'asked'}
}

// Join the orphan to the sentence before it: `policies. According to sources, 2025.` becomes
// `policies, according to sources.`
function orphan(block: Block, match: RegExpMatchArray, report: Report) {
  const start = match.index!
  const end = start + match[0].length
  const source = match[1]
  if (VERB.test(source)) return
  // The word before, ending a sentence with a bare period (`policies.`): read from the 200
  // characters before the orphan, since an expression anchored at the end of the whole paragraph
  // so far was quadratic.
  const window = Math.max(0, start - 200)
  const before = /(?:^|\s)(\S+?)([.!?])(["”’]?)\s+$/u.exec(block.prose.slice(window, start))
  const reason = `Unexpected \`${match[0]}\`: an attribution cut off from its sentence`
  if (!before || before[2] !== '.' || before[3] !== '') {
    report(block.span(start, end), reason)
    return
  }
  const from = window + before.index + before[0].length - before[0].trimStart().length
  report(block.span(from, end), reason, {suggest: [`${before[1]}, according to ${source}.`]})
}
