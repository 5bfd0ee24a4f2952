// A sentence or paragraph that starts in lower case: the trace of a sentence split mid-clause
// (`officials. there, including`) or of a lost capital (`Japan. he remains`). Repairs are safe
// only where the words leave one reading; otherwise they are offered, or the place only reported.
import {isAbbreviation} from '../../src/abbreviations.js'
import {isVerbatimAt, quotationAt, type Article, type Block} from '../../src/article.js'
import type {Lexicon} from '../../src/lexicon.js'
import {defineRule, type ReportExtra, type RuleContext, type Span} from '../../src/rule.js'
import {countWords, runBefore} from '../../src/text.js'
import {CONTINUATIONS, EXISTENTIAL_VERBS, FUNCTION_WORDS, INTERJECTIONS, LOWER_CASE_BRANDS, OPEN_ENDED, PARTICLES, SPEECH_VERBS, SUBJECT_PRONOUNS} from './words.js'

// A period, any closing quotes or brackets, white space, any opening ones, then a lower-case word.
// Only a period: after `?` or `!` a lower-case word is usually right (`fight it out?" the Labour
// MP`, `Shall We Dance? at number three`, `Wham! through`). (It starts with the period and looks
// back from it: an expression that starts by looking behind is tried at every character.)
const BREAK = /\.(?<=[^.\s]\.)(["'”’»)\]]*)(\s+)(["'“‘«„‚‹([]*)(\p{Ll}[\p{L}\p{M}'’-]*)/gu
// The first word of a paragraph, after opening quotes or brackets.
const FIRST = /^(\s*["'“‘«„‚‹([]*)(\p{Ll}[\p{L}\p{M}'’-]*)/u
// Lower-case names and addresses: `iPhone`, `eBay`, `www.bbc.co.uk`, `e-mail`.
const NOT_A_WORD = /\p{Lu}|^www$|^(?:e|i)-/u

export default defineRule({
  id: 'sentence-start',
  summary: 'A sentence or paragraph that starts in lower case, such as `Japan. he remains`.',
  fix: 'safe',
  options: {},
  check(_tree, _file, {article, report, lexicon, remember}) {
    // Copy written in lower case on purpose (a blog's style, notes from a talk) is left alone,
    // except for the repairs that hold whatever the style: a period before `including`, `which`.
    const lowerCaseStyle = isLowerCaseStyle(article, remember)
    for (let index = 0; index < article.blocks.length; index++) {
      const block = article.blocks[index]
      // Lists, bylines, credits and date lines are not sentences.
      if (block.kind === 'list-item' || block.kind === 'furniture') continue
      if (!lowerCaseStyle) paragraphStart(block, index)
      // What follows a period in a paragraph depends on it and the copy's style alone.
      remember(block, String(lowerCaseStyle), (say) => breaksIn(block, lowerCaseStyle, say))
    }

    // A paragraph that starts in lower case lost its first words (a stripped name) or its capital.
    function paragraphStart(block: Block, index: number) {
      // Headlines, and short lines guessed to be labels (`salt and pepper`, `wine float`), are not
      // sentences; a heading marked up as one (`## the plans`) is held to a heading's capital.
      if (block.kind === 'headline' || (block.kind === 'subheading' && !block.marked)) return
      // A block quotation without quotation marks is an embedded post, written as its author wrote it.
      if (block.kind === 'quotation' && block.marked && !/^\s*["“„«]/u.test(block.prose)) return
      // So is a letter set out in the copy (`Dear Editor,` ... `Yours truly,`).
      if (block.letter) return
      // A paragraph that goes on from one ending without a period (a line of verse, an item
      // after `people who:`) continues it.
      if (!followsSentenceEnd(article, index)) return
      const match = FIRST.exec(block.prose.slice(block.bodyStart))
      if (!match) return
      const word = match[2]
      if (NOT_A_WORD.test(word) || /[([]/u.test(match[1])) return
      const start = block.bodyStart + match[1].length
      const end = start + word.length
      if (isVerbatimAt(block, start)) return
      if (PARTICLES.has(word) && /^\s+\p{Lu}/u.test(block.prose.slice(end))) return
      // `bbc.co.uk is`, `http://`, and list labels (`iv. This`, `a) This`) are not words.
      const rest = block.prose.slice(end)
      if (/^\.\p{L}|^:\/\//u.test(rest) || (/^(?:[ivxlc]+|\p{L})$/u.test(word) && /^[.)]\s/u.test(rest))) return
      if (!isToken(block.prose, end) || !isWord(word, article, lexicon)) return
      if (ADDING.test(word) && afterShownItem(article, index)) return
      const extra: ReportExtra = SUBJECT_PRONOUNS.has(word.toLowerCase())
        ? {fix: capitalize(word)}
        : FUNCTION_WORDS.has(word.toLowerCase())
          ? {suggest: [capitalize(word)]}
          : {}
      report(block.span(start, end), `Unexpected lower-case \`${word}\` at the start of a paragraph`, extra)
    }
  }
})

type Repair = 'capitalize' | 'join' | 'either' | 'report'
type Report = (target: Span, reason: string, extra?: ReportExtra) => void

// A period inside a paragraph before a lower-case word.
function breaksIn(block: Block, lowerCaseStyle: boolean, report: Report) {
  for (const match of block.prose.matchAll(BREAK)) {
    const [, closing, , opening, word] = match
    const period = match.index
    const wordStart = period + 1 + closing.length + match[2].length + opening.length
    const wordEnd = wordStart + word.length
    const before = wordBefore(block.prose, period)
    if (isAbbreviation(before) || NOT_A_WORD.test(word) || /[@/]/u.test(before)) continue
    // A lower-case letter is a word (`said in a. recent interview`), unless it labels an item
    // (`choose: a. red, b. blue`) or is one letter of a spaced abbreviation (`e. g. a pen`).
    if (/^\p{Ll}$/u.test(before) && isLetterLabel(block.prose, period)) continue
    // Inside an address or code (`example.com/a. b`), or an address after a sentence
    // (`Read more. pic.example.com/x`): not prose.
    if (isVerbatimAt(block, period) || isVerbatimAt(block, wordStart)) continue
    // `via Roma 12`, `van Persie`: a street or a name with its lower-case particle.
    if (PARTICLES.has(word) && /^\s+\p{Lu}/u.test(block.prose.slice(wordEnd))) continue
    // `use the capacity of the. network`: no sentence ends on `the`, `of` or `and`, whatever
    // the copy's style, so the period is spurious.
    if (closing === '' && OPEN_ENDED.has(before.toLowerCase())) {
      report(block.span(period, wordEnd), `Unexpected period after \`${before}\`, which cannot end a sentence`, {fix: block.prose.slice(period + 1, wordEnd)})
      continue
    }
    if (!isToken(block.prose, wordEnd) || LOWER_CASE_BRANDS.has(word)) continue
    // `... failed with minutes to go. angry-fast-talking-tirade`: a tag set after the last
    // sentence, without a sentence of its own.
    if (/^\s*$/u.test(block.prose.slice(wordEnd))) continue
    // `(via Example News)`, `(sic)`, `[emphasis added]`: an aside or an editor's note.
    if (/[([]/u.test(opening)) continue
    // `My friends (or should I say critics….) decided to`: the aside closed mid-sentence.
    if (closing.includes(')') && !opensSentence(block.prose, period)) continue
    // A quotation that starts in lower case is written so on purpose (a post, a slogan:
    // `"stop. think. connect."`); one that starts with a capital is copy like any other.
    const quotation = quotationAt(block, wordStart) ?? quotationAt(block, period)
    if (quotation && isWrittenLowerCase(block.prose, quotation)) continue
    const next = nextWord(block.prose, wordEnd)
    const lower = word.toLowerCase()
    if (INTERJECTIONS.has(lower)) continue

    // `dealing with this." he added.`: a quote closed with a period before its attribution.
    if (closing !== '' && SUBJECT_PRONOUNS.has(lower) && SPEECH_VERBS.has(next.toLowerCase())) {
      report(block.span(period, period + 1), `Unexpected period before the attribution \`${word} ${next}\`, expected a comma`, {fix: ','})
      continue
    }
    // `the poster read "Stop. Think. Connect." and fans`: a quotation set inside a sentence
    // closes with its own period, and the sentence runs on.
    if (/["”»]/u.test(closing) && quotation && !startsSentence(block.prose, quotation.start)) continue
    const joined = block.prose.slice(period + 1, wordEnd)
    const capital = block.prose.slice(period, wordStart) + capitalize(word)
    const span = block.span(period, wordEnd)
    const repair = classify(lower, next)
    if (lowerCaseStyle && repair !== 'join') continue
    if (repair === 'capitalize') {
      report(block.span(wordStart, wordEnd), `Unexpected lower-case \`${word}\` at the start of a sentence, expected \`${capitalize(word)}\``, {fix: capitalize(word)})
    } else if (repair === 'join') {
      report(span, `Unexpected period before \`${word}\`, which continues the sentence`, {fix: joined})
    } else if (repair === 'either') {
      report(span, `Unexpected lower-case \`${word}\` after a period: capitalize it, or remove the period if the sentence was split`, {suggest: [capital, joined]})
    } else {
      report(span, `Unexpected lower-case \`${word}\` after a period: the sentence may have been split`)
    }
  }
}

// A word of the language, not a name, brand or code that is written in lower case (`etsy`,
// `reddit`, `netsh`, `x86`, `so+ba`, `user_name`): those are not in the dictionary.
// A word, not the start of a handle, an address or a code token (`so+ba`, `x86`, `user_name`,
// `bbc.co.uk`).
function isToken(text: string, end: number): boolean {
  if (/^[+_@#\d]/u.test(text.slice(end))) return false
  return !(text.charAt(end) === '.' && /\p{L}/u.test(text.charAt(end + 1)))
}

// A word of the language (`over-complicated` by its parts), or one the article capitalizes
// elsewhere (`Eurosterling`): not a brand, handle or command written in lower case everywhere
// (`etsy`, `statwing`, `netsh`), which a paragraph may start with as it is.
function isWord(word: string, article: Article, lexicon: Lexicon): boolean {
  if (LOWER_CASE_BRANDS.has(word)) return false
  if (word.split(/[-‐]/u).every((part) => part === '' || lexicon.knows(part))) return true
  // Found by hand, not by an expression made of the word: one of 40,000 letters starting a
  // paragraph made an expression too large to compile, and the lint threw.
  const capital = capitalize(word)
  return article.blocks.some((block) => standsAlone(block.prose, capital))
}

// Whether `word` occurs in `text` with no letter just before or after it.
function standsAlone(text: string, word: string): boolean {
  const letter = /\p{L}/u
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
    const before = at > 0 ? String.fromCodePoint(text.codePointAt(at - 1)!) : ''
    // The code point before: a low surrogate stands for the pair it ends.
    const previous = before >= '\uDC00' && before <= '\uDFFF' && at > 1 ? String.fromCodePoint(text.codePointAt(at - 2)!) : before
    const after = at + word.length < text.length ? String.fromCodePoint(text.codePointAt(at + word.length)!) : ''
    if (!letter.test(previous) && !letter.test(after)) return true
  }
  return false
}

// A quotation written in lower case on purpose: a post, a tweet or a slogan standing on its own
// (`a slogan: "stop. think. connect."`), short, every sentence in it in lower case. A quoted
// fragment inside a sentence (`would run "a huge deficit and could. collapse"`) is copy.
function isWrittenLowerCase(text: string, quotation: {start: number; end: number}): boolean {
  const inside = text.slice(quotation.start, quotation.end)
  if (!/^["“„«]\s*\p{Ll}/u.test(inside) || inside.split(/\s+/u).length > 12) return false
  if (/[.!?]\s+["“„«]?\p{Lu}/u.test(inside)) return false
  // Standing on its own, or a slogan of several sentences (`read "stop. think. connect."`).
  return startsSentence(text, quotation.start) || (inside.match(/[.!?]\s+\p{Ll}/gu) ?? []).length >= 2
}

// The word before the period at `period`, with its inner apostrophes (`company's`, `won't`):
// the letter after an apostrophe is not an initial.
function wordBefore(text: string, period: number): string {
  const chars = /[^\s"'“”‘’«»()[\]]/u
  let word = runBefore(text, period, chars)
  let start = period - word.length
  while (word !== '' && /['’]/u.test(text.charAt(start - 1)) && /\p{L}/u.test(text.charAt(start - 2))) {
    const part = runBefore(text, start - 1, chars)
    word = `${part}${text.charAt(start - 1)}${word}`
    start -= part.length + 1
  }
  return word
}

// Whether the lower-case letter before the period at `period` is a list label or one letter of a
// spaced abbreviation: at the start of the block or after a colon, semicolon or bracket (`a. red`,
// `(b. blue`), next to the letter before or after it in the alphabet as a label (`a. red, b.
// blue`), or next to another lone letter with a period (`e. g.`, `i. e.`, `p. m.`).
function isLetterLabel(text: string, period: number): boolean {
  const letter = text.charAt(period - 1)
  // A list's labels stand near each other: a window keeps a long run of letters linear.
  const head = text.slice(Math.max(0, period - 1 - LABEL_WINDOW), period - 1)
  const tail = text.slice(period + 1, period + 1 + LABEL_WINDOW)
  if (period - 1 <= LABEL_WINDOW && /^["'“‘([{]*\s*$/u.test(head)) return true
  if (/[:;([{]["'“‘]*\s*$/u.test(head)) return true
  if (/(?<!\p{L})\p{L}\.\s*$/u.test(head) || /^\s*\p{L}\.(?!\p{L})/u.test(tail)) return true
  const label = (neighbour: string) =>
    /^\p{Ll}$/u.test(neighbour) && new RegExp(`(?<![\\p{L}\\p{N}'’-])${neighbour}[.)]\\s`, 'u').test(neighbour < letter ? head : tail)
  return label(String.fromCharCode(letter.charCodeAt(0) - 1)) || label(String.fromCharCode(letter.charCodeAt(0) + 1))
}

const LABEL_WINDOW = 200

// Whether a sentence may start at `index`: the start of the block, or after a sentence mark, a
// colon or a dash.
function startsSentence(text: string, index: number): boolean {
  return /(?:^|[:.!?—–-]["'”’)]*)\s*$/u.test(text.slice(0, index))
}

// Whether the block before goes on into this one: a body paragraph that ends without a sentence
// mark (`... for readers who:`, `not fearing the darkness and`). A heading ends its own unit.
function followsSentenceEnd(article: Article, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const previous = article.blocks[i]
    if (previous.prose.trim() === '') continue
    const text = previous.prose.trim()
    if (previous.kind === 'headline' || previous.kind === 'furniture') return true
    if (previous.kind === 'body' || previous.kind === 'quotation' || previous.kind === 'list-item') {
      return /[.!?…]["'”’»)\]]*$/u.test(text)
    }
    // A short line that does not read as a heading runs on: one that ends on a function word or
    // a number (`The Sentencing and the` / `backstory.`), leaves a quotation open (a verse), or
    // is a formula or code (`{r \choose k}`).
    const last = /[\p{L}\p{N}]+$/u.exec(text)?.[0]?.toLowerCase() ?? ''
    const open = (text.match(/“/gu) ?? []).length > (text.match(/”/gu) ?? []).length || (text.match(/"/gu) ?? []).length % 2 === 1
    return !(FUNCTION_WORDS.has(last) || /^\d+$/u.test(last) || open || /[{}\\=<>]/u.test(text))
  }
  return true
}

// Words that add to a list: `as well as`, `and`, `plus`.
const ADDING = /^(?:and|or|as|plus|nor|along|alongside|together|followed|then)$/u

// Whether the block before is a short line shown below a colon, the item it introduced (`We also
// stock the Ruffle Lamp:` / `Ruffle Lamp` / `as well as the Vase:`: a product or a picture's
// title), so that a paragraph adding to the list goes on from it. A sentence that starts after
// such a line (`We sell it online:` / `Online shop` / `there are many buyers.`) still needs its capital.
function afterShownItem(article: Article, index: number): boolean {
  const before = article.blocks.slice(0, index).filter((block) => block.prose.trim() !== '').slice(-2)
  if (before.length < 2 || before[1].kind !== 'subheading') return false
  return /:["'”’»)\]]*$/u.test(before[0].prose.trim())
}

// Whether the bracket closed after the period at `period` opened where a sentence could start.
function opensSentence(text: string, period: number): boolean {
  const open = text.lastIndexOf('(', period)
  return open === -1 || /(?:^|[.!?]["'”’)]*)\s*$/u.test(text.slice(0, open))
}

// At least four paragraphs or short lines, and half of them, start with a lower-case word: the writer's style.
function isLowerCaseStyle(article: Article, remember: RuleContext<object, undefined>['remember']): boolean {
  let lower = 0
  let all = 0
  for (const block of article.blocks) {
    if (block.kind !== 'body' && block.kind !== 'quotation' && block.kind !== 'subheading') continue
    const start = remember(block, 'style', () => {
      // A paragraph, not a line such as `1 tbs. olive oil` or `salt and pepper`.
      const first = /^\s*["“‘(]?(\p{L})/u.exec(block.prose.slice(block.bodyStart))
      if (!first || countWords(block.prose, 6) < 6) return 'none'
      return /\p{Ll}/u.test(first[1]) ? 'lower' : 'upper'
    })
    if (start === 'none') continue
    all++
    if (start === 'lower') lower++
  }
  return lower >= 4 && lower * 2 >= all
}

function classify(word: string, next: string): Repair {
  if (SUBJECT_PRONOUNS.has(word)) return 'capitalize'
  if (CONTINUATIONS.has(word)) return 'join'
  if (word === 'there') {
    // `there are` starts a sentence; `there, including` and `there in May` continue one.
    if (EXISTENTIAL_VERBS.has(next.toLowerCase())) return 'capitalize'
    return next === '' ? 'join' : 'either'
  }
  return FUNCTION_WORDS.has(word) ? 'either' : 'report'
}

// The word after `index`, or '' when punctuation comes first (`there, including`).
function nextWord(text: string, index: number): string {
  const match = /^\s+([\p{L}'’]+)/u.exec(text.slice(index))
  return match ? match[1] : ''
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
