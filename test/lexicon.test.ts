// The lexicon's checker reads the dictionary's forms from the file `npm run build` writes instead
// of having nspell expand them in every process: it must judge exactly as nspell's own checker
// built on the whole dictionary, word for word and flag for flag.
import {describe, expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import nspell from 'nspell'
import {createLexicon, englishChecker, englishDictionary, englishJudge, formsText} from '../src/lexicon.js'

type Table = Record<string, string[]>
const dataOf = (checker: unknown) => (checker as {data: Table}).data
const rulesOf = (checker: unknown) => (checker as {compoundRules: RegExp[]}).compoundRules.map(String)
const own = nspell(englishDictionary())
const read = englishChecker()

describe('the expanded dictionary', () => {
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

  test('judges as nspell does: every form, in every case, and forms one letter from them', () => {
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
    const words = [...new Set([...Object.keys(dataOf(own)).flatMap(variants), '', ' ', '1st', '21st', '22th', '1TH', '101st', 'a1st', '7’s'])]
    expect(words.length).toBeGreaterThan(500_000)
    const differing = words.filter((word) => judge(word) !== own.correct(word))
    expect(differing).toEqual([])
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

  test('`npm run build` wrote the file this checkout expands', () => {
    // npm test builds first; the built lexicon reads this file.
    expect(readFileSync('dist/src/english-forms.txt', 'utf8') === formsText()).toBe(true)
  })
})
