// The abbreviation model reads compromise's list from its bundled build (one file, not the 194
// modules of its sources): the two must hold the same abbreviations.
import {describe, expect, test} from '@jest/globals'
import {createRequire} from 'node:module'
import sources from 'compromise/one'

type Model = {one: {abbreviations: Record<string, true>}}
const listOf = (nlp: {model(): unknown}) => Object.keys((nlp.model() as Model).one.abbreviations).sort()

describe('compromise', () => {
  test('its bundled build has the abbreviations of its sources', () => {
    const bundled = createRequire(import.meta.url)('compromise/one') as typeof sources
    expect(listOf(sources).length).toBeGreaterThan(150)
    expect(listOf(bundled)).toEqual(listOf(sources))
  })
})
