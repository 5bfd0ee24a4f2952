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
// The data is prepared by `npm run build` (`winkTagsBytes`, written to WINK_TAGS_FILE, some 3.7 MB
// read in a few milliseconds): what the reading needs of each word in one number, the
// contractions' expansions, the words in one text with an open-addressing table over them, and
// the patterns, machines (as tables) and clusters as a little JSON. scripts/wink-tags-check.ts and
// test/wink-tags.test.ts show the tags equal to wink's. This reads the model's files as
// wink-eng-lite-web-model 1.8.1 lays them out, and follows wink-nlp 2.4.0: package.json pins both
// exactly, and a file made from other model files (by their sizes) is not read.
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {crc32} from 'node:zlib'
import {builtFile} from '../../src/paths.js'
import {ownCopy} from '../../src/text.js'

/** A token and its universal part-of-speech tag, as wink gives them. */
export interface TaggedToken {
  text: string
  tag: string
}

/** Where `npm run build` writes the tagger's data: beside the built rule. */
export const WINK_TAGS_FILE = builtFile('rules/dangling-attribution/wink-tags.bin')

const FORMAT = 2
// The head of the file, 32-bit words: key, format, words, expansion words, table bits, text
// units, JSON units, CRC of the rest.
const HEAD = 8

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
// (wink-nlp's recursive tokenizer; case-insensitive without `u`, as wink has them: with it, `K`
// (U+212A) would match `k`)
const SHORT_FORM_DOT = /^(?:[A-Z]\.)+$/i
const SHORT_FORM = /^(?:[A-Z]\.)+[a-z]?$/i
const DIGIT = /[0-9]/u
// The model's splitter, which `read` follows by hand.
const SPLITTER = '([ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]+|[\\n\\r\\t]+)'
// The machines' symbols (wink-nlp's automaton): the end of the text, the `otherwise` move, and the
// offset of a tag hint; here a tag is its own symbol, a hint HINT + its number, the end END.
const WINK_END = 2070000
const WINK_OTHERWISE = 2070003
const WINK_HINTED = 1080000
const HINT = 64
const END = HINT + 256
// What a text must hold for a part pattern of the model to match it: a cheap test that spares
// compiling and running the pattern on most texts (the URL pattern, ranges of all letters case
// insensitive, takes some 15 million instructions to compile).
const NEEDS = new Map([
  // URLs: their `//`; mail addresses and mentions, `@`; hashtags, `#`
  ["/(?:(?:(?:https?|ftp):)?\\/\\/)(?:\\S+(?::\\S*)?@)?(?:(?:(?:[a-z\\u00A1-\\uFFFF\\d]-*)*[a-z\\u00A1-\\uFFFF\\d]+)(?:\\.(?:[a-z\\u00A1-\\uFFFF\\d]-*)*[a-z\\u00A1-\\uFFFF\\d]+)*(?:\\.(?:[a-z\\u00A1-\\uFFFF]{2,})))(?::\\d{2,5})?(?:[\\/?#]\\S*)?/gi", '//'],
  ["/[-!#$%&'*+\\/=?^\\w{|}~](?:\\.?[-!#$%&'*+\\/=?^\\w`{|}~])*@[a-z0-9](?:-?\\.?[a-z0-9])*(?:\\.[a-z](?:-?[a-z0-9])*)+/gi", '@'],
  ['/\\@\\w+/g', '@'],
  ['/\\#[a-z][a-z0-9]*/gi', '#'],
  // emoji: a character from U+00A9 on
  ['/[\\u{1F300}-\\u{1F5FF}\\u{1F900}-\\u{1F9FF}\\u{1F600}-\\u{1F64F}\\u{1F680}-\\u{1F6FF}\\u{2600}-\\u{26FF}\\u{2700}-\\u{27BF}\\u{1F1E6}-\\u{1F1FF}\\u{1F191}-\\u{1F251}\\u{1F004}\\u{1F0CF}\\u{1F170}-\\u{1F171}\\u{1F17E}-\\u{1F17F}\\u{1F18E}\\u{3030}\\u{2B50}\\u{2B55}\\u{2934}-\\u{2935}\\u{2B05}-\\u{2B07}\\u{2B1B}-\\u{2B1C}\\u{3297}\\u{3299}\\u{303D}\\u{00A9}\\u{00AE}\\u{2122}\\u{23F3}\\u{24C2}\\u{23E9}-\\u{23EF}\\u{25B6}\\u{23F8}-\\u{23FA}]/gu', '[^\\0-\\u00a8]'],
  // emoticons: a colon or semicolon, `<` or `\\`
  ["/[:;]['’]?-?[\\)\\(]+|[:;]-?[\\]\\}3>\\[\\{@oO\\*PpDS\\/\\|X\\?\\\\]|<[\\\\\\/]?3+|[\\)\\(]-?'?[:;]|\\\\o\\//gi", '[:;<\\\\]'],
  // times, ordinals, decades, numbers: a digit
  ['/(?:\\d|[01]\\d|2[0-3]):?(?:[0-5][0-9])?(?:[ap]\\.?m\\.?|hours|hrs)/gi', '[0-9]'],
  ['/1\\dth|[04-9]th|1st|2nd|3rd|[02-9]1st|[02-9]2nd|[02-9]3rd|[02-9][04-9]th|\\d+\\d[04-9]th|\\d+\\d1st|\\d+\\d2nd|\\d+\\d3rd/g', '[0-9]'],
  ["/[\\'\\’]?\\d0s(?![\\'\\’])|[1-2]\\d\\d0s/g", '[0-9]'],
  ['/[\\+\\-]?\\d+(?:[\\.\\,\\-\\/\\:]?\\d+)*/g', '[0-9]'],
  // currencies: a sign or a code
  ['/\\₿+|\\₽+|\\₹+|\\₨+|\\$+|\\£+|\\¥+|\\€+|\\₩+|US\\$|C\\$|A\\$|USD|AUD|INR|GBP/g', '[₿₽₹₨$£¥€₩]|USD|AUD|INR|GBP']
])

