// node dist/scripts/tail-window.js [FOLDER...] [--seed S] [--rate R]
// dangling-attribution tags a sentence's tail (what follows its last comma) from the word before
// that comma, not the whole sentence. This checks that the tagger gives the tail's words the same tags (and
// the same tokens) both ways, on every sentence the rule could tag: each sentence of a body or
// quotation block that ends in a period and whose last comma opens a tail (white space after it), in the corpora (news-dev, wire-dev
// and web-dev from the nearest `shared/corpus`, or $COPYDESK_CORPUS) and in their damaged copies
// (scripts/damage.ts, each format, as `npm run eval:damage` makes them). It prints the counts and
// the first differences; a difference means the window is not safe.
import {basename, join} from 'node:path'
import {parseArgs} from 'node:util'
import type {Article} from '../src/article.js'
import {createLinter, rules} from '../src/index.js'
import {sentences, tailTokens} from '../rules/dangling-attribution/index.js'
import {tag, type Token} from '../rules/dangling-attribution/tagger.js'
import {corpusFolders, eachCopy} from './damage.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {seed: {type: 'string', default: '1'}, rate: {type: 'string', default: '0.5'}}
})

const folders = corpusFolders(positionals)

// The sentences the rule reads, gathered from the article it is given.
const texts = new Set<string>()
const rule = rules.find((each) => each.id === 'dangling-attribution')!
const check = rule.check
rule.check = function (this: unknown, ...args: Parameters<typeof check>) {
  const article = (args[2] as unknown as {article: Article}).article
  for (const block of article.blocks) {
    if (block.kind !== 'body' && block.kind !== 'quotation') continue
    for (const [from, to] of sentences(block.prose, block.bodyStart)) {
      const text = block.prose.slice(from, to)
      // (the rule's tail opens with a comma, a closing mark at most, and white space: `1,000.`
      // has none)
      if (text.endsWith('.') && /^,["”’']?\s/u.test(text.slice(text.lastIndexOf(',')))) texts.add(text)
    }
  }
  return check.apply(this, args)
} as typeof check

const linter = createLinter()
const files = eachCopy(folders, {seed: values.seed, rate: Number(values.rate)}, (path, value) => linter.lint({path, value}))

// The tail as the rule read it from the whole sentence: the words after the last comma token,
// or null without one.
function wholeTail(text: string): Token[] | null {
  const tokens = tag(text).filter((token) => token.tag !== 'PUNCT' || token.text === ',')
  const comma = tokens.map((token) => token.text).lastIndexOf(',')
  return comma === -1 ? null : tokens.slice(comma + 1)
}
const show = (tokens: readonly Token[] | null) => (tokens ? tokens.map((token) => `${token.text}/${token.tag}`).join(' ') : 'none')
// (the rule reads the closing `I.` as `I`: compare as it does)
const read = (tokens: readonly Token[] | null) => show(tokens?.map((token) => (token.text === 'I.' ? {text: 'I', tag: 'PRON'} : token)) ?? null)

let same = 0
let tokensWhole = 0
let tokensWindow = 0
const differences: string[] = []
for (const text of texts) {
  const whole = wholeTail(text)
  const window = tailTokens(text)
  tokensWhole += tag(text).length
  tokensWindow += tag(text.slice(text.slice(0, text.lastIndexOf(',')).search(/\S*$/u))).length
  if (read(whole) === show(window)) same++
  else differences.push(`${JSON.stringify(text.slice(text.lastIndexOf(',') - 40))}\n  whole:  ${read(whole)}\n  window: ${show(window)}`)
}
console.log(`${files} files (${folders.map((folder) => basename(folder)).join(', ')}, undamaged and damaged with seed ${values.seed}, rate ${values.rate}, txt/md/html)`)
console.log(`${texts.size} distinct sentences that end in a period after a comma and white space: ${same} same tail, ${differences.length} differ`)
console.log(`tokens tagged: whole sentences ${tokensWhole}, from the word before the last comma ${tokensWindow}`)
for (const difference of differences.slice(0, 20)) console.log(difference)
process.exitCode = differences.length ? 1 : 0
