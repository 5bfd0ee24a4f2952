// The lexicon's checker reads the dictionary's forms from the file `npm run build` writes instead
// of having nspell expand them in every process: it must judge exactly as nspell's own checker
// built on the whole dictionary, word for word and flag for flag.
import {describe, expect, test} from '@jest/globals'
import en from 'dictionary-en'
import au from 'dictionary-en-au'
import gb from 'dictionary-en-gb'
import {readFileSync} from 'node:fs'
import {crc32} from 'node:zlib'
import nspell from 'nspell'
import wordListPath from 'word-list'
import {compareWords, createLexicon, dictionaryStems, varietyOf, englishChecker, englishDictionary, englishJudge, formsText, numeralsText, plainHash, readNumerals, sketchBytes, sketchHas, usableSketch} from '../src/lexicon.js'

type Table = Record<string, string[]>
const dataOf = (checker: unknown) => (checker as {data: Table}).data
const rulesOf = (checker: unknown) => (checker as {compoundRules: RegExp[]}).compoundRules.map(String)
const own = nspell(englishDictionary())
const read = englishChecker()

describe('the expanded dictionary', () => {
  test('reads each dictionary package as its import would', () => {
    // The lexicon reads the packages' files when it needs them, instead of importing them.
    for (const [name, imported] of [['dictionary-en', en], ['dictionary-en-gb', gb], ['dictionary-en-au', au]] as const) {
      const read = varietyOf(name)
      expect([name, Buffer.from(read.aff).equals(Buffer.from(imported.aff)), Buffer.from(read.dic).equals(Buffer.from(imported.dic))]).toEqual([name, true, true])
    }
  })

  test('has every form nspell makes, with the same flags, and no other', () => {
    const table = dataOf(own)
    const forms = Object.keys(table)
    expect(forms.length).toBeGreaterThan(100_000)
    const differing = forms.filter((form) => !(form in dataOf(read)) || dataOf(read)[form].join(' ') !== table[form].join(' '))
    expect(differing).toEqual([])
    // Forms one letter from real ones, and names an object has (a table built on `{}` would know them).
    const absent = ['governmentt', 'recieve', 'colourr', 'toString', 'constructorr', '__proto__', 'hasOwnProperty', '22th']
    expect(absent.filter((form) => form in table)).toEqual([])
    expect(absent.filter((form) => form in dataOf(read) || dataOf(read)[form] !== undefined)).toEqual([])
  })

  test('keeps the compound rules the numerals make', () => {
    expect(rulesOf(read)).toEqual(rulesOf(own))
    for (const word of ['1st', '22nd', '113th', '21th', '2th', 'Colour', 'COLOUR', 'don’t', 'recieve']) {
      expect([word, read.correct(word)]).toEqual([word, own.correct(word)])
    }
  })

  test('suggests as nspell does', () => {
    for (const word of ['goverment', 'stategist', 'acommodate']) expect(read.suggest(word)).toEqual(own.suggest(word))
  })

  test("the lexicon's suggestions are nspell's own, in every case, one slip and two from a word", () => {
    const lexicon = createLexicon({names: [], words: []} as never)
    // Slips of every kind made from forms spread through the dictionary, by a fixed sequence.
    const forms = Object.keys(dataOf(own)).filter((form) => form.length >= 4)
    let seed = 7
    const next = (below: number) => (seed = (seed * 48271) % 2147483647) % below
    const slips: string[] = []
    for (let count = 0; count < 60; count++) {
      const form = forms[next(forms.length)]
      const at = 1 + next(form.length - 2)
      const letter = 'etaoinshrdlu'[next(12)]
      const slip = [form.slice(0, at) + form.slice(at + 1), form.slice(0, at) + letter + form.slice(at), form.slice(0, at) + form[at + 1] + form[at] + form.slice(at + 2), form.slice(0, at) + letter + form.slice(at + 1)][count % 4]
      slips.push([slip, slip.toUpperCase(), slip.charAt(0).toUpperCase() + slip.slice(1)][next(3)])
    }
    // Common misspellings (`alot`, `wether`: a replacement-table form outweighs the others), two
    // slips (nspell then tries the forms two edits away), apostrophes, digits, blanks.
    slips.push('alot', 'wether', 'recieve', 'seperate', 'accomodate', 'untill', 'Recieve', 'SEPERATE', 'qwrtyp', 'dont’', 'wouldnt', '22th', 'Febuary', 'GOVERMENT', 'café', 'cafe', ' ', 'government', 'a')
    const differing = slips.filter((word) => lexicon.suggest(word).join('|') !== own.suggest(word).join('|'))
    expect(differing).toEqual([])
    // A project word is suggested as nspell suggests a word added to it.
    const withWord = nspell(englishDictionary())
    withWord.add('Zorblatt')
    const project = createLexicon({names: ['Zorblatt'], words: []} as never)
    for (const word of ['Zorblat', 'zorblat', 'Zorbaltt']) expect([word, project.suggest(word)]).toEqual([word, withWord.suggest(word)])
    expect(project.suggest('Zorblat')).toContain('Zorblatt')
  })

  test('judges as nspell does, with the sketch and without: every form, in every case, and forms one letter from them', () => {
    const judge = englishJudge()
    const variants = (form: string) => [
      form,
      form.toLowerCase(),
      form.toUpperCase(),
      form.charAt(0).toUpperCase() + form.slice(1),
      `${form}x`,
      form.slice(1),
      form.replace(/'/gu, '’'),
      ` ${form}`
    ]
    // (two forms that stand on neighbouring lines of the expanded text, joined by a line break)
    const sorted = Object.keys(dataOf(own)).sort()
    const joined = [0, 1000, 50_000].map((at) => `${sorted[at]}\n${sorted[at + 1]}`)
    const words = [...new Set([...Object.keys(dataOf(own)).flatMap(variants), '', ' ', '1st', '21st', '22th', '1TH', '101st', 'a1st', '7’s', ...joined])]
    expect(words.length).toBeGreaterThan(500_000)
    // The lexicon asks the sketch of the forms first: it must answer as nspell's own checker too,
    // and the sketch turn away no form nspell knows.
    const lexicon = createLexicon({names: [], words: []} as never)
    const differing: string[] = []
    const probed: string[] = []
    const missing: string[] = []
    for (const word of words) {
      const known = own.correct(word)
      if (judge(word) !== known) differing.push(word)
      if (lexicon.probe(word) !== known) probed.push(word)
      if (known && plainHash(word) !== -1 && !sketchHas(plainHash(word))) missing.push(word)
    }
    expect(differing).toEqual([])
    expect(probed).toEqual([])
    expect(missing).toEqual([])
    // A project word, added as nspell adds one: in any case nspell accepts.
    const withWord = nspell(englishDictionary())
    withWord.add('Zorblatt')
    for (const word of ['Zorblatt', 'ZORBLATT', 'zorblatt', 'Zorblatts']) {
      expect([word, judge(word, new Set(['Zorblatt']))]).toEqual([word, withWord.correct(word)])
    }
  })

  test('takes the project words as nspell does', () => {
    const lexicon = createLexicon({names: ['Zorblatt'], words: ['fintechs']} as never)
    expect(['Zorblatt', 'fintechs', 'fintech', 'government'].map((word) => lexicon.knows(word))).toEqual([true, true, false, true])
  })

  test('the sketch turns away most forms a slip makes', () => {
    // Made-up words and slips: nearly all turned away.
    const slips = ['goverment', 'recieve', 'zorblatt'].flatMap((word) => [...word].map((_, at) => word.slice(0, at) + 'q' + word.slice(at + 1)))
    expect(slips.filter((word) => sketchHas(plainHash(word)))).toEqual([])
    expect(sketchHas(plainHash('Government'))).toBe(true)
    // A digit or a letter past ASCII: the sketch does not answer.
    expect([plainHash('21st'), plainHash('café'), plainHash('a b')]).toEqual([-1, -1, -1])
  })

  test('edits are tested as the forms they make would be', () => {
    const lexicon = createLexicon({names: ['Zorblatt'], words: []} as never)
    const letters = "abcdefghijklmnopqrstuvwxyzE'"
    const may = (form: string) => sketchHas(plainHash(form)) || form.toLowerCase() === 'zorblatt'
    let kept = 0
    let tried = 0
    for (const word of ['goverment', 'Recieve', 'Zorblat', 'accomodate', 'teh', 'x', "don't"]) {
      const edits = lexicon.edits(word)
      const differing: string[] = []
      const expect1 = (answer: boolean, form: string) => {
        tried++
        if (answer) kept++
        if (answer !== may(form)) differing.push(form)
      }
      for (let at = 0; at <= word.length; at++) {
        for (const letter of letters) {
          expect1(edits.insert(at, letter), word.slice(0, at) + letter + word.slice(at))
          if (at < word.length) expect1(edits.replace(at, letter), word.slice(0, at) + letter + word.slice(at + 1))
        }
        if (at < word.length) expect1(edits.remove(at), word.slice(0, at) + word.slice(at + 1))
        if (at + 1 < word.length) expect1(edits.swap(at), word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2))
      }
      // The letters a to z at once, as bits, and out of the word's range: as one at a time.
      const bits = (test: (letter: string) => boolean) => [...'abcdefghijklmnopqrstuvwxyz'].reduce((all, letter, index) => (test(letter) ? all | (1 << index) : all), 0)
      for (let at = -1; at <= word.length + 1; at++) {
        expect([word, at, edits.inserts(at)]).toEqual([word, at, bits((letter) => edits.insert(at, letter))])
        expect([word, at, edits.replaces(at)]).toEqual([word, at, bits((letter) => edits.replace(at, letter))])
      }
      expect([word, differing]).toEqual([word, []])
    }
    expect(lexicon.edits('goverment').insert(5, 'n')).toBe(true)
    expect(lexicon.edits('Zorblat').insert(7, 't')).toBe(true)
    expect(kept / tried).toBeLessThan(0.05)
    // A word the sketch cannot answer for: every edit may be known.
    expect(lexicon.edits('21s').insert(3, 't')).toBe(true)
  })

  test("the dictionary's entries are found as a set of them would find them", () => {
    const lines = formsText().split('\n')
    const [count, entries] = lines[1].split(' ').map(Number)
    const expected = new Set(lines.slice(2 + 2 * count, 2 + 2 * count + entries))
    const stems = dictionaryStems()
    const words = [...expected].flatMap((word) => [word, `${word}x`, word.slice(1), word.toUpperCase()])
    words.push('', 'a\nb', `${[...expected][10]}\n${[...expected][11]}`, 'zorblatt')
    expect(words.filter((word) => stems.has(word) !== expected.has(word))).toEqual([])
    expect(stems.size).toBe(expected.size)
    expect([...stems]).toEqual([...expected])
  })

  test('finds in word-list, searched as bytes, the words a set of its lines has', () => {
    const lexicon = createLexicon({names: [], words: []} as never)
    const lines = readFileSync(wordListPath, 'utf8').split('\n')
    const set = new Set(lines)
    const words = [...new Set(lines.flatMap((word) => [word, `${word}x`]))]
    words.push('', '\n', 'a\nb', 'zzzzzz', 'café', 'Colour')
    // (`manlihood` stands out of order in the file, after `manlily`: the search misses it, as
    // the search of the text did)
    expect(words.filter((word) => lexicon.listed(word) !== (word.length <= 40 && set.has(word)))).toEqual(['manlihood'])
  })

  test('`npm run build` wrote the sketch this checkout makes', () => {
    expect(readFileSync('dist/src/english-forms.sketch').equals(sketchBytes())).toBe(true)
  })

  test('a sketch on disk with its head intact but its tables damaged or made otherwise is not used', () => {
    const good = sketchBytes()
    expect(usableSketch(Buffer.from(good))).toBeDefined()
    const words = new Uint32Array(good.buffer.slice(good.byteOffset, good.byteOffset + good.length))
    const size = 2 ** words[1]
    // (the head: six numbers)
    const head = 6
    // Slots lost (zeroed, the head kept): dictionary words would be called unknown.
    const lost = words.slice()
    lost.fill(0, head + 1000, head + 1000 + 5000)
    // One form's place and key moved to another slot's line: a table of other forms, same counts.
    const moved = words.slice()
    const filled = [...Array(size).keys()].filter((slot) => moved[head + slot] !== 0)
    filled.forEach((slot, index) => (moved[head + size + slot] = words[head + size + filled[(index + 1) % filled.length]]))
    // A flags' place that is not a line start.
    const flags = words.slice()
    for (const slot of filled) flags[head + 2 * size + slot] += 1
    // The filter of the forms' keys (its last 2^16 numbers) emptied: every form would be turned away.
    const filterless = words.slice()
    filterless.fill(0, words.length - 2 ** 16)
    for (const damaged of [lost, moved, flags, filterless]) expect(usableSketch(Buffer.from(damaged.buffer))).toBeUndefined()
    // Made otherwise, whole by its CRC-32 (the head's last number, of the tables' bytes): the
    // sampled slots do not agree with the forms' text.
    const whole = (table: Uint32Array) => {
      const copy = table.slice()
      copy[5] = crc32(new Uint8Array(copy.buffer, 4 * head))
      return copy
    }
    for (const other of [moved, flags, filterless]) expect(usableSketch(Buffer.from(whole(other).buffer))).toBeUndefined()
    expect(usableSketch(Buffer.from(whole(words).buffer))).toBeDefined()
  })

  test('`npm run build` wrote the file this checkout expands', () => {
    // npm test builds first; the built lexicon reads this file.
    expect(readFileSync('dist/src/english-forms.txt', 'utf8') === formsText()).toBe(true)
  })

  test('`npm run build` wrote the numerals this checkout finds', () => {
    const text = numeralsText()
    const built = readFileSync('dist/src/english-numerals.txt', 'utf8')
    expect(built).toBe(text)
    // The numerals' lines with their flags (`1st/p`), which the compound rules need.
    const lines = readNumerals(built)!
    expect(lines.length).toBeGreaterThan(10)
    expect(lines.every((line) => /^\d/u.test(line))).toBe(true)
    expect(lines).toContain('1st/p')
  })

  test('a numerals file cut short anywhere, or written for other dictionaries, is not read', () => {
    // Read without some of its numerals, the compound rules' flags would be taken for letters
    // and misspellings such as `compnay` passed: only the whole file may be used.
    const text = numeralsText()
    const whole = readNumerals(text)!
    for (let length = 0; length < text.length; length++) expect(readNumerals(text.slice(0, length))).toBeUndefined()
    expect(readNumerals(text + '\n')).toBeUndefined()
    expect(readNumerals(text.replace(/^[^\n]*/u, 'another key'))).toBeUndefined()
    expect(readNumerals(text.replace('1st/p', '1st p'))).toBeUndefined()
    expect(readNumerals(text)).toEqual(whole)
  })
})