// A state no pattern ends in, or one whose pattern's tag is `0` (which sets nothing).
const NO_TAG = 255

// What the reading needs of each word, in one 32-bit number: its tag (of its mapped spelling),
// its tag hint, the cluster of its normal form, the cluster of its mapped spelling (the normal of a
// new word whose lower case it is), and the tag such a new word takes from it (0: none).
const TAG_BITS = 0
const HINT_BITS = 5
const CLUSTER_BITS = 13
const MAPPED_CLUSTER_BITS = 20
const LOWER_TAG_BITS = 27
// A contraction's expansion: where it starts among the expansions, and its length (in words, 4 a
// token), with the top bit set; 0 for another word. An expansion's token: its word, and its
// tag as the expansion stores it (STORED_NONE: tagged as any other), tag, hint and cluster.
const CONTRACTION = 0x80000000
const STORED_NONE = 63

type Field = [word: number, mask: number, shift: number]

interface Machine {
  /** The column of each symbol (-1: none of the machine's moves reads it). */
  columns: Int16Array
  width: number
  moves: Int16Array
  otherwise: Int16Array
  /** Whether a state ends a pattern, the tag it sets (negative: whatever the cluster), NO_TAG. */
  ends: Uint8Array
  targets: Int16Array
  /** Where the tagged token is from the pattern's first. */
  marks: Int16Array
}

interface StoredMachine {
  columns: number[]
  width: number
  moves: number[]
  otherwise: number[]
  ends: number[]
  targets: number[]
  marks: number[]
}

interface Rules {
  whole: Array<[string, string, number]>
  parts: Array<[string, string, number]>
  needs: Array<string | null>
  endMark: string
  openMark: string
  bothMarks: string
  splitter: string
  prefixes: Record<string, boolean>
  suffixes: Record<string, boolean>
  clusters: number[]
  tags: string[]
  machines: StoredMachine[]
}

