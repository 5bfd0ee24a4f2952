// dangling-attribution's tags come from our own reading of wink-nlp's model (wink-tags.ts): they
// must be wink's, token for token. One wink instance learns the words it reads, and its tokens can
// depend on what it read before (a possessive read once inside a hyphenated word is a word of its
// own after), so it is compared with our reading that keeps what it learned the same way; each
// text alone, as the rule tags it, is compared with a new wink. (scripts/wink-tags-check.ts does
// the same on the corpora.)
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {createRequire} from 'node:module'
import type {WinkMethods} from 'wink-nlp'
import {taggingModel} from '../rules/dangling-attribution/tagger.js'
import {newMemory, usableWinkTags, winkTags, winkTagsBytes} from '../rules/dangling-attribution/wink-tags.js'

const require = createRequire(import.meta.url)
const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods
const newWink = () => winkNLP(taggingModel(require), ['pos'])

function theirs(wink: WinkMethods, text: string): string {
  const tokens = wink.readDoc(text).tokens()
  const tags = tokens.out(wink.its.pos) as string[]
  return (tokens.out() as string[]).map((word, index) => `${word}/${tags[index]}`).join(' ')
}

const ours = (tokens: ReadonlyArray<{text: string; tag: string}>) => tokens.map((token) => `${token.text}/${token.tag}`).join(' ')

// Invented sentences of the shapes the rule tags: tails after a quotation, possessives, contractions,
// titles with periods, numbers, names the model does not know.
const SENTENCES = [
  '"We will not stop," Jane Doe, a spokeswoman for Acme Widgets.',
  '“It’s over,” he.',
  "'They can't win,' the Treasury Department.",
  'The deal was signed, according to Ms. Okonkwo-Baptiste.',
  'Prices rose 4.5% in March, the U.S. Labor Department.',
  "Zylbergraf's lawyers declined to comment, said Mr. Zylbergraf.",
  'The vote passed 52-48, co-chair Li Wei, who didn’t attend.',
  'It cost $1,200, she told the Daily Gazette on 3 May 2021.',
  'Sales doubled in the 1990s, Müller & Söhne GmbH.',
  'Follow us at https://example.com/news or @acmenews, the company.',
  "Acme's-owned shops shut, Acme's chief, Dr. Rao.",
  'She said: "I’m fine — really", her sister, Ana-María.'
]

const PARTS = [
  'the', 'The', 'said', 'he', 'Jane', 'Qwerty', 'Qwerty-Vale', 'co-founder', 'anti-war', 'mid-2020', "don't", 'don’t', 'cannot', "it's", 'I’m',
  "Qwerty's", 'Qwerty’s', "James'", "'90s", '1990s', '"', '“', '”', '‘', '’', "'", '(', ')', '[', ',', '.', '...', '…', ';', ':', '!', '?', '-', '–', '—',
  '--', '/', '&', '%', '$', '£', '#', '@', '12', '3.5', '1,000', '$5', '5%', '10:30', '3pm', '4th', '21st', '2025.', 'U.S.', 'e.g.', 'Dr.', 'St.', 'a.m.',
  'Inc.', 'Zoë', 'café', 'Łódź', 'Ελλάδα', '東京', 'ﬁne', 'K', 'ſ', '😀', '👍🏽', '©', ':)', 'https://example.com/a?b=1', 'mail@example.com', '#news',
  'NASA', 'iPhone', 'I', 'a', 'A.', 'I.', 'constructor'
]
const text = fc
  .array(fc.tuple(fc.constantFrom(...PARTS), fc.constantFrom(' ', ' ', '  ', '\u00a0', '\n', '\t', '')), {minLength: 1, maxLength: 12})
  .map((pairs) => pairs.map(([part, space]) => part + space).join(''))

describe('our reading of wink’s model', () => {
  test('tags as one wink reading the same texts in turn', () => {
    const wink = newWink()
    const memory = newMemory()
    for (const sentence of SENTENCES) expect(ours(winkTags(sentence, memory))).toBe(theirs(wink, sentence))
    fc.assert(
      fc.property(text, (value) => ours(winkTags(value, memory)) === theirs(wink, value)),
      {numRuns: 3000}
    )
  })

  test('tags each text alone as a new wink does', () => {
    // A possessive read inside a hyphenated word is learned whole, and read whole after; alone, it
    // is split.
    const memory = newMemory()
    winkTags("Acme's-owned shops shut.", memory)
    expect(ours(winkTags("Acme's chief.", memory))).toBe("Acme's/PROPN chief/ADJ ./PUNCT")
    expect(ours(winkTags("Acme's chief."))).toBe("Acme/PROPN 's/PART chief/ADJ ./PUNCT")
    for (const sentence of [...SENTENCES, "Acme's chief."]) expect(ours(winkTags(sentence))).toBe(theirs(newWink(), sentence))
    for (const value of fc.sample(text, {numRuns: 20, seed: 7})) expect(ours(winkTags(value))).toBe(theirs(newWink(), value))
  })

  test('reads only whole data made from these model files', () => {
    const bytes = winkTagsBytes()
    expect(usableWinkTags(bytes)).toBeDefined()
    for (let length = 0; length < bytes.length; length += 4093) expect(usableWinkTags(bytes.subarray(0, length))).toBeUndefined()
    const changed = Buffer.from(bytes)
    changed[changed.length >> 1] ^= 1
    expect(usableWinkTags(changed)).toBeUndefined()
    expect(usableWinkTags(bytes, 12345)).toBeUndefined()
  })
})
