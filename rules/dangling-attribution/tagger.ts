// Part-of-speech tags for the few sentences that end in a possible bare speaker: wink-nlp's tags
// with its light English model, worked out by our own reading of the model's data (wink-tags.ts),
// which costs a few microseconds a sentence and no load of wink. wink itself, loaded on first use
// only, tags a text that reading fails on (none of the corpora's).
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import type {ItsHelpers, WinkMethods} from 'wink-nlp'
import {winkTags} from './wink-tags.js'
import {ownCopy} from '../../src/text.js'

export interface Token {
  text: string
  /** Universal POS tag: NOUN, PROPN, PRON, VERB, AUX, DET, ADP, ADJ, NUM, PART, PUNCT, ... */
  tag: string
}

let nlp: {methods: WinkMethods; its: ItsHelpers} | undefined

function load() {
  if (nlp) return nlp
  const require = createRequire(import.meta.url)
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods
  const methods = winkNLP(taggingModel(require), ['pos'])
  nlp = {methods, its: methods.its}
  return nlp
}

// The model's parts that tagging reads. The package's own entry loaded every part (entities,
// sentiment, negation, sentence breaks, patterns, a lemmatizer's word lists) and copied the core
// model (JSON.stringify, then JSON.parse) before unpacking it: about half the cost of the first
// tag. wink-nlp builds a machine for every part whatever the pipe, so the parts the pipe
// `['pos']` never runs are given empty machines; the core model is read and unpacked once, here.
// (`test/tagger.test.ts` checks that the tags equal those of the package's own entry. This reads
// the model's files as wink-eng-lite-web-model 1.8.1 lays them out, so package.json pins it and
// wink-nlp to exact versions.)
export function taggingModel(require: NodeJS.Require): Record<string, unknown> {
  const folder = dirname(require.resolve('wink-eng-lite-web-model'))
  const part = (file: string) => require(join(folder, file)) as unknown
  const empty = JSON.stringify([100, 0, {0: {}}, {}, {}, {}])
  return {
    core: () => readCore(join(folder, 'languages/cur/models/eng-core-web-model.json')),
    pos: part('load-pos-model.js'),
    featureFn: part('feature.js'),
    sbd: () => ({machines: [], transformers: []}),
    ner: () => ({machines: [], transformers: []}),
    negation: () => ({machines: [empty]}),
    sa: () => ({machines: [empty]}),
    metaCER: () => ({machines: empty, transformers: []}),
    addons: Object.create(null)
  }
}

interface Feature {
  list: unknown[]
  hash?: Record<string, number>
  intrinsicSize?: number
  index?: number
  maxIndex?: number
}

interface Core {
  packing: {layout: Record<string, number[]>; efList?: string[]}
  features: Record<string, Feature>
  pos: {hash: Record<string, number>}
  lexicon: string | Uint32Array
  xpansions: string | Uint32Array
}

// The core model as wink-nlp reads it: the packed lexicon and expansions as 32-bit words, an index
// from each value to its place for the lexemes and for each feature stored by index (layout
// field 3 is 0), each feature's size and largest index, the features extracted from unknown words
// (layout field 4 is 1), and the clusters of tags as sets of tag numbers.
function readCore(file: string): Core {
  const core = JSON.parse(readFileSync(file, 'utf8')) as Core
  core.lexicon = words32(core.lexicon as string)
  core.xpansions = words32(core.xpansions as string)
  const extracted: string[] = []
  for (const [name, [, mask, shift, packed, extrinsic]] of Object.entries(core.packing.layout)) {
    if (packed === 0) {
      const feature = core.features[name]
      feature.hash = indexOf(feature.list as string[])
      feature.intrinsicSize = feature.index = feature.list.length
      feature.maxIndex = mask >>> shift
    }
    if (extrinsic === 1) extracted.push(name)
  }
  core.packing.efList = extracted
  const lexeme = core.features.lexeme
  lexeme.hash = indexOf(lexeme.list as string[])
  lexeme.intrinsicSize = lexeme.index = lexeme.list.length
  const clusters = core.features.posClusters.list
  for (const [index, cluster] of clusters.entries()) {
    clusters[index] = new Set((cluster as string).split('_').map((tag) => core.pos.hash[tag] || 0))
  }
  return core
}

// wink-nlp reads and writes these indexes only as `index[value]`: a Map behind a proxy answers
// so, and is built in about half the time of an object of 87,593 keys.
function indexOf(list: readonly string[]): Record<string, number> {
  const index = new Map<string, number>()
  for (let at = 0; at < list.length; at++) index.set(list[at], at)
  return new Proxy(Object.create(null) as Record<string, number>, {
    get: (_target, key) => (typeof key === 'string' ? index.get(key) : undefined),
    set: (_target, key, value: number) => {
      if (typeof key !== 'string') return false
      index.set(key, value)
      return true
    }
  })
}

// Base64 to 32-bit words in the machine's byte order, as wink-nlp's own reader makes them.
function words32(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64')
  const aligned = new Uint8Array(bytes.length)
  aligned.set(bytes)
  return new Uint32Array(aligned.buffer, 0, bytes.length >>> 2)
}

// Tags by text: an editor re-lints the same sentences after each keystroke, and tagging them was
// a sixth of a re-lint. The tags of a text never change; cleared when full, so memory stays flat.
const tagged = new Map<string, readonly Token[]>()
const MAX_TAGGED = 5_000

/** The tokens of a text with their tags. Immutable shared state: the model, loaded once a process. */
export function tag(text: string): readonly Token[] {
  let tokens = tagged.get(text)
  if (!tokens) {
    if (tagged.size >= MAX_TAGGED) tagged.clear()
    tokens = Object.freeze(read(text))
    // (a copy: a sentence cut from the article would keep the whole article alive as a key)
    tagged.set(ownCopy(text), tokens)
  }
  return tokens
}

/**
 * How many texts wink itself tagged, our reading having failed on them, and (when `texts` is set,
 * by scripts/wink-tags-check.ts) every text read, in order.
 */
export const reads: {fallbacks: number; texts?: string[]} = {fallbacks: 0}

function read(text: string): Token[] {
  reads.texts?.push(text)
  let tokens: Token[] | undefined
  try {
    tokens = winkTags(text)
  } catch {
    tokens = undefined
  }
  if (tokens) return tokens.map((token) => Object.freeze(token))
  reads.fallbacks++
  return readByWink(text)
}

/** The text's tokens and tags as wink-nlp gives them (its instance has read the texts before). */
export function readByWink(text: string): Token[] {
  const {methods, its} = load()
  const tokens = methods.readDoc(text).tokens()
  const words = tokens.out() as string[]
  const tags = tokens.out(its.pos) as string[]
  return words.map((word, index) => Object.freeze({text: word, tag: tags[index]}))
}
