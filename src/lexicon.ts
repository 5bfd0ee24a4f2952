// The lexicon: American, British and Australian English and the project's word lists, judged as one
// nspell checker would, loaded on first use and shared by every rule of a processor (spelling
// evidence, name typos, the headline). It is the only full dictionary a process loads: the spelling
// rule hands retext-spell the bare affix file (see rules/spelling) and asks this one for every
// verdict and suggestion. The dictionary's forms are expanded once, by `npm run build` (see
// `formsText`), not per process, and sketched for quick refusals (`sketchBytes`).
import {Buffer, isAscii} from 'node:buffer'
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'
import {crc32} from 'node:zlib'
import nspell from 'nspell'
import wordListPath from 'word-list'
import type {Settings} from './rule.js'
import {ownCopy} from './text.js'

export interface Lexicon {
  /** Whether a variety (or the project's lists) knows the word, case as written. */
  knows(word: string): boolean
  /**
   * Like `knows`, but the verdict is not remembered: for the many forms one slip from an unknown
   * word that a typo search tries once each, which would crowd the words of the copy out of memory.
   */
  probe(word: string): boolean
  /**
   * Whether word-list (274,000 lower-case words, variants and colloquial forms: `improv`,
   * `ukelele`, `photogs`, `cannellini`) has the word: enough to leave a word alone, too loose
   * to call it right. Read on first use.
   */
  listed(word: string): boolean
  /** Corrections for a word, best first (slow: milliseconds per word); none past `MAX_WORD` letters. */
  suggest(word: string): string[]
  /**
   * Quick tests of the forms one edit from a word, before a typo search builds them: false means
   * `probe` would call that form unknown, true that it may know it.
   */
  edits(word: string): Edits
}

/**
 * The forms one edit from a word, tested without building them (positions count in the word;
 * `letter` is one character). False: no form the lexicon knows, in any case; true: perhaps.
 */
export interface Edits {
  /** `letter` put in before position `at` (at the end when `at` is the word's length). */
  insert(at: number, letter: string): boolean
  /** The letter at `at` left out. */
  remove(at: number): boolean
  /** The letter at `at` replaced by `letter`. */
  replace(at: number, letter: string): boolean
  /** The letters at `at` and `at + 1` swapped. */
  swap(at: number): boolean
  /**
   * `insert(at, letter)` for each letter `a` to `z` at once, as bits (bit 0 for `a`): a typo
   * search asks of every place and letter, and one call per place costs less than 26.
   */
  inserts(at: number): number
  /** `replace(at, letter)` for each letter `a` to `z` at once, as bits (bit 0 for `a`). */
  replaces(at: number): number
}

/** Every letter `a` to `z`, as `Edits.inserts` and `replaces` give them. */
export const ALL_LETTERS = (1 << 26) - 1

/** A hunspell dictionary: affix rules and word list. */
export interface Dictionary {
  aff: Buffer
  dic: Buffer
}

/**
 * No English word needs more letters (the longest in the dictionaries has 28): a longer one is
 * known to no dictionary and gets no suggestions, whose cost grows with the square of the length
 * (a 2,000-letter word took 4 GB).
 */
export const MAX_WORD = 40

let english: Dictionary | undefined
let americanLines: string[] | undefined

/** The dictionary packages the lexicon is made from. */
export type Variety = 'dictionary-en' | 'dictionary-en-gb' | 'dictionary-en-au'

const require = createRequire(import.meta.url)

/**
 * A file of a dictionary package: `index.aff` or `index.dic`, beside its `index.js` (which reads
 * both when imported). The packages are read here, when a dictionary is needed, not imported: their
 * imports read 1.7 MB at start by top-level await, where a built checkout needs the American affix
 * file and numerals only, and the sizes of the rest.
 */
export function dictionaryFile(variety: Variety, file: 'index.aff' | 'index.dic'): string {
  return join(dirname(RESOLVE[variety]()), file)
}

// (each package named as written, so that test/dependencies.test.ts finds it read as data)
const RESOLVE: Record<Variety, () => string> = {
  'dictionary-en': () => require.resolve('dictionary-en'),
  'dictionary-en-gb': () => require.resolve('dictionary-en-gb'),
  'dictionary-en-au': () => require.resolve('dictionary-en-au')
}

const varieties = new Map<Variety, Dictionary>()

/** A dictionary package's affix file and word list, as its default export holds them; read once. */
export function varietyOf(variety: Variety): Dictionary {
  let found = varieties.get(variety)
  if (!found) {
    found = {aff: readFileSync(dictionaryFile(variety, 'index.aff')), dic: readFileSync(dictionaryFile(variety, 'index.dic'))}
    varieties.set(variety, found)
  }
  return found
}

let affix: Buffer | undefined

// The American affix file alone (3 KB), which the varieties share.
function affixFile(): Buffer {
  affix ??= readFileSync(dictionaryFile('dictionary-en', 'index.aff'))
  return affix
}

// dictionary-en's entries, decoded once for both dictionaries built from them.
function american(): string[] {
  americanLines ??= new TextDecoder().decode(varietyOf('dictionary-en').dic).split('\n')
  return americanLines
}

/** The affix file the three varieties share. */
function englishAffix(): Buffer {
  return Buffer.from(affixFile())
}

/**
 * The shared affix file with no words but the numerals (`1st`, `22nd`) its compound rules are built
 * from: about 1 ms to load, and it knows no word. Without the numerals nspell leaves the rules'
 * flags as letters, and `/n*mp/` then accepts every word holding `mp`.
 */
export function bareDictionary(): Dictionary {
  numerals ??= builtNumerals() ?? numeralLines()
  return {aff: englishAffix(), dic: Buffer.from([String(numerals.length), ...numerals].join('\n'))}
}

let numerals: string[] | undefined

// The numerals' lines of dictionary-en's word list (`1st/p`), found in the text, not among all its
// lines split apart (50,000 strings for a dozen numerals).
function numeralLines(): string[] {
  return [...new TextDecoder().decode(varietyOf('dictionary-en').dic).matchAll(/^\d.*$/gmu)].map((match) => match[0])
}

/**
 * Where `npm run build` writes the numerals' lines (`numeralsText`) beside the built module: a
 * process then reads 200 bytes, not the 550 kB word list they are found in (2 ms of a cold run).
 */
export const NUMERALS_FILE = new URL('./english-numerals.txt', import.meta.url)

/**
 * The key of the dictionaries the numerals were found in (`formsKey`), their count, their lines,
 * and `end`: a file cut short anywhere is told from a whole one (without its numerals nspell
 * would read the compound rules' flags as letters and pass misspellings it should report).
 */
export function numeralsText(): string {
  const lines = numeralLines()
  return [formsKey(), String(lines.length), ...lines, 'end'].join('\n')
}

