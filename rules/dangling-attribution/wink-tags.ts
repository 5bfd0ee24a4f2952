// wink-nlp's part-of-speech tags (pipe `['pos']`, light English model) worked out here, from the
// model's own data, without loading wink: loading it (the 3 MB core model parsed, maps of its 87,593
// words) and its document pipeline cost some 50 ms and 190 µs a sentence in a cold process, more
// than the rest of the rule. What wink does, and so what this does:
// 1. The text is cut at spaces. A piece the lexicon knows is a token (a contraction, its
//    expansion's tokens: `don't` is `do` `n't`); else the model's category patterns name it
//    (word, word and a closing mark, number, URL, ...), and a piece none names is split off its
//    marks or cut by the model's patterns in turn, periods and hyphens last.
// 2. Each token gets its default tag: the lexicon's, or for a word the lexicon lacks, one guessed
//    from its category, case, suffix and prefix. wink learns such words as it reads: a word read
//    once in a text is known for the rest of it, with the tag it got then (so `Jones,` then
//    `(Jones)` read the second as a known word). This reads each text afresh, as a new wink would.
// 3. Two finite-state machines of the model run over the tags (a word's tag hint from the lexicon
//    stands in for its tag where it has one) and retag the tokens they match: always, or only
//    when the tag is one of the word's possible tags (its cluster). A contraction's tokens keep
//    the tags the expansion gives.
// The data is prepared by `npm run build` (`winkTagsBytes`, written to WINK_TAGS_FILE): the packed
// lexicon and expansions as they are, the words in one text with an open-addressing table over
// them, and the patterns, machines and clusters as a little JSON. This reads the model's files as
// wink-eng-lite-web-model 1.8.1 lays them out, and follows wink-nlp 2.4.0: package.json pins both
// exactly, and a file made from other model files (by their sizes) is not read.
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {crc32} from 'node:zlib'
import {builtFile} from '../../src/paths.js'

/** A token and its universal part-of-speech tag, as wink gives them. */
export interface TaggedToken {
  text: string
  tag: string
}

/** Where `npm run build` writes the tagger's data: beside the built rule. */
export const WINK_TAGS_FILE = builtFile('rules/dangling-attribution/wink-tags.bin')

const FORMAT = 1
// The head of the file, 32-bit words: key, format, words, lexicon words, expansion words, table
// bits, text units, JSON units, CRC of the rest.
const HEAD = 9

// Token categories, numbered as the model numbers them (its `tcat`).
const UNKNOWN = 0
const WORD = 1
const PUNCTUATION = 12
const WORD_AND_MARK = 15
// The default tag of a new token by its category (wink-eng-lite-web-model's feature.js): X for an
// unknown, NUM for numbers and decades, SYM for URLs, mails, hashtags, emoji, emoticons, times,
// currencies and symbols, PROPN for mentions, PUNCT, SPACE; ordinals get tag 11 (PRON).
const CATEGORY_TAGS = [17, 0, 9, 15, 15, 12, 15, 15, 15, 15, 11, 15, 13, 15, 14, 0, 0, 0, 9, 0]
// Tag numbers (the model's `pos.list`).
const ADJ = 1
const NOUN = 8
const PROPN = 12
// A new lower-case word's tag by its last four, three or two letters, or else its first five,
// four, three or two (feature.js).
const BY_SUFFIX: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  ing: 16, ed: 16, ly: 3, able: 1, tish: 1, like: 1, ous: 1, ful: 1, ary: 1, less: 1, ier: 1, est: 1, fy: 1, ky: 1,
  es: 8, er: 8, or: 8, ity: 8, ion: 8, llah: 12, stan: 12, gton: 12, abad: 12, land: 12, pur: 12, tnam: 12
})
const BY_PREFIX: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {anti: 1, post: 1, non: 1, cross: 8})
const LOWER = /^[a-z][a-z\-–—.]*$/u
const TITLE = /^[A-Z][a-z\-–—.]*$/u
// (wink-nlp's recursive tokenizer)
// (case-insensitive without `u`, as wink has them: with it, `K` (U+212A) would match `k`)
const SHORT_FORM_DOT = /^(?:[A-Z]\.)+$/i
const SHORT_FORM = /^(?:[A-Z]\.)+[a-z]?$/i
const PERIODS = /\./gu
const HYPHENS = /[-–—]/gu
const DIGIT = /[0-9]/u
const WIDE_SPACE = /[\u00a0\u2002-\u2005\u2009\u200a\u202f\u205f]/u
// The machines' symbols (wink-nlp's automaton): the end of the text, the `otherwise` move, and the
// offset of a tag hint.
const END = 2070000
const OTHERWISE = 2070003
const HINTED = 1080000

