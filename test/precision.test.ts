// Precision on every publisher's copy (issue 11): the one abbreviation model, page furniture in
// the article model, verbatim zones that still carry the seed's damage, and the record of
// reviewed messages that the eval matches to messages whose lines moved.
import {describe, expect, test} from '@jest/globals'
import {endsSentence, isAbbreviation} from '../src/abbreviations.js'
import {buildArticle, isVerbatimAt, isWrittenAt, quotationAt} from '../src/article.js'
import {createLinter} from '../src/index.js'
import {parseText} from '../src/parse.js'
import {formatReview, match, shorten, type Review} from '../scripts/review.js'

describe('the abbreviation model', () => {
  test('knows titles, months, companies, references and old-style state forms', () => {
    for (const word of ['Sen', 'Mr.', 'Dr', 'Jan.', 'Sept', 'Inc', 'Corp.', 'Co', 'No', 'e.g', 'i.e.', 'al', 'vs', 'Ore', 'Tex.', 'Mass', 'Calif', 'tsp', 'U.S']) {
      expect([word, isAbbreviation(word)]).toEqual([word, true])
    }
  })

  test('reads a party and state tag: (R-Tex.), (D-Vt.), (R-Ill.)', () => {
    for (const word of ['R-Tex', 'D-Vt', 'R-Ill.', 'D-Ga', '(D-Mass']) expect([word, isAbbreviation(word)]).toEqual([word, true])
  })

  test('leaves everyday words alone: lower-case state forms and words compromise lists', () => {
    for (const word of ['ill', 'wash', 'mass', 'ad', 'vet', 'lit', 'sir', 'temp', 'year', 'done']) {
      expect([word, isAbbreviation(word)]).toEqual([word, false])
    }
  })

  test('takes a capital letter for an initial and a lower-case one for a word, except reference letters', () => {
    for (const word of ['J', 'K.', '(A', 'p', 'c.', 'v']) expect([word, isAbbreviation(word)]).toEqual([word, true])
    for (const word of ['a', 'i.', 's', 't', 'x']) expect([word, isAbbreviation(word)]).toEqual([word, false])
  })

  test('says whether a period ends a sentence', () => {
    const text = 'She met Sen. Cole in Portland, Ore. on Monday. it rained. The rate was 3.5 points.'
    expect(endsSentence(text, text.indexOf('Sen.') + 3)).toBe(false)
    expect(endsSentence(text, text.indexOf('Ore.') + 3)).toBe(false)
    expect(endsSentence(text, text.indexOf('Monday.') + 6)).toBe(true)
    expect(endsSentence(text, text.indexOf('3.5') + 1)).toBe(false)
  })
})

describe('page furniture in the article model', () => {
  const kinds = (source: string) => {
    const article = buildArticle(parseText(source), source)
    return article.blocks.filter((block) => block.prose.trim() !== '').map((block) => [block.prose.trim(), block.kind, block.furniture])
  }

  test('bylines, date lines, credits, department lines and yields are furniture', () => {
    const source = [
      'A headline about a storm',
      'by Jane Doe',
      'By JANE DOE, Example Wire',
      'by jdoe on January 31, 2011',
      'Posted by Jane Doe',
      'Wednesday, October 19, 2011 at 1:31pm',
      'Updated 4:36 p.m. ET July 23, 2012',
      'Photo: Jane Doe/Example Images',
      'image credit: Example Commons',
      'from the lost-in-the-post dept.',
      'makes 8 large rolls',
      'Adapted from Example Kitchen',
      'a reader wrote:',
      'The storm hit the coast on Monday, officials said.'
    ].join('\n\n')
    expect(kinds(source)).toEqual([
      ['A headline about a storm', 'headline', undefined],
      ['by Jane Doe', 'furniture', 'byline'],
      ['By JANE DOE, Example Wire', 'furniture', 'byline'],
      ['by jdoe on January 31, 2011', 'furniture', 'byline'],
      ['Posted by Jane Doe', 'furniture', 'byline'],
      ['Wednesday, October 19, 2011 at 1:31pm', 'furniture', 'date'],
      ['Updated 4:36 p.m. ET July 23, 2012', 'furniture', 'date'],
      ['Photo: Jane Doe/Example Images', 'furniture', 'credit'],
      ['image credit: Example Commons', 'furniture', 'credit'],
      ['from the lost-in-the-post dept.', 'furniture', 'department'],
      ['makes 8 large rolls', 'furniture', 'yield'],
      ['Adapted from Example Kitchen', 'furniture', 'credit'],
      ['a reader wrote:', 'furniture', 'byline'],
      ['The storm hit the coast on Monday, officials said.', 'body', undefined]
    ])
  })

  test('sentences that start like furniture stay sentences', () => {
    const source = 'A headline\n\nBy the end of the year, sales had doubled.\n\nMakes sense, she said.\n\nPhotographs of the storm were shared widely online.'
    expect(kinds(source).slice(1).map(([, kind]) => kind)).toEqual(['body', 'body', 'body'])
  })

  test('knows where quotations are', () => {
    const source = 'A headline\n\nShe said "no. never." and “left. now” then.'
    const block = buildArticle(parseText(source), source).blocks.find((candidate) => candidate.prose.startsWith('She'))!
    expect(block.quotations.map(({start, end}) => block.prose.slice(start, end))).toEqual(['"no. never."', '“left. now”'])
    expect(quotationAt(block, block.prose.indexOf('never'))).toBeDefined()
    expect(quotationAt(block, block.prose.indexOf('then'))).toBeUndefined()
  })
})