/** The numerals of a text `numeralsText` wrote for these dictionaries; undefined if it is not one, whole. */
export function readNumerals(text: string): string[] | undefined {
  const lines = text.split('\n')
  const count = Number(lines[1])
  if (lines[0] !== formsKey() || !(count > 0) || lines.length !== count + 3 || lines[count + 2] !== 'end') return undefined
  const numerals = lines.slice(2, count + 2)
  return numerals.every((line) => /^\d\S*$/u.test(line)) ? numerals : undefined
}

// The numerals `npm run build` wrote, if whole and found in these dictionaries; else undefined.
function builtNumerals(): string[] | undefined {
  try {
    return readNumerals(readFileSync(NUMERALS_FILE, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * American, British and Australian English as one dictionary: the packages share one affix file,
 * so their word lists are joined, each entry once (nspell would expand a repeated entry twice).
 * Joined as text because nspell's `dictionary()` breaks its compound rules when called a second
 * time. Immutable, so it is built once per process and shared.
 */
export function englishDictionary(): Dictionary {
  if (english) return english
  const decoder = new TextDecoder()
  const [gb, au] = [varietyOf('dictionary-en-gb'), varietyOf('dictionary-en-au')]
  for (const variety of [gb, au]) {
    if (!affixFile().equals(Buffer.from(variety.aff))) {
      throw new Error('dictionary-en, -en-gb and -en-au no longer share an affix file: join them another way')
    }
  }
  const lines = [...american()]
  const seen = new Set(lines)
  for (const variety of [gb, au]) {
    // Each file starts with its entry count, which would be read as a word in the next.
    for (const line of decoder.decode(variety.dic).split('\n').slice(1)) {
      if (seen.has(line)) continue
      seen.add(line)
      lines.push(line)
    }
  }
  english = {aff: englishAffix(), dic: Buffer.from(lines.join('\n'))}
  return english
}

// The entries of the joined dictionary without their affix flags.
function stemsOf(dictionary: Dictionary): string[] {
  return new TextDecoder().decode(dictionary.dic).split('\n').map((line) => line.slice(0, line.includes('/') ? line.indexOf('/') : undefined))
}

/**
 * The entries of the joined dictionary as a set: asked only whether it has a word, it finds the
 * entry in the forms' text by the sketch, comparing in place (a set of the 51,000 entries took
 * 15 ms a process to build); the set is made only when something asks for more.
 */
class Stems implements ReadonlySet<string> {
  #all: Set<string> | undefined
  has(word: string): boolean {
    const {stemBits, stemKeys, stemAt} = sketch ?? loadSketch()
    const text = source!
    if (word.includes('\n')) return false
    const hash = textHash(word)
    const mask = (1 << stemBits) - 1
    const key = keyOf(hash)
    for (let slot = slotOf(key, stemBits); ; slot = (slot + 1) & mask) {
      const found = stemKeys[slot]
      if (found === 0) return false
      if (found === key) {
        const at = stemAt[slot]
        const end = at + word.length
        if ((end === text.length || text.charCodeAt(end) === 10) && text.startsWith(word, at)) return true
      }
    }
  }
  // Every entry, split from the text where the sketch says they start.
  #set(): Set<string> {
    this.#all ??= new Set(formsSource().slice(loadSketch().stemsAt).split('\n'))
    return this.#all
  }
  get size(): number {
    return this.#set().size
  }
  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    this.#set().forEach((value) => callback.call(thisArg, value, value, this))
  }
  entries(): SetIterator<[string, string]> {
    return this.#set().entries()
  }
  keys(): SetIterator<string> {
    return this.#set().keys()
  }
  values(): SetIterator<string> {
    return this.#set().values()
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.#set()[Symbol.iterator]()
  }
}

let stems: Stems | undefined

/**
 * The entries of the joined dictionary without their affix flags (`February`, `conservative`):
 * a quick first test for a typo search, which tries hundreds of forms per word; a form that
 * passes is then put to nspell, which knows the forms built from them (`Conservatives`).
 */
export function dictionaryStems(): ReadonlySet<string> {
  if (!stems) {
    formsSource()
    stems = new Stems()
  }
  return stems
}

/**
 * Where `npm run build` writes the expanded dictionary: beside the built module. Run from the
 * TypeScript sources (the tests) there is none, and it is expanded in the process instead.
 */
export const FORMS_FILE = new URL('./english-forms.txt', import.meta.url)

let formsKeyText: string | undefined

// What the expanded dictionary was made from (the dictionaries' sizes, read from the file system,
// not from the files): a file made from other dictionaries is not used.
function formsKey(): string {
  const size = (variety: Variety, file: 'index.aff' | 'index.dic') => statSync(dictionaryFile(variety, file)).size
  formsKeyText ??= `copydesk-forms 1 ${size('dictionary-en', 'index.aff')} ${size('dictionary-en', 'index.dic')} ${size('dictionary-en-gb', 'index.dic')} ${size('dictionary-en-au', 'index.dic')}`
  return formsKeyText
}

/**
 * Every form nspell makes of the joined dictionary, with its flags, and the dictionary's entries:
 * as text, for `npm run build` to write beside this module. nspell took a fifth of a cold run
 * of the CLI (0.3 s) to expand the dictionaries' 120,000 forms into a table in every process;
 * the sorted forms are read in a few milliseconds and found where the sketch (`sketchBytes`)
 * says they stand (nspell's own table, `englishChecker`, still looks them up by halves).
 * Lines: the key, the counts, the sorted forms, their flags (one line each), the entries.
 */
export function formsText(): string {
  const dictionary = englishDictionary()
  const data = (nspell(dictionary) as unknown as {data: Record<string, string[]>}).data
  const words = Object.keys(data).sort()
  const codes = words.map((word) => {
    const flags = data[word]
    if (flags.some((flag) => flag.length !== 1 || flag === '\n')) throw new Error(`a flag nspell keeps for \`${word}\` is not one character: store flags another way`)
    return flags.join('')
  })
  const entries = stemsOf(dictionary)
  return [formsKey(), `${words.length} ${entries.length}`, ...words, ...codes, ...entries].join('\n')
}

interface Forms {
  /** Every form nspell makes, sorted (by UTF-16 code unit, as `<` compares). */
  words: string[]
  /** The flags of each form, one character each. */
  codes: string[]
  stems: string[]
}

let forms: Forms | undefined
let source: string | undefined

// The expanded dictionary as text: the file `npm run build` wrote if it matches the dictionaries,
// else expanded now.
function formsSource(): string {
  if (source !== undefined) return source
  let text: string | undefined
  try {
    // Read as bytes and made a string as Latin-1 when all are ASCII (as they are: the forms of
    // the English dictionaries), the same string: 2 ms, where decoding it as UTF-8 took 4.
    const bytes = readFileSync(FORMS_FILE)
    text = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8')
  } catch {
    // Not built: expanded below.
  }
  if (text === undefined || !text.startsWith(`${formsKey()}\n`)) text = formsText()
  source = text
  return source
}

// The expanded dictionary split into its lines (300,000 strings, some 20 ms and more garbage to
// collect): for nspell's own table and the sketch's making, not for the judge, which reads the
// forms from the text where the sketch finds them.
function loadForms(): Forms {
  if (forms) return forms
  const lines = formsSource().split('\n')
  const [count, entries] = lines[1].split(' ').map(Number)
  forms = {words: lines.slice(2, 2 + count), codes: lines.slice(2 + count, 2 + 2 * count), stems: lines.slice(2 + 2 * count, 2 + 2 * count + entries)}
  return forms
}

// The index of a form in the sorted list, or -1.
function indexOf(words: readonly string[], word: string): number {
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const found = words[middle]
    if (found === word) return middle
    if (found < word) low = middle + 1
    else high = middle
  }
  return -1
}

/**
 * Where `npm run build` writes the sketch of the forms (`sketchBytes`): beside the built module.
 */
export const SKETCH_FILE = new URL('./english-forms.sketch', import.meta.url)

// The sketch: a table of the hashes of every form in lower case, read as it is stored. A typo
// search tries hundreds of forms one slip from a word, nearly all of them no word at all: their
// hashes, worked out from the word's without building them, turn away nearly all before a string
// is made or a dictionary is asked (the forms took two thirds of the spelling rule's time).
const HASH_BASE = 0x01000193
// (bound once: under jest every read of the global `Math` goes through the test context, 50 times slower)
const imul = Math.imul
const MIX = 0x9e3779b1

/** The hash of a text, code unit by code unit: the sum of each code times BASE to its distance from the end, mod 2^32. */
export function textHash(text: string): number {
  let hash = 0
  for (let at = 0; at < text.length; at++) hash = (imul(hash, HASH_BASE) + text.charCodeAt(at)) >>> 0
  return hash
}

// What the sketch was made from and how: a sketch of other forms, or hashed another way, is not used.
function sketchKey(): number {
  return textHash(`copydesk-sketch 4 ${HASH_BASE} ${MIX} ${FILTER_BITS} ${formsKey()}`)
}

// The slot a hash starts from in a table of 2^bits slots; a stored hash is never 0 (an empty slot).
const slotOf = (key: number, bits: number) => imul(key, MIX) >>> (32 - bits)
const keyOf = (hash: number) => hash || 1
// The filter: one bit for each value of a key's top FILTER_BITS bits, set when some form's key
// has them. 256 kB, where the forms' keys take 1 MB: a form one slip from a word, nearly always no
// word, is turned away by one read of it, which stays in the processor's cache (a typo search and
// a suggestion ask about 150,000 forms in a run of news-dev: 6 to 14 ms through the keys' table,
// 2 to 4 ms through the filter, warm, in a bench on this machine).
const FILTER_BITS = 21
const FILTER_WORDS = 1 << (FILTER_BITS - 5)
const filterBit = (key: number) => key >>> (32 - FILTER_BITS)
// The sketch's head: its key, the forms' table's size in bits, the length of the forms' text,
// where in it the entries start, the entries' table's size in bits, and the CRC-32 of the tables'
// bytes (`tablesCrc`).
const HEAD = 6

/**
 * The sketch as `npm run build` writes it, 32-bit numbers: the head, then three tables of 2^bits
 * slots, at most half full, open addressing with linear probing: the hash of each form in lower
 * case (`textHash`), where the form's line starts in the forms' text, where its flags' line does.
 * Forms that differ only in case have a slot each. Then two tables for the dictionary's entries
 * as written: their hashes and where their lines start. Then the filter of the forms' keys
 * (`FILTER_BITS`), bit `b` of a key's top bits in number `b >>> 5`, as bit `b & 31`.
 */
export function sketchBytes(): Buffer {
  const text = formsSource()
  // Where each line of the text starts.
  const starts = [0]
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1)
  const lineAt = (index: number) => text.slice(starts[index], index + 1 < starts.length ? starts[index + 1] - 1 : text.length)
  const [count, entries] = lineAt(1).split(' ').map(Number)
  const bitsFor = (items: number) => {
    let bits = 1
    while (1 << bits < 2 * items) bits++
    return bits
  }
  const bits = bitsFor(count)
  const size = 1 << bits
  const stemBits = bitsFor(entries)
  const stemSize = 1 << stemBits
  const table = new Uint32Array(HEAD + 3 * size + 2 * stemSize + FILTER_WORDS)
  const filter = HEAD + 3 * size + 2 * stemSize
  table.set([sketchKey(), bits, text.length, starts[2 + 2 * count], stemBits, 0])
  for (let index = 0; index < entries; index++) {
    const key = keyOf(textHash(lineAt(2 + 2 * count + index)))
    let slot = slotOf(key, stemBits)
    while (table[HEAD + 3 * size + slot] !== 0) slot = (slot + 1) & (stemSize - 1)
    table[HEAD + 3 * size + slot] = key
    table[HEAD + 3 * size + stemSize + slot] = starts[2 + 2 * count + index]
  }
  for (let index = 0; index < count; index++) {
    const key = keyOf(textHash(lineAt(2 + index).toLowerCase()))
    let slot = slotOf(key, bits)
    while (table[HEAD + slot] !== 0) slot = (slot + 1) & (size - 1)
    table[HEAD + slot] = key
    table[filter + (filterBit(key) >>> 5)] |= 1 << (filterBit(key) & 31)
    table[HEAD + size + slot] = starts[2 + index]
    table[HEAD + 2 * size + slot] = starts[2 + count + index]
  }
  table[5] = tablesCrc(table)
  return Buffer.from(table.buffer)
}