interface Model {
  info: Uint32Array
  contractions: Uint32Array
  expansions: Uint32Array
  starts: Uint32Array
  slots: Uint32Array
  mask: number
  text: string
  size: number
  /** The patterns that name a piece's category, and their categories. */
  whole: RegExp[]
  wholeCategories: number[]
  parts: RegExp[]
  partCategories: number[]
  /** What a text must hold for each part pattern to match it (null: not known). */
  needs: Array<RegExp | null>
  endMark: RegExp
  openMark: RegExp
  bothMarks: RegExp
  prefixes: Record<string, boolean>
  suffixes: Record<string, boolean>
  clusters: Int32Array
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

type WinkMachine = [Record<string, Record<string, number>>, Record<string, string>, Record<string, [number, number]>]

// A machine as a table: a row of moves for each state, a column for each symbol it reads.
function tableOf([moves, names, marks]: WinkMachine): StoredMachine {
  const symbolOf = (key: string) => {
    const value = Number(key)
    if (value === WINK_END) return END
    if (value >= WINK_HINTED && value - WINK_HINTED < 256) return HINT + value - WINK_HINTED
    return value >= 0 && value < HINT && String(value) === key ? value : -1
  }
  let states = 1
  for (const [state, row] of Object.entries(moves)) for (const next of [Number(state), ...Object.values(row)]) states = Math.max(states, next + 1)
  for (const state of Object.keys(names)) states = Math.max(states, Number(state) + 1)
  const columns = new Array<number>(END + 1).fill(-1)
  let width = 0
  for (const row of Object.values(moves)) {
    for (const key of Object.keys(row)) {
      // (`otherwise` has a table of its own; a word as a symbol (`$of`) no tag matches)
      if (Number(key) === WINK_OTHERWISE) continue
      const symbol = symbolOf(key)
      if (symbol !== -1 && columns[symbol] === -1) columns[symbol] = width++
    }
  }
  const table = new Array<number>(states * width).fill(0)
  const otherwise = new Array<number>(states).fill(0)
  for (const [state, row] of Object.entries(moves)) {
    for (const [key, next] of Object.entries(row)) {
      if (Number(key) === WINK_OTHERWISE) otherwise[Number(state)] = next
      else if (symbolOf(key) !== -1) table[Number(state) * width + columns[symbolOf(key)]] = next
    }
  }
  const ends = new Array<number>(states).fill(0)
  const targets = new Array<number>(states).fill(NO_TAG)
  const starts = new Array<number>(states).fill(0)
  for (const [state, name] of Object.entries(names)) {
    if (!name) continue
    ends[Number(state)] = 1
    if (name !== '0') targets[Number(state)] = Number(name)
    starts[Number(state)] = marks[state]?.[0] ?? 0
    if (!Number.isInteger(Number(name)) || Math.abs(Number(name)) >= HINT) throw new Error(`wink-tags: unexpected tag ${name}`)
  }
  return {columns, width, moves: table, otherwise, ends, targets, marks: starts}
}

/** The tagger's data, made from the model's files, as `npm run build` writes it. */
export function winkTagsBytes(): Buffer {
  const folder = modelFolder()
  const models = join(folder, 'languages/cur/models')
  const core = JSON.parse(readFileSync(join(models, 'eng-core-web-model.json'), 'utf8')) as {
    packing: {size: number; layout: Record<string, number[]>}
    features: {lexeme: {list: string[]}; posClusters: {list: string[]}}
    pos: {hash: Record<string, number>; list: string[]}
    lexicon: string
    xpansions: string
    trex: {ltc: Array<[string, string, number]>; rtc: Array<[string, string, number]>; helpers: Record<string, [string, string]>}
    preserve: {prefix: Record<string, boolean>; suffix: Record<string, boolean>}
  }
  const machines = (JSON.parse(readFileSync(join(models, 'eng-pos-model.json'), 'utf8')) as string[]).map((each) => {
    const [, , moves, names, marks] = JSON.parse(each) as [number, number, ...WinkMachine]
    return tableOf([moves, names, marks])
  })
  const rules: Rules = {
    whole: core.trex.ltc,
    parts: core.trex.rtc,
    needs: core.trex.rtc.map(([source, flags]) => NEEDS.get(`/${source}/${flags}`) ?? null),
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
  if (rules.splitter !== SPLITTER) throw new Error('wink-tags: another splitter')
  // (`matchesOf` stands for `match` and `split`: no pattern may match an empty text or capture)
  for (const [source, flags] of rules.parts) if (new RegExp(`^(?:${source})$`, flags.replace('g', '')).test('') || new RegExp(`${source}|`, flags).exec('')!.length !== 1) throw new Error(`wink-tags: pattern ${source} matches an empty text or captures`)
  if (rules.clusters.length > 128) throw new Error('wink-tags: too many clusters')

  // The packed lexicon as wink's cache reads it.
  const lexicon = words32(core.lexicon)
  const stride = core.packing.size
  const get = (index: number, name: string) => {
    const [word, mask, shift] = core.packing.layout[name] as Field
    return (lexicon[word + index * stride] & mask) >>> shift
  }
  const mapped = (index: number) => (get(index, 'isSpellingMapped') ? get(index, 'lemma') : index)
  const normal = (index: number) => (get(index, 'isSpellingMapped') ? get(index, 'lemma') : index + get(index, 'normal'))
  const words = core.features.lexeme.list
  const source = words32(core.xpansions)
  const info = new Uint32Array(words.length)
  const contractions = new Uint32Array(words.length)
  const expansions = new Uint32Array(source.length)
  for (let index = 0; index < words.length; index++) {
    let first = index
    if (get(index, 'isContraction')) {
      const lemma = get(index, 'lemma')
      const start = lemma & 0x3fff
      const length = (lemma >>> 14) & 31
      contractions[index] = CONTRACTION | (length << 14) | start
      first = source[start]
    }
    const own = get(first, 'pos')
    const lowerTag = own === NOUN || own === ADJ ? PROPN : own
    const hint = get(index, 'posHint')
    if (hint >= 256 || get(mapped(index), 'pos') >= 32 || lowerTag >= 32) throw new Error('wink-tags: a value out of range')
    info[index] = ((get(mapped(index), 'pos') || NOUN) << TAG_BITS) | (hint << HINT_BITS) | (get(normal(index), 'lexemeCID') << CLUSTER_BITS) | (get(mapped(index), 'lexemeCID') << MAPPED_CLUSTER_BITS) | (lowerTag << LOWER_TAG_BITS)
  }
  // (each expansion's token: its word, then its stored tag, default tag, hint and cluster)
  for (let at = 0; at + 3 < source.length; at += 4) {
    const token = source[at]
    const packed = source[at + 2] | (source[at + 3] << 20)
    const stored = packed === 0 ? STORED_NONE : (packed & 0x3f00000) >>> 20
    expansions[at] = token
    expansions[at + 1] = stored | ((info[token] & 0x1fff) << 6) | (get(source[at + 1], 'lexemeCID') << 19)
  }

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
  const body = new Uint32Array(info.length + contractions.length + expansions.length + starts.length + slots.length + pad(text.length) / 2 + pad(json.length) / 2)
  let at = 0
  for (const part of [info, contractions, expansions, starts, slots]) {
    body.set(part, at)
    at += part.length
  }
  const units = new Uint16Array(body.buffer, at * 4)
  for (let index = 0; index < text.length; index++) units[index] = text.charCodeAt(index)
  const jsonUnits = new Uint16Array(body.buffer, at * 4 + pad(text.length) * 2)
  for (let index = 0; index < json.length; index++) jsonUnits[index] = json.charCodeAt(index)
  const bytes = new Uint8Array(body.buffer)
  const head = Uint32Array.of(modelKey(folder), FORMAT, words.length, expansions.length, bits, text.length, json.length, crc32(bytes))
  return Buffer.concat([new Uint8Array(head.buffer), bytes])
}

/** The tagger's data as stored, or undefined if it is not whole or not made from these model files. */
export function usableWinkTags(bytes: Buffer, key = modelKey(modelFolder())): Uint32Array | undefined {
  if (bytes.length % 4 !== 0 || bytes.length < HEAD * 4) return undefined
  const read = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length >> 2) : new Uint32Array(Uint8Array.from(bytes).buffer)
  const [fileKey, format, count, expansionWords, bits, textUnits, jsonUnits] = read
  if (fileKey !== key || format !== FORMAT || bits > 24) return undefined
  const pad = (units: number) => units + (units & 1)
  if (read.length !== HEAD + 3 * count + 1 + expansionWords + 2 ** bits + pad(textUnits) / 2 + pad(jsonUnits) / 2) return undefined
  return read[7] === crc32(new Uint8Array(read.buffer, read.byteOffset + HEAD * 4, (read.length - HEAD) * 4)) ? read : undefined
}

let model: Model | undefined

function load(): Model {
  if (model) return model
  const key = modelKey(modelFolder())
  let bytes: Buffer | undefined
  try {
    bytes = readFileSync(WINK_TAGS_FILE)
  } catch {
    bytes = undefined
  }
  // (run from the sources, as the tests are, there is no built file: made here)
  const read = (bytes && usableWinkTags(bytes, key)) ?? usableWinkTags(winkTagsBytes(), key)!
  const [, , count, expansionWords, bits, textUnits, jsonUnits] = read
  let at = HEAD
  const take = (length: number) => read.subarray(at, (at += length))
  const info = take(count)
  const contractions = take(count)
  const expansions = take(expansionWords)
  const starts = take(count + 1)
  const slots = take(2 ** bits)
  const byteAt = read.byteOffset + at * 4
  const buffer = Buffer.from(read.buffer, byteAt, (textUnits + (textUnits & 1) + jsonUnits) * 2)
  const text = buffer.toString('utf16le', 0, textUnits * 2)
  const rules = JSON.parse(buffer.toString('utf16le', (textUnits + (textUnits & 1)) * 2)) as Rules
  model = {
    info,
    contractions,
    expansions,
    starts,
    slots,
    mask: slots.length - 1,
    text,
    size: count,
    whole: rules.whole.map(([source, flags]) => new RegExp(source, flags)),
    wholeCategories: rules.whole.map(([, , category]) => category),
    parts: rules.parts.map(([source, flags]) => new RegExp(source, flags)),
    partCategories: rules.parts.map(([, , category]) => category),
    needs: rules.needs.map((need) => (need === null ? null : new RegExp(need, 'u'))),
    endMark: new RegExp(rules.endMark),
    openMark: new RegExp(rules.openMark),
    bothMarks: new RegExp(rules.bothMarks),
    prefixes: rules.prefixes,
    suffixes: rules.suffixes,
    clusters: Int32Array.from(rules.clusters),
    tags: rules.tags,
    machines: rules.machines.map((machine) => ({
      columns: Int16Array.from(machine.columns),
      width: machine.width,
      moves: Int16Array.from(machine.moves),
      otherwise: Int16Array.from(machine.otherwise),
      ends: Uint8Array.from(machine.ends),
      targets: Int16Array.from(machine.targets),
      marks: Int16Array.from(machine.marks)
    }))
  }
  return model
}

// Words looked up, and their numbers: cold, hashing a word and comparing it in JavaScript costs
// more than V8's own hashing of it for a map; cleared when full.
const found = new Map<string, number>()

/** The word's number in the lexicon, or -1. */
function find(model: Model, word: string): number {
  let index = found.get(word)
  if (index === undefined) {
    if (found.size >= 50_000) found.clear()
    index = lookUp(model, word)
    // (a copy: a word cut from the text would keep the whole text alive as a key)
    found.set(ownCopy(word), index)
  }
  return index
}

function lookUp(model: Model, word: string): number {
  const {slots, starts, text, mask} = model
  let slot = hashOf(word) & mask
  for (;;) {
    const entry = slots[slot]
    if (entry === 0) return -1
    const at = entry - 1
    const start = starts[at]
    if (starts[at + 1] - start === word.length) {
      // (compared here: `startsWith` costs a microsecond a call)
      let same = 0
      while (same < word.length && text.charCodeAt(start + same) === word.charCodeAt(same)) same++
      if (same === word.length) return at
    }
    slot = (slot + 1) & mask
  }
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
      const info = model.info[index]
      this.tags.push(info & 31)
      this.hints.push((info >>> HINT_BITS) & 255)
      this.clusters.push(model.clusters[(info >>> CLUSTER_BITS) & 127])
    } else {
      const learned = index - model.size
      this.tags.push(this.learnedTags[learned] || NOUN)
      this.hints.push(0)
      const lower = this.learnedNormals[learned]
      this.clusters.push(model.clusters[lower < model.size ? (model.info[lower] >>> MAPPED_CLUSTER_BITS) & 127 : 0])
    }
  }

  /** Adds the word as a token if it is known (a contraction as its expansion's tokens). */
  private addKnown(word: string): boolean {
    const {model} = this
    const index = this.indexOf(word)
    if (index === -1) return false
    const contraction = index < model.size ? model.contractions[index] : 0
    if (contraction === 0) {
      this.push(word, index)
      return true
    }
    const {expansions, starts, text} = model
    const start = contraction & 0x3fff
    const end = start + ((contraction >>> 14) & 31)
    for (let at = start; at < end; at += 4) {
      const token = expansions[at]
      const info = expansions[at + 1]
      const stored = info & 63
      this.texts.push(text.slice(starts[token], starts[token + 1]))
      this.stored.push(stored === STORED_NONE ? -1 : stored)
      this.tags.push(stored === STORED_NONE ? (info >>> 6) & 31 : stored)
      this.hints.push((info >>> 11) & 255)
      this.clusters.push(model.clusters[(info >>> 19) & 127])
    }
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
      const index = this.indexOf(word.toLowerCase())
      tag = index < model.size ? model.info[index] >>> LOWER_TAG_BITS : affixTag(word)
    }
    return tag || CATEGORY_TAGS[category] || (TITLE.test(word) ? PROPN : NOUN)
  }

  private category(word: string): number {
    const {whole, wholeCategories} = this.model
    for (let at = 0; at < whole.length; at++) if (whole[at].test(word)) return wholeCategories[at]
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

  // The text cut where the model's splitter cuts it (SPLITTER): at runs of spaces, which are no
  // tokens, and runs of line breaks and tabs, which are.
  read(text: string): void {
    let from = 0
    while (from < text.length) {
      const kind = spaceKind(text.charCodeAt(from))
      let to = from + 1
      while (to < text.length && spaceKind(text.charCodeAt(to)) === kind) to++
      if (kind !== SPACE) {
        const piece = text.slice(from, to)
        if (!this.addKnown(piece)) this.process(piece, this.category(piece))
      }
      from = to
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
    const pattern = model.parts[at]
    const category = model.partCategories[at]
    const need = model.needs[at]
    if (need !== null && !need.test(trimmed)) {
      // (as cut by a pattern that matches nothing)
      if (trimmed) this.cut(trimmed, at + 1)
      return
    }
    const between: string[] = []
    const matches = matchesOf(pattern, trimmed, between)
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
    const parts: string[] = []
    const periods = cutAt(word, '.', parts)
    if (periods.length === 0) {
      this.hyphenated(word, items)
      return
    }
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
    const parts: string[] = []
    const hyphens = this.known(word) || DIGIT.test(word) ? [] : cutAt(word, '-–—', parts)
    if (hyphens.length === 0) {
      items.push([word, WORD])
      return
    }
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
    for (const machine of this.model.machines) {
      const found = recognize(machine, this.tags, this.hints)
      for (let at = 0; at < found.length; at += 2) {
        const token = found[at]
        const target = found[at + 1]
        if (target < 0) this.tags[token] = -target
        else if ((this.clusters[token] & (1 << target)) !== 0) this.tags[token] = target
      }
    }
  }
}

// wink's automaton: from each token on, the longest run of moves to a state that ends a pattern
// (or the last `otherwise` passed); a match resumes after its last token. The matches as pairs:
// the token to tag, the tag.
function recognize(machine: Machine, tags: readonly number[], hints: readonly number[]): number[] {
  const {columns, width, moves, otherwise, ends, targets, marks} = machine
  const length = tags.length
  const found: number[] = []
  let first = 0
  let state = 0
  let lastIndex = 0
  let lastState = 0
  for (let start = 0; start <= length; start++) {
    for (let at = start; at <= length; at++) {
      let symbol = at === length ? END : tags[at]
      // (the lexicon's word 0, which the machines skip, is no tag a token gets but a contraction's)
      if (symbol === 0) continue
      if (at < length && hints[at] !== 0) symbol = HINT + hints[at]
      const column = columns[symbol]
      let next = column === -1 ? 0 : moves[state * width + column]
      if (state === 0 && next !== 0) first = at
      if (ends[next] === 1) {
        if (targets[next] !== NO_TAG) found.push(first + marks[next], targets[next])
        start = at
        at = length + 100
        next = 0
        lastState = 0
      } else if (next === 0) {
        if (lastState !== 0) {
          if (targets[lastState] !== NO_TAG) found.push(first + marks[lastState], targets[lastState])
          start = lastIndex
          at = length + 100
          lastState = 0
        } else at = length + 100
      }
      state = next
      if (otherwise[state] !== 0) {
        lastIndex = at
        lastState = otherwise[state]
      }
    }
  }
  return found
}

const SPACE = 1
const BREAK = 2

function spaceKind(code: number): number {
  if (code === 32 || code === 0xa0 || (code >= 0x2002 && code <= 0x2005) || code === 0x2009 || code === 0x200a || code === 0x202f || code === 0x205f) return SPACE
  return code === 10 || code === 13 || code === 9 ? BREAK : 0
}

// A text's matches of a pattern (global, matching no empty text) and the texts between them, as
// `match` and `split` give them, without the new pattern `split` makes each call.
function matchesOf(pattern: RegExp, text: string, between: string[]): string[] {
  const matches: string[] = []
  pattern.lastIndex = 0
  let from = 0
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    between.push(text.slice(from, match.index))
    matches.push(match[0])
    from = pattern.lastIndex
  }
  between.push(text.slice(from))
  return matches
}

// A word's parts between the characters of a class (periods, hyphens), and those characters.
function cutAt(word: string, marks: string, between: string[]): string[] {
  const found: string[] = []
  let from = 0
  for (let at = 0; at < word.length; at++) {
    if (marks.includes(word[at])) {
      between.push(word.slice(from, at))
      found.push(word[at])
      from = at + 1
    }
  }
  between.push(word.slice(from))
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
