// The library API: lint, fix, createLinter, the copydesk preset in anyone's unified pipeline,
// and configuration (levels, options, errors that name the key).
import {describe, expect, test} from '@jest/globals'
import {readFileSync} from 'node:fs'
import {retext} from 'retext'
import {VFile} from 'vfile'
import copydeskDefault, {ConfigError, copydesk, createLinter, fix, lint, preset, rules} from '../src/index.js'
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
    expect(() => lint('x', {rules: {'stray-punctuatoin': 'warn'}})).toThrow(ConfigError)
    expect(() => lint('x', {rules: {'stray-punctuatoin': 'warn'}})).toThrow(/unknown rule `stray-punctuatoin` \(did you mean `stray-punctuation`\?\)/u)
    expect(() => lint('x', {rules: {'ly-hyphen': ['warn', {strict: true}]}})).toThrow(/unknown option `strict` for `ly-hyphen`/u)
    expect(() => lint('x', {rules: {'ly-hyphen': 'loud' as 'warn'}})).toThrow(/`rules.ly-hyphen` must be one of off, on, info, warn, error/u)
    expect(() => lint('x', {colour: 'red'} as object)).toThrow(/unknown key `colour`/u)
    expect(() => lint('x', {names: ['Biden', 3]} as object)).toThrow(/`names` must be an array of non-empty strings/u)
    try {
      createLinter({rules: {nope: 'off'}}, '/project/.copydeskrc.json')
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
    expect(() => retext().use(copydesk, {rules: {nope: 'warn'}}).freeze()).toThrow(/unknown rule `nope`/u)
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