interface Sketch {
  bits: number
  keys: Uint32Array
  /** Where each slot's form starts in the forms' text, and where its flags do. */
  wordAt: Uint32Array
  flagsAt: Uint32Array
  /** Where the dictionary's entries start in the text. */
  stemsAt: number
  /** The entries' table: their hashes (as written) and where each line starts. */
  stemBits: number
  stemKeys: Uint32Array
  stemAt: Uint32Array
  /** The filter of the forms' keys. */
  filter: Uint32Array
}

let sketch: Sketch | undefined

// The sketch `npm run build` wrote if it matches the dictionaries' forms, else made now.
function loadSketch(): Sketch {
  if (sketch) return sketch
  let bytes: Buffer | undefined
  try {
    bytes = readFileSync(SKETCH_FILE)
  } catch {
    // Not built: made below.
  }
  const read = (bytes && usableSketch(bytes)) ?? table(sketchBytes())
  const size = 2 ** read[1]
  const stemSize = 2 ** read[4]
  const stems = HEAD + 3 * size
  sketch = {
    bits: read[1],
    keys: read.subarray(HEAD, HEAD + size),
    wordAt: read.subarray(HEAD + size, HEAD + 2 * size),
    flagsAt: read.subarray(HEAD + 2 * size, stems),
    stemsAt: read[3],
    stemBits: read[4],
    stemKeys: read.subarray(stems, stems + stemSize),
    stemAt: read.subarray(stems + stemSize, stems + 2 * stemSize),
    filter: read.subarray(stems + 2 * stemSize, stems + 2 * stemSize + FILTER_WORDS)
  }
  return sketch
}

