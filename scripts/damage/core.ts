// The damage generator's shared model: an article as lines, a seeded random source, and the
// helpers every damage class uses to find sentences and words. A class edits one line it has
// not used before and says where its damage now stands; the driver turns that into truth.

/** A seeded random source (mulberry32): the same seed gives the same draws on every machine. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [0, n). */
  int(n: number): number
  /** One item of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True with probability p. */
  chance(p: number): boolean
  /** The list in a random order (a copy). */
  shuffle<T>(items: readonly T[]): T[]
}

export function createRng(seed: string): Rng {
  // FNV-1a folds the seed text into 32 bits; mulberry32 does the rest.
  let state = 2166136261
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    pick: (items) => items[int(items.length)],
    chance: (p) => next() < p,
    shuffle(items) {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1)
        ;[copy[i], copy[j]] = [copy[j], copy[i]]
      }
      return copy
    }
  }
}

export type LineKind = 'headline' | 'body' | 'other' | 'blank' | 'inserted'

/** One line of the article; `used` once a damage class has edited it. */
export interface Line {
  text: string
  kind: LineKind
  used: boolean
}

export interface Doc {
  /** Path relative to the input folder, with `/`. */
  name: string
  lines: Line[]
  /** Paragraphs are separated by blank lines (news-dev, wire-dev, web-dev all are). */
  blankSeparated: boolean
}

/** What a class did: the damaged span, as offsets into `line.text` after the edit. */
export interface Damage {
  line: Line
  start: number
  end: number
  /** A finer shape inside the class (attribution: `after-quote/pronoun`), for breakdowns. */
  shape?: string
  why: string
  /** The text the span should read after a fix; null when only a person can restore it. */
  fix: string | null
}

/** A damage class: `id` is the truth file's `class`; `apply` returns null when the article has no place for it. */
export interface DamageClass {
  id: string
  about: string
  /** Tried on every article, not at the run's rate: the class finds few places (a headline place, an attribution). */
  always?: boolean
  apply(doc: Doc, rng: Rng): Damage | null
}

// Reading lines ---------------------------------------------------------------------------

/** Splits an article into lines: the first non-blank line is the headline; body lines are prose paragraphs. */
export function readDoc(name: string, text: string): Doc {
  const raw = text.split('\n')
  let seenHeadline = false
  const lines: Line[] = raw.map((text) => {
    if (!text.trim()) return {text, kind: 'blank', used: false}
    if (!seenHeadline) {
      seenHeadline = true
      return {text, kind: 'headline', used: false}
    }
    return {text, kind: isProse(text) ? 'body' : 'other', used: false}
  })
  const blanks = lines.filter((line) => line.kind === 'blank').length
  return {name, lines, blankSeparated: blanks >= Math.min(3, lines.length / 3)}
}

// A prose paragraph: eight words or more ending in sentence punctuation (a byline, a subheading,
// a formula or a list of links is not one).
function isProse(text: string): boolean {
  const words = text.match(/\S+/g) ?? []
  return words.length >= 8 && /[.!?]["”’)]?\s*$/.test(text) && !/[{}\\<>|=]|https?:/.test(text)
}

/** Body lines no class has touched yet, in a random order. */
export function freeBodyLines(doc: Doc, rng: Rng): Line[] {
  return rng.shuffle(doc.lines.filter((line) => line.kind === 'body' && !line.used))
}

/** The whole text, for questions like "does the article name X anywhere?". */
export function fullText(doc: Doc): string {
  return doc.lines.map((line) => line.text).join('\n')
}

// Abbreviations whose period does not end a sentence.
const abbreviations = new Set(
  'inc corp ltd co jr sr st vs gen gov sen rep rev col lt sgt capt mr mrs ms dr prof jan feb mar apr aug sept sep oct nov dec no approx dept est fig mt ft cf al etc'.split(
    ' '
  )
)

/** Offsets of periods that end a sentence inside a line (a lower-case word before, space or line end after). */
export function sentenceEndPeriods(text: string): number[] {
  const ends: number[] = []
  for (const match of text.matchAll(/([A-Za-z0-9%]+)\.(?=\s+["“‘(]?[A-Z]|\s*$)/g)) {
    const word = match[1]
    if (!/[a-z0-9%]$/.test(word) || word.length < 2 || abbreviations.has(word.toLowerCase())) continue
    if (/^[a-z]$/i.test(word.slice(-1)) && /\.[a-z]$/i.test(text.slice(0, match.index + word.length))) continue
    ends.push(match.index + word.length)
  }
  return ends
}

/** Offsets where a sentence starts: the line start and after each sentence-end period. */
export function sentenceStarts(text: string): number[] {
  const starts = [text.search(/\S/)]
  for (const end of sentenceEndPeriods(text)) {
    const rest = text.slice(end + 1)
    const gap = rest.search(/\S/)
    if (gap >= 0) starts.push(end + 1 + gap)
  }
  return starts.filter((start) => start >= 0)
}

/** Word tokens of a line with their offsets (letters, inner apostrophes and hyphens). */
export function words(text: string): Array<{word: string; start: number; end: number}> {
  return [...text.matchAll(/[\p{L}][\p{L}'’-]*[\p{L}]|[\p{L}]/gu)].map((match) => ({
    word: match[0],
    start: match.index,
    end: match.index + match[0].length
  }))
}

/** Replaces `text[start, end)` of a line and marks it used. */
export function edit(line: Line, start: number, end: number, replacement: string): void {
  line.text = line.text.slice(0, start) + replacement + line.text.slice(end)
  line.used = true
}

/** Escapes a string for a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