type Field = [word: number, mask: number, shift: number]

interface Machine {
  moves: Record<number, Record<number, number>>
  names: Record<number, string>
  marks: Record<number, [number, number]>
}

interface Rules {
  fields: Record<'pos' | 'posHint' | 'lexemeCID' | 'normal' | 'isSpellingMapped' | 'lemma' | 'isContraction', Field>
  stride: number
  whole: Array<[string, string, number]>
  parts: Array<[string, string, number]>
  endMark: string
  openMark: string
  bothMarks: string
  splitter: string
  prefixes: Record<string, boolean>
  suffixes: Record<string, boolean>
  clusters: number[]
  tags: string[]
  machines: Array<[Record<string, Record<string, number>>, Record<string, string>, Record<string, [number, number]>]>
}

interface Model {
  lexicon: Uint32Array
  expansions: Uint32Array
  starts: Uint32Array
  slots: Uint32Array
  mask: number
  text: string
  size: number
  field: Rules['fields']
  stride: number
  whole: Array<[RegExp, number]>
  parts: Array<[RegExp, number]>
  endMark: RegExp
  openMark: RegExp
  bothMarks: RegExp
  splitter: RegExp
  prefixes: Record<string, boolean>
  suffixes: Record<string, boolean>
  clusters: number[]
  tags: string[]
  machines: Machine[]
}

const require = createRequire(import.meta.url)

function modelFolder(): string {
  return dirname(require.resolve('wink-eng-lite-web-model'))
}

// What the data was made from: other model files (by size) or another format are not read.
function modelKey(folder: string): number {
  const size = (file: string) => statSync(join(folder, file)).size
  return crc32(`copydesk-wink-tags ${FORMAT} ${size('languages/cur/models/eng-core-web-model.json')} ${size('languages/cur/models/eng-pos-model.json')} ${size('feature.js')}`)
}

function hashOf(text: string): number {
  let hash = 0x811c9dc5
  for (let at = 0; at < text.length; at++) hash = Math.imul(hash ^ text.charCodeAt(at), 0x01000193)
  return hash >>> 0
}

function words32(base64: string): Uint32Array {
  const bytes = Buffer.from(base64, 'base64')
  return new Uint32Array(Uint8Array.from(bytes).buffer, 0, bytes.length >>> 2)
}