// (copied when the file's bytes do not start on a multiple of four)
function table(buffer: Buffer): Uint32Array {
  return buffer.byteOffset % 4 === 0 ? new Uint32Array(buffer.buffer, buffer.byteOffset, buffer.length >> 2) : new Uint32Array(Uint8Array.from(buffer).buffer)
}

/** A sketch's bytes as read from disk, as a table, if it was made from these forms this way. */
export function usableSketch(bytes: Buffer): Uint32Array | undefined {
  if (bytes.length % 4 !== 0) return undefined
  const read = table(bytes)
  const fits = read.length >= HEAD && read[0] === sketchKey() && read[1] < 32 && read[4] < 32 && read.length === HEAD + 3 * 2 ** read[1] + 2 * 2 ** read[4] + FILTER_WORDS && read[2] === formsSource().length
  return fits && read[5] === tablesCrc(read) && agrees(read, formsSource()) ? read : undefined
}

/**
 * The CRC-32 of a sketch's tables (all but its head), which the head keeps: a sketch with slots
 * lost or changed since it was made is not used. zlib's CRC reads the 4 MB in about a millisecond;
 * counting the filled slots in JavaScript, as this did, took 8 to 20 ms of a cold process.
 */
function tablesCrc(read: Uint32Array): number {
  return crc32(new Uint8Array(read.buffer, read.byteOffset + 4 * HEAD, 4 * (read.length - HEAD)))
}

/**
 * Whether a sketch read from disk (whole, by its CRC) agrees with the forms' text: sampled slots
 * point at a line start whose form has the slot's key and whose flags' line starts where the
 * slot says, and the filter has the key's bit. A sketch made from another text of the same
 * length would call dictionary words unknown. (Checking 256 slots of each table takes well under
 * a millisecond.)
 */
function agrees(read: Uint32Array, text: string): boolean {
  const size = 2 ** read[1]
  const stemSize = 2 ** read[4]
  const keys = read.subarray(HEAD, HEAD + size)
  const stemKeys = read.subarray(HEAD + 3 * size, HEAD + 3 * size + stemSize)
  const filter = read.subarray(HEAD + 3 * size + 2 * stemSize)
  const lineAt = (at: number) => {
    if (at === 0 || at > text.length || text.charCodeAt(at - 1) !== 10) return undefined
    const end = text.indexOf('\n', at)
    return text.slice(at, end === -1 ? text.length : end)
  }
  const step = Math.max(1, Math.floor(size / 256))
  for (let slot = 0; slot < size; slot += step) {
    if (keys[slot] === 0) continue
    const form = lineAt(read[HEAD + size + slot])
    if (form === undefined || keyOf(textHash(form.toLowerCase())) !== keys[slot] || lineAt(read[HEAD + 2 * size + slot]) === undefined) return false
    if ((filter[filterBit(keys[slot]) >>> 5] & (1 << (filterBit(keys[slot]) & 31))) === 0) return false
  }
  const stemStep = Math.max(1, Math.floor(stemSize / 256))
  for (let slot = 0; slot < stemSize; slot += stemStep) {
    if (stemKeys[slot] === 0) continue
    const entry = lineAt(read[HEAD + 3 * size + stemSize + slot])
    if (entry === undefined || keyOf(textHash(entry)) !== stemKeys[slot]) return false
  }
  return true
}

/** Whether some form of the dictionaries, in lower case, may have this hash (`textHash`). */
export function sketchHas(hash: number): boolean {
  // (the loaded sketch read as it is: this runs for every form a typo search weighs)
  const {bits, keys, filter} = sketch ?? loadSketch()
  const key = keyOf(hash)
  const bit = filterBit(key)
  if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) return false
  const mask = (1 << bits) - 1
  for (let slot = slotOf(key, bits); ; slot = (slot + 1) & mask) {
    const found = keys[slot]
    if (found === key) return true
    if (found === 0) return false
  }
}

/**
 * Where the flags of a form start in the forms' text (they run to the line's end), or -1 for no
 * form: found by the sketch, and the form compared in place, with no line split or string made.
 */
function flagsOf(word: string): number {
  const {bits, keys, wordAt, flagsAt} = sketch ?? loadSketch()
  const text = source!
  const mask = (1 << bits) - 1
  const hash = lowerHash(word)
  if (hash === -1) return -1
  const key = keyOf(hash)
  for (let slot = slotOf(key, bits); ; slot = (slot + 1) & mask) {
    const found = keys[slot]
    if (found === 0) return -1
    if (found === key) {
      const at = wordAt[slot]
      if (text.charCodeAt(at + word.length) === 10 && text.startsWith(word, at)) return flagsAt[slot]
    }
  }
}

/**
 * The hash of a word in lower case (`textHash`), or -1 for a word holding a line break (no form
 * does, and the text's lines must not be read as one).
 */
function lowerHash(word: string): number {
  let hash = 0
  for (let at = 0; at < word.length; at++) {
    let code = word.charCodeAt(at)
    if (code === 10) return -1
    if (code >= 0x80) return word.includes('\n') ? -1 : textHash(word.toLowerCase())
    if (code >= 0x41 && code <= 0x5a) code += 32
    hash = (imul(hash, HASH_BASE) + code) >>> 0
  }
  return hash
}

/**
 * A code unit in lower case, or -1 when the sketch cannot answer for a word holding it: a digit
 * (the compound rules make numerals of digits: `21st`), space (trimmed), anything not ASCII
 * (lower-cased in ways one code unit at a time would not follow).
 */
function plainCode(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return code + 32
  if (code <= 0x20 || code >= 0x7f || (code >= 0x30 && code <= 0x39)) return -1
  return code
}

/** The hash of a word in lower case (`textHash`), or -1 when it holds a code unit the sketch cannot answer for. */
export function plainHash(word: string): number {
  let hash = 0
  for (let at = 0; at < word.length; at++) {
    const code = plainCode(word.charCodeAt(at))
    if (code === -1) return -1
    hash = (imul(hash, HASH_BASE) + code) >>> 0
  }
  return hash
}

const powers = [1]
// HASH_BASE to the power of a length, mod 2^32.
function power(length: number): number {
  while (powers.length <= length) powers.push(imul(powers[powers.length - 1], HASH_BASE) >>> 0)
  return powers[length]
}

const PERHAPS: Edits = {insert: () => true, remove: () => true, replace: () => true, swap: () => true, inserts: () => ALL_LETTERS, replaces: () => ALL_LETTERS}

