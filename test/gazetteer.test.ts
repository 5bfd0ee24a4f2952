// headline-mismatch's gazetteer is worked out by `npm run build` and read from two files: what a
// process reads must be exactly what it would have worked out from the packages' data.
import {expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {isDeepStrictEqual} from 'node:util'
import {buildGazetteer, gazetteerTexts, readGazetteer, type Gazetteer, type Lookup} from '../rules/headline-mismatch/gazetteer.js'

// The entries where a lookup answers otherwise than the gazetteer worked out from the data.
function differences(read: Lookup, built: Gazetteer): unknown[] {
  const found: unknown[] = []
  for (const [form, place] of built.places) if (!isDeepStrictEqual(read.place(form), place)) found.push(['place', form])
  for (const [code, forms] of built.byCountry) if (!isDeepStrictEqual(read.inCountry(code), forms)) found.push(['inCountry', code])
  for (const [code, forms] of built.own) if (!isDeepStrictEqual(read.own(code), forms)) found.push(['own', code])
  if (!isDeepStrictEqual(read.names, built.names)) found.push(['names'])
  return found
}

test('the stored gazetteer reads back as the one worked out from the data', () => {
  const built = buildGazetteer()
  expect(built.places.size).toBeGreaterThan(4_000)
  const {places, byCountry} = gazetteerTexts()
  const read = readGazetteer(places, () => byCountry)!
  expect(differences(read, built)).toEqual([])
  // forms that are no place, before the first stored form, between two and after the last
  for (const form of ['', ' ', 'aaaaaa', 'londonx', 'zzzzzz', '\uffff']) expect([form, read.place(form)]).toEqual([form, built.places.get(form)])
  expect(read.inCountry('nowhere')).toBeUndefined()
})

test('a stored gazetteer made from other data is not used', () => {
  const stored = JSON.parse(gazetteerTexts().places) as {key: string}
  expect(readGazetteer(JSON.stringify({...stored, key: `${stored.key} other`}))).toBeUndefined()
})

test('a stored gazetteer whose places are out of order, as an earlier layout wrote them, is not used', () => {
  const stored = JSON.parse(gazetteerTexts().places) as {places: unknown[]}
  const places = [...stored.places]
  ;[places[0], places[places.length - 1]] = [places[places.length - 1], places[0]]
  expect(readGazetteer(JSON.stringify({...stored, places}))).toBeUndefined()
  // in order, the same file is read
  expect(readGazetteer(JSON.stringify(stored))).toBeDefined()
})

test('a truncated or damaged stored gazetteer is worked out again, not thrown out of the rule', () => {
  const {places, byCountry} = gazetteerTexts()
  const stored = JSON.parse(places) as Record<string, unknown>
  for (const damaged of [places.slice(0, places.length >> 1), '', 'null', '[]', JSON.stringify({...stored, places: null})]) {
    expect([damaged.slice(0, 20), readGazetteer(damaged)]).toEqual([damaged.slice(0, 20), undefined])
  }
  // the countries' forms, in a file of their own, are worked out when theirs is missing, damaged or of other data
  const built = buildGazetteer()
  const other = JSON.stringify({...(JSON.parse(byCountry) as object), key: 'other'})
  for (const damaged of [undefined, byCountry.slice(0, byCountry.length >> 1), 'null', other]) {
    const read = readGazetteer(places, () => damaged)!
    expect([damaged?.slice(0, 20), differences(read, built)]).toEqual([damaged?.slice(0, 20), []])
  }
})

test('`npm run build` wrote the gazetteer this checkout works out', () => {
  // npm test builds first; the built rule reads these files.
  const {places, byCountry} = gazetteerTexts()
  expect(readFileSync('dist/rules/headline-mismatch/places.json', 'utf8') === places).toBe(true)
  expect(readFileSync('dist/rules/headline-mismatch/places-by-country.json', 'utf8') === byCountry).toBe(true)
})