/** The tagger's data, made from the model's files, as `npm run build` writes it. */
export function winkTagsBytes(): Buffer {
  const folder = modelFolder()
  const models = join(folder, 'languages/cur/models')
  const core = JSON.parse(readFileSync(join(models, 'eng-core-web-model.json'), 'utf8')) as {
    packing: {size: number; layout: Record<string, number[]>}
    features: {lexeme: {list: string[]}; posClusters: {list: string[]}; pos: {list: string[]}}
    pos: {hash: Record<string, number>; list: string[]}
    lexicon: string
    xpansions: string
    trex: {ltc: Array<[string, string, number]>; rtc: Array<[string, string, number]>; helpers: Record<string, [string, string]>}
    preserve: {prefix: Record<string, boolean>; suffix: Record<string, boolean>}
  }
  const machines = (JSON.parse(readFileSync(join(models, 'eng-pos-model.json'), 'utf8')) as string[]).map((each) => {
    const [, , moves, names, marks] = JSON.parse(each) as [number, number, Rules['machines'][0][0], Rules['machines'][0][1], Rules['machines'][0][2]]
    return [moves, names, marks] as Rules['machines'][0]
  })
  const field = (name: string): Field => {
    const [word, mask, shift] = core.packing.layout[name]
    return [word, mask, shift]
  }
  const rules: Rules = {
    fields: {pos: field('pos'), posHint: field('posHint'), lexemeCID: field('lexemeCID'), normal: field('normal'), isSpellingMapped: field('isSpellingMapped'), lemma: field('lemma'), isContraction: field('isContraction')},
    stride: core.packing.size,
    whole: core.trex.ltc,
    parts: core.trex.rtc,
    endMark: core.trex.helpers.anyWithRP[0],
    openMark: core.trex.helpers.anyWithLP[0],
    bothMarks: core.trex.helpers.LPanyRP[0],
    splitter: core.trex.helpers.splitter[0],
    prefixes: core.preserve.prefix,
    suffixes: core.preserve.suffix,
    // each cluster (`ADJ_NOUN`) as a mask of its tags' numbers
    clusters: core.features.posClusters.list.map((cluster) => cluster.split('_').reduce((mask, tag) => mask | (1 << (core.pos.hash[tag] || 0)), 0)),
    tags: core.pos.list,
    machines
  }
  for (const [, flags] of [...rules.whole, ...rules.parts]) if (!/^[giu]*$/u.test(flags)) throw new Error(`wink-tags: unexpected pattern flags ${flags}`)
  for (const name of ['anyWithRP', 'anyWithLP', 'LPanyRP', 'splitter']) if (core.trex.helpers[name][1] !== '') throw new Error(`wink-tags: unexpected flags of ${name}`)
  const words = core.features.lexeme.list
  const lexicon = words32(core.lexicon)
  const expansions = words32(core.xpansions)
  const text = words.join('')
  const starts = new Uint32Array(words.length + 1)
  for (let at = 0; at < words.length; at++) starts[at + 1] = starts[at] + words[at].length
  let bits = 1
  while (2 ** bits < words.length * 2) bits++
  const slots = new Uint32Array(2 ** bits)
  const mask = slots.length - 1
  for (let at = 0; at < words.length; at++) {
    let slot = hashOf(words[at]) & mask
    while (slots[slot] !== 0) slot = (slot + 1) & mask
    slots[slot] = at + 1
  }
  const json = JSON.stringify(rules)
  const pad = (units: number) => units + (units & 1)
  const body = new Uint32Array(lexicon.length + expansions.length + starts.length + slots.length + pad(text.length) / 2 + pad(json.length) / 2)
  let at = 0
  for (const part of [lexicon, expansions, starts, slots]) {
    body.set(part, at)
    at += part.length
  }
  const units = new Uint16Array(body.buffer, at * 4)
  for (let index = 0; index < text.length; index++) units[index] = text.charCodeAt(index)
  const jsonUnits = new Uint16Array(body.buffer, at * 4 + pad(text.length) * 2)
  for (let index = 0; index < json.length; index++) jsonUnits[index] = json.charCodeAt(index)
  const bytes = new Uint8Array(body.buffer)
  const head = Uint32Array.of(modelKey(folder), FORMAT, words.length, lexicon.length, expansions.length, bits, text.length, json.length, crc32(bytes))
  return Buffer.concat([new Uint8Array(head.buffer), bytes])
}

/** The tagger's data as stored, or undefined if it is not whole or not made from these model files. */
export function usableWinkTags(bytes: Buffer, key = modelKey(modelFolder())): Uint32Array | undefined {
  if (bytes.length % 4 !== 0 || bytes.length < HEAD * 4) return undefined
  const read = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Uint32Array(Uint8Array.from(bytes).buffer)
  const [fileKey, format, count, lexiconWords, expansionWords, bits, textUnits, jsonUnits] = read
  if (fileKey !== key || format !== FORMAT || bits > 24) return undefined
  const pad = (units: number) => units + (units & 1)
  if (read.length !== HEAD + lexiconWords + expansionWords + count + 1 + 2 ** bits + pad(textUnits) / 2 + pad(jsonUnits) / 2) return undefined
  return read[8] === crc32(new Uint8Array(read.buffer, read.byteOffset + HEAD * 4, (read.length - HEAD) * 4)) ? read : undefined
}

