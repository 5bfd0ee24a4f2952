// A hyphen after an -ly adverb in a compound modifier: `democratically-governed Taiwan`.
import {edit, freeBodyLines, words, type DamageClass} from '../core.js'

// -ly words that are adjectives or nouns, where a hyphen can be right (`family-owned`, `friendly-looking`).
const notAdverbs = new Set(
  'only family early likely daily weekly monthly yearly hourly nightly holy ugly silly friendly elderly italy july supply apply reply rely fly ally belly bully jelly lonely lovely costly deadly timely orderly lively kindly manly womanly scholarly fatherly motherly brotherly sisterly cowardly curly burly hilly chilly woolly jolly folly rally tally sally bodily homely leisurely unlikely unruly wily oily smelly surly sly assembly anomaly monopoly butterfly dragonfly lily emily kelly molly billy reilly riley beverly kimberly shelly'.split(
    ' '
  )
)
// what a participle or adjective after the adverb looks like
const modifier = /^\p{Ll}+(?:ed|en|ing|ful|ive|ous|al|ble|ant|ent|ic|ary|ory|less|ish|ist)$/u

export const lyHyphen: DamageClass = {
  id: 'ly-hyphen',
  always: true,
  about: 'A hyphen joining an -ly adverb to the word it modifies.',
  apply(doc, rng) {
    for (const line of freeBodyLines(doc, rng)) {
      const tokens = words(line.text)
      const pairs = tokens.slice(0, -1).map((token, i) => ({adverb: token, next: tokens[i + 1]})).filter(
        ({adverb, next}) =>
          /^\p{Ll}{3,}ly$/u.test(adverb.word) &&
          !notAdverbs.has(adverb.word) &&
          modifier.test(next.word) &&
          line.text.slice(adverb.end, next.start) === ' ' &&
          // before the noun it modifies (`a newly elected mayor`), where the hyphen is a mistake in every style
          /^ \p{Ll}/u.test(line.text.slice(next.end))
      )
      if (!pairs.length) continue
      const {adverb, next} = rng.pick(pairs)
      edit(line, adverb.end, next.start, '-')
      return {line, start: adverb.start, end: next.end, why: 'No hyphen after an -ly adverb.', fix: `${adverb.word} ${next.word}`}
    }
    return null
  }
}
