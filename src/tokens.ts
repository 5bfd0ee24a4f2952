// Protected tokens: addresses, e-mail addresses, domain names, file paths, numbers with parts
// (versions, decimals, times) and code-like tokens (`.NET`, `node.js`, `e.g.`). A safe fix never
// changes one of them, and never glues one onto a neighbour (`it. .NET` must not become
// `it.NET`); the engine checks every safe fix against them, and rules can skip them.
import type {Span} from './rule.js'
import {ownCopy} from './text.js'

export type TokenKind = 'url' | 'email' | 'path' | 'number' | 'code'

/** A protected token: its kind and its source span. */
export interface Token extends Span {
  kind: TokenKind
}

/** What a safe fix does to the tokens it touches. */
export type FixEffect =
  /** Leaves every token byte for byte, and no token glued to anything new. */
  | 'keeps'
  /** Cuts into a token: the rule read part of it as prose (`..` in `/a/../b`). */
  | 'cuts'
  /** Replaces whole tokens, or glues one to its neighbour: a person must look. */
  | 'changes'

// A run: what lies between white space, markup brackets and quotation marks. An HTML entity
// other than `&amp;` (which addresses hold) separates runs too, and is itself no token:
// `example.com&nbsp;said`, `it&#8217;s`, and one escaped again in HTML, `wasn&amp;#x27;t` (the
// first alternative consumes it whole).
// Read by a loop, not one expression: an expression for a run kept a backtracking entry per
// character or per stretch once V8 compiled it to machine code (after many files in one
// process), and a run of twelve million commas overflowed the stack. Bounds on an entity's parts
// keep its expression's work small too (no named or numbered reference is longer).
const ENTITY_AT = /&(?:amp;){0,8}(?:#x?[\da-f]{1,8}|[a-z][a-z\d]{0,31});/iy
const ENTITY_AMP = /&amp;/giu
// Marks that open a bracket or emphasis before a token (counted by a loop, as the marks after it).
const LEADING = new Set([...'([{\'*_~¡¿'])
// Marks that end a sentence or a bracket after a token (read backwards: a `+$` pattern is
// quadratic on a long run of them).
const TRAILING = new Set([...'.,;:!?\'*_~)]}'])
// Quantifiers are bounded so that a run of 100,000 letters is scanned in linear time.
const SCHEME = /[a-z][a-z\d+.-]{0,31}:\/\/|\b(?:mailto|tel|urn|news):(?=\S)|\bwww\d{0,3}\.(?=[\p{L}\p{N}])/iu
// The local part takes every character RFC 5322 allows unquoted (`o'brien@`, `he$a@`).
const EMAIL = /[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u
const PATH_START = /^(?:\.{1,2}[\\/]|~[\\/]|[\\/](?=[^\s\\/])|[A-Za-z]:[\\/]|\\\\)/u
const SLASHED = /[^\\/][\\/]+[^\\/]/u
const NUMBER = /^[-+−±]?[$£€¥]?(?:v?\d+(?:[.,:]\d+)+|\.\d+)/iu
const LEADING_DOT = /^\.[\p{L}\p{N}]/u
const DOTTED = /^[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)+$/u
// `talks.The`, `Japan.He`: a sentence run into the next, which the rules repair; not a name.
const RUN_TOGETHER = /^[\p{L}\p{N}'’-]+\.\p{Lu}\p{Ll}*$/u
const SINGLE_LETTERS = /^\p{L}(?:\.\p{L})+$/u
// How far the check of an edit looks for the ends of the runs it touches.
const CONTEXT = 512
const CODE = /^[#@$][\p{L}\p{N}_]+|^\p{L}[\p{L}\p{N}]*(?:\+\+|#)$|[\p{L}\p{N}]_[\p{L}\p{N}]|\(\)$/u

/** Whether a UTF-16 code unit ends a run: white space (as `\s` reads it), markup brackets, quotation marks. */
function isBreak(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d)
  if (code < 0x7f) return code === 0x3c || code === 0x3e || code === 0x22 || code === 0x60 || code === 0x7c
  switch (code) {
    case 0xa0: case 0xab: case 0xbb: case 0x1680: case 0x2018: case 0x2019: case 0x201c: case 0x201d:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000: case 0xfeff:
      return true
    default:
      return code >= 0x2000 && code <= 0x200a
  }
}

/** The length of the character reference at `index` (none past `to`), or 0. */
function entityAt(text: string, index: number, to: number): number {
  ENTITY_AT.lastIndex = index
  const match = ENTITY_AT.exec(text)
  if (!match) return 0
  if (index + match[0].length <= to) return match[0].length
  // It runs past the end: a shorter one may end within it (`&amp;a;` cut before its `;` still
  // holds `&amp;`).
  ENTITY_AT.lastIndex = 0
  return ENTITY_AT.exec(text.slice(index, to))?.[0].length ?? 0
}

/** The protected tokens of a text (or of `text.slice(from, to)`), in order, not overlapping. */
export function scanTokens(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = []
  const each = (start: number, end: number) => {
    // (a run of letters, as nearly every word is, is no token: it is not sliced and read)
    if (!mayBeToken(text, start, end)) return
    // A Markdown link or image, `[text](address)`, holds two runs.
    let offset = start
    for (const part of text.slice(start, end).split(/(?<=\])(?=\()/u)) {
      const token = classify(part, offset)
      if (token) tokens.push(token)
      offset += part.length
    }
  }
  if (to !== text.length) {
    forEachRun(text, from, to, each)
    return tokens
  }
  // Only what lies between two breaks and holds a character some token needs is read run by run
  // (a character reference holds no break, so its runs are the same as read from `from`): the
  // expression skips the rest, most of the text, compiled, where a loop over every character ran
  // unoptimized for most of a cold run. (A part of a text is read whole: the expression would
  // look past its end.)
  TOKEN_CHARACTER.lastIndex = from
  for (let found = TOKEN_CHARACTER.exec(text); found; found = TOKEN_CHARACTER.exec(text)) {
    let start = found.index
    while (start > from && !isBreak(text.charCodeAt(start - 1))) start--
    let end = found.index + 1
    while (end < to && !isBreak(text.charCodeAt(end))) end++
    forEachRun(text, start, end, each)
    TOKEN_CHARACTER.lastIndex = end
  }
  return tokens
}

// The characters of `mayBeToken`.
const TOKEN_CHARACTER = /[\d:.@/\\~+#_()$]/gu

/**
 * Calls `each` with the start and end of every run of `text.slice(from, to)`: what lies between
 * white space, markup brackets and quotation marks, less the character references between them.
 */
export function forEachRun(text: string, from: number, to: number, each: (start: number, end: number) => void): void {
  let index = from
  while (index < to) {
    const code = text.charCodeAt(index)
    if (isBreak(code)) {
      index++
      continue
    }
    // A character reference is a run of its own, and no token.
    const entity = code === 0x26 ? entityAt(text, index, to) : 0
    if (entity) {
      index += entity
      continue
    }
    let end = index + 1
    while (end < to) {
      const next = text.charCodeAt(end)
      if (isBreak(next) || (next === 0x26 && entityAt(text, end, to))) break
      end++
    }
    each(index, end)
    index = end
  }
}

// The tokens of a line by its text, relative to its start: an editor re-lints the same lines
// after each keystroke, and scanning them was a sixth of a re-lint. Cleared when full.
const scanned = new Map<string, readonly Token[]>()
const MAX_SCANNED = 5_000
const MAX_SCANNED_LINE = 10_000

/**
 * `scanTokens(text)`, line by line, each line's scan remembered. A run never holds a line break,
 * so the tokens of the lines are the tokens of the text.
 */
export function scanLines(text: string): Token[] {
  const tokens: Token[] = []
  let start = 0
  while (start <= text.length) {
    let end = text.indexOf('\n', start)
    if (end === -1) end = text.length
    if (end - start > MAX_SCANNED_LINE) {
      for (const token of scanTokens(text, start, end)) tokens.push(token)
    } else {
      const line = text.slice(start, end)
      let found = scanned.get(line)
      if (!found) {
        if (scanned.size >= MAX_SCANNED) scanned.clear()
        found = scanTokens(line)
        // (a copy: the line, cut from the text, would keep the whole text alive as a key)
        scanned.set(ownCopy(line), found)
      }
      for (const token of found) tokens.push({kind: token.kind, start: token.start + start, end: token.end + start})
    }
    start = end + 1
  }
  return tokens
}

/**
 * Whether `text.slice(start, end)` holds a character without which `classify` finds no token:
 * every kind needs a digit or one of `: . @ / \\ ~ + # _ ( ) $` (a scheme or a drive its colon,
 * a domain or a version its period, a path its slash, code its `_`, `#`, `++` or `()`).
 */
function mayBeToken(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0x30 && code <= 0x3a) return true // 0-9 and :
    switch (code) {
      case 0x2e: case 0x40: case 0x2f: case 0x5c: case 0x7e: case 0x2b: case 0x23: case 0x5f: case 0x28: case 0x29: case 0x24:
        return true
    }
  }
  return false
}

// The token a run holds, if any: its punctuation stripped, then read by shape.
function classify(run: string, offset: number): Token | undefined {
  let lead = 0
  while (lead < run.length && LEADING.has(run[lead])) lead++
  let core = run.slice(lead)
  let cut = core.length
  while (cut > 0 && TRAILING.has(core[cut - 1])) cut--
  let trail = core.slice(cut)
  // A closing bracket that the token opened stays: `https://en.wikipedia.org/wiki/Go_(game)`.
  if (trail.startsWith(')')) {
    const base = core.slice(0, core.length - trail.length)
    let open = count(base, '(') - count(base, ')')
    while (open > 0 && trail.startsWith(')')) {
      trail = trail.slice(1)
      open--
    }
  }
  core = core.slice(0, core.length - trail.length)
  if (core === '') return undefined
  const start = offset + lead
  const make = (kind: TokenKind, from = 0, length = core.length): Token => ({kind, start: start + from, end: start + from + length})

  const scheme = SCHEME.exec(core)
  if (scheme) return make('url', scheme.index, core.length - scheme.index)
  const email = core.includes('@') ? EMAIL.exec(core) : null
  if (email) return make('email', email.index, email[0].length)
  // `/..`, `dir/..`: a slash followed by dots is a path too (`/..` became `/.`).
  const dotsAfterSlash = /[\\/]$/u.test(core) && trail.startsWith('.')
  if (PATH_START.test(core) || SLASHED.test(core) || dotsAfterSlash) {
    // `/a/..` at a sentence's end keeps its dots: `/a/...` is the path `/a/..` and a period.
    if (dotsAfterSlash) return make('path', 0, core.length + Math.min(2, /^\.+/u.exec(trail)![0].length))
    return make('path')
  }
  const number = NUMBER.exec(core)
  if (number) return make('number', 0, number[0].length)
  if (LEADING_DOT.test(core)) return make('code')
  const bare = core.replace(ENTITY_AMP, '&')
  if (DOTTED.test(bare)) {
    // `e.g.`, `U.S.`, `a.m.`: the final period is the token's own.
    if (SINGLE_LETTERS.test(core)) return make('code', 0, core.length + (trail.startsWith('.') ? 1 : 0))
    if (!RUN_TOGETHER.test(core)) return make(/\.[a-z]{2,}$/u.test(core) ? 'url' : 'code')
    return undefined
  }
  if (CODE.test(core)) return make('code')
  return undefined
}

function count(text: string, character: string): number {
  let total = 0
  for (const each of text) if (each === character) total++
  return total
}

/** The tokens that overlap or touch a span, by binary search over sorted tokens. */
export function tokensNear(tokens: readonly Token[], span: Span): Token[] {
  let low = 0
  let high = tokens.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (tokens[middle].end < span.start) low = middle + 1
    else high = middle
  }
  const found: Token[] = []
  for (let index = low; index < tokens.length && tokens[index].start <= span.end; index++) found.push(tokens[index])
  return found
}

/**
 * What replacing `span` of `text` with `replacement` does to the protected tokens: an edit that
 * only touches a token is checked by scanning the edited neighbourhood again, so `it. .NET` to
 * `it.NET` (a new, longer token) is caught, and `2.5 %` to `2.5%` is not.
 */
export function fixEffect(text: string, tokens: readonly Token[], span: Span, replacement: string): FixEffect {
  const near = tokensNear(tokens, span)
  if (near.length === 0) return 'keeps'
  let changes = false
  const touching: Token[] = []
  for (const token of near) {
    const empty = span.start === span.end
    if (empty ? token.start < span.start && span.start < token.end : span.start < token.end && token.start < span.end) {
      if (empty || span.start > token.start || span.end < token.end) return 'cuts'
      // Deleted whole (a line of page residue holding `AFP/Getty`) is not changed.
      if (replacement.trim() !== '') changes = true
    } else touching.push(token)
  }
  if (changes) return 'changes'

  // Scan the edited neighbourhood again, from white space to white space.
  let from = Math.min(span.start, ...touching.map((token) => token.start))
  let to = Math.max(span.end, ...touching.map((token) => token.end))
  const floor = Math.max(0, from - CONTEXT)
  const ceiling = Math.min(text.length, to + CONTEXT)
  while (from > floor && !/\s/u.test(text.charAt(from - 1))) from--
  while (to < ceiling && !/\s/u.test(text.charAt(to))) to++
  const edited = text.slice(from, span.start) + replacement + text.slice(span.end, to)
  const shift = replacement.length - (span.end - span.start)
  const after = scanTokens(edited)
  for (const token of touching) {
    const length = token.end - token.start
    const start = token.start - from + (token.start >= span.end ? shift : 0)
    const same = after.find((candidate) => candidate.start <= start && candidate.end >= start + length)
    if (!same || same.start !== start || edited.slice(start, start + length) !== text.slice(token.start, token.end)) return 'changes'
    // Growing to the right by punctuation only (`2.5%`) glues nothing.
    if (/[\p{L}\p{N}]/u.test(edited.slice(start + length, same.end))) return 'changes'
  }
  return 'keeps'
}