let model: Model | undefined

function load(): Model {
  if (model) return model
  const folder = modelFolder()
  const key = modelKey(folder)
  let bytes: Buffer | undefined
  try {
    bytes = readFileSync(WINK_TAGS_FILE)
  } catch {
    bytes = undefined
  }
  // (run from the sources, as the tests are, there is no built file: made here)
  const read = (bytes && usableWinkTags(bytes, key)) ?? usableWinkTags(winkTagsBytes(), key)!
  const [, , count, lexiconWords, expansionWords, bits, textUnits, jsonUnits] = read
  let at = HEAD
  const take = (length: number) => read.subarray(at, (at += length))
  const lexicon = take(lexiconWords)
  const expansions = take(expansionWords)
  const starts = take(count + 1)
  const slots = take(2 ** bits)
  const byteAt = read.byteOffset + at * 4
  const buffer = Buffer.from(read.buffer, byteAt, (textUnits + (textUnits & 1) + jsonUnits) * 2)
  const text = buffer.toString('utf16le', 0, textUnits * 2)
  const rules = JSON.parse(buffer.toString('utf16le', (textUnits + (textUnits & 1)) * 2)) as Rules
  const patterns = (list: Array<[string, string, number]>) => list.map(([source, flags, category]) => [new RegExp(source, flags), category] as [RegExp, number])
  model = {
    lexicon,
    expansions,
    starts,
    slots,
    mask: slots.length - 1,
    text,
    size: count,
    field: rules.fields,
    stride: rules.stride,
    whole: patterns(rules.whole),
    parts: patterns(rules.parts),
    endMark: new RegExp(rules.endMark),
    openMark: new RegExp(rules.openMark),
    bothMarks: new RegExp(rules.bothMarks),
    splitter: new RegExp(rules.splitter),
    prefixes: rules.prefixes,
    suffixes: rules.suffixes,
    clusters: rules.clusters,
    tags: rules.tags,
    machines: rules.machines.map(([moves, names, marks]) => ({moves, names, marks}))
  }
  return model
}

/** The word's number in the lexicon, or -1. */
function find(model: Model, word: string): number {
  const {slots, starts, text, mask} = model
  let slot = hashOf(word) & mask
  for (;;) {
    const entry = slots[slot]
    if (entry === 0) return -1
    const at = entry - 1
    if (starts[at + 1] - starts[at] === word.length && text.startsWith(word, starts[at])) return at
    slot = (slot + 1) & mask
  }
}

function get(model: Model, index: number, [word, mask, shift]: Field): number {
  return (model.lexicon[word + index * model.stride] & mask) >>> shift
}

// A word's own entry, or the one its spelling maps to (`colour` to `color`).
function mapped(model: Model, index: number): number {
  return get(model, index, model.field.isSpellingMapped) ? get(model, index, model.field.lemma) : index
}

// A known word's normal form (lower case, spelling mapped).
function normal(model: Model, index: number): number {
  return get(model, index, model.field.isSpellingMapped) ? get(model, index, model.field.lemma) : index + get(model, index, model.field.normal)
}

function clusterOf(model: Model, index: number): number {
  return model.clusters[get(model, index, model.field.lexemeCID)]
}

// Where a contraction's expansion is, and its length in words (4 a token: word, normal, lemma, tag).
function expansionOf(model: Model, index: number): [number, number] {
  const lemma = get(model, index, model.field.lemma)
  return [lemma & 0x3fff, (lemma >>> 14) & 31]
}

/**
 * The words wink learned from what it read: their numbers after the lexicon's, their tags and
 * normal forms. A new one for each text reads it as a new wink would; one kept across texts reads
 * them as one wink reads them in turn (for the tests).
 */
export interface Memory {
  learned: Map<string, number>
  tags: number[]
  normals: number[]
}

export function newMemory(): Memory {
  return {learned: new Map(), tags: [], normals: []}
}

