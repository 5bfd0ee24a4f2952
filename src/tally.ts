// Counts of short patterns in the source (`says` and `said`, apostrophes between letters), the
// article-wide evidence some rules weigh. An editor re-lints after each keystroke, so a count is
// carried over from the last lint and only the stretch around what changed is read again.

/** The counts of the last lint, for the next one, by pattern. */
export interface Tally {
  source: string
  counts: Map<string, {pattern: RegExp; count: number}>
}

/** Counts patterns in one source. */
export interface Counter {
  count(pattern: RegExp): number
  /**
   * What the next lint starts from: every pattern counted in this lint or carried to it (a
   * pattern a lint did not ask for is still counted around the change, so that the next lint
   * that asks need not count it all).
   */
  readonly tally: Tally
}

/**
 * How far a match of a counted pattern, with all it looks at around it (`\b`, a look-behind),
 * may reach: a match is decided by the characters within this distance of where it starts.
 */
export const REACH = 32

const CHUNK = 256

/**
 * A counter over `source` that starts from `previous` (the tally of the last lint) where it can.
 * Only for global patterns whose matches are at most `REACH` characters with what they look at
 * and never overlap one another (a word between `\b`, one mark between letters): then the
 * matches away from the change are the same in both texts, and only those near it are counted.
 */
export function createTally(source: string, previous?: Tally): Counter {
  return new TallyCounter(source, previous)
}

// A class, not an object literal with a `tally` getter: V8 keeps an accessor defined on an object
// in its old generation, and through the getter's closure it held this lint's source and counts,
// and the last lint's tally, through every young-generation collection until a full one (see
// ArticleModel in article.ts).
class TallyCounter implements Counter {
  private readonly counts: Tally['counts'] = new Map()
  // The changed stretch: [from, to) in the last source, [from, toNow) in this one.
  private change: {from: number; to: number; toNow: number} | undefined

  constructor(
    private readonly source: string,
    private readonly previous: Tally | undefined
  ) {}

  private changed(last: string): {from: number; to: number; toNow: number} {
    if (this.change) return this.change
    const {source} = this
    const limit = Math.min(last.length, source.length)
    // By chunks first, compared natively, then by characters.
    let from = 0
    while (from + CHUNK <= limit && last.slice(from, from + CHUNK) === source.slice(from, from + CHUNK)) from += CHUNK
    while (from < limit && last.charCodeAt(from) === source.charCodeAt(from)) from++
    let tail = 0
    while (tail + CHUNK <= limit - from && last.slice(last.length - tail - CHUNK, last.length - tail) === source.slice(source.length - tail - CHUNK, source.length - tail)) tail += CHUNK
    while (tail < limit - from && last.charCodeAt(last.length - 1 - tail) === source.charCodeAt(source.length - 1 - tail)) tail++
    this.change = {from, to: last.length - tail, toNow: source.length - tail}
    return this.change
  }

  // Whether the change is a small part of the text, read again around it; else a count reads it all.
  private small(last: string): boolean {
    const {from, toNow} = this.changed(last)
    return toNow - from + 4 * REACH < this.source.length / 2
  }

  count(pattern: RegExp): number {
    const {source, previous, counts} = this
    const key = `${pattern.source}/${pattern.flags}`
    let found = counts.get(key)?.count
    if (found !== undefined) return found
    const before = previous?.counts.get(key)?.count
    if (previous && before !== undefined && this.small(previous.source)) {
      const {from, to, toNow} = this.changed(previous.source)
      found = before - countWithin(previous.source, pattern, from - REACH, to + REACH) + countWithin(source, pattern, from - REACH, toNow + REACH)
    }
    found ??= countWithin(source, pattern, 0, source.length)
    counts.set(key, {pattern, count: found})
    return found
  }

  get tally(): Tally {
    const {previous} = this
    if (previous && this.small(previous.source)) for (const {pattern} of previous.counts.values()) this.count(pattern)
    return {source: this.source, counts: this.counts}
  }
}

/** The matches of a global pattern that start in [from, to), each read with its context. */
export function countWithin(text: string, pattern: RegExp, from: number, to: number): number {
  const start = Math.max(0, from)
  const end = Math.min(text.length, to)
  if (start >= end) return 0
  const offset = Math.max(0, start - REACH)
  const slice = offset === 0 && end + REACH >= text.length ? text : text.slice(offset, Math.min(text.length, end + REACH))
  let count = 0
  for (const match of slice.matchAll(pattern)) {
    const at = match.index + offset
    if (at >= end) break
    if (at >= start) count++
  }
  return count
}
