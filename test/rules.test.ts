// Every example of every rule README runs here: `ok` blocks give no message from the rule,
// `input` blocks give exactly their `messages`, fix to their `fixed` text (unchanged when absent),
// and offer their `suggested` candidates. Every message also meets the message contract.
import {describe, expect, test} from '@jest/globals'
import {existsSync, readFileSync} from 'node:fs'
import {createLinter, rules, type Config} from '../src/index.js'
import {readExamples, where} from './helpers/examples.js'
import {checkMessages} from './helpers/invariants.js'

const readme = readFileSync('README.md', 'utf8')

describe.each(rules.map((rule) => [rule.id, rule] as const))('%s', (id, rule) => {
  const path = `rules/${id}/README.md`
  const config: Config = {rules: Object.fromEntries(rules.map((other) => [other.id, other.id === id ? 'warn' : 'off']))}
  const linter = createLinter(config)
  const doc = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const examples = existsSync(path) ? readExamples(path) : []

  test('has a README titled by its id that states its fix level', () => {
    expect(doc.split('\n')[0]).toBe(`# ${id}`)
    expect(doc).toContain(`Fix level: **${rule.fix}**`)
    expect(readme).toContain(`rules/${id}/README.md`)
  })

  test('has ok and input examples', () => {
    expect(examples.some((example) => example.kind === 'ok')).toBe(true)
    expect(examples.some((example) => example.kind === 'input' && example.messages)).toBe(true)
  })

  test.each(examples.map((example) => [example.line, example] as const))('example at line %i', (_line, example) => {
    const file = linter.lint(example.text)
    checkMessages(file)
    const found = file.messages.map((message) => `${where(message)} ${message.reason}`)
    if (example.kind === 'ok') {
      expect(found).toEqual([])
      return
    }
    expect(found).toEqual(example.messages ?? [])
    const fixed = linter.fix(example.text)
    expect(fixed.text).toBe(example.fixed ?? example.text)
    expect(linter.fix(fixed.text).text).toBe(fixed.text)
    if (example.suggested) {
      const offered = file.messages
        .filter((message) => !message.autofix && message.expected && message.expected.length > 0)
        .map((message) => `${where(message)} ${JSON.stringify(message.expected)}`)
      expect(offered).toEqual(example.suggested)
    }
  })
})