/** One text read as wink reads it. */
class Reading {
  readonly texts: string[] = []
  readonly tags: number[] = []
  readonly hints: number[] = []
  // the mask of the tags a token's normal form may take
  readonly clusters: number[] = []
  // a contraction's token's tag, which the machines do not change (else -1)
  readonly stored: number[] = []
  private readonly learned: Map<string, number>
  private readonly learnedTags: number[]
  private readonly learnedNormals: number[]

  constructor(
    private readonly model: Model,
    memory: Memory
  ) {
    this.learned = memory.learned
    this.learnedTags = memory.tags
    this.learnedNormals = memory.normals
  }

  private indexOf(word: string): number {
    const index = find(this.model, word)
    if (index !== -1) return index
    const learned = this.learned.get(word)
    return learned === undefined ? -1 : this.model.size + learned
  }

  private known(word: string): boolean {
    return this.indexOf(word) !== -1
  }

  private push(text: string, index: number): void {
    const {model} = this
    this.texts.push(text)
    this.stored.push(-1)
    if (index < model.size) {
      this.tags.push(get(model, mapped(model, index), model.field.pos) || NOUN)
      this.hints.push(get(model, index, model.field.posHint))
      this.clusters.push(clusterOf(model, normal(model, index)))
    } else {
      const learned = index - model.size
      this.tags.push(this.learnedTags[learned] || NOUN)
      this.hints.push(0)
      const normalIndex = this.learnedNormals[learned]
      this.clusters.push(normalIndex < model.size ? clusterOf(model, mapped(model, normalIndex)) : model.clusters[0])
    }
  }

  /** Adds the word as a token if it is known (a contraction as its expansion's tokens). */
  private addKnown(word: string): boolean {
    const {model} = this
    const index = this.indexOf(word)
    if (index === -1) return false
    if (index < model.size && get(model, index, model.field.isContraction)) {
      const [start, length] = expansionOf(model, index)
      const {expansions, starts, text} = model
      for (let at = start; at < start + length; at += 4) {
        const token = expansions[at]
        // (its lemma and tag as one number; a token whose number is 0 is tagged as any other)
        const packed = expansions[at + 2] | (expansions[at + 3] << 20)
        const tag = (packed & 0x3f00000) >>> 20
        this.texts.push(text.slice(starts[token], starts[token + 1]))
        this.stored.push(packed === 0 ? -1 : tag)
        this.tags.push(packed === 0 ? get(model, mapped(model, token), model.field.pos) || NOUN : tag)
        this.hints.push(get(model, token, model.field.posHint))
        this.clusters.push(clusterOf(model, expansions[at + 1]))
      }
    } else this.push(word, index)
    return true
  }

  /** Adds the text as a token, learning it (and its lower case) if new. */
  private add(text: string, category: number): void {
    let index = this.indexOf(text)
    const lower = text.toLowerCase()
    const newText = index === -1
    if (newText) index = this.learn(text)
    let lowerIndex = lower === text ? index : this.indexOf(lower)
    const newLower = lowerIndex === -1
    if (newLower) lowerIndex = this.learn(lower)
    if (newText) this.settle(text, index, lowerIndex, category)
    if (newLower) this.settle(lower, lowerIndex, lowerIndex, category)
    this.push(text, index)
  }

  private learn(word: string): number {
    const learned = this.learnedTags.length
    this.learned.set(word, learned)
    this.learnedTags.push(0)
    this.learnedNormals.push(0)
    return this.model.size + learned
  }

  private settle(word: string, index: number, lowerIndex: number, category: number): void {
    const learned = index - this.model.size
    this.learnedNormals[learned] = lowerIndex
    this.learnedTags[learned] = this.guess(word, category)
  }

