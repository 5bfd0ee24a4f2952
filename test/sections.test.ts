// A long plain text is linted in sections of whole paragraphs (src/sections.ts): the sections
// must cover the text, start where the parser cuts it anyway, and give messages at the places
// of the whole text, as the whole-text lint gives them where the sections stand alone.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {createLinter} from '../src/index.js'
import {isHardWrapped} from '../src/parse.js'
import {lintInSections, sectionStarts} from '../src/sections.js'

// Invented stories, each with damage a rule finds: a lower-case start, a doubled word, a typo,
// a stray mark, a misspelt name.
const STORIES = [
  'Harbour plan wins approval\n\nThe council approved the harbour plan on Tuesday. officials said the the work would start in spring.\n\nMayor Alma Brettner said the plan was overdue. Critics said the goverment had ignored them . .',
  'PORTVILLE: Workers at the bakery went on strike on Monday over pay.\n\nThe union said talks had failed. the company said it would meet them again next week.\n\n"We want a fair deal," said Tomas Quill. Quill said the stike would go on.',
  'Rain delayed the final match at the county ground.\n\nThe umpires called play off after lunch , and fans waited for hours.\n\nThe captain, Dora Penhallow, said the side was ready. Penhalow said they would try again tomorow.'
]

const fields = (message: VFileMessage) => ({
  ruleId: message.ruleId,
  reason: message.reason,
  place: message.place,
  line: message.line,
  column: message.column,
  name: message.name,
  actual: message.actual,
  expected: message.expected,
  cause: message.cause ? {place: (message.cause as VFileMessage).place, reason: (message.cause as VFileMessage).reason} : undefined
})

describe('sectionStarts', () => {
  test('cuts a long text only at blank lines, into sections of about the size asked', () => {
    const paragraph = fc.stringMatching(/^[A-Za-z .,]{1,80}$/u)
    const gap = fc.constantFrom('\n\n', '\n \n', '\r\n\r\n', '\n\t\n\n')
    fc.assert(
      fc.property(fc.array(fc.tuple(paragraph, gap), {minLength: 1, maxLength: 60}), fc.integer({min: 20, max: 300}), (parts, size) => {
        const source = parts.map(([text, between]) => text + between).join('')
        const starts = sectionStarts(source, size, 0)
        expect(starts[0]).toBe(0)
        for (let i = 1; i < starts.length; i++) {
          // At a blank line (its white space from the end of the text before), where the parser cuts anyway.
          expect(source.slice(starts[i]).match(/^[ \t]*(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/u)).not.toBeNull()
          expect(/[\r\n \t]/u.test(source[starts[i] - 1] ?? '')).toBe(false)
          expect(starts[i] - starts[i - 1]).toBeGreaterThanOrEqual(size)
        }
        if (source.length <= 2 * size) expect(starts).toEqual([0])
        else expect(source.length - starts[starts.length - 1]).toBeGreaterThanOrEqual(size / 2)
      }),
      {numRuns: 300}
    )
  })
})

describe('lintInSections', () => {
  const linter = createLinter()

  // Distinct stories: a story twice in one text makes its words the writer's (`stike` twice).
  test('gives the whole-text messages, at the places of the whole text, when the sections stand alone', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([...STORIES.keys()], {minLength: 2}), fc.constantFrom('\n\n', '\n\n\n', '\r\n\r\n'), (order, gap) => {
        const stories = order.map((index) => STORIES[index].replace(/\n/gu, gap.includes('\r') ? '\r\n' : '\n'))
        const source = stories.join(gap)
        const starts: number[] = [0]
        for (const story of stories.slice(0, -1)) starts.push(starts[starts.length - 1] + story.length + (starts.length > 1 ? gap.length : 0))
        const whole = linter.lint(new VFile({path: 'a.txt', value: source}))
        const file = new VFile({path: 'a.txt', value: source})
        lintInSections(file, starts, isHardWrapped(source), (section) => {
          linter.lint(section)
        })
        // Names are compared within a section: a story's own misspellings are all it may miss.
        const sameStory = (message: VFileMessage) => message.ruleId !== 'name-consistency'
        expect(file.messages.filter(sameStory).map(fields)).toEqual(whole.messages.filter(sameStory).map(fields))
        const place = location(source)
        for (const message of file.messages) {
          const {start, end} = message.place as {start: {offset: number; line: number; column: number}; end: {offset: number}}
          expect(source.slice(start.offset, end.offset)).toBe(message.actual)
          expect(place.toPoint(start.offset)).toEqual(start)
        }
      }),
      {numRuns: 15}
    )
    // Linting many texts: a few seconds alone, much longer on a busy machine.
  }, 180_000)

  test('a text longer than twice a section gives each finding once per copy, where it is', () => {
    const story = `${STORIES[2]}\n\n`
    const copies = Math.ceil(1_050_000 / story.length)
    const source = story.repeat(copies)
    expect(sectionStarts(source).length).toBeGreaterThan(1)
    const file = linter.lint({path: 'long.txt', value: source})
    const count = (actual: string) => file.messages.filter((message) => message.actual === actual).length
    expect([count(' ,'), count('tomorow')]).toEqual([copies, copies])
    const place = location(source)
    for (const message of file.messages) {
      const {start, end} = message.place as {start: {offset: number; line: number; column: number}; end: {offset: number}}
      expect(source.slice(start.offset, end.offset)).toBe(message.actual)
      expect(place.toPoint(start.offset)).toEqual(start)
    }
    // A megabyte of copy: some 15 s alone, several times that on a busy machine.
  }, 240_000)
})
