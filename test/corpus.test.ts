// The seed article against its ground truth: every defect of the classes the rules cover is
// found, no trap is flagged, and fix produces the expected text.
import {describe, expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {fix, lint} from '../src/index.js'
import {checkMessages} from './helpers/invariants.js'
import {readTruth, score} from './helpers/score.js'

const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const fixed = readFileSync('test/fixtures/seed-article.fixed.txt', 'utf8')
const truth = readTruth('test/fixtures/seed-article.defects.json')

describe('the seed article', () => {
  const file = lint({value: seed, path: 'seed-article.txt'})

  test('every message meets the message contract', () => {
    checkMessages(file)
  })

  test('finds every required defect, flags no trap, and says little else', () => {
    const result = score(seed, truth, file.messages)
    expect(result.missed).toEqual([])
    expect(result.found.length).toBeGreaterThanOrEqual(truth.defects.filter((defect) => !defect.optional).length)
    expect(result.traps).toEqual([])
    expect(result.extra.length).toBeLessThanOrEqual(2)
  })

  test('fix produces the expected text and is stable', () => {
    const result = fix({value: seed, path: 'seed-article.txt'})
    expect(result.text).toBe(fixed)
    expect(fix(result.text).text).toBe(result.text)
  })

  test('each safe fix repairs its defect as the ground truth says', () => {
    for (const defect of truth.defects) {
      if (typeof defect.fix !== 'string') continue
      const safe = file.messages.filter((message) => message.autofix && score(seed, {...truth, defects: [defect], not_defects: []}, [message]).found.length > 0)
      expect([defect.id, safe.length]).toEqual([defect.id, 1])
      if (safe[0].actual === defect.span) expect([defect.id, safe[0].expected]).toEqual([defect.id, [defect.fix]])
    }
  })
})
