// The project's record of reviewed messages (test/review/verdicts.jsonl): which messages on the
// dev corpora a person read and judged a real error (`defect`) or not (`false-positive`). Each
// verdict is matched to a message by corpus, file, rule and the flagged text, the nearest line
// winning, so the record survives edits that move messages or lines.
import {readFileSync} from 'node:fs'

export type Verdict = 'defect' | 'false-positive'

/** One reviewed message. `text` is the flagged text, cut to a few words: never more of the copy. */
export interface Review {
  corpus: string
  file: string
  line: number
  column: number
  rule: string
  text: string
  verdict: Verdict
  /** Why, in the reviewer's own words (no copy). */
  note?: string
}

/** What the eval knows of one message. */
export interface Seen {
  corpus: string
  file: string
  line: number
  column: number
  rule: string
  /** The flagged text (`message.actual`). */
  text: string
}

const MAX_WORDS = 4
const MAX_CHARS = 40

/** The flagged text as the record keeps it: white space collapsed, at most a few words. */
export function shorten(text: string): string {
  const words = text.replace(/\s+/gu, ' ').trim().split(' ').slice(0, MAX_WORDS).join(' ')
  return words.length > MAX_CHARS ? words.slice(0, MAX_CHARS) : words
}

/** Reads a JSON-lines record; a missing file is an empty record. Throws on a malformed line. */
export function readReviews(path: string): Review[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return []
  }
  return text.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return []
    const review = JSON.parse(line) as Review
    if (review.verdict !== 'defect' && review.verdict !== 'false-positive') {
      throw new Error(`${path}:${index + 1}: verdict must be \`defect\` or \`false-positive\``)
    }
    return [review]
  })
}

/** A JSON line for a review, its keys in a fixed order so the record diffs well. */
export function formatReview(review: Review): string {
  const {corpus, file, line, column, rule, text, verdict, note} = review
  return JSON.stringify({corpus, file, line, column, rule, text: shorten(text), verdict, ...(note ? {note} : {})})
}

const keyOf = (item: Seen | Review) => [item.corpus, item.file, item.rule, shorten(item.text)].join('\u0000')

/**
 * Pairs messages with verdicts: the same corpus, file, rule and flagged text, then the nearest
 * line (and column) first, each verdict used once. Returns the verdict of each message (undefined:
 * not reviewed) and the verdicts that matched no message (stale, or for messages a change removed).
 */
export function match(seen: readonly Seen[], reviews: readonly Review[]): {verdicts: Array<Review | undefined>; unused: Review[]} {
  const byKey = new Map<string, number[]>()
  reviews.forEach((review, index) => {
    const key = keyOf(review)
    byKey.set(key, [...(byKey.get(key) ?? []), index])
  })
  const pairs: Array<{message: number; review: number; distance: number}> = []
  seen.forEach((message, index) => {
    for (const review of byKey.get(keyOf(message)) ?? []) {
      const distance = Math.abs(reviews[review].line - message.line) * 1000 + Math.abs(reviews[review].column - message.column)
      pairs.push({message: index, review, distance})
    }
  })
  pairs.sort((a, b) => a.distance - b.distance)
  const verdicts: Array<Review | undefined> = seen.map(() => undefined)
  const used = new Set<number>()
  for (const {message, review} of pairs) {
    if (verdicts[message] || used.has(review)) continue
    verdicts[message] = reviews[review]
    used.add(review)
  }
  return {verdicts, unused: reviews.filter((_, index) => !used.has(index))}
}
