// The abbreviation model reads compromise's list from its bundled build (one file, not the 194
// modules of its sources): the two must hold the same abbreviations. `npm run build` writes that
// list to a file, read instead of loading compromise; a file that is not whole is not trusted.
import {describe, expect, test} from '@jest/globals'
import {createRequire} from 'node:module'
import sources from 'compromise/one'
import {abbreviationsText, compromiseAbbreviations, readAbbreviations} from '../src/abbreviations.js'

type Model = {one: {abbreviations: Record<string, true>}}
const listOf = (nlp: {model(): unknown}) => Object.keys((nlp.model() as Model).one.abbreviations).sort()

describe('compromise', () => {
  test('its bundled build has the abbreviations of its sources', () => {
    const bundled = createRequire(import.meta.url)('compromise/one') as typeof sources
    expect(listOf(sources).length).toBeGreaterThan(150)
    expect(listOf(bundled)).toEqual(listOf(sources))
  })
})

describe('the abbreviations file', () => {
  test('holds the list compromise gives', () => {
    expect(compromiseAbbreviations().sort()).toEqual(listOf(sources))
    expect(readAbbreviations(abbreviationsText())?.sort()).toEqual(listOf(sources))
  })

  test('is not used when it is damaged or was made from another compromise', () => {
    const text = abbreviationsText()
    const stored = JSON.parse(text) as {key: string; count: number; words: string[]}
    const damaged = [
      text.slice(0, text.length >> 1),
      // the last word lost, the JSON still whole
      text.replace(/,"[^"]*"\]\}$/u, ']}'),
      '',
      'null',
      JSON.stringify({...stored, key: `${stored.key} other`}),
      JSON.stringify({...stored, words: stored.words.slice(1)}),
      JSON.stringify({...stored, words: [...stored.words.slice(1), 7]}),
      JSON.stringify({...stored, words: 'mr'}),
      JSON.stringify({...stored, count: 0, words: []})
    ]
    for (const each of damaged) expect([each.slice(0, 40), readAbbreviations(each)]).toEqual([each.slice(0, 40), undefined])
  })
})