describe('verbatim zones', () => {
  const linter = createLinter()
  const found = (text: string, rule: string) => linter.lint(text).messages.filter((message) => message.ruleId === rule).map((message) => message.actual)

  test('a quotation still carries the seed damage: stray periods, split sentences, -ly hyphens', () => {
    const text = 'A headline\n\n"We met the officials. there, including the adviser. It went well. . He is a highly-regarded man. he said so," she told reporters.'
    expect(found(text, 'stray-punctuation')).toEqual([' .'])
    expect(found(text, 'sentence-start')).toEqual(['. there', 'he'])
    expect(found(text, 'ly-hyphen')).toEqual(['highly-regarded'])
  })

  test('a quoted post in lower case and emphasis in a quotation are the writer’s', () => {
    const text = 'A headline\n\nThe poster read "stop. think. connect." and fans wrote "wow!! so good??" online.'
    expect(found(text, 'sentence-start')).toEqual([])
    expect(found(text, 'stray-punctuation')).toEqual([])
  })

  test('a quoted post and a letter keep their writer’s spelling; names and quoted speech do not', () => {
    const post = 'A headline\n\n"wish i could stay longr, saw Paris in Febuary," she wrote. "The goverment failed," he said.'
    expect(found(post, 'spelling')).toEqual(['Febuary', 'goverment'])
    const letter = 'A headline\n\nDear Editor,\n\nI write to say my speling was nevver good.\n\nyou will forgive me.\n\nYours truly,\n\nThe goverment replied.'
    expect(found(letter, 'spelling')).toEqual(['goverment'])
    expect(found(letter, 'sentence-start')).toEqual([])
    // Without its sign-off, `Dear readers,` opens a column, not a letter.
    expect(found(letter.replace('Yours truly,', 'That is all.'), 'spelling')).toEqual(['speling', 'nevver', 'goverment'])
  })

  test('an index is in a verbatim zone or a quotation exactly when one holds it (every index)', () => {
    const source = 'A headline\n\nSee https://example.com/a?b=c, "mail jo@example.org" or /usr/bin/x, then "f(a,b)" and user_name "and \u201cso on.'
    const article = buildArticle(parseText(source), source)
    const block = article.blocks[1]
    expect([block.verbatim.length > 3, block.quotations.length > 2]).toEqual([true, true])
    for (let index = -1; index <= block.prose.length; index++) {
      const holds = (zone: {start: number; end: number}) => zone.start <= index && index < zone.end
      expect([index, isVerbatimAt(block, index), quotationAt(block, index)]).toEqual([index, block.verbatim.some(holds), block.quotations.find(holds)])
    }
  })

  test('which copy is quoted as its writer wrote it', () => {
    const source = 'A headline\n\nShe wrote "wish i could stay longr" and said "I will be back" today.'
    const article = buildArticle(parseText(source), source)
    expect(isWrittenAt(article, source.indexOf('stay'))).toBe(true)
    expect(isWrittenAt(article, source.indexOf('will'))).toBe(false)
    expect(isWrittenAt(article, source.indexOf('today'))).toBe(false)
  })

  test('doubled marks are reported outside quotations only when asked', () => {
    const asked = createLinter({rules: {'stray-punctuation': ['warn', {doubledMarks: true}]}})
    const messages = asked.lint('A headline\n\nWhat a game!! She said "what a game!!" twice.').messages
    expect(messages.filter((message) => message.ruleId === 'stray-punctuation').map((message) => message.actual)).toEqual(['!!'])
  })
})

describe('the record of reviewed messages', () => {
  const review = (line: number, text: string, verdict: Review['verdict']): Review => ({corpus: 'web-dev', file: '1.txt', line, column: 1, rule: 'sentence-start', text, verdict})

  test('matches by file, rule and flagged text, the nearest line first, when lines moved', () => {
    const reviews = [review(3, 'by', 'false-positive'), review(40, 'by', 'defect'), review(9, 'he', 'defect')]
    const seen = [
      {corpus: 'web-dev', file: '1.txt', line: 45, column: 1, rule: 'sentence-start', text: 'by'},
      {corpus: 'web-dev', file: '1.txt', line: 5, column: 1, rule: 'sentence-start', text: 'by'},
      {corpus: 'web-dev', file: '1.txt', line: 9, column: 1, rule: 'stray-punctuation', text: 'he'},
      {corpus: 'web-dev', file: '2.txt', line: 9, column: 1, rule: 'sentence-start', text: 'he'}
    ]
    const {verdicts, unused} = match(seen, reviews)
    expect(verdicts.map((verdict) => verdict?.verdict)).toEqual(['defect', 'false-positive', undefined, undefined])
    expect(unused).toEqual([reviews[2]])
  })

  test('keeps a few words of the copy at most', () => {
    expect(shorten('one two   three four five six')).toBe('one two three four')
    expect(JSON.parse(formatReview(review(1, 'a b c d e f', 'defect'))).text).toBe('a b c d')
  })
})
