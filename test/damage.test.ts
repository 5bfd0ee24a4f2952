// The damage generator (scripts/damage.ts): reproducible, every class finds its place in an
// article written for it, and every truth entry leads score.mjs's lookup to the damaged text in
// each rendering.
import {describe, expect, test} from '@jest/globals'
import {damageArticle, type Format} from '../scripts/damage.js'
import {damageClasses} from '../scripts/damage/index.js'
import {score} from '../scripts/damage/score.js'
import {createRng} from '../scripts/damage/core.js'
import {residueLine, SHAPES} from '../scripts/damage/residue.js'

// An invented article with a place for every class.
const article = [
  'Japan and Norway agree on a new fishing deal',
  '',
  'Fishing ministers from Japan and Norway met in Oslo on Monday to sign the agreement, the ministry said.',
  '',
  '"We have waited a long time for this, and we are glad," Okonkwo said.',
  '',
  'The talks were led by Amara Okonkwo, a newly elected chair of the regional fisheries board.',
  '',
  'Boats from both countries will share the northern grounds, which were closed last year. The quotas will rise slowly.',
  '',
  'Okonkwo told reporters: "The deal protects the stocks and the jobs that depend on them."',
  '',
  'Prices for cod fell sharply in the spring, according to the fisheries board.',
  '',
  'The agreement runs for five years and can be renewed, officials in Tokyo said on Tuesday.',
  '',
  'Okonkwo, who has chaired the board since March, said the next round would cover whaling rules.',
  '',
  'Environmental groups in a deeply divided industry welcomed the deal but said the quotas were still too high for the fish.',
  '',
  'A review of the widely shared catch data is due in the autumn, and the results will be published online.',
  '',
  'the board will meet again in June to set the quotas for the coming winter season.',
  ''
].join('\n')

describe('damage generator', () => {
  test('the same seed gives the same bytes; another seed other damage', () => {
    const a = damageArticle('x/a.txt', article, {seed: '7', rate: 1})
    const b = damageArticle('x/a.txt', article, {seed: '7', rate: 1})
    const c = damageArticle('x/a.txt', article, {seed: '8', rate: 1})
    expect(b.text).toBe(a.text)
    expect(JSON.stringify(b.truth)).toBe(JSON.stringify(a.truth))
    expect(c.text).not.toBe(a.text)
  })

  test('at rate 1 every class of the seed puts its damage in', () => {
    // the seed's kinds of damage; classes for other kinds (quotation marks, characters) need
    // places this article does not have
    const seedClasses = ['headline-place', 'name-typo', 'attribution-verb', 'according-to', 'doubled-period', 'comma-start', 'split-clause', 'lowercase-start', 'ly-hyphen', 'doubled-word', 'boilerplate']
    expect(damageClasses.map((cls) => cls.id)).toEqual(expect.arrayContaining(seedClasses))
    const {text, truth} = damageArticle('a.txt', article, {seed: '1', rate: 1, classes: seedClasses})
    expect(truth.defects.map((d) => d.class).sort()).toEqual([...seedClasses].sort())
    expect(text).not.toBe(article)
    // the headline place is swapped for one the article never names
    const place = truth.defects.find((d) => d.class === 'headline-place')!
    expect(article.includes(place.span)).toBe(false)
  })

  for (const format of ['txt', 'md', 'html'] as Format[]) {
    test(`every truth entry locates its damage in ${format}`, () => {
      for (const seed of ['1', '2', '3', '4', '5']) {
        const {text, truth} = damageArticle('a.txt', article, {seed, rate: 1, format})
        expect(truth.file).toBe(`a.${format}`)
        // score() throws when a context or span is not on its line
        const scored = score(truth, text, [])
        expect(scored.every((s) => !s.found)).toBe(true)
        const lines = text.split('\n')
        for (const defect of truth.defects) {
          const line = lines[defect.line - 1]
          expect(line.indexOf(defect.span, line.indexOf(defect.context))).toBeGreaterThanOrEqual(0)
        }
      }
    })
  }

  test('boilerplate lines come from the residue inventory, in varied case, decoration and counts', () => {
    const rng = createRng('residue')
    const lines = Array.from({length: 2000}, () => residueLine(rng))
    // every family of the inventory is drawn, and a line is a line: no break inside it
    expect(new Set(lines.map((line) => line.family))).toEqual(new Set(SHAPES.map((shape) => shape.family)))
    expect(lines.every((line) => line.text.trim() === line.text && !line.text.includes('\n'))).toBe(true)
    const texts = lines.map((line) => line.text)
    expect(texts.some((text) => /^[^a-z]*[A-Z]{4}[^a-z]*$/u.test(text))).toBe(true) // in capitals
    expect(texts.some((text) => /^[a-z ]+$/u.test(text))).toBe(true) // in lower case
    expect(texts.some((text) => /[»›→|\]]$/u.test(text))).toBe(true) // decorated
    expect(texts.some((text) => /^\d+ comments$/iu.test(text))).toBe(true) // counted
    expect(texts.some((text) => /^Photo: \p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+\//u.test(text))).toBe(true) // credited
    const {truth} = damageArticle('a.txt', article, {seed: '2', rate: 1, classes: ['boilerplate']})
    expect(truth.defects[0].shape).toMatch(new RegExp(`^(?:${SHAPES.map((shape) => shape.family).join('|')})/(?:end|between)$`, 'u'))
  })

  test('a message on the damaged span is scored as found', () => {
    const {text, truth} = damageArticle('a.txt', article, {seed: '3', rate: 1})
    const defect = truth.defects[0]
    const line = text.split('\n')[defect.line - 1]
    const column = line.indexOf(defect.span, line.indexOf(defect.context)) + 1
    const message = {place: {start: {line: defect.line, column}, end: {line: defect.line, column: column + 1}}, ruleId: 'x'}
    const scored = score(truth, text, [message as never])
    expect(scored[0].found).toBe(true)
    expect(scored.slice(1).some((s) => s.found && s.defect.line !== defect.line)).toBe(false)
  })
})