  // A new word's tag (feature.js): a word whose lower case is known takes its tag (a noun or an
  // adjective as a proper noun), else one from its case and affixes; another token, its category's.
  private guess(word: string, category: number): number {
    const {model} = this
    let tag = 0
    if (category === WORD) {
      let index = this.indexOf(word.toLowerCase())
      if (index < model.size && get(model, index, model.field.isContraction)) index = model.expansions[expansionOf(model, index)[0]]
      if (index < model.size) {
        const known = get(model, index, model.field.pos)
        tag = known === NOUN || known === ADJ ? PROPN : known
      } else tag = affixTag(word)
    }
    return tag || CATEGORY_TAGS[category] || (TITLE.test(word) ? PROPN : NOUN)
  }

  private category(word: string): number {
    for (const [pattern, category] of this.model.whole) if (pattern.test(word)) return category
    return UNKNOWN
  }

  private process(word: string, category: number): void {
    if (category === UNKNOWN) this.unknown(word)
    else if (category === WORD_AND_MARK) {
      // (`a.` is a word, `I.` too)
      if (word.length === 2 && word[1] === '.') this.add(word, WORD)
      else {
        this.add(word.slice(0, -1), WORD)
        this.add(word.slice(-1), PUNCTUATION)
      }
    } else this.add(word, category)
  }

  read(text: string): void {
    const {model} = this
    for (const piece of text.split(model.splitter)) {
      if (piece === '' || piece[0] === ' ' || WIDE_SPACE.test(piece)) continue
      if (!this.addKnown(piece)) this.process(piece, this.category(piece))
    }
  }

  // A piece no category names: split off a closing mark, an opening one, or both, if what is left
  // is known or named; else cut by the model's patterns.
  private unknown(piece: string): void {
    const {model} = this
    let match = model.endMark.exec(piece)
    if (match) {
      if (this.addKnown(match[1])) this.add(match[2], PUNCTUATION)
      else {
        const category = this.category(match[1])
        if (category === UNKNOWN) this.cut(piece, 0)
        else {
          this.process(match[1], category)
          this.add(match[2], PUNCTUATION)
        }
      }
      return
    }
    match = model.openMark.exec(piece) ?? model.bothMarks.exec(piece)
    if (match) {
      const [, open, rest, close] = match
      if (this.known(rest)) {
        this.add(open, PUNCTUATION)
        this.addKnown(rest)
        if (close !== undefined) this.add(close, PUNCTUATION)
        return
      }
      const category = this.category(rest)
      if (category === UNKNOWN) this.cut(piece, 0)
      else {
        this.add(open, PUNCTUATION)
        this.process(rest, category)
        if (close !== undefined) this.add(close, PUNCTUATION)
      }
      return
    }
    this.cut(piece, 0)
  }

  // wink's recursive tokenizer: the text's matches of pattern `at` are tokens of its category, what
  // lies between is cut by the next patterns; past the last, the rest is one unknown token.
  private cut(text: string, at: number): void {
    const {model} = this
    if (at === model.parts.length) {
      this.add(text, UNKNOWN)
      return
    }
    const trimmed = text.trim()
    const [pattern, category] = model.parts[at]
    const matches = trimmed.match(pattern) ?? []
    const between = trimmed.split(pattern)
    const items: Array<string | [string, number]> = []
    for (let index = 0; index < between.length; index++) {
      const rest = between[index].trim()
      if (rest) items.push(rest)
      if (index < matches.length) {
        if (category === WORD) this.words(matches[index], items)
        else items.push([matches[index], category])
      }
    }
    for (const item of items) {
      if (typeof item === 'string') this.cut(item, at + 1)
      else if (!this.addKnown(item[0])) this.add(item[0], item[1])
    }
  }

  // A word match cut at periods unless what they join is a short form (`U.S.`) or known.
  private words(word: string, items: Array<string | [string, number]>): void {
    if (this.known(word) || SHORT_FORM_DOT.test(word)) {
      items.push([word, WORD])
      return
    }
    const periods = word.match(PERIODS)
    if (periods === null) {
      this.hyphenated(word, items)
      return
    }
    const parts = word.split(PERIODS)
    const joins = (built: string) => SHORT_FORM.test(built) || (built.length > 2 && this.known(built))
    let built = ''
    for (let index = 0; index < parts.length; index++) {
      const next = built + parts[index]
      if (built === '' || joins(next)) built = next
      else {
        this.hyphenated(built, items)
        built = parts[index]
      }
      if (index < periods.length) {
        if (joins(built + '.')) built += '.'
        else {
          this.hyphenated(built, items)
          items.push(['.', PUNCTUATION])
          built = ''
        }
      }
    }
    if (built !== '') this.hyphenated(built, items)
  }