// The edits of a word, tested by hashes made from the hashes of its heads and tails.
function editsOf(word: string, may: (hash: number) => boolean): Edits {
  const n = word.length
  const codes = new Array<number>(n)
  for (let at = 0; at < n; at++) if ((codes[at] = plainCode(word.charCodeAt(at))) === -1) return PERHAPS
  // heads[i]: the hash of the first i letters; tails[i]: of the letters from i on.
  const heads = new Array<number>(n + 1)
  const tails = new Array<number>(n + 1)
  heads[0] = 0
  for (let at = 0; at < n; at++) heads[at + 1] = (imul(heads[at], HASH_BASE) + codes[at]) >>> 0
  tails[n] = 0
  for (let at = n - 1; at >= 0; at--) tails[at] = (imul(codes[at], power(n - 1 - at)) + tails[at + 1]) >>> 0
  const then = (hash: number, code: number) => (imul(hash, HASH_BASE) + code) >>> 0
  const join = (head: number, from: number) => may((imul(head, power(n - from)) + tails[from]) >>> 0)
  const letterCode = (letter: string) => (letter.length === 1 ? plainCode(letter.charCodeAt(0)) : -1)
  // When `may` is the sketch alone (no project words), the filter's bit is read here first, as
  // `sketchHas` would: most of the 26 forms of a place have none, and a call each (a typo search
  // of news-dev weighed 123,000 forms) cost more than the read.
  const filter = may === sketchHas ? (sketch ?? loadSketch()).filter : undefined
  // Each letter a to z put in after the first `head` letters' hash, followed by the letters from
  // `from` on: heads * B^(n - from + 1) + code * B^(n - from) + tails[from] (mod 2^32), as bits.
  const letters = (head: number, from: number) => {
    const base = (imul(head, power(n - from + 1)) + tails[from]) >>> 0
    const step = power(n - from)
    let found = 0
    for (let letter = 0; letter < 26; letter++) {
      const hash = (base + imul(0x61 + letter, step)) >>> 0
      if (filter !== undefined) {
        const bit = filterBit(keyOf(hash))
        if ((filter[bit >>> 5] & (1 << (bit & 31))) === 0) continue
      }
      if (may(hash)) found |= 1 << letter
    }
    return found
  }
  return {
    insert(at, letter) {
      const code = letterCode(letter)
      return code === -1 || at < 0 || at > n || join(then(heads[at], code), at)
    },
    remove: (at) => at < 0 || at >= n || join(heads[at], at + 1),
    replace(at, letter) {
      const code = letterCode(letter)
      return code === -1 || at < 0 || at >= n || join(then(heads[at], code), at + 1)
    },
    swap: (at) => at < 0 || at + 1 >= n || join(then(then(heads[at], codes[at + 1]), codes[at]), at + 2),
    inserts: (at) => (at < 0 || at > n ? ALL_LETTERS : letters(heads[at], at)),
    replaces: (at) => (at < 0 || at >= n ? ALL_LETTERS : letters(heads[at], at + 1))
  }
}

/**
 * nspell's table of forms and their flags, read from the expanded dictionary as nspell asks
 * (it only looks words up, and adds the project's words): the checker built on the bare affix
 * file, which gives it the affix rules and the numerals' compound rules, then judges exactly as
 * one built on the whole dictionary. A form read keeps its flags array, as nspell's own does.
 */
function formsTable(): Record<string, string[]> {
  const {words, codes} = loadForms()
  const read = new Map<string, string[]>()
  const get = (word: string) => {
    let flags = read.get(word)
    if (flags) return flags
    const at = indexOf(words, word)
    if (at === -1) return undefined
    flags = codes[at] === '' ? [] : codes[at].split('')
    read.set(word, flags)
    return flags
  }
  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? get(key) : undefined),
    has: (_target, key) => typeof key === 'string' && get(key) !== undefined,
    set: (_target, key, value: string[]) => {
      if (typeof key !== 'string') return false
      read.set(key, value)
      return true
    }
  })
}

// What nspell's checker holds beside its table: the affix file's flags, conversions and
// compound rules.
interface Internals {
  flags: Record<string, unknown> & {TRY: string[]; KEY: string[]}
  conversion: {in: Array<[RegExp, string]>; out: Array<[RegExp, string]>}
  replacementTable: Array<[string, string]>
  compoundRules: RegExp[]
  compoundRuleCodes: Record<string, string[]>
}

/** nspell's verdict on a word, given the flags of the forms it is looked up as. */
export type Judge = (word: string, extra?: ReadonlySet<string>) => boolean

// The form a word is known as (as written, in sentence case or in lower case), or null.
type Form = (word: string, extra: ReadonlySet<string> | undefined) => string | null

// What the suggester needs of the judge: nspell's internals, its `form`, and whether a form
// may be suggested (no NOSUGGEST flag).
interface Speller {
  internals: Internals
  formOf: Form
  suggestable(form: string, extra: ReadonlySet<string> | undefined): boolean
}

let speller: Speller | undefined

let judge: Judge | undefined
// A project word's flags: none (nspell adds it so).
const NO_FLAGS = -2
// Whether the judge accepts only words whose lower case is a form or a project word, when they
// hold no digit and no code unit past ASCII: so the sketch may turn words away (see `englishJudge`).
let sketchAnswers = false

/**
 * nspell's `correct`, step for step (util/form.js, exact.js, flag.js), read straight from the
 * sorted forms: through nspell's table it took a tenth of a cold run, most of it in the lookups
 * of the forms a typo search tries (hundreds per unknown word), each through the table and
 * the compound rules. `extra` are forms added without flags (the project's words).
 * test/lexicon.test.ts holds it to nspell's own checker on every form and its case variants.
 */