describe('the order of suggestions', () => {
  test('`compareWords` orders as `localeCompare` in English does', () => {
    // Pairs of invented words: the same letters in other cases, one word the start of another,
    // letters that differ early or late, and words with an apostrophe, a hyphen or an accent
    // (which go to `localeCompare`).
    let seed = 7
    const next = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
      return (seed >>> 8) % below
    }
    const alphabet = 'abcdeyzABCDEYZ'
    const odd = ["'", '-', 'é', 'É', ' ', '1']
    const wordOf = () => {
      let word = ''
      for (let length = 1 + next(5); length > 0; length--) word += next(12) === 0 ? odd[next(odd.length)] : alphabet[next(alphabet.length)]
      return word
    }
    const recase = (word: string) => [...word].map((character) => (next(2) === 0 ? character.toUpperCase() : character.toLowerCase())).join('')
    const pairs: Array<[string, string]> = [['a', 'B'], ['ab', 'Ab'], ['aB', 'Ab'], ['abc', 'ab'], ['Abc', 'abd'], ['z', 'Z'], ['same', 'same'], ["don't", 'dont'], ['co-op', 'coop'], ['café', 'cafe']]
    for (let count = 0; count < 3000; count++) {
      const word = wordOf()
      const kind = next(3)
      pairs.push([word, kind === 0 ? recase(word) : kind === 1 ? word + wordOf() : wordOf()])
    }
    const sign = (order: number) => Math.sign(order)
    const wrong = pairs.filter(([a, b]) => sign(compareWords(a, b)) !== sign(a.localeCompare(b, 'en')) || sign(compareWords(b, a)) !== sign(b.localeCompare(a, 'en')))
    expect(wrong).toEqual([])
  })
})