  // A word cut at hyphens unless known, holding a digit, or with a kept prefix or suffix (`co-`).
  private hyphenated(word: string, items: Array<string | [string, number]>): void {
    const hyphens = this.known(word) || DIGIT.test(word) ? null : word.match(HYPHENS)
    if (hyphens === null) {
      items.push([word, WORD])
      return
    }
    const parts = word.split(HYPHENS)
    if (this.model.prefixes[parts[0]] || this.model.suffixes[parts[parts.length - 1]]) {
      items.push([word, WORD])
      return
    }
    for (let index = 0; index < parts.length; index++) {
      if (parts[index] !== '') items.push([parts[index], WORD])
      if (index < hyphens.length) items.push([hyphens[index], PUNCTUATION])
    }
  }

  /** Runs the model's machines over the tags and applies what they match. */
  retag(): void {
    const {tags, hints, clusters} = this
    for (const machine of this.model.machines) {
      for (const [at, name] of recognize(machine, tags, hints)) {
        const target = Number(name)
        if (target < 0) tags[at] = -target
        else if ((clusters[at] & (1 << target)) !== 0) tags[at] = target
      }
    }
  }
}

// wink's automaton: from each token on, the longest run of moves to a named state (or the last
// `otherwise` passed); a match resumes after its last token.
function recognize(machine: Machine, tags: readonly number[], hints: readonly number[]): Array<[number, string]> {
  const {moves, names, marks} = machine
  const length = tags.length
  const found: Array<[number, string]> = []
  const report = (first: number, state: number) => {
    const name = names[state]
    if (name === undefined || name === '0') return
    found.push([first + (marks[state]?.[0] ?? 0), name])
  }
  let first = 0
  let state = 0
  let lastIndex = 0
  let lastState = 0
  for (let start = 0; start <= length; start++) {
    for (let at = start; at <= length; at++) {
      let symbol = at === length ? END : tags[at]
      // (the lexicon's word 0, which the machines skip, is no tag a token gets but for a contraction's)
      if (symbol === 0) continue
      if (at < length && hints[at] !== 0) symbol = hints[at] + HINTED
      let next = moves[state][symbol] || 0
      if (state === 0 && next !== 0) first = at
      if (names[next]) {
        report(first, next)
        start = at
        at = length + 100
        next = 0
        lastState = 0
      } else if (next === 0) {
        if (lastState) {
          report(first, lastState)
          start = lastIndex
          at = length + 100
          lastState = 0
        } else at = length + 100
      }
      state = next
      const otherwise = moves[state][OTHERWISE]
      if (otherwise) {
        lastIndex = at
        lastState = otherwise
      }
    }
  }
  return found
}

function affixTag(word: string): number {
  if (!LOWER.test(word)) return PROPN
  const lower = word.toLowerCase()
  return BY_SUFFIX[lower.slice(-4)] || BY_SUFFIX[lower.slice(-3)] || BY_SUFFIX[lower.slice(-2)] || BY_PREFIX[lower.slice(0, 5)] || BY_PREFIX[lower.slice(0, 4)] || BY_PREFIX[lower.slice(0, 3)] || BY_PREFIX[lower.slice(0, 2)] || NOUN
}

/** The text's tokens and their tags, as a new wink-nlp instance with the pipe `['pos']` gives them. */
export function winkTags(text: string, memory: Memory = newMemory()): TaggedToken[] {
  const model = load()
  const reading = new Reading(model, memory)
  reading.read(text)
  reading.retag()
  const {texts, tags, stored} = reading
  const tokens: TaggedToken[] = []
  for (let at = 0; at < texts.length; at++) tokens.push({text: texts[at], tag: model.tags[stored[at] === -1 ? tags[at] & 63 : stored[at]]})
  return tokens
}
