// name-consistency looks through an article's few names and indexes many by their deletions: a
// slip is found either way, and the same way.
import {expect, test} from '@jest/globals'
import {lint} from '../src/index.js'

const only = {rules: {'name-consistency': 'warn' as const}}
const found = (text: string) =>
  lint(text, only)
    .messages.filter((message) => message.ruleId === 'name-consistency')
    .map((message) => `${message.actual} -> ${String(message.expected)}`)

// Invented surnames of one first letter, no two of them one edit apart: each pair differs in
// two letters or more, with a letter between them.
const letter = (index: number) => String.fromCharCode(97 + (index % 20))
const names = Array.from({length: 200}, (_, index) => {
  const [a, b] = [index % 20, Math.floor(index / 20)]
  return `Bo${letter(a)}u${letter(b)}u${letter(a + b)}el`
})
const story = (extra: readonly string[]) =>
  [
    'Senator Biden spoke first.',
    ...extra.map((name) => `Then ${name} spoke.`),
    'Biden answered them all and Biden left early. Later, Bidenn came back to the hall.'
  ].join('\n\n')

test('a slip is found among a few names and among many of the same letter', () => {
  expect(found(story([]))).toEqual(['Bidenn -> Biden'])
  expect(found(story(names))).toEqual(['Bidenn -> Biden'])
})
