// Punctuation left behind by editing: a mark after a sentence already ended (`conversations. .`),
// a sentence that begins with a comma (`advance. , economic`), a space before a mark (`drug .`),
// doubled commas, and a paragraph that begins with a mark whose label was stripped (`: Anderson`).
import {isAbbreviation} from '../../src/abbreviations.js'
import {isVerbatimAt, OPAQUE, quotationAt} from '../../src/article.js'
import {defineRule} from '../../src/rule.js'
import {runBefore} from '../../src/text.js'

// A mark that may start a run of marks. The run is the marks from it on, with all the spaces and
// tabs before it: found by walking from the mark (an expression for the whole run started with a
// look-behind tried at every character of every text, and starting inside a run of spaces
// retried at every space, quadratic in a long one).
const MARK = /[.,;:!?]/gu
const SPACE = /\s/u
const BRACKET = /[()[\]{}]/u
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u
// Read at the last mark of a run (sticky): `talks.The`, `leave;however` (a mark without a space
// before a capital, or a semicolon before a word), and `foo,bar`.
const RUN_ON = /[.!?](?=\p{Lu}(?:\p{Ll}|\s))|;(?=\p{Ll}{2})/uy
const COMMA_BEFORE_LETTER = /,(?=\p{L})/uy

export default defineRule({
  id: 'stray-punctuation',
  summary: 'Punctuation left behind by editing, and its spacing, such as `. .`, `. ,`, `drug .` and `talks.The`.',
  fix: 'safe',
  scope: 'block',
  // `!!` and `??` are emphasis in web copy far more often than damage: reported only when asked.
  options: {doubledMarks: false},
  check(_tree, _file, {article, report, options}) {
    for (const block of article.blocks) {
      // A byline, a date line or a credit is not prose: `Monday 10.29.2012 , Posted by` is its layout.
      if (block.kind === 'furniture') continue
      const text = block.prose
      const leading = /^\s*([,;:])(?=\s*\p{L})/u.exec(block.bodyStart === 0 ? text : text.slice(block.bodyStart))
      if (leading && block.kind !== 'list-item') {
        const at = block.bodyStart + leading[0].length - 1
        report(block.span(at, at + 1), `Unexpected \`${leading[1]}\` at the start of a paragraph: what it followed is missing`)
      }
      let previousEnd = -1
      const ellipsis = {index: -1, from: -1, count: 0}
      let firstSolid: number | undefined
      // Marks before a letter: a period, `!`, `?` or `;` that runs two sentences or clauses together, a comma.
      const runOns: number[] = []
      const commas: number[] = []
      MARK.lastIndex = 0
      for (let mark = MARK.exec(text); mark; mark = MARK.exec(text)) {
        const start = mark.index
        let end = start + 1
        while (end < text.length && isMark(text.charCodeAt(end))) end++
        let from = start
        while (from > 0 && isBlank(text.charCodeAt(from - 1))) from--
        MARK.lastIndex = end
        // Only the last mark of a run can stand before a letter: where one does, the checks for
        // a mark without a space after it (below) are asked here, so the paragraph is not scanned
        // again for each of them. (A character that is neither ASCII nor a letter fails the test.)
        if (end < text.length && mayBeLetter(text.charCodeAt(end))) {
          const at = end - 1
          const last = text.charCodeAt(at)
          if (last === 0x2c) {
            COMMA_BEFORE_LETTER.lastIndex = at
            if (COMMA_BEFORE_LETTER.test(text)) commas.push(at)
          } else if (last !== 0x3a) {
            RUN_ON.lastIndex = at
            if (RUN_ON.test(text)) runOns.push(at)
          }
        }
        const afterPrevious = previousEnd === from && from !== start
        previousEnd = end
        // A lone mark right after a word (nearly every run) is what everything below allows.
        if (from === start && end === start + 1) continue
        const gap = text.slice(from, start)
        const marks = text.slice(start, end)
        const after = text.charAt(end)
        // Marks inside an address or code (`example.com/a,b`, `f(a,b)`) are theirs.
        if (isVerbatimAt(block, start)) continue
        // Ellipses (`...`, `. . .`) are style, never damage.
        if (/^\.{3,}$/u.test(marks) || isSpacedEllipsis(text, start, ellipsis)) continue
        if (gap !== '' && from <= (firstSolid ??= text.search(/\S/u))) continue
        // `a ,,test''` imitates low and high quotation marks; it is not a doubled comma.
        if (marks === ',,' && LETTER_OR_DIGIT.test(after) && /\s/u.test(text.charAt(start - 1))) continue

        // `January. ;)`: an emoticon after a sentence.
        if (/^[;:]$/u.test(marks) && /^-?[()DPp]/u.test(text.slice(end))) continue
        if (afterPrevious && /[.!?]/u.test(text.charAt(from - 1))) {
          const ended = text.charAt(from - 1)
          const word = lastWord(text, from - 1)
          if (ended === '.' && isAbbreviation(word)) {
            // `Inc. ,` is a space before a comma, not a sentence that ended twice.
            spaceBefore(from, gap, marks, after)
          } else if (marks === '.' && ended === '.') {
            // conversations. . -> conversations.
            report(block.span(from, end), 'Unexpected `.` after a sentence that already ended', {fix: ''})
          } else if (/^[,;]$/u.test(marks) && ended === '.') {
            // advance. , economic -> advance, economic
            report(block.span(from - 1, end), `Unexpected \`${marks}\` at the start of a sentence, expected \`${marks}\` in place of the period`, {fix: marks})
          }
          continue
        }
        if (gap !== '') {
          spaceBefore(from, gap, marks, after)
          continue
        }
        // `prices.. wait.. what?`, `I know.. this is`: two periods as an informal ellipsis, before
        // a lower-case word or after one (`…..`). Before a capital or at the end they are doubled.
        if (marks === '..' && (text.charAt(start - 1) === '…' || /^\s*[\p{Ll}…]/u.test(text.slice(end)))) continue
        if (marks === '..') {
          report(block.span(start, end), 'Unexpected `..`, expected one period (or an ellipsis `...`)', {fix: '.'})
        } else if (/^(?:,,+|;;+)$/u.test(marks)) {
          report(block.span(start, end), `Unexpected \`${marks}\`, expected \`${marks[0]}\``, {fix: marks[0]})
        } else if (options.doubledMarks && /^(?:!!+|\?\?+)$/u.test(marks) && !quotationAt(block, start)) {
          report(block.span(start, end), `Unexpected \`${marks}\`, expected \`${marks[0]}\``, {suggest: [marks[0]]})
        }
      }

      // `2 %`: a percentage is written closed up in English.
      if (text.includes('%')) {
        for (const match of text.matchAll(/(?<=\d)([ \u00a0]+)%/gu)) {
          report(block.span(match.index, match.index + match[0].length), 'Unexpected space before `%`', {fix: '%'})
        }
      }
      // `( Reuters )`: white space just inside brackets (`[ ]`, an empty checkbox, is not; nor
      // a whole paragraph set in padded brackets as a note: `[ Read our guide to routers. ]`).
      // (the expression starts with a lookbehind, tried at every character: it is run only on
      // text that has a bracket)
      const padded = /^\s*\[ .* \]\s*$/su.test(text)
      for (const match of padded || !BRACKET.test(text) ? [] : text.matchAll(/[([{][ \t]+(?=[^\s)\]}])|(?<![ \t])[ \t]+[)\]}]/gu)) {
        const opening = '([{'.includes(match[0][0])
        const from = opening ? match.index + 1 : match.index
        const to = opening ? match.index + match[0].length : match.index + match[0].length - 1
        if (!opening && (from === 0 || /[\s([{]/u.test(text.charAt(from - 1)))) continue
        const bracket = opening ? match[0][0] : match[0][match[0].length - 1]
        report(block.span(from, to), `Unexpected space inside \`${bracket}\``, {fix: ''})
      }
      // `talks.The minister`, `leave;however`: sentences or clauses run together. Not in names
      // and addresses with more dots (`Halo.Bungie.Org`, `bbc.co.uk`) or slashes.
      for (const at of runOns) {
        if (!/\p{Ll}\p{Ll}$/u.test(text.slice(Math.max(0, at - 2), at))) continue
        const token = runBefore(text, at, /\S/u) + /^\S*/u.exec(text.slice(at))![0]
        if ((token.match(/[.]/gu) ?? []).length > 1 || /[/@\\]|^www|:\/\//u.test(token)) continue
        const mark = text[at]
        if (isVerbatimAt(block, at)) continue
        report(block.span(at, at + 1), `Unexpected \`${mark}\` without a space after it`, {fix: `${mark} `})
      }
      // `foo,bar`: a comma between two words with no space after it.
      for (const at of commas) {
        if (!/\p{Ll}/u.test(text.charAt(at - 1)) || isVerbatimAt(block, at)) continue
        report(block.span(at, at + 1), 'Unexpected `,` without a space after it', {fix: ', '})
      }

      // `drug .`, `France , Ireland`: white space before a mark that ends or splits a clause.
      function spaceBefore(index: number, gap: string, marks: string, after: string) {
        const mark = marks[0]
        const markAt = index + gap.length
        const previous = text.charAt(index - 1)
        // `.5`, `.org`, `:30`, `./validate.sh`: not punctuation but part of a number, name or path.
        if ('.:'.includes(mark) && marks.length === 1 && (LETTER_OR_DIGIT.test(after) || after === '/' || after === '\\')) return
        // `2 : 1`: a score or ratio.
        if (mark === ':' && /\d/u.test(previous) && /^\s*\d/u.test(text.slice(markAt + 1))) return
        // `:)`, `;-)`: emoticons.
        if (':;'.includes(mark) && /^[-()DPp]/u.test(text.slice(markAt + 1))) return
        const next = text.charAt(markAt + 1)
        const spaceAfter = ',;'.includes(mark) && LETTER_OR_DIGIT.test(next) ? ' ' : ''
        // After an address, closing the space must leave the mark apart from what follows, or a
        // reader's linkifier takes both into the address (`www.example.org ,&c` is not
        // `www.example.org,&c`; `https://x.org/ ![` is not `https://x.org/![`), and GFM keeps a
        // trailing `;` in one: such a repair is offered, never applied. (In Markdown and HTML an
        // address or code is in the prose as OPAQUE characters.)
        const glued = spaceAfter === '' && next !== '' && !SPACE.test(next)
        const afterAddress = index > 0 && (isVerbatimAt(block, index - 1) || text.charAt(index - 1) === OPAQUE)
        if (afterAddress && (glued || mark === ';')) {
          report(block.span(index, markAt + 1), `Unexpected space before \`${mark}\``, {suggest: [mark + (glued ? ' ' : '')]})
          return
        }
        report(block.span(index, markAt + 1), `Unexpected space before \`${mark}\``, {fix: mark + spaceAfter})
      }
    }
  }
})

// Whether a character may be a letter: an ASCII letter, or any character past ASCII (read by an expression).
function mayBeLetter(code: number): boolean {
  return code >= 0x80 || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

// `.,;:!?`
function isMark(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3b || code === 0x3a || code === 0x21 || code === 0x3f
}

// A space, a tab or a no-break space: what may stand between a word and a mark by mistake.
function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0xa0
}

function lastWord(text: string, end: number): string {
  return runBefore(text, end, /[^\s"'“”‘’()[\]]/u)
}

// `. . .`: periods separated by single spaces, three or more. Runs are met in order, so the walk
// back stops at the last one asked about and takes its answer (`. . . . .` ten thousand times
// over was quadratic).
function isSpacedEllipsis(text: string, index: number, last: {index: number; from: number; count: number}): boolean {
  let from = index
  let count = -1
  while (from >= 2 && text[from - 1] === ' ' && text[from - 2] === '.') {
    from -= 2
    if (from === last.index) {
      from = last.from
      count = last.count
      break
    }
  }
  if (count === -1) {
    count = 0
    for (let i = from; i < text.length && text[i] === '.'; i += 2) {
      count++
      if (!SPACE.test(text.charAt(i + 1))) break
    }
  }
  Object.assign(last, {index, from, count})
  return count >= 3
}
