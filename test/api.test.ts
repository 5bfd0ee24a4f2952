// The library API: lint, fix, createLinter, the copydesk preset in anyone's unified pipeline,
// and configuration (levels, options, errors that name the key).
import {describe, expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {retext} from 'retext'
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {VFile} from 'vfile'
import copydeskDefault, {ConfigError, copydesk, createLinter, fix, lint, preset, rules, type Config} from '../src/index.js'
import {checkMessages} from './helpers/invariants.js'

const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const summary = (file: VFile) => file.messages.map((message) => `${message.ruleId} ${JSON.stringify(message.place)}`)

describe('lint', () => {
  test('takes text or a VFile and returns the VFile with its messages', () => {
    const file = new VFile({value: 'Japan. he remains.', path: 'a.txt'})
    expect(lint(file)).toBe(file)
    expect(file.messages.map((message) => message.ruleId)).toEqual(['sentence-start'])
    expect(lint('Japan. he remains.').messages).toHaveLength(1)
  })

  test('gives severities from the preset and from configuration', () => {
    const text = 'It went on. . They met in Japan. he remains.'
    const byRule = (file: VFile) => Object.fromEntries(file.messages.map((message) => [message.ruleId, message.fatal]))
    expect(preset['stray-punctuation']).toBe('error')
    expect(byRule(lint(text))).toEqual({'stray-punctuation': true, 'sentence-start': false})
    expect(byRule(lint(text, {rules: {'stray-punctuation': 'info', 'sentence-start': 'error'}}))).toEqual({
      'stray-punctuation': undefined,
      'sentence-start': true
    })
    expect(byRule(lint(text, {rules: {'sentence-start': 'off'}}))).toEqual({'stray-punctuation': true})
    expect(byRule(lint(text, {rules: {'sentence-start': ['warn', {}]}}))).toEqual({'stray-punctuation': true, 'sentence-start': false})
  })

  test('turns a rule on at its recommended level with `on`', () => {
    const text = 'Messages were welcomed as a welcome sign.'
    expect(lint(text).messages).toEqual([])
    const on = lint(text, {rules: {'word-echo': 'on'}}).messages
    expect(on.map((message) => [message.ruleId, message.fatal])).toEqual([['word-echo', undefined]])
    expect(lint(text, {rules: {'sentence-start': 'on', 'word-echo': ['on', {window: 2}]}}).messages).toEqual([])
  })

  test('rejects an unknown rule id, option or key, naming it', () => {
    expect(() => lint('x', {rules: {'stray-punctuatoin': 'warn'}} as Config)).toThrow(ConfigError)
    expect(() => lint('x', {rules: {'stray-punctuatoin': 'warn'}} as Config)).toThrow(/unknown rule `stray-punctuatoin` \(did you mean `stray-punctuation`\?\)/u)
    expect(() => lint('x', {rules: {'ly-hyphen': ['warn', {strict: true}]}})).toThrow(/unknown option `strict` for `ly-hyphen`/u)
    expect(() => lint('x', {rules: {'ly-hyphen': 'loud' as 'warn'}})).toThrow(/`rules.ly-hyphen` must be one of off, on, info, warn, error/u)
    expect(() => lint('x', {colour: 'red'} as object)).toThrow(/unknown key `colour`/u)
    expect(() => lint('x', {names: ['Biden', 3]} as object)).toThrow(/`names` must be an array of non-empty strings/u)
    try {
      createLinter({rules: {nope: 'off'}} as Config, '/project/.copydeskrc.json')
    } catch (error) {
      expect((error as ConfigError).file).toBe('/project/.copydeskrc.json')
      expect((error as ConfigError).key).toBe('rules.nope')
      expect((error as Error).message).toMatch(/^\/project\/\.copydeskrc\.json: /u)
    }
    expect.assertions(9)
  })

  test('reuses one processor per configuration object', () => {
    const config = {rules: {'ly-hyphen': 'off' as const}}
    expect(lint('A democratically-governed state.', config).messages).toEqual([])
    expect(lint('A democratically-governed state.', config).messages).toEqual([])
    expect(lint('A democratically-governed state.').messages).toHaveLength(1)
  })
})

describe('fix', () => {
  test('returns the fixed text and the messages left', () => {
    const result = fix('They met officials. there, including Mr Akiba. It aims. , at nothing. Strong ties. aims to advance.')
    expect(result.text).toBe('They met officials there, including Mr Akiba. It aims, at nothing. Strong ties. aims to advance.')
    expect(result.messages.map((message) => message.actual)).toEqual(['. aims'])
    expect(result.messages.every((message) => !message.autofix)).toBe(true)
  })

  test('never applies a suggestion', () => {
    const text = 'Sales rose 10%. the rest fell.'
    expect(lint(text).messages[0].expected).toEqual(['. The', ' the'])
    expect(fix(text).text).toBe(text)
  })
})

describe('the copydesk preset plugin', () => {
  test('is the default export', () => {
    expect(copydeskDefault).toBe(copydesk)
  })

  test('works in a retext pipeline and finds what lint finds', async () => {
    const file = await retext().use(copydesk).process(new VFile({value: seed, path: 'seed.txt'}))
    checkMessages(file)
    expect(summary(file)).toEqual(summary(lint(new VFile({value: seed, path: 'seed.txt'}))))
  })

  test('takes a configuration', async () => {
    const file = await retext().use(copydesk, {rules: {'ly-hyphen': 'off', boilerplate: 'off'}}).process(seed)
    expect(file.messages.some((message) => message.ruleId === 'ly-hyphen')).toBe(false)
    expect(() => retext().use(copydesk, {rules: {nope: 'warn'}} as Config).freeze()).toThrow(/unknown rule `nope`/u)
  })

  test('lists every rule with a summary and a fix level', () => {
    for (const rule of rules) {
      expect(rule.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u)
      expect(rule.summary).toMatch(/`/u)
      expect(['safe', 'suggest', 'none']).toContain(rule.fix)
      expect(preset[rule.id]).toBeDefined()
    }
  })
})

describe('each rule as a unified plugin of its own', () => {
  // The preset's messages for one rule, beside that rule's own plugin, on the same text.
  const texts = [seed, 'Officials met in Tokyo. he said the the talks went well. . A highly-paid aide was welcomed as a welcome sign.']

  test.each(rules.map((rule) => rule.id))('retext-copydesk/%s gives the messages the preset gives for it', async (id) => {
    const {default: plugin} = (await import(`../rules/${id}/plugin.js`)) as {default: Plugin<[unknown?], Root>}
    const on = {rules: {[id]: 'on'}} as Config
    for (const value of texts) {
      const alone = await retext().use(plugin).process(new VFile({value, path: 'a.txt'}))
      const preset = await retext().use(copydesk, preset_(id, on)).process(new VFile({value, path: 'a.txt'}))
      checkMessages(alone)
      expect(summary(alone)).toEqual(summary(preset).filter((line) => line.startsWith(`${id} `)))
      expect(alone.messages.map((message) => message.fatal)).toEqual(preset.messages.filter((message) => message.ruleId === id).map((message) => message.fatal))
    }
  })

  test('takes the rule options, a level, or [level, options], and rejects what the rule does not take', async () => {
    const {default: wordEcho} = (await import('../rules/word-echo/plugin.js')) as {default: Plugin<[unknown?], Root>}
    const {default: lyHyphen} = (await import('../rules/ly-hyphen/plugin.js')) as {default: Plugin<[unknown?], Root>}
    const echo = 'Messages were welcomed as a welcome sign.'
    // Off in the preset, on when used alone, at its recommended level (info).
    expect((await retext().use(wordEcho).process(echo)).messages.map((message) => message.fatal)).toEqual([undefined])
    expect((await retext().use(wordEcho, {window: 2}).process(echo)).messages).toEqual([])
    expect((await retext().use(wordEcho, ['error', {window: 2}]).process(echo)).messages).toEqual([])
    const hyphen = 'A highly-paid aide.'
    expect((await retext().use(lyHyphen, 'error').process(hyphen)).messages.map((message) => message.fatal)).toEqual([true])
    expect((await retext().use(lyHyphen, 'off').process(hyphen)).messages).toEqual([])
    expect(() => retext().use(lyHyphen, {strict: true}).freeze()).toThrow(/unknown option `strict` for `ly-hyphen`/u)
  })
})

describe('bad arguments', () => {
  test('lint and fix name what they were given instead of text', () => {
    expect(() => lint(123 as unknown as string)).toThrow(new TypeError('copydesk: lint() and fix() take a string, a VFile or {path?, value}, not a number'))
    expect(() => fix(null as unknown as string)).toThrow(/not null$/u)
    expect(() => lint({path: 'a.txt'})).toThrow(/not an object without a string `value`$/u)
    expect(() => lint(Buffer.from('text') as unknown as string)).toThrow(/decode it first/u)
    expect(lint({path: 'a.txt', value: 'Japan. he remains.'}).messages).toHaveLength(1)
  })
})

function preset_(id: string, on: Config): Config {
  return preset[id] === 'off' ? on : {}
}