export function englishJudge(): Judge {
  if (judge) return judge
  const internals = nspell(bareDictionary()) as unknown as Internals
  const {flags, conversion, compoundRules, compoundRuleCodes} = internals
  // The forms are looked up in their text where the sketch finds them: no line split into
  // strings, no map of 120,000 forms built (together 40 ms and much garbage to collect).
  const text = formsSource()
  loadSketch()
  // Where a form's flags start in the text (one character each, to the line's end); -1 for no
  // form, NO_FLAGS for a project word that is no form.
  const lookup = (word: string, extra: ReadonlySet<string> | undefined): number => {
    const found = flagsOf(word)
    if (found !== -1) return found
    return extra?.has(word) ? NO_FLAGS : -1
  }
  // A flag's character, or -1 for a flag the affix file does not set as one character: read
  // once, not per word.
  const codeOf = (name: string) => {
    const flag = flags[name]
    return typeof flag === 'string' && flag.length === 1 ? flag.charCodeAt(0) : -1
  }
  const ONLY_IN_COMPOUND = codeOf('ONLYINCOMPOUND')
  const FORBIDDEN = codeOf('FORBIDDENWORD')
  const KEEP_CASE = codeOf('KEEPCASE')
  const NO_SUGGEST = codeOf('NOSUGGEST')
  // Whether the flags that start at `found` hold a flag's character.
  const has = (code: number, found: number) => {
    if (found < 0 || code === -1) return false
    for (let at = found; at < text.length; at++) {
      const here = text.charCodeAt(at)
      if (here === 10) return false
      if (here === code) return true
    }
    return false
  }
  // The compound rules (numerals: `21st`) match only a word with a digit, when each needs a
  // code whose words all have one: the rules are then not run on words without digits.
  const rules = [...new TextDecoder().decode(affixFile()).matchAll(/^COMPOUNDRULE[ \t]+(\S+)/gmu)].slice(1).map((match) => match[1])
  const needsDigit = (rule: string) =>
    [...rule].some((code, at) => !'*?'.includes(code) && !'*?'.includes(rule[at + 1] ?? '') && (compoundRuleCodes[code]?.length ?? 0) > 0 && compoundRuleCodes[code].every((word) => /\d/u.test(word)))
  const digitsOnly = rules.length === compoundRules.length && rules.every(needsDigit)
  // The judge looks a plain word up as written, in sentence case and in lower case; the sketch
  // holds all three when no conversion (`’` to `'`) changes a plain word and no compound rule
  // makes a word without digits.
  const conversions = [...new TextDecoder().decode(affixFile()).matchAll(/^ICONV[ \t]+(\S+)[ \t]+\S+/gmu)].map((match) => match[1])
  sketchAnswers = digitsOnly && conversions.length === conversion.in.length && conversions.every((from) => plainHash(from) === -1)
  const compoundMin = Number(flags.COMPOUNDMIN)
  const exact = (value: string, found: number) => {
    if (found !== -1) return !has(ONLY_IN_COMPOUND, found)
    if (value.length >= compoundMin && (!digitsOnly || /\d/u.test(value))) return compoundRules.some((rule) => rule.test(value))
    return false
  }
  const {bits, keys, wordAt, flagsAt} = loadSketch()
  const mask = (1 << bits) - 1
  // `formOf` for a plain word (most words of copy: ASCII, no digit, no space), when the sketch
  // answers: its hash made once, its slots probed once for the form as written, in sentence case
  // and in lower case, each compared in place; no conversion run, no string made but the one
  // returned. Undefined for any other word.
  const plainForm = (value: string, extra: ReadonlySet<string> | undefined): string | null | undefined => {
    const n = value.length
    if (!sketchAnswers || n === 0) return undefined
    let hash = 0
    let upper = false
    let lower = false
    for (let at = 0; at < n; at++) {
      let code = value.charCodeAt(at)
      if (code <= 0x20 || code >= 0x7f || (code >= 0x30 && code <= 0x39)) return undefined
      if (code >= 0x41 && code <= 0x5a) {
        upper = true
        code += 32
      } else if (code >= 0x61 && code <= 0x7a) {
        lower = true
      }
      hash = (imul(hash, HASH_BASE) + code) >>> 0
    }
    // Where the flags of the form as written, in sentence case and in lower case start, or -1.
    let asWritten = -1
    let asSentence = -1
    let asLower = -1
    const key = keyOf(hash)
    for (let slot = slotOf(key, bits); ; slot = (slot + 1) & mask) {
      const found = keys[slot]
      if (found === 0) break
      if (found !== key) continue
      const at = wordAt[slot]
      if (text.charCodeAt(at + n) !== 10) continue
      let same = true
      let sentence = true
      let small = true
      for (let index = 0; index < n; index++) {
        const here = text.charCodeAt(at + index)
        const code = value.charCodeAt(index)
        const lowered = code >= 0x41 && code <= 0x5a ? code + 32 : code
        if (here !== code) {
          same = false
          if (index === 0) sentence = false
        }
        if (here !== lowered) {
          small = false
          if (index > 0) sentence = false
        }
      }
      if (same) asWritten = flagsAt[slot]
      if (sentence) asSentence = flagsAt[slot]
      if (small) asLower = flagsAt[slot]
    }
    // As `formOf` below, with no compound rule to run (they need a digit); the project's words
    // asked for only when there are any.
    const listed = extra !== undefined && extra.size > 0
    if (asWritten === -1 && listed && extra.has(value)) asWritten = NO_FLAGS
    if (asWritten !== -1 && !has(ONLY_IN_COMPOUND, asWritten)) return has(FORBIDDEN, asWritten) ? null : value
    if (!lower) {
      if (asSentence === -1 && listed && extra.has(sentenceCase(value))) asSentence = NO_FLAGS
      if (has(KEEP_CASE, asSentence) || has(FORBIDDEN, asSentence)) return null
      if (asSentence !== -1 && !has(ONLY_IN_COMPOUND, asSentence)) return sentenceCase(value)
    }
    if (upper) {
      if (asLower === -1 && listed && extra.has(value.toLowerCase())) asLower = NO_FLAGS
      if (has(KEEP_CASE, asLower) || has(FORBIDDEN, asLower)) return null
      if (asLower !== -1 && !has(ONLY_IN_COMPOUND, asLower)) return value.toLowerCase()
    }
    return null
  }
  // nspell's `form` (util/form.js): the form a word is known as, or null.
  const formOf: Form = (value, extra) => {
    const plain = plainForm(value, extra)
    if (plain !== undefined) return plain
    let normal = value.trim()
    if (!normal) return null
    for (const [pattern, replacement] of conversion.in) normal = normal.replace(pattern, replacement)
    const found = lookup(normal, extra)
    if (exact(normal, found)) return has(FORBIDDEN, found) ? null : normal
    const ignore = (forms: number) => has(KEEP_CASE, forms) || has(FORBIDDEN, forms)
    // (a word that starts with a lower-case ASCII letter is not in upper case)
    const first = normal.charCodeAt(0)
    if (!(first >= 0x61 && first <= 0x7a) && normal.toUpperCase() === normal) {
      const sentence = sentenceCase(normal)
      const forms = lookup(sentence, extra)
      if (ignore(forms)) return null
      if (exact(sentence, forms)) return sentence
    }
    const lower = normal.toLowerCase()
    if (lower !== normal) {
      const forms = lookup(lower, extra)
      if (ignore(forms)) return null
      if (exact(lower, forms)) return lower
    }
    return null
  }
  judge = (value, extra) => formOf(value, extra) !== null
  const suggestable = (form: string, extra: ReadonlySet<string> | undefined) => !has(NO_SUGGEST, lookup(form, extra))
  speller = {internals, formOf, suggestable}
  return judge
}

/**
 * nspell's `suggest` (suggest.js), step for step, with the judge's `form` for nspell's: through
 * nspell's table every form it tries was looked up by halves and run through the compound rules,
 * 10 to 100 ms a word. The forms it tries are mostly no word: `may` (the sketch) turns those away
 * first. test/lexicon.test.ts holds it to nspell's own suggestions.
 */
