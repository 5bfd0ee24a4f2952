// The spelling rule on planted typos and on valid words the dictionaries lack: which it reports,
// what it offers, the span it marks, the project's word list, and suggestions computed on demand.
import {describe, expect, test} from '@jest/globals'
import {bare, isCapitalised, isChecked, startsLower} from '../rules/spelling/words.js'
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
    const text = 'Government aide Fleitz met LaCivita, NATO and iPhone makers; £600m, 7-6, fbi.gov, a@b.com.'
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

  // Issue 10: proper nouns every dictionary has, a letter left out or two swapped.
  test.each([
    ['The deal was signed in Febuary, officials said.', 'Febuary', 'February'],
    ['Voters backed the Conservatves at the election.', 'Conservatves', 'Conservatives'],
    ['The club moved to Manchster last year.', 'Manchster', 'Manchester'],
    ['Many Europen leaders met on Monday.', 'Europen', 'European'],
    ['The court sits in Brsusels this week.', 'Brsusels', 'Brussels'],
    ['Officials at the Univerity of Leeds said so.', 'Univerity', 'University']
  ])('reports the misspelt proper noun in %p', (text, typo, meant) => {
    const found = flagged(text)
    expect(found).toEqual([{actual: typo, expected: [meant]}])
  })

  test('leaves alone names that vary from dictionary names, and foreign and repeated names', () => {
    const text = [
      // A doubled letter written single, a dropped `h`, a last letter dropped: names of their own.
      'Mr Russel met Jonson, Tomson, Philips and Frederic.',
      // Beside another name, a form one letter from a dictionary name is a person.
      'Economist David Berson spoke; so did actress Heather Craney.',
      // Beside an unknown name: a foreign name.
      'The chair was designed by Patricial Urquiola.',
      // A form the article uses twice is its spelling.
      'Ms Europen spoke first. Then Ms Europen left.',
      // The month in German copy.
      'Der Vertrag kam im Februar.'
    ].join('\n')
    expect(flagged(text)).toEqual([])
  })

  test('a short slip the article uses again, in any case, is its own word', () => {
    expect(flagged('Send the adress. The one was wrong.').map(({actual}) => actual)).toEqual(['adress'])
    // Uses are counted in any case, as a case-insensitive Unicode pattern matches: `ſ` (long s) too.
    for (const again of ['ADRESS', 'Adress', 'adreſs']) expect([again, flagged(`Send the adress. The ${again} was wrong.`)]).toEqual([again, []])
    // Not a use: a longer word.
    expect(flagged('Send the adress. The adressed one was wrong.').map(({actual}) => actual)).toContain('adress')
    // Nor beside a letter as the pattern's class reads it: a letter past the first 65,536 (`𝐀`), or
    // U+0345, a combining mark that the case-insensitive class takes as the Greek letter it folds to.
    for (const glued of ['adress\u{1d400}', '\u{1d400}adress', 'adress\u0345']) {
      expect([glued, flagged(`Send the adress. The ${glued} was wrong.`).some(({actual}) => actual === 'adress')]).toEqual([glued, true])
    }
  })

  test('a name the article spells right twice is left to name-consistency', () => {
    const text = 'It rained in February. It snowed in February. By Febuary it was over.'
    expect(flagged(text)).toEqual([])
  })

  // Issue 11: words a reader expects to pass.
  test('leaves alone compounds, dropped g, lower-case names, repeated terms, Latin and Australian words', () => {
    const text = [
      'It was a no-brainer for the go-getter.',
      'We were workin’ late, dreamin\' of home.',
      'The plane flew over the andes, the agency told reuters.',
      'Astronomers watched blazars. The nearest blazars flared.',
      'Humans, or Homo sapiens, carry Staphylococcus aureus; the fee is paid per annum by an ad hoc panel, a bona fide deal.',
      'The ute and the arvo barbie were bonzer.',
      // Variants and colloquial words of word-list that the dictionaries lack.
      'The improv troupe had photogs, a ukelele and knowledgable fans.'
    ].join('\n')
    expect(flagged(text)).toEqual([])
  })

  test('a typo in a sentence repeated k times gives k messages, not k²', () => {
    for (const k of [1, 2, 5]) {
      const text = Array.from({length: k}, () => 'They will recieve the report.').join(' ')
      expect(flagged(text).map((found) => found.actual)).toEqual(Array.from({length: k}, () => 'recieve'))
    }
  })

  // Issue 9: bounded work per token. Speed is measured by scripts/adversarial-spelling.ts.
  test('a word longer than any English word is reported without suggestions', () => {
    const long = 'abcdefghij'.repeat(200)
    const [message, ...rest] = linter.lint(`It was ${long} here.`).messages
    expect(rest).toEqual([])
    expect(message.actual).toBe(long)
    expect(message.expected).toBeUndefined()
    expect(message.reason).toContain('longer than any English word')
  })

  test('an 8 KB token gives at most one message and no suggestions', () => {
    for (const token of ['q'.repeat(8192), 'ab-'.repeat(2730) + 'ab', 'Q' + 'w'.repeat(8191), 'abc1'.repeat(2048)]) {
      const messages = linter.lint(`It was ${token} here.`).messages
      expect(messages.length).toBeLessThanOrEqual(1)
      for (const message of messages) expect(message.expected).toBeUndefined()
    }
  })

  test('a word quoted as a word is still left alone', () => {
    expect(flagged('He coined the phrase "liberati" last year.')).toEqual([])
    expect(flagged('He coined the phrase liberati last year.').map((found) => found.actual)).toEqual(['liberati'])
  })
})

