// headline-mismatch's gazetteer is worked out by `npm run build` and read from a file: what a
// process reads must be exactly what it would have worked out from the packages' data.
import {expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {buildGazetteer, gazetteerText, readGazetteer} from '../rules/headline-mismatch/gazetteer.js'

test('the stored gazetteer reads back as the one worked out from the data', () => {
  const built = buildGazetteer()
  expect(built.places.size).toBeGreaterThan(4_000)
  expect(readGazetteer(gazetteerText())).toEqual(built)
})

test('a stored gazetteer made from other data is not used', () => {
  const stored = JSON.parse(gazetteerText()) as {key: string}
  expect(readGazetteer(JSON.stringify({...stored, key: `${stored.key} other`}))).toBeUndefined()
})

test('a truncated or damaged stored gazetteer is worked out again, not thrown out of the rule', () => {
  const text = gazetteerText()
  const stored = JSON.parse(text) as Record<string, unknown>
  for (const damaged of [text.slice(0, text.length >> 1), '', 'null', '[]', JSON.stringify({...stored, places: null})]) {
    expect([damaged.slice(0, 20), readGazetteer(damaged)]).toEqual([damaged.slice(0, 20), undefined])
  }
})

test('`npm run build` wrote the gazetteer this checkout works out', () => {
  // npm test builds first; the built rule reads this file.
  expect(readFileSync('dist/rules/headline-mismatch/places.json', 'utf8') === gazetteerText()).toBe(true)
})