function suggestWith(word: string, extra: ReadonlySet<string>, may: (hash: number) => boolean): string[] {
  englishJudge()
  const {internals, formOf, suggestable} = speller!
  const {flags, conversion, replacementTable} = internals
  const convert = (text: string, patterns: Array<[RegExp, string]>) => patterns.reduce((done, [pattern, replacement]) => done.replace(pattern, replacement), text)
  const value = convert(word.trim(), conversion.in)
  if (!value || formOf(value, extra) !== null) return []
  const currentCase = casing(value)
  const edits: string[] = []
  // The replacement table: each place a pattern stands, its first replaced (as nspell does).
  for (const [from, to] of replacementTable) {
    for (let offset = value.indexOf(from); offset > -1; offset = value.indexOf(from, offset + 1)) edits.push(value.replace(from, to))
  }
  // The keyboard: a letter swapped for one beside it.
  for (let index = 0; index < value.length; index++) {
    const character = value.charAt(index)
    const before = value.slice(0, index)
    const after = value.slice(index + 1)
    const insensitive = character.toLowerCase()
    const upper = insensitive !== character
    const added = new Set<string>()
    for (const group of flags.KEY) {
      const position = group.indexOf(insensitive)
      if (position < 0) continue
      for (let other = 0; other < group.length; other++) {
        if (other === position) continue
        const otherCharacter = group.charAt(other)
        if (added.has(otherCharacter)) continue
        added.add(otherCharacter)
        edits.push(before + (upper ? otherCharacter.toUpperCase() : otherCharacter) + after)
      }
    }
  }
  // A doubled letter written once, or a single one twice, up to three times.
  let nextCharacter = value.charAt(0)
  const doubles = ['']
  let max = 1
  let distance = 0
  for (let index = 0; index < value.length; index++) {
    const character = nextCharacter
    nextCharacter = value.charAt(index + 1)
    const replacement = character === nextCharacter ? '' : character + character
    const count = doubles.length
    for (let offset = 0; offset < count; offset++) {
      if (offset <= max) doubles.push(doubles[offset] + replacement)
      doubles[offset] += character
    }
    if (++distance < 3) max = doubles.length
  }
  edits.push(...doubles)
  // The word, capitalised and in upper case.
  const values = [value]
  const lower = value.toLowerCase()
  if (value === lower || currentCase === null) values.push(value.charAt(0).toUpperCase() + lower.slice(1))
  const upperCase = value.toUpperCase()
  if (value !== upperCase) values.push(upperCase)

  // Each form tried: whether it is a suggestion (null, tried again, when it is no form) and its weight.
  const states = new Map<string, boolean>()
  const weights = new Map<string, number>()
  const suggestions: string[] = []
  const check = (form: string, double: boolean, result: string[]) => {
    let state = states.get(form)
    if (state === undefined) {
      result.push(form)
      const hash = sketchAnswers ? plainHash(form) : -1
      const corrected = hash !== -1 && !may(hash) ? null : formOf(form, extra)
      if (corrected !== null) {
        state = suggestable(corrected, extra)
        states.set(form, state)
        if (state) {
          weights.set(form, double ? 10 : 0)
          suggestions.push(form)
        }
      }
    }
    if (state) weights.set(form, weights.get(form)! + 1)
  }
  const characters = [...flags.TRY]
  // Each character tried, as its bit in `Edits.inserts` (a to z, either case), or -1.
  const bits = characters.map((inject) => {
    const code = inject.toLowerCase().charCodeAt(0)
    return inject.length === 1 && code >= 0x61 && code <= 0x7a ? 1 << (code - 0x61) : -1
  })
  // `collect`: every form tried is listed (the forms one edit away, whose own edits are tried
  // when none is a word); otherwise the forms that the sketch shows to be no word are not made
  // (`Edits`, by hashes), and only the words are listed: mostly the suggestions found.
  const generate = (words: readonly string[], pregenerated: readonly string[] | undefined, collect: boolean) => {
    const result: string[] = []
    if (pregenerated) for (const edit of pregenerated) check(edit, true, result)
    for (const word of words) {
      const tried = collect || !sketchAnswers ? PERHAPS : editsOf(word, may)
      let before = ''
      let character = ''
      let nextCharacter = word.charAt(0)
      let nextAfter = word
      let nextNextAfter = word.slice(1)
      let nextUpper = nextCharacter.toLowerCase() !== nextCharacter
      const wordCase = casing(word)
      for (let position = 0; position <= word.length; position++) {
        before += character
        const after = nextAfter
        nextAfter = nextNextAfter
        nextNextAfter = nextAfter.slice(1)
        character = nextCharacter
        nextCharacter = word.charAt(position + 1)
        const upper = nextUpper
        if (nextCharacter) nextUpper = nextCharacter.toLowerCase() !== nextCharacter
        if (nextAfter && upper !== nextUpper) {
          check(before + switchCase(nextAfter), false, result)
          check(before + switchCase(nextCharacter) + switchCase(character) + nextNextAfter, false, result)
        }
        if (tried.remove(position)) check(before + nextAfter, false, result)
        if (nextAfter && tried.swap(position)) check(before + nextCharacter + character + nextNextAfter, false, result)
        const inserts = tried.inserts(position)
        const replaces = tried.replaces(position)
        const insert = (inject: string, bit: number) => (bit === -1 ? tried.insert(position, inject) : (inserts & bit) !== 0)
        const replace = (inject: string, bit: number) => (bit === -1 ? tried.replace(position, inject) : (replaces & bit) !== 0)
        for (let index = 0; index < characters.length; index++) {
          let inject = characters[index]
          const bit = bits[index]
          if (upper && inject !== inject.toUpperCase()) {
            if (wordCase !== 's') {
              if (insert(inject, bit)) check(before + inject + after, false, result)
              if (replace(inject, bit)) check(before + inject + nextAfter, false, result)
            }
            inject = inject.toUpperCase()
          }
          if (insert(inject, bit)) check(before + inject + after, false, result)
          if (replace(inject, bit)) check(before + inject + nextAfter, false, result)
        }
      }
    }
    return result
  }
  generate(values, edits, false)
  if (suggestions.length === 0) {
    // None one edit away: the forms two edits away, a few at a time, from every form one edit
    // away (listed now; trying them again finds nothing new and weighs nothing).
    const firstLevel = generate(values, edits, true)
    const most = Math.min(firstLevel.length, Math.pow(Math.max(15 - value.length, 3), 3))
    const size = Math.max(Math.pow(10 - value.length, 3), 1)
    for (let previous = 0; suggestions.length === 0 && previous < most; previous += size) generate(firstLevel.slice(previous, previous + size), undefined, false)
  }
  const weight = (form: string) => weights.get(form)!
  suggestions.sort((a, b) => {
    const byWeight = weight(a) === weight(b) ? 0 : weight(a) > weight(b) ? -1 : 1
    if (byWeight) return byWeight
    const left = casing(a)
    const right = casing(b)
    const byCase = left === right ? 0 : left === currentCase ? -1 : right === currentCase ? 1 : 0
    return byCase || compareWords(a, b)
  })
  const out: string[] = []
  const seen: string[] = []
  for (const suggestion of suggestions) {
    const converted = convert(suggestion, conversion.out)
    const key = converted.toLowerCase()
    if (!seen.includes(key)) {
      out.push(converted)
      seen.push(key)
    }
  }
  return out
}

