// Quotation marks damaged by copying, converting and hurried editing: a quotation opened and never
// closed, a closing mark with nothing to close, pairs that do not match (`“…"`, `‘…”`), an
// apostrophe typed as a double quote (`Japan"s`), a space before an apostrophe (`isn 't`) and a
// doubled closing mark (`fans,’’`). Each paragraph is read on its own, as news convention has it:
// a quotation that runs on leaves its paragraph open and the next paragraph opens it again.
import type {Block} from '../../src/article.js'
import {defineRule, type ReportExtra, type Span} from '../../src/rule.js'

type Kind = 'double' | 'single'

interface Open {
  at: number
  /** The mark as written: `“`, `"`, `‘`, `'`, or `''` standing for a double mark. */
  mark: string
  kind: Kind
}

const LETTER = /\p{L}/u
// (starting with the mark, which is rare, not with the space before it, which is everywhere)
const SPACE_BEFORE_MARK = /['’‘](?<=[ \u00a0]['’‘])/u
const SPACED_MARK = /(?<=\p{L})([ \u00a0]+)(['’‘])(?=(\p{L}+))/gu
// A double mark between letters.
const INNER_DOUBLE = /["“”](?<=\p{L}["“”])(?=\p{L})/gu
// Apostrophes inside words, curly and straight. (Each expression starts with its mark and looks
// back from it: one that starts by looking behind is tried at every character of the copy.)
const CURLY_APOSTROPHE = /’(?<=\p{L}’)(?=\p{L})/gu
const STRAIGHT_APOSTROPHE = /'(?<=\p{L}')(?=\p{L})/gu
// How far a word is looked for around a mark: enough for any word, and no scan of a whole
// paragraph per mark.
const WINDOW = 40
const DIGIT = /\p{N}/u
// What may stand before an opening mark: the start, white space, an opening bracket or mark, a dash.
const BEFORE_OPENING = /^$|[\s([{<\-–—/“‘"'«]/u
// What may follow a closing mark: the end, white space, punctuation, a closing bracket or mark.
const AFTER_CLOSING = /^$|[\s.,;:!?)\]}>\-–—…”’"'»]/u
// The endings a contraction or possessive has after its apostrophe: `Japan's`, `won't`, `we'll`.
const CONTRACTION = /^(?:s|t|ll|re|ve|d|m)(?![\p{L}\p{N}'’"”-])/u
// Words that lose their first letters to an apostrophe: `'em`, `'til`, `rock 'n' roll`.
const ELISIONS = /^(?:em|til|till|cause|tis|twas|bout|round|n|s|cos|coz|kay|ello|allo|ere|appen)(?!\p{L})/iu
// Who takes a `'ll`, `'re`, `'ve`, `'d` or `'m`: `I 've` is a space before an apostrophe, `the 're`
// is not a contraction of anything.
const PRONOUN = /^(?:i|you|we|they|he|she|it|who|that|there|what)$/iu

export default defineRule({
  id: 'quotation-marks',
  summary: 'Quotation marks that do not pair up, an apostrophe typed as `"`, and a space before an apostrophe.',
  fix: 'safe',
  options: {},
  check(_tree, _file, {article, report, remember}) {
    // The document's own apostrophe: curly when it uses more curly than straight ones in words.
    // (counted by the article model, which after an edit reads only around the change)
    const curly = article.count(CURLY_APOSTROPHE)
    const straight = article.count(STRAIGHT_APOSTROPHE)
    const apostrophe = curly > straight ? '’' : "'"

    // A quotation left open at the end of a paragraph is carried: news convention opens it again
    // at the start of the next paragraph; web copy often closes it paragraphs later with no
    // opening mark in between (a quoted e-mail, a poem). Either way nothing is wrong.
    let carried: {opens: Open[]; block: Block; age: number} | undefined
    const unclosedIn = (block: Block, opens: Open[]) => {
      for (const open of opens) report(block.span(open.at, open.at + open.mark.length), `Unexpected \`${open.mark}\`: the quotation it opens is never closed`)
    }
    for (const block of article.blocks) {
      if (carried && carried.age === 0 && /^[\s'‘’]*["“]/u.test(block.prose) && block.kind !== 'headline' && block.kind !== 'subheading') carried = undefined
      // A paragraph's own findings depend on it, the apostrophe and whether a quotation is carried in.
      const open = carried !== undefined
      const result = remember(block, `${open} ${apostrophe}`, (say) => checkBlock(block, open, apostrophe, say))
      if (result.closedCarried) carried = undefined
      if (carried) carried.age++
      if (result.left.length > 0) {
        if (carried) unclosedIn(carried.block, carried.opens)
        carried = {opens: result.left, block, age: 0}
      }
    }
    if (carried) unclosedIn(carried.block, carried.opens)
  }
})

type Report = (span: Span, reason: string, extra?: ReportExtra) => void

/**
 * Checks one paragraph; returns the double quotations it leaves open, and whether it closed one
 * carried in from an earlier paragraph.
 */
function checkBlock(block: Block, carried: boolean, apostrophe: string, report: Report): {left: Open[]; closedCarried: boolean} {
  const text = block.prose
  // A paragraph without a quotation mark or an apostrophe (many are) has nothing to pair.
  if (nextMark(text, 0) === text.length) return {left: [], closedCarried: false}
  const span = (from: number, to: number) => block.span(from, to)
  // Marks that are apostrophes, whatever they look like; pairing leaves them alone.
  const apostrophes = new Set<number>()
  // Marks between letters that still close a quotation (`"L"s`).
  const closers = new Set<number>()

  // `Japan"s`, `won"t`: an apostrophe typed as a double quote. Not `"L"s` (the plural of a quoted
  // letter: `two wooden "L"s`), whose mark closes a quotation opened just before the word.
  INNER_DOUBLE.lastIndex = 0
  for (let match = INNER_DOUBLE.exec(text); match; match = INNER_DOUBLE.exec(text)) {
    const at = match.index
    const word = /[\p{L}\p{N}'’-]*$/u.exec(text.slice(Math.max(0, at - WINDOW), at))![0]
    if (!CONTRACTION.test(text.slice(at + 1, at + 5))) continue
    if (word.length <= 2 && /["“]/u.test(text.charAt(at - word.length - 1))) {
      closers.add(at)
      continue
    }
    if (/t/iu.test(text.charAt(at + 1)) && !/n$/iu.test(word)) continue
    apostrophes.add(at)
    report(span(at, at + 1), `Unexpected \`${match[0]}\` in \`${word}${match[0]}${/^\p{L}+/u.exec(text.slice(at + 1, at + 1 + WINDOW))![0]}\`, expected an apostrophe`, {
      fix: apostrophe
    })
  }

  // `isn 't`, `House ’s`, `I 've`: a space before the apostrophe of a contraction or possessive.
  // (only where a space stands before such a mark: the expression starts by looking behind)
  for (const match of SPACE_BEFORE_MARK.test(text) ? text.matchAll(SPACED_MARK) : []) {
    const at = match.index
    const mark = match[2]
    const ending = match[3]
    if (!CONTRACTION.test(text.slice(at + match[0].length, at + match[0].length + 4))) continue
    const word = /\p{L}+$/u.exec(text.slice(Math.max(0, at - WINDOW), at))![0]
    if (ending === 't' ? !/n$/iu.test(word) : ending !== 's' && !PRONOUN.test(word)) continue
    // `the 's' key`: a quoted letter.
    if (/^\p{L}+['’]/u.test(text.slice(at + match[0].length, at + match[0].length + WINDOW))) continue
    apostrophes.add(at + match[1].length)
    report(span(at, at + match[0].length), `Unexpected space before the apostrophe in \`${word}${match[0]}${ending}\``, {fix: mark === '‘' ? apostrophe : mark})
  }

  const stack: Open[] = []
  let closedCarried = false
  // (looked for only when a closing mark may close a quotation carried in)
  let firstDoubleAt: number | undefined
  const unclosed = (open: Open) =>
    report(span(open.at, open.at + open.mark.length), `Unexpected \`${open.mark}\`: the quotation it opens is never closed`)

  // From mark to mark (a paragraph is mostly letters: taking each character as a string to look
  // it up among the marks was most of the rule's time).
  for (let at = nextMark(text, 0); at < text.length; at = nextMark(text, at + 1)) {
    if (apostrophes.has(at)) continue
    // An apostrophe inside a word (`don't`, `O’Brien`), most marks of a paragraph: what `roleOf`
    // says of a mark between two letters (a doubled mark has one after it, `„` and `″` are not read
    // there, and a double mark between letters that closes is among `closers`).
    const code = text.charCodeAt(at)
    if (code !== 0x201e && code !== 0x2033 && isLetterAt(text, at - 1) && isLetterAt(text, at + 1) && !closers.has(at)) continue
    const char = text[at]
    const before = text.charAt(at - 1)
    const pair = text.slice(at, at + 2)
    const after = text.charAt(isDoubled(pair) ? at + 2 : at + 1)

    if (isDoubled(pair)) {
      const opening = BEFORE_OPENING.test(before) && !AFTER_CLOSING.test(after)
      const closing = !BEFORE_OPENING.test(before) && AFTER_CLOSING.test(after)
      if (opening && (pair === "''" || pair === '‘‘')) {
        // `''Hello''`: a double mark typed as two single ones; consistent, so not damage.
        stack.push({at, mark: pair, kind: 'double'})
        at++
        continue
      }
      if (closing) {
        at++
        const top = stack[stack.length - 1]
        if (pair === "''" || pair === '’’') {
          if (top?.kind === 'double') {
            stack.pop()
            if (top.mark.length === 1) {
              // `“Fans,’’`: two single marks closing a double quotation.
              const expected = top.mark === '“' ? '”' : '"'
              report(span(at - 1, at + 1), `Unexpected \`${pair}\` closing a quotation opened with \`${top.mark}\`, expected \`${expected}\``, {fix: expected})
            }
          } else if (top?.kind === 'single') {
            stack.pop()
            report(span(at, at + 1), `Unexpected doubled closing mark \`${pair}\``, {fix: ''})
          } else {
            report(span(at - 1, at + 1), `Unexpected doubled closing mark \`${pair}\` with no opening quotation mark`)
          }
        } else {
          // `””`, `""`
          if (top?.kind === 'double') {
            stack.pop()
            report(span(at, at + 1), `Unexpected doubled closing mark \`${pair}\``, {fix: ''})
          } else {
            report(span(at - 1, at + 1), `Unexpected doubled closing mark \`${pair}\` with no opening quotation mark`)
          }
        }
        continue
      }
      // `""` standing alone (an empty string) or between words: not a quotation.
      if (pair === '""' || pair === "''") {
        at++
        continue
      }
    }

    // `“Dial 123″`: a double prime that closes a quotation after a number (a typesetter's
    // smart-quote slip), and otherwise a prime.
    let role = closers.has(at) ? 'close' : char === '„' ? 'open' : char === '″' ? (DIGIT.test(before) ? 'maybe-close' : 'skip') : roleOf(text, at)
    if (role === 'skip') continue
    const kind: Kind = '"“”„″'.includes(char) ? 'double' : 'single'
    const top = stack[stack.length - 1]
    let mark = char
    // `”Election day`, `said“ and`: a curly mark turned the wrong way; `„So“` is German style.
    const german = char === '“' && role === 'close' && top?.mark === '„'
    if (!german && ((char === '”' && role === 'open') || (char === '“' && role === 'close'))) {
      const expected = char === '”' ? '“' : '”'
      report(span(at, at + 1), `Unexpected \`${char}\` ${role === 'open' ? 'opening' : 'closing'} a quotation, expected \`${expected}\``, {suggest: [expected]})
      mark = expected
      if (role === 'close') role = 'close-turned'
    }

    if (role === 'open' || (role === 'either' && !stack.some((open) => open.kind === kind))) {
      // A new quotation of the same kind before the last one closed. After a sentence ends
      // (`…this court case. "It is our right…`) it is a paragraph that a scraper joined to the one
      // before, where the quotation ran on and was opened again. Inside a sentence it is a
      // quotation nested with the wrong marks (`"I was not fired from "Sunday," he wrote."`):
      // a matter of style. An open single mark may have been an apostrophe (`the ‘burbs`).
      if (top && top.kind === kind && (kind === 'single' || /[.!?…]['’‘]?\s+$/u.test(text.slice(Math.max(0, at - 4), at)))) stack.pop()
      stack.push({at, mark, kind})
      continue
    }

    // A closing mark (or a mark that may only close).
    const depth = findLast(stack, kind)
    if (role === 'maybe-close' && (depth === -1 || depth !== stack.length - 1)) {
      // `the dockers’ union`, `goin’`, `6'2"`: an apostrophe or a prime unless it closes the
      // innermost quotation.
      continue
    }
    if (depth === -1) {
      // `…stand down.'" But`: an inner quotation that ran on past an attribution closes with its
      // outer one; the single mark has nothing here to close, but nothing is wrong with it.
      if (kind === 'single' && top?.kind === 'double' && /["”]/u.test(text.charAt(at + 1))) continue
      if (top) {
        // `‘Hello,” she said`: a single quotation closed by a double mark.
        stack.pop()
        const expected = closerFor(top.mark)
        report(span(at, at + 1), `Unexpected \`${char}\` closing a quotation opened with \`${top.mark}\`, expected \`${expected}\``, {
          suggest: [expected]
        })
      } else if (role === 'close-turned') {
        // Reported already as turned the wrong way.
      } else if (kind === 'double' && carried && !closedCarried && at === (firstDoubleAt ??= text.search(/["“”„″]/u)) && /[.!?…,;:—\-\p{L}]/u.test(before) && /^\s*$/u.test(text.slice(at + 1))) {
        // It ends a paragraph and closes the quotation an earlier one left open (`…certified.”`).
        closedCarried = true
      } else {
        report(span(at, at + 1), `Unexpected closing \`${char}\` with no opening quotation mark`)
      }
      continue
    }
    // Quotations opened inside this one and never closed; an inner one that runs on past an
    // attribution and closes with its outer one later (`'…down.'"`) is not reported.
    const runsOn = stack.length - 1 > depth && /['’]["”]/u.test(text.slice(at + 1))
    while (stack.length - 1 > depth) {
      const inner = stack.pop()!
      if (!(inner.kind === 'single' && runsOn)) unclosed(inner)
    }
    const open = stack.pop()!
    const expected = closerFor(open.mark)
    if (role !== 'close-turned' && !german && open.mark.length === 1 && isCurly(open.mark) !== isCurly(char)) {
      report(span(at, at + 1), `Unexpected \`${char}\` closing a quotation opened with \`${open.mark}\`, expected \`${expected}\``, {
        suggest: [expected]
      })
    }
  }

  // A single mark left open may be an apostrophe (`the ‘burbs`, `'Allo`): only double ones count.
  return {left: stack.filter((open) => open.kind === 'double'), closedCarried}
}

// The index of the first quotation mark or prime (`"“”„'‘’″`) at or after `from`; the text's
// length when there is none.
// (found by an expression, whose scan is compiled: a loop over the characters ran unoptimized
// for most of a cold run)
function nextMark(text: string, from: number): number {
  MARK.lastIndex = from
  return MARK.exec(text)?.index ?? text.length
}
const MARK = /["'\u2018\u2019\u201c-\u201e\u2033]/gu

// Whether the character at an index is a letter, as `LETTER.test(text.charAt(index))` says.
function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
  return index >= 0 && LETTER.test(text.charAt(index))
}

function isDoubled(pair: string): boolean {
  return pair.length === 2 && pair[0] === pair[1] && '"“”\'‘’'.includes(pair[0])
}

function isCurly(mark: string): boolean {
  return mark !== '"' && mark !== "'"
}

function closerFor(mark: string): string {
  return mark === '“' || mark === '„' ? '”' : mark === '‘' ? '’' : mark
}

function findLast(stack: Open[], kind: Kind): number {
  for (let index = stack.length - 1; index >= 0; index--) if (stack[index].kind === kind) return index
  return -1
}

/**
 * What a mark does where it stands: opens, closes, may close (and is otherwise an apostrophe or a
 * prime), either (straight, white space on both sides), or nothing at all (an apostrophe inside a
 * word, `’90s`, `rock ’n’ roll`, `6'2"`).
 */
function roleOf(text: string, at: number): 'open' | 'close' | 'close-turned' | 'maybe-close' | 'either' | 'skip' {
  const char = text[at]
  const before = text.charAt(at - 1)
  const after = text.charAt(at + 1)
  const single = '\'‘’'.includes(char)
  // Inside a word: `don't`, `O’Brien` (a double mark between letters is handled before).
  if (LETTER.test(before) && LETTER.test(after)) return 'skip'
  // A prime after a number: `6'2"`, `a 12" record`, `40°26'46"N`. A double mark may still close.
  if (DIGIT.test(before)) return single || /\d['’′]\d+$/u.test(text.slice(Math.max(0, at - 8), at)) ? 'skip' : 'maybe-close'
  const openingPlace = BEFORE_OPENING.test(before)
  const closingPlace = AFTER_CLOSING.test(after)
  if (single) {
    // `’90s`, `'em`, `rock ’n’ roll`: letters or digits left out.
    if (openingPlace && (DIGIT.test(after) || ELISIONS.test(text.slice(at + 1, at + 8)))) return 'skip'
    if (/['’‘]n$/iu.test(text.slice(Math.max(0, at - 2), at)) && (at === 2 || /\s/u.test(text.charAt(at - 3)))) return 'skip'
    if (char === '’' && openingPlace && !closingPlace) return 'skip'
    if (char === '‘' && !openingPlace) return 'skip'
    if (openingPlace && !closingPlace) return 'open'
    // After a letter: a closing mark, or the apostrophe of `dockers’`, `goin’`.
    if (LETTER.test(before) && closingPlace) return 'maybe-close'
    if (closingPlace && !openingPlace) return char === '‘' ? 'skip' : 'close'
    return 'skip'
  }
  // A curly mark says what it is, unless its place says the opposite (`”Election day`).
  if (char === '“') return !openingPlace && closingPlace && !LETTER.test(after) ? 'close' : 'open'
  if (char === '”') return openingPlace && !closingPlace ? 'open' : 'close'
  if (openingPlace && closingPlace) return 'either'
  if (openingPlace) return 'open'
  if (closingPlace) return 'close'
  // `said."The`, `budget."We`: a space lost after a closing mark, or before an opening one.
  if (/[.,!?;:]/u.test(before)) return 'either'
  return 'skip'
}
