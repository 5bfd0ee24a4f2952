// The spelling rule on planted typos and on valid words the dictionaries lack: which it reports,
// what it offers, the span it marks, the project's word list, and suggestions computed on demand.
import {describe, expect, test} from '@jest/globals'
import {createLinter, rules, type Config} from '../src/index.js'

const only = (extra: Config = {}): Config => ({
  ...extra,
  rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'spelling' ? 'warn' : 'off']))
})
const linter = createLinter(only())

function flagged(text: string, lint = linter) {
  return lint.lint(text).messages.map((message) => ({actual: message.actual, expected: message.expected}))
}

describe('spelling', () => {
  // Slips of every kind the rule claims: a letter left out (also right after the first letter
  // and at the end), two swapped, one added or replaced, a doubled letter lost, a lost space.
  test.each([
    ['goverment', 'government'],
    ['recieve', 'receive'],
    ['definately', 'definitely'],
    ['seperate', 'separate'],
    ['accomodate', 'accommodate'],
    ['adress', 'address'],
    ['occured', 'occurred'],
    ['enviroment', 'environment'],
    ['independant', 'independent'],
    ['propostition', 'proposition'],
    ['pesident', 'president'],
    ['importan', 'important'],
    ['specificaly', 'specifically'],
    ['ofthe', 'of the']
  ])('reports `%s` and offers `%s`', (typo, meant) => {
    const found = flagged(`The report said that ${typo} was the word.`)
    expect(found).toHaveLength(1)
    expect(found[0].actual).toBe(typo)
    expect(found[0].expected).toContain(meant)
    expect(found[0].expected!.length).toBeLessThanOrEqual(4)
  })

  test('leaves alone new words, compounds, derivations, loans and British forms', () => {
    const words = [
      'spyware', 'webcams', 'podcasting', 'ringtones', 'blogging', 'smartphones', 'cryptocurrency',
      'crowdfunding', 'eurozone', 'biopic', 'showrunner', 'fintech', 'chatbots', 'deepfakes',
      'cyberattack', 'influencers', 'podcasters', 'unboxing', 'wearables', 'halloumi', 'kombucha',
      'bibimbap', 'teraflops', 'petaflop', 'webpage', 'matchday', 'housebuilder', 'frontrunners',
      'delisted', 'renationalise', 'reoffending', 'unrecycled', 'personalisation', 'demonisation',
      'dialler', 'sentencers', 'hirings', 'gamers', 'trojan', 'cryotherapy', 'naira', 'boops',
      'regetting', 'formatters', 'acellular', 'colour', 'organised', 'defence',
      'whilst', 'centre', 'travelled', 'judgement', 'aluminium'
    ]
    expect(flagged(words.map((word) => `They said ${word} here.`).join('\n'))).toEqual([])
  })

  test('skips names, capitals, numbers and addresses', () => {
    const text = 'Goverment aide Fleitz met LaCivita, NATO and iPhone makers; £600m, 7-6, fbi.gov, a@b.com.'
    expect(flagged(text)).toEqual([])
  })

  test('marks only the misspelt part of a hyphenated or possessive word', () => {
    const file = linter.lint("A goverment-run scheme and the goverment's plan.")
    expect(file.messages.map((message) => [message.place, message.actual])).toEqual([
      [{start: {line: 1, column: 3, offset: 2}, end: {line: 1, column: 12, offset: 11}}, 'goverment'],
      [{start: {line: 1, column: 32, offset: 31}, end: {line: 1, column: 41, offset: 40}}, 'goverment']
    ])
  })

  test('accepts the words of the configuration', () => {
    const text = 'Every remainer voted.'
    expect(flagged(text).map((found) => found.actual)).toEqual(['remainer'])
    expect(flagged(text, createLinter(only({words: ['remainer']})))).toEqual([])
  })

  test('computes suggestions only when they are read', () => {
    const [message] = linter.lint('They will recieve it.').messages
    expect(typeof Object.getOwnPropertyDescriptor(message, 'expected')?.get).toBe('function')
    expect(message.expected).toEqual(['receive', 'relieve'])
    expect(Object.getOwnPropertyDescriptor(message, 'expected')?.value).toEqual(['receive', 'relieve'])
    expect(message.autofix).toBeUndefined()
  })
})
