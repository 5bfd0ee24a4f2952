// quotation-marks and character-damage beyond their README examples: Markdown and HTML (a
// character reference in the source is markup; code is skipped; places are right), and the
// properties of their fixes: nothing outside a reported span changes, fixing twice changes
// nothing, and real accented text is never touched.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import type {VFileMessage} from 'vfile-message'
import {createLinter, rules} from '../src/index.js'
import {checkMessages} from './helpers/invariants.js'

const only = (...ids: string[]) => createLinter({rules: Object.fromEntries(rules.map((rule) => [rule.id, ids.includes(rule.id) ? 'warn' : 'off']))})
const linter = only('quotation-marks', 'character-damage')
const found = (messages: VFileMessage[]) => messages.map((message) => `${message.ruleId} ${JSON.stringify(message.actual)}${message.autofix ? ' safe' : ''}`)

describe('Markdown and HTML', () => {
  test('a character reference in the source is markup, not damage', () => {
    for (const [path, value] of [
      ['a.md', 'Fish &amp; chips cost &pound;5 at the caf&eacute; &#8212; it&#8217;s cheap.'],
      ['a.html', '<p>Fish &amp; chips cost &pound;5 at the caf&eacute; &#8212; it&#8217;s cheap&nbsp;now.</p>']
    ]) {
      const file = linter.lint({path, value})
      expect(found(file.messages)).toEqual([])
    }
  })

  test('a reference the reader sees as text is damage, at its place in the source', () => {
    const markdown = linter.lint({path: 'a.md', value: 'Tom \\&amp; Jerry donâ€™t *run*.'})
    checkMessages(markdown)
    expect(found(markdown.messages)).toEqual(['character-damage "&amp;" safe', 'character-damage "â€™" safe'])
    // The escaped `\&` stays escaped: the reader sees `&`.
    expect(linter.fix({path: 'a.md', value: 'Tom \\&amp; Jerry donâ€™t *run*.'}).text).toBe('Tom \\& Jerry don’t *run*.')

    // In HTML the repair would change markup (`&amp;amp;`), so it is only offered.
    const html = linter.lint({path: 'a.html', value: '<p>Tom &amp;amp; <b>Jerry</b> donâ€™t.</p>'})
    checkMessages(html)
    expect(found(html.messages)).toEqual(['character-damage "&amp;amp;"', 'character-damage "â€™" safe'])
    expect(linter.fix({path: 'a.html', value: '<p>Tom &amp;amp; <b>Jerry</b> donâ€™t.</p>'}).text).toBe('<p>Tom &amp;amp; <b>Jerry</b> don’t.</p>')
  })

  test('an invisible character written as a reference in the source is markup', () => {
    const file = linter.lint({path: 'a.html', value: '<p>A very long com&shy;pound and a break&#8203;point.</p>'})
    expect(found(file.messages)).toEqual([])
    // Written as itself it is damage.
    const literal = linter.lint({path: 'a.html', value: '<p>A break\u200Bpoint.</p>'})
    checkMessages(literal)
    expect(found(literal.messages)).toEqual(['character-damage "\u200B" safe'])
  })

  test('code spans and code blocks are skipped', () => {
    const markdown = ['Run `say "hi` and `donâ€™t &amp;` first.', '', '```', 'He said "open and donâ€™t &amp; \u200B', '```', '', '    Japan"s &amp;', ''].join('\n')
    expect(found(linter.lint({path: 'a.md', value: markdown}).messages)).toEqual([])
    const html = '<p>Run <code>say "hi</code> and <code>donâ€™t &amp;amp;</code>.</p><pre>Japan"s donâ€™t</pre>'
    expect(found(linter.lint({path: 'a.html', value: html}).messages)).toEqual([])
  })

  test('places and fixes in Markdown land on the source', () => {
    const value = '# Port *news*\n\n> “We’re **ready**" she said of Japan"s port.\n\n- It isn \'t *open* yet, the CafÃ© said.\n'
    const file = linter.lint({path: 'a.md', value})
    checkMessages(file)
    expect(found(file.messages)).toEqual(['quotation-marks "\\""', 'quotation-marks "\\"" safe', 'quotation-marks " \'" safe', 'character-damage "Ã©" safe'])
    expect(linter.fix({path: 'a.md', value}).text).toBe('# Port *news*\n\n> “We’re **ready**" she said of Japan’s port.\n\n- It isn\'t *open* yet, the Café said.\n')
  })
})

