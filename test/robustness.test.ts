// No input crashes: the inputs that did (empty HTML, an HTML page that --fix empties, GFM
// literal autolinks, deep nesting, a block too large for the to-nlcst utilities) give messages,
// and random Markdown and HTML structures, deep ones included, never make lint or fix throw.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {VFile} from 'vfile'
import {createLinter, fix, lint} from '../src/index.js'
import {parseMarkdown, shallowLines} from '../src/markup.js'
import {checkMessages} from './helpers/invariants.js'

const linter = createLinter({rules: {'word-echo': 'on'}})

function lintsAndFixes(path: string, value: string): void {
  const file = linter.lint({path, value})
  checkMessages(file)
  const fixed = linter.fix({path, value})
  checkMessages(fixed.file)
}

describe('the inputs that crashed', () => {
  test('empty and white-space-only HTML', () => {
    for (const value of ['', ' ', '\n\n', '\t \r\n ']) {
      expect(lint({path: 'a.html', value}).messages).toEqual([])
      expect(fix({path: 'a.html', value}).text).toBe(value)
    }
  })

  test('a lower-case word of 40,000 letters starting a paragraph (the expression made of it was too large)', () => {
    // As a short one: flagged only where the article writes it with a capital elsewhere.
    const rules = (value: string) => lint({path: 'a.txt', value}).messages.map((message) => message.ruleId).filter((id) => id === 'sentence-start')
    for (const word of ['xanthor', 'x'.repeat(40000)]) {
      const capital = word[0].toUpperCase() + word.slice(1)
      expect([word.length, rules(`${word} went on.\n`), rules(`${word} went on.\n\nThen ${capital} spoke.\n`)]).toEqual([word.length, [], ['sentence-start']])
    }
  })

  test('--fix of an HTML file holding only `Share this article` empties it', () => {
    const result = fix({path: 'a.html', value: 'Share this article'})
    expect(result.text).toBe('')
    expect(result.messages).toEqual([])
  })

  test('Markdown literal autolinks glued to a sentence, and a paragraph that is just `www.`', () => {
    const glued = 'The site moved.www.example.com now'
    const file = lint({path: 'a.md', value: glued})
    checkMessages(file)
    expect(fix({path: 'a.md', value: glued}).text).toBe(glued)
    for (const value of ['www.', 'www.\n', 'Hi.\n\nwww.\n\nwww.example.com.', 'Mail a@b.co.uk.now or see http://x.y']) lintsAndFixes('a.md', value)
  })

  test('what the parsers normalise: a lone CR or CR LF in HTML, NUL, and character references', () => {
    // parse5 reads CR and CR LF as a line feed, and both parsers read NUL as U+FFFD (or drop it):
    // the text no longer matched its source, and a rule read a pair of words that was not there.
    const cases: Array<[string, string, string]> = [
      ['a.html', 'Talks ended\r . he said', 'Talks ended\r. he said'],
      ['a.html', '<p>The talks\r\nthe the end . he said</p>', '<p>The talks\r\nthe end. He said</p>'],
      ['a.html', '<\r . ', '<\r. '],
      ['a.md', '\0the the', '\0the'],
      ['a.md', 'x\0the the talks . he said', 'x\0the talks. He said'],
      ['a.html', '\0the the', '\0the'],
      // Character references the parser decodes without a semicolon (HTML), or not at all, or into
      // two characters: each misaligned every later word.
      ['a.html', '&copy 2024 the the talks', '&copy 2024 the talks'],
      ['a.html', '&#x0the the talks', '&#x0the talks'],
      ['a.html', 'Prices &notin the the talks', 'Prices &notin the talks'],
      ['a.md', '&foo; the the talks', '&foo; the talks'],
      ['a.html', '&foo; the the talks', '&foo; the talks'],
      ['a.md', '&NotEqualTilde; the the talks', '&NotEqualTilde; the talks'],
      // A backslash escapes a reference only from inside the same text: one that ends an autolink
      // escapes nothing after it (this threw), and `\\` is an escaped backslash.
      ['a.md', 'www.example.com\\&NotEqualTilde;    the the talks', 'www.example.com\\&NotEqualTilde;    the talks'],
      ['a.md', 'Ink \\\\&amp; the the talks', 'Ink \\\\&amp; the talks'],
      ['a.html', 'AT&T the the talks', 'AT&T the talks'],
      // Raw text (`<xmp>`, `<iframe>`...) is taken as written: `&amp;` there is five characters of
      // the text, not a reference (read as one, a rule inside a heading reported past its block).
      ['a.html', '<h1><xmp>a &amp; b" the the talks', '<h1><xmp>a & b" the talks'],
      ['a.html', '<h1><iframe>"a &amp; b" the the talks', '<h1><iframe>"a & b" the talks'],
      // parse5 starts a text that opens with a reference after white space or NUL it dropped at
      // the reference's last character (this threw).
      ['a.html', '\n&amp;amp; the the talks', '\n&amp;amp; the talks'],
      ['a.html', ' &lt;b the the talks', ' &lt;b the talks'],
      ['a.html', '<p>\0&amp;x the the talks', '<p>\0&amp;x the talks'],
      ['a.html', '\n&notit;x the the talks', '\n&notit;x the talks'],
      // micromark counts offsets from after a byte-order mark that starts the text (this threw).
      ['a.md', '\uFEFFthe the talks“', '\uFEFFthe talks“'],
      ['a.md', '\uFEFF# Talks“\n\nThe the end. he said', '\uFEFF# Talks“\n\nThe end. He said'],
      // Words a reference for white space parts: each threw in repeated-words, which split the
      // pair's source at white space only (the pair is suggested, as a span with markup is).
      ['a.md', 'Talks on the&nbsp;the rail', 'Talks on the&nbsp;the rail'],
      ['a.html', 'Talks on the&#32;the rail', 'Talks on the&#32;the rail'],
      ['a.md', '<i>the the</i>&nbsp;the the talks', '<i>the</i>&nbsp;the talks'],
      // Foster parenting puts the `<title>` into the `<p>` before the table, out of source order:
      // the paragraph's span was from its first child to its last, and word-echo threw.
      ['a.html', '<p><table>\n<title><title><title><title><title>', '<p><table>\n<title><title><title><title><title>']
    ]
    for (const [path, value, fixed] of cases) {
      lintsAndFixes(path, value)
      expect([path, value, fix({path, value}).text]).toEqual([path, value, fixed])
    }
  })

  test('4,000 nested `>`, 2,000 nested `<div>`, and other deep structure', () => {
    const cases: Array<[string, string]> = [
      ['a.md', `${'>'.repeat(4000)} the the talks. . he said`],
      ['a.md', `${'> '.repeat(4000)}the the talks. . he said`],
      ['a.md', Array.from({length: 400}, (_, depth) => `${'  '.repeat(depth)}- the the item`).join('\n')],
      ['a.html', `${'<div>'.repeat(2000)}the the talks. . he said`],
      ['a.html', `<p>${'<b>'.repeat(3000)}the the talks. . he said</p>`],
      ['a.html', `${'<div><p>'.repeat(1500)}Officials met. he said`]
    ]
    // Raw text below the flattened depth keeps its element, so its `&AMP;` is still read as written
    // (flattened into a `<div>`, it was read as a reference and a rule reported past its block).
    for (const tag of ['plaintext', 'xmp']) checkMessages(linter.lint({path: 'a.html', value: `${'<div>'.repeat(300)}<${tag}>&AMP; the the talks`}))
    for (const [path, value] of cases) {
      const file = linter.lint({path, value})
      checkMessages(file)
      // The text at the bottom of the nesting is still linted.
      expect([path, value.slice(0, 12), file.messages.some((message) => message.ruleId === 'repeated-words' || message.ruleId === 'sentence-start')]).toEqual([path, value.slice(0, 12), true])
    }
    // One of them fixed too: the repair lands at the bottom of the nesting.
    const html = `${'<div>'.repeat(2000)}the the talks`
    expect(linter.fix({path: 'a.html', value: html}).text).toBe(`${'<div>'.repeat(2000)}the talks`)
  })

  test('a line that opens thousands of lists keeps its offsets and its first 64 levels', () => {
    // micromark's time grows with the square of one line's list nesting: past 64 levels the
    // markers are read as spaces (indented content), so every later offset is unchanged.
    for (const marker of ['- ', '* ', '1. ', '> - ']) {
      const line = `${marker.repeat(3000)}the the talks`
      const value = `Officials met. he said\n\n${line}\n\nThe the end`
      const shallow = shallowLines(value)
      expect(shallow.length).toBe(value.length)
      const tail = 'the the talks\n\nThe the end'
      expect(shallow.endsWith(` ${tail}`)).toBe(true)
      expect(shallow.startsWith(`Officials met. he said\n\n${marker.repeat(64)}`)).toBe(true)
      const file = linter.lint({path: 'a.md', value})
      checkMessages(file)
      // Text before and after the deep line is still linted (and, under block quotes that stay
      // open, the text at its bottom).
      const lines = file.messages.filter((message) => message.ruleId === 'sentence-start' || message.ruleId === 'repeated-words').map((message) => message.line)
      expect(lines).toEqual(marker.startsWith('>') ? [1, 3, 5] : [1, 5])
    }
    // Short nesting is left exactly as written.
    const ordinary = '- a\n  - b\n    1. c\n> - d - e\n'
    expect(shallowLines(ordinary)).toBe(ordinary)
  })

  test('a block of more tokens than the to-nlcst utilities can spread (as `[a](` 40,000 times)', () => {
    // 140,000 tokens in one paragraph overflowed `push(...tokens)`; the second try cuts the text
    // into parts, and every leaf still points at its own text. (`[a](` itself takes micromark
    // half a minute at that size, so a shape with as many tokens stands in for it here.)
    for (const [value, parse] of [
      ['a '.repeat(70000), parseMarkdown]
    ] as const) {
      const {tree} = parse(value, new VFile(value))
      let leaves = 0
      const stack: Array<{value?: string; children?: unknown[]; position?: {start: {offset?: number}; end: {offset?: number}}}> = [tree]
      while (stack.length > 0) {
        const node = stack.pop()!
        if (typeof node.value === 'string') {
          leaves++
          expect(value.slice(node.position!.start.offset, node.position!.end.offset)).toBe(node.value)
        }
        for (const child of node.children ?? []) stack.push(child as typeof node)
      }
      expect(leaves).toBeGreaterThan(100000)
    }
  })
})

