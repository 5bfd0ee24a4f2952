// node dist/scripts/wink-tags-check.js [FOLDER...] [--seed S] [--rate R] [--runs N]
// dangling-attribution's tags come from our own reading of wink's model (wink-tags.ts); this
// checks them against wink-nlp itself, on:
// - every text the rule tags, in the order it tags them, linting the corpora (news-dev, wire-dev
//   and web-dev from the nearest `shared/corpus`, or $COPYDESK_CORPUS) and their damaged copies
//   (scripts/damage.ts, each format, as `npm run eval:damage` makes them);
// - every sentence of a body or quotation block of those articles;
// - N strings made by fast-check of the tricky parts (contractions, hyphens, apostrophes, quotes,
//   digits, %, $, abbreviations, capitals, letters beyond ASCII, emoji, URLs).
// One wink instance reads them all in turn, as the rule's wink did: it learns the words it has not
// seen, and its tokens and tags can depend on what it read before. Each text is compared with our
// reading that keeps what it learned the same way (`in turn`: must be equal), and with our reading
// of the text alone, as the rule now tags it (`alone`: what a new wink would give; a difference
// there is the history's). Prints the counts and the first differences.
import {createRequire} from 'node:module'
import {basename} from 'node:path'
import {parseArgs} from 'node:util'
import fc from 'fast-check'
import type {WinkMethods} from 'wink-nlp'
import type {Article} from '../src/article.js'
import {createLinter, rules} from '../src/index.js'
import {sentences} from '../rules/dangling-attribution/index.js'
import {reads, taggingModel} from '../rules/dangling-attribution/tagger.js'
import {newMemory, winkTags} from '../rules/dangling-attribution/wink-tags.js'
import {corpusFolders, eachCopy} from './damage.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {seed: {type: 'string', default: '1'}, rate: {type: 'string', default: '0.5'}, runs: {type: 'string', default: '20000'}}
})

const folders = corpusFolders(positionals)
const allSentences: string[] = []
const rule = rules.find((each) => each.id === 'dangling-attribution')!
const check = rule.check
rule.check = function (this: unknown, ...args: Parameters<typeof check>) {
  const article = (args[2] as unknown as {article: Article}).article
  for (const block of article.blocks) {
    if (block.kind !== 'body' && block.kind !== 'quotation') continue
    for (const [from, to] of sentences(block.prose, block.bodyStart)) allSentences.push(block.prose.slice(from, to))
  }
  return check.apply(this, args)
} as typeof check

reads.texts = []
const linter = createLinter()
const files = eachCopy(folders, {seed: values.seed, rate: Number(values.rate)}, (path, value) => linter.lint({path, value}))
const tagged = reads.texts
reads.texts = undefined

// Strings of the parts that take wink's tokenizer down its rarer paths.
const PARTS = [
  'the', 'The', 'said', 'he', 'she', 'Jane', 'Doe', 'Smith-Jones', 'co-founder', 'anti-war', 'well-known', 'mid-2020',
  "don't", 'don’t', "can't", 'cannot', "it's", 'it’s', "I'm", 'I’m', "they'll", "Smith's", 'Smith’s', "James'", 'James’', "'90s", '1990s', '’90s',
  '"', '“', '”', '‘', '’', "'", '(', ')', '[', ']', '{', '}', ',', '.', '...', '…', ';', ':', '!', '?', '-', '–', '—', '--', '/', '&', '%', '$', '£', '€', '#', '@', '*',
  '12', '3.5', '1,000', '$5', '5%', '10:30', '3pm', '4th', '21st', '2025.', 'U.S.', 'U.K.', 'e.g.', 'i.e.', 'Dr.', 'Mr', 'St.', 'a.m.', 'p.m', 'Inc.', 'Ltd',
  'Zoë', 'Müller', 'café', 'naïve', 'Ørsted', 'São', 'Łódź', 'Ελλάδα', 'Москва', '東京', 'ﬁne', 'K', 'ſ', '😀', '👍🏽', '🇬🇧', '©', '™', ':)', ';-)', '<3',
  'https://example.com/a?b=1', 'www.example.org', 'mail@example.com', '@jane', '#news', 'CEO', 'NASA', 'McDonald', 'iPhone', 'x', 'I', 'a', 'A.', 'I.', 'e', 'constructor', 'toString', '__proto__'
]
const SPACES = [' ', ' ', ' ', '  ', '\u00a0', '\n', '\t', '']
const generated = fc.sample(
  fc.array(fc.tuple(fc.constantFrom(...PARTS), fc.constantFrom(...SPACES)), {minLength: 1, maxLength: 14}).map((pairs) => pairs.map(([part, space]) => part + space).join('')),
  {numRuns: Number(values.runs), seed: Number(values.seed)}
)

const require = createRequire(import.meta.url)
const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods
const show = (tokens: ReadonlyArray<{text: string; tag: string}>) => tokens.map((token) => `${token.text}/${token.tag}`).join(' ')

function compare(name: string, texts: readonly string[]): boolean {
  const wink = winkNLP(taggingModel(require), ['pos'])
  const memory = newMemory()
  let inTurn = 0
  let alone = 0
  // texts ours alone tags otherwise than the wink that read the others first: a new wink reads
  // each of (the first 200 of) them, and must tag it as ours alone does
  let newWinks = 0
  let newDiffers = 0
  const shown: string[] = []
  for (const text of texts) {
    const tokens = wink.readDoc(text).tokens()
    const words = tokens.out() as string[]
    const tags = tokens.out(wink.its.pos) as string[]
    const theirs = show(words.map((word, index) => ({text: word, tag: tags[index]})))
    const ours = show(winkTags(text, memory))
    const fresh = show(winkTags(text))
    if (ours !== theirs) inTurn++
    if (fresh !== theirs) {
      alone++
      if (newWinks < 200) {
        newWinks++
        const wink = winkNLP(taggingModel(require), ['pos'])
        const tokens = wink.readDoc(text).tokens()
        const tags = tokens.out(wink.its.pos) as string[]
        const theirsAlone = show((tokens.out() as string[]).map((word, index) => ({text: word, tag: tags[index]})))
        if (theirsAlone !== fresh) {
          newDiffers++
          if (shown.length < 12) shown.push(`${JSON.stringify(text)}\n  new wink: ${theirsAlone}\n  alone:    ${fresh}`)
        }
      }
    }
    if ((ours !== theirs || fresh !== theirs) && shown.length < 12) shown.push(`${JSON.stringify(text)}\n  wink:    ${theirs}\n  in turn: ${ours}\n  alone:   ${fresh}`)
  }
  console.log(`${name}: ${texts.length} texts; ours in turn differs on ${inTurn}, ours alone (as the rule tags) on ${alone}, of which ${newWinks} read by a new wink: ${newDiffers} differ`)
  for (const line of shown) console.log(line)
  return inTurn === 0 && newDiffers === 0
}

console.log(`${files} files (${folders.map((folder) => basename(folder)).join(', ')}, undamaged and damaged with seed ${values.seed}, rate ${values.rate}, txt/md/html); wink fell back to on ${reads.fallbacks} texts`)
const exact = [compare('texts the rule tagged, in its order', tagged), compare('sentences of the articles', allSentences), compare('generated strings', generated)].every(Boolean)
process.exitCode = exact ? 0 : 1