// Pieces of copy: clean words, real accented and foreign words, and each kind of damage.
const CLEAN = ['the', 'port', 'said', 'officials', 'on', 'Monday', 'talks', 'went', 'well', '5%', '2024', 'rose']
const ACCENTED = ['naïve', 'São Paulo', 'Zürich', 'café', 'façade', 'Dvořák', 'Łódź', 'Straße', 'Ærø', 'œuvre', 'Ångström', 'Citroën', 'señor', 'Malmö', 'crème brûlée', 'Øresund', 'Ýmir', 'Þór', '£5', '€3', '—', '–', '…', '’90s', 'rock ’n’ roll', 'the dockers’ union', '6\'2"', 'a 12" record', '„so“', '©', '°C']
const DAMAGE = ['donâ€™t', 'CafÃ©', 'Â£5', 'â€œ', 'DonÃ¢â‚¬â„¢t', '&amp;', '&nbsp;', '&#8217;', '&#146;', '&eacute;', 'wo\u200Brd', 'co\u00ADoperate', 'Japan"s', 'won"t', "isn 't", 'House ’s', '\u0007', '\uFFFD', 'line^M', 'http://example.com/?a=1&amp;b=2', 'file_n\u200Bame', '"', '“', '”', "'", '’’']

const sentence = (pieces: string[]) =>
  fc.array(fc.constantFrom(...pieces), {minLength: 1, maxLength: 12}).map((words) => words.join(' '))
const copy = (pieces: string[]) =>
  fc
    .array(fc.tuple(sentence(pieces), fc.constantFrom(' ', '\n', '\n\n')), {minLength: 1, maxLength: 5})
    .map((sentences) => sentences.map(([text, gap]) => `${text}.${gap}`).join('').trimEnd())

describe('properties of the fixes', () => {
  test('a fix changes only the spans its messages report, and fixing twice changes nothing', () => {
    let fixedSome = 0
    fc.assert(
      fc.property(copy([...CLEAN, ...ACCENTED, ...DAMAGE]), (text) => {
        const file = linter.lint(text)
        // The first lint's safe edits, applied by hand from the end: the fixer may do no more.
        let expected = text
        const edits = file.messages
          .filter((message) => message.autofix)
          .map((message) => {
            const place = message.place as {start: {offset: number}; end: {offset: number}}
            return {start: place.start.offset, end: place.end.offset, text: message.expected![0]}
          })
          .sort((a, b) => b.start - a.start)
        let floor = Infinity
        for (const edit of edits) {
          if (edit.end > floor) continue
          expected = expected.slice(0, edit.start) + edit.text + expected.slice(edit.end)
          floor = edit.start
        }
        const fixed = linter.fix(text).text
        if (fixed !== text) fixedSome++
        expect(fixed).toBe(expected)
        expect(linter.fix(fixed).text).toBe(fixed)
      }),
      {numRuns: 150}
    )
    // Not a vacuous property: most runs had something to fix.
    expect(fixedSome).toBeGreaterThan(50)
  })

  test('real accented text is never touched', () => {
    fc.assert(
      fc.property(copy([...CLEAN, ...ACCENTED]), (text) => {
        const file = only('character-damage').lint(text)
        expect(found(file.messages)).toEqual([])
        expect(linter.fix(text).text).toBe(text)
      }),
      {numRuns: 150}
    )
  })
})

describe('the damage generator classes of these rules', () => {
  // An invented article with the places each class needs: quotations, contractions, possessives,
  // accented letters, a spaced dash, an ampersand, a number before a unit.
  const article = [
    'Harbour talks resume in Port Lewin',
    '',
    '"We will not give up on the port," the harbour master said on Monday, and the council agreed.',
    '',
    'The dockers\' union said it wasn\'t ready to sign, but the mayor\'s office said talks would go on.',
    '',
    'A café owner near the quay said trade had fallen - and she\'d cut her prices by 5 percent.',
    '',
    '"It\'s been a hard winter for everyone here," she said. "We\'ll see what the spring brings."',
    '',
    'Officials from Lewin & Co said the new crane would arrive in 12 weeks, once the contract is signed.',
    ''
  ].join('\n')
  const ids = ['apostrophe-quote', 'unclosed-quote', 'mismatched-quote', 'apostrophe-space', 'mojibake', 'character-reference', 'zero-width']

  test.each(ids)('%s: every defect it puts in is found, in text, Markdown and HTML', async (id) => {
    const {damageArticle} = await import('../scripts/damage.js')
    const {score} = await import('../scripts/damage/score.js')
    let defects = 0
    for (const format of ['txt', 'md', 'html'] as const) {
      for (let seed = 1; seed <= 15; seed++) {
        const {text, truth} = damageArticle('story.txt', article, {seed: String(seed), rate: 1, format, classes: [id]})
        const file = linter.lint({path: `story.${format}`, value: text})
        for (const result of score(truth, text, file.messages)) {
          defects++
          expect([format, seed, result.defect.span, result.found]).toEqual([format, seed, result.defect.span, true])
        }
      }
    }
    expect(defects).toBe(45)
  })

  test.each(['apostrophe-quote', 'apostrophe-space', 'zero-width'])('%s: fixing plain text restores the article', async (id) => {
    const {damageArticle} = await import('../scripts/damage.js')
    for (let seed = 1; seed <= 15; seed++) {
      const {text} = damageArticle('story.txt', article, {seed: String(seed), rate: 1, format: 'txt', classes: [id]})
      expect(text).not.toBe(article)
      expect(linter.fix(text).text).toBe(article)
    }
  })
})