// Random Markdown and HTML structure: containers nested at random, deep runs of them, damage and
// tokens as text.
const TEXT = ['the the talks', 'Japan. he said', ' . , ', 'www.', 'www.example.com', 'moved.www.x.org', '/a/../b', '.NET', 'e.g.', 'x', 'Share this article', '', ' ', '\n', '\n\n', '&amp;', '&nbsp;', '😀', 'a@b.co', '\r', '\r\n', '\0', '&#0;', '&copy ', '&#x0', '&foo;', '&NotEqualTilde;', '&not', 'AT&T']
const MARKDOWN_OPEN = ['> ', '- ', '1. ', '# ', '* ', '[', '](', ')', '`', '**', '_', '~~', '<div>', '</div>', '| a | b |\n|---|---|\n| ', '    ', '```\n', '---\n', '![', '\\']
const HTML_OPEN = ['<div>', '</div>', '<p>', '</p>', '<b>', '</b>', '<a href="https://x.org">', '</a>', '<noscript>', '</noscript>', '<head>', '<title>', '</title>', '<code>', '<pre>', '<script>', '<table><tr><td>', '<li>', '<br>', '<!--', '-->', '<svg>', '<template>', '</']
const deep = (pieces: string[]) => fc.tuple(fc.constantFrom(...pieces), fc.integer({min: 50, max: 400})).map(([piece, times]) => piece.repeat(times))
const document = (pieces: string[]) =>
  fc.array(fc.oneof({weight: 6, arbitrary: fc.constantFrom(...TEXT, ...pieces)}, {weight: 1, arbitrary: deep(pieces)}), {maxLength: 30}).map((parts) => parts.join(''))

test('a doubled word whose space is a character reference is found, and only suggested', () => {
  for (const [path, value] of [['a.md', 'Talks on the&nbsp;the rail'], ['a.html', 'Talks on the&ensp;&nbsp; the rail']]) {
    const found = lint({path, value}).messages.filter((message) => message.ruleId === 'repeated-words')
    expect(found.map((message) => [message.actual, message.expected, Boolean(message.autofix)])).toEqual([[value.slice(9, -5), ['the'], false]])
  }
})

describe('random structure never makes lint or fix throw (property)', () => {
  test('Markdown', () => {
    fc.assert(
      fc.property(document(MARKDOWN_OPEN), (value) => lintsAndFixes('a.md', value)),
      {numRuns: 40}
    )
  })

  test('HTML', () => {
    fc.assert(
      fc.property(document(HTML_OPEN), (value) => lintsAndFixes('a.html', value)),
      {numRuns: 40}
    )
  })
})