describe('spelling: word shapes', () => {
  test('a possessive ending and a lower-case start are told as the regular expressions tell them', () => {
    // Every text of up to four characters from letters, apostrophes and a letter past ASCII.
    const alphabet = ['a', 's', 'S', "'", '’', 'é', '\u{1F600}']
    let texts = ['']
    const all = ['']
    for (let length = 1; length <= 4; length++) {
      texts = texts.flatMap((text) => alphabet.map((character) => text + character))
      all.push(...texts)
    }
    expect(all.filter((text) => bare(text) !== text.replace(/['’]s?$/u, ''))).toEqual([])
    expect(all.filter((text) => startsLower(text) !== /^[a-z]/u.test(text))).toEqual([])
    expect([bare("Smith's"), bare('Jones’'), bare('bus'), bare("'s")]).toEqual(['Smith', 'Jones', 'bus', ''])
  })

  test('a checked word and a capitalised one are told as the regular expressions tell them', () => {
    // Every text of up to five characters from lower and upper case letters, a hyphen,
    // apostrophes, a digit and a letter past ASCII.
    const alphabet = ['a', 's', 'S', '-', "'", '’', '1', 'é']
    let texts = ['']
    const all = ['']
    for (let length = 1; length <= 5; length++) {
      texts = texts.flatMap((text) => alphabet.map((character) => text + character))
      all.push(...texts)
    }
    const checked = /^[a-z]+(?:-[a-z]+)*(?:['’]s?)?$/u
    const capitalised = /^[A-Z][a-z]+(?:['’]s?)?$/u
    expect(all.filter((text) => isChecked(text, bare(text)) !== checked.test(text))).toEqual([])
    expect(all.filter((text) => isCapitalised(text, bare(text)) !== capitalised.test(text))).toEqual([])
    expect(['in-depth', "boss's", 'bosses’', 'a-b-c'].map((text) => isChecked(text, bare(text)))).toEqual([true, true, true, true])
    expect(['in--depth', 'in-', "don't", 'covid19', 'café'].map((text) => isChecked(text, bare(text)))).toEqual([false, false, false, false, false])
    expect(["Febuary's", 'McDonald', 'NATO', 'Ab'].map((text) => isCapitalised(text, bare(text)))).toEqual([true, false, false, true])
  })
})