/**
 * Two suggestions in English collation order, as `a.localeCompare(b, 'en')` orders them. Words of
 * ASCII letters, nearly all suggestions, are compared here: by their letters in any case, a
 * shorter word before a longer one it starts, then at the first letter whose case differs the
 * lower case first. The first `localeCompare` of a process builds ICU's collator, 6 ms, a tenth
 * of the spelling rule's cold cost, for a tie between two suggestions. Any other word goes to
 * `localeCompare`. (nspell compares in the process's locale, in which a Danish run ordered `aa`
 * after `z`; the order here is English in every locale.) test/lexicon.test.ts holds it to
 * `localeCompare`.
 */
export function compareWords(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  let primary = 0
  let tertiary = 0
  for (let at = 0; at < a.length || at < b.length; at++) {
    const left = at < a.length ? letterOf(a.charCodeAt(at)) : 0
    const right = at < b.length ? letterOf(b.charCodeAt(at)) : 0
    if (left === -1 || right === -1) return a.localeCompare(b, 'en')
    if (at >= n) continue
    if (primary === 0 && (left | 0x20) !== (right | 0x20)) primary = (left | 0x20) < (right | 0x20) ? -1 : 1
    // (lower case has the bit 0x20, upper case not: the lower first)
    if (tertiary === 0 && left !== right) tertiary = (left & 0x20) !== 0 ? -1 : 1
  }
  if (primary !== 0) return primary
  if (a.length !== b.length) return a.length < b.length ? -1 : 1
  return tertiary
}

// An ASCII letter's code, or -1 for any other code unit.
function letterOf(code: number): number {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? code : -1
}

// A word in sentence case: its first character as written, the rest in lower case.
function sentenceCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase()
}

// nspell's casing: 'l' all lower, 'u' all upper, 's' capitalised, else null.
function casing(value: string): 'l' | 'u' | 's' | null {
  const of = (text: string) => (text === text.toLowerCase() ? 'l' : text === text.toUpperCase() ? 'u' : null)
  const head = of(value.charAt(0))
  const rest = value.slice(1)
  if (!rest) return head
  const tail = of(rest)
  if (head === tail) return head
  return head === 'u' && tail === 'l' ? 's' : null
}

function switchCase(fragment: string): string {
  const first = fragment.charAt(0)
  return (first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()) + fragment.slice(1)
}

/** An nspell checker of the joined dictionary: the bare affix file's rules, the expanded forms. */
export function englishChecker(): ReturnType<typeof nspell> {
  const checker = nspell(bareDictionary())
  ;(checker as unknown as {data: Record<string, string[]>}).data = formsTable()
  return checker
}

/** A lexicon for one processor; nothing is loaded until a rule asks. */
export function createLexicon(settings: Settings): Lexicon {
  const project = new Set([...settings.names, ...settings.words])
  const plain = (word: string) => (word.includes('’') ? word.replace(/’/gu, "'") : word)
  let projectHashes: Set<number> | undefined
  // Whether a form with this hash in lower case may be known (a project word, or in the sketch);
  // with no project words, the sketch's own test, which `editsOf` knows by name.
  const may =
    project.size === 0 ? sketchHas : (hash: number) => (projectHashes ??= new Set([...project].map((word) => textHash(word.toLowerCase())))).has(hash) || sketchHas(hash)
  const correct = (word: string) => {
    // (the judge turns a plain word away by the sketch itself)
    return englishJudge()(plain(word), project)
  }
  // Copy repeats its words (Zipf): remembering verdicts saves most of nspell's work. Cleared when
  // full, so a long-running language server stays bounded.
  const verdicts = new Map<string, boolean>()
  return {
    knows(word) {
      // Not remembered, so an 8 KB token costs no memory: no dictionary holds it.
      if (word.length > MAX_WORD) return project.has(word)
      let known = verdicts.get(word)
      if (known === undefined) {
        if (verdicts.size >= 20_000) verdicts.clear()
        known = project.has(word) || correct(word)
        // (a copy: a word cut from the text would keep the whole text alive as a key)
        verdicts.set(ownCopy(word), known)
      }
      return known
    },
    listed: (word) => word.length <= MAX_WORD && listed(word),
    probe: (word) => project.has(word) || (word.length <= MAX_WORD && (verdicts.get(word) ?? correct(word))),
    suggest: (word) => (word.length > MAX_WORD ? [] : suggestWith(plain(word), project, may)),
    edits(word) {
      englishJudge()
      return sketchAnswers ? editsOf(word, may) : PERHAPS
    }
  }
}

let gameWords: Buffer | undefined

/**
 * Whether word-list has a word. Its file is one word a line, sorted but for two neighbouring
 * pairs (`manlily`, `manlihood`), so it is searched by halves as bytes, with no parsing (splitting
 * it takes ten times as long; decoding it to text, 7 ms, three times as long as reading it), and
 * the lines beside the last one read are checked too. Its words are ASCII, so comparing UTF-8
 * bytes orders them as comparing text would.
 */
function listed(word: string): boolean {
  gameWords ??= readFileSync(wordListPath)
  const text = gameWords
  const target = Buffer.from(word)
  // The line holding `offset` (a line break ends the line before it).
  const lineAt = (offset: number) => {
    const start = (offset > 0 ? text.lastIndexOf(NEWLINE, offset - 1) : text[0] === NEWLINE ? 0 : -1) + 1
    const end = text.indexOf(NEWLINE, start)
    return {start, end: end === -1 ? text.length : end}
  }
  // How a line compares with the word: below 0 before it, 0 the same.
  const compare = (start: number, end: number) => text.compare(target, 0, target.length, start, end)
  let low = 0
  let high = text.length
  let last = 0
  while (low < high) {
    const {start, end} = lineAt((low + high) >> 1)
    const order = compare(start, end)
    if (order === 0) return true
    last = start
    if (order < 0) low = end + 1
    else high = start
  }
  let before = last
  let after = last
  for (let step = 0; step < 3; step++) {
    if (before > 0) {
      before = lineAt(before - 1).start
      if (compare(before, lineAt(before).end) === 0) return true
    }
    const {end} = lineAt(after)
    if (end < text.length) {
      after = end + 1
      if (compare(after, lineAt(after).end) === 0) return true
    }
  }
  return false
}

const NEWLINE = 10
