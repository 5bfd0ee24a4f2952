// Safe fixes leave tokens alone: addresses, e-mail addresses, domain names, paths, versions,
// decimals and code-like tokens survive `fix` byte for byte, in plain text, Markdown and HTML,
// and a fix never glues one onto its neighbour (`it. .NET` is not `it.NET`).
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {createLinter, fix, lint, scanTokens} from '../src/index.js'
import {fixEffect, forEachRun, scanLines} from '../src/tokens.js'
import {ownCopy} from '../src/text.js'
import {checkMessages} from './helpers/invariants.js'
import {heapAfterGc} from './helpers/heap.js'

const tokensOf = (text: string) => scanTokens(text).map((token) => `${token.kind}:${text.slice(token.start, token.end)}`)

describe('scanTokens', () => {
  test('finds each kind, without the punctuation around it', () => {
    const text =
      'See https://example.com/search?q=red,blue, (www.example.org/a) or example.com. Write to a.b@example.com, ' +
      'open /a/../b, C:\\x\\y and ./x; version 1.2.3 and v2.0, 3.14 and .5, 10:30; .NET, node.js and ASP.NET, e.g. this, ' +
      'bbc.co.uk and [the notes](https://example.com/wiki/Go_(game)).'
    expect(tokensOf(text)).toEqual([
      'url:https://example.com/search?q=red,blue',
      'url:www.example.org/a',
      'url:example.com',
      'email:a.b@example.com',
      'path:/a/../b',
      'path:C:\\x\\y',
      'path:./x',
      'number:1.2.3',
      'number:v2.0',
      'number:3.14',
      'number:.5',
      'number:10:30',
      'code:.NET',
      'url:node.js',
      'code:ASP.NET',
      'code:e.g.',
      'url:bbc.co.uk',
      'url:https://example.com/wiki/Go_(game)'
    ])
  })

  test('a sentence run into the next is not a token, so it is still repaired', () => {
    expect(tokensOf('The talks.The minister, Japan.He said, it ended..Then')).toEqual([])
    expect(fix('The talks ended.The minister left.').text).toBe('The talks ended. The minister left.')
  })

  // Issue 9: the expression that finds runs kept a backtracking entry per character, and a run of
  // twelve million commas (a 12 MB file, under the default size limit) overflowed the stack.
  test('a run of twelve million marks is read without overflowing the stack', () => {
    const text = `x${','.repeat(12_000_000)} see example.com`
    expect(scanTokens(text).map((token) => text.slice(token.start, token.end))).toEqual(['example.com'])
  })

  // The runs were once found by one expression (below, as it was): the loop that replaced it
  // (its backtracking overflowed the stack on a long run once V8 compiled it) finds the same runs.
  test('the runs are those the former expression found (property)', () => {
    const former = /&(?:amp;)*(?:#x?[\da-f]+|[a-z][a-z\d]*);|(?:[^\s<>"“”‘’«»`|&]+|&(?!(?:#x?[\da-f]+|[a-z][a-z\d]*);))+/giu
    const entity = /^&(?:amp;)*(?:#x?[\da-f]+|[a-z][a-z\d]*);$/iu
    const piece = fc.constantFrom('a', 'B', '.', ',', ' ', '\n', '\t', '\u00a0', '\u2003', '\ufeff', '<', '>', '"', '“', '’', '«', '`', '|', '&', '&amp;', '&#x27;', '&#8217;', '&nbsp;', ';', '#', 'x', '1', '(', ']', '😀', 'é')
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}).map((parts) => parts.join('')), fc.nat(3), fc.nat(3), (text, cutStart, cutEnd) => {
        const from = Math.min(cutStart, text.length)
        const to = Math.max(from, text.length - cutEnd)
        // Callers never cut a character in two.
        const low = (index: number) => /[\udc00-\udfff]/u.test(text[index] ?? '')
        fc.pre(!low(from) && !low(to))
        const expected: Array<[number, number]> = []
        former.lastIndex = from
        const slice = text.slice(0, to)
        for (let match = former.exec(slice); match; match = former.exec(slice)) {
          if (!(match[0].startsWith('&') && entity.test(match[0]))) expected.push([match.index, match.index + match[0].length])
        }
        const found: Array<[number, number]> = []
        forEachRun(text, from, to, (start, end) => found.push([start, end]))
        expect(found).toEqual(expected)
      }),
      {numRuns: 3000, examples: [['&amp;a;', 0, 1]]}
    )
  })

  test('a path that ends in `..` keeps its dots before a period', () => {
    expect(tokensOf('Go up to /a/... Then stop.')).toEqual(['path:/a/..'])
  })
})

describe('fixEffect', () => {
  const effect = (text: string, find: string, replacement: string) => {
    const start = text.indexOf(find)
    return fixEffect(text, scanTokens(text), {start, end: start + find.length}, replacement)
  }

  test('cutting into a token, replacing one, gluing onto one, or leaving them alone', () => {
    expect(effect('Microsoft shipped it. .NET 8 is faster.', ' .', '')).toBe('cuts')
    expect(effect('open /a/../b now', '..', '.')).toBe('cuts')
    expect(effect('see example.com example.com', 'example.com example.com', 'example.com')).toBe('changes')
    expect(effect('Microsoft shipped it. .NET 8', '. ', '')).toBe('changes')
    expect(effect('It rose 2.5 % on Monday', ' %', '%')).toBe('keeps')
    expect(effect('Write to a.b@example.com,please', ',', ', ')).toBe('keeps')
    expect(effect('Visit example.com ..', ' ..', '.')).toBe('keeps')
  })
})

describe('the quoted examples of the issue', () => {
  test('plain text', () => {
    for (const text of [
      'Microsoft shipped it. .NET 8 is faster.',
      'They moved it. .com addresses cost more.',
      'Search https://example.com/search?q=red,blue for it.',
      'Search example.com/search?q=red,blue for it.',
      'The file is at /a/../b today.',
      'Copy C:\\x\\..\\y and ./x first.',
      'Release 1.2.3 is out. It costs 3.50 dollars.',
      'We use node.js, ASP.NET and .NET, e.g. daily.',
      'Mail me at news.desk@example.co.uk,he said.'.replace(',he', ', he')
    ]) {
      const result = fix(text)
      expect([text, result.text]).toEqual([text, text])
    }
  })

  test('damage beside a token is still repaired where the token survives', () => {
    expect(fix('Prices rose 2.5 % on Monday. . Then they fell.').text).toBe('Prices rose 2.5% on Monday. Then they fell.')
    expect(fix('Write to a.b@example.com,please.').text).toBe('Write to a.b@example.com, please.')
    expect(fix('Officials met. he said www.example.com was down.').text).toBe('Officials met. He said www.example.com was down.')
  })

  test('Markdown', () => {
    const text = 'Microsoft shipped it. .NET 8 is faster.\n\nSee https://example.com/search?q=red,blue and /a/../b.\n'
    expect(fix({path: 'a.md', value: text}).text).toBe(text)
  })

  test('HTML: a link whose text is its address, inside and outside <p>', () => {
    const link = '<a href="https://example.com/search?q=red,blue">https://example.com/search?q=red,blue</a>'
    for (const html of [`<p>See ${link} now.</p>`, `<div>${link}</div>`, `<li>${link}</li>`, `<body>${link}</body>`]) {
      const file = lint({path: 'a.html', value: html})
      checkMessages(file)
      expect([html, file.messages.map((message) => message.ruleId)]).toEqual([html, []])
      expect(fix({path: 'a.html', value: html}).text).toBe(html)
    }
  })
})

describe('HTML that is not prose is never linted, and never fixed', () => {
  const DAMAGE = 'the the . . talks. .'
  test('<noscript> at the start of a document and in <head>', () => {
    for (const html of [
      `<noscript>${DAMAGE}</noscript><p>Officials met on Monday.</p>`,
      `<html><head><noscript>${DAMAGE}</noscript></head><body><p>Officials met on Monday.</p></body></html>`,
      `<p>Officials met on Monday.</p><noscript>${DAMAGE}</noscript>`
    ]) {
      expect([html, lint({path: 'a.html', value: html}).messages]).toEqual([html, []])
      expect(fix({path: 'a.html', value: html}).text).toBe(html)
    }
  })

  test('<script>, <style>, <code>, <pre>, attribute values', () => {
    const html = [
      `<html><head><style>/* ${DAMAGE} */</style><script>var a = "${DAMAGE}"</script></head><body>`,
      `<p title="${DAMAGE}" data-x="${DAMAGE}">Run <code>${DAMAGE}</code> first.</p>`,
      `<pre>${DAMAGE}</pre><script>var b = "${DAMAGE}"</script>`,
      '</body></html>'
    ].join('')
    expect(lint({path: 'a.html', value: html}).messages).toEqual([])
    expect(fix({path: 'a.html', value: html}).text).toBe(html)
  })

  test('raw HTML in Markdown: <code>, <kbd>, <noscript> and the like hold no prose, closed or not', () => {
    const markdown = 'Run <code>the the . .</code> first. Press <KBD class="k">the the</KBD> . he said\n\n<noscript>the the . .</noscript>\n\nThen <samp>the the . ,'
    expect(fix({path: 'a.md', value: markdown}).text).toBe(markdown.replace('</KBD> . he', '</KBD>. He'))
    expect(lint({path: 'a.md', value: markdown}).messages.map((message) => message.actual)).toEqual([' .'])
  })

  test('<head>: the title is linted, but its fixes are only offered', () => {
    const html = '<html><head><title>Talks went well. . he said</title></head><body><p>Officials met. . he said so.</p></body></html>'
    const file = lint({path: 'a.html', value: html})
    checkMessages(file)
    const inTitle = file.messages.filter((message) => message.place && 'start' in message.place && message.place.start.offset! < html.indexOf('</head>'))
    expect(inTitle.length).toBeGreaterThan(0)
    for (const message of inTitle) expect(message.autofix).toBeFalsy()
    expect(fix({path: 'a.html', value: html}).text).toBe(html.replace('met. . he said so', 'met. He said so'))
  })
})

// Tokens dropped into generated sentences, with generated damage on either side.
const TOKENS = [
  'https://example.com/search?q=red,blue', 'http://example.org/a.b.Cd', 'www.example.org', 'example.com', 'bbc.co.uk',
  'a.b@example.com', '/a/../b', '/a/..', 'C:\\x\\y', './x', '../up/file.txt', '~/notes.md', '1.2.3', 'v2.0.1', '3.14',
  '.5', '10:30', '1,000', '.NET', '.com', 'node.js', 'ASP.NET', 'e.g.', 'i.e.', 'U.S.'
]
const BEFORE = [' ', '. ', '. . ', 'it. ', ' (', '\n', ', ', ' , ', 'the the ', 'Japan. he said ']
const AFTER = [' ', '. ', ', ', '. . ', ' . ', ' , ', '.. ', ') ', ' % ', '. he said ', ' the the ', ',then ', '\n']
const WORDS = ['Officials met', 'the talks went on', 'he said', 'democratically-governed', 'Microsoft shipped it', 'There', 'officials. there, including']
const sentence = fc
  .array(fc.oneof(fc.constantFrom(...WORDS), fc.tuple(fc.constantFrom(...BEFORE), fc.constantFrom(...TOKENS), fc.constantFrom(...AFTER)).map((parts) => parts.join(''))), {minLength: 1, maxLength: 12})
  .map((parts) => parts.join(' '))

function occurrences(text: string, token: string): number {
  return text.split(token).length - 1
}

function asTokens(text: string, token: string): number {
  return scanTokens(text).filter((found) => text.slice(found.start, found.end) === token).length
}

describe('fix keeps every token byte for byte (property)', () => {
  const linter = createLinter()
  for (const path of ['a.txt', 'a.md']) {
    test(path, () => {
      fc.assert(
        fc.property(sentence, (text) => {
          const fixed = linter.fix({path, value: text}).text
          for (const token of TOKENS) {
            // Not one byte of a token changes, and none is glued onto a neighbour (a fix may
            // free one: `bbc.co.uk,then` becomes `bbc.co.uk, then`).
            expect([text, token, occurrences(fixed, token)]).toEqual([text, token, occurrences(text, token)])
            expect([text, token, asTokens(fixed, token) >= asTokens(text, token)]).toEqual([text, token, true])
          }
        }),
        {numRuns: 120}
      )
    })
  }
})

// Generated tokens, not a fixed list: any address, e-mail address (every character RFC 5322
// allows unquoted in its local part), domain, path (`/..` and `dir/..` included), version or
// decimal, in damaged generated sentences, in plain text, Markdown and HTML.
describe('fix keeps generated tokens byte for byte (property)', () => {
  const linter = createLinter()
  const segment = fc.stringMatching(/^[a-z0-9]{1,6}$/u)
  const generated = fc.oneof(
    // A trailing period or comma is sentence punctuation after an address, not part of it.
    fc.webUrl({withQueryParameters: true, withFragments: true}).filter((url) => !/[.,;:!?'*_~)\]}]$/u.test(url)),
    // Backquotes, bars and double quotes end a run of text (they quote or fence code).
    fc.emailAddress().filter((address) => !/[`|"]/u.test(address)),
    fc.domain(),
    fc
      .tuple(fc.constantFrom('/', './', '../', '~/', 'C:\\'), fc.array(fc.oneof(segment, fc.constantFrom('..', '.')), {minLength: 1, maxLength: 4}), fc.constantFrom('', '.txt', '/'))
      .map(([start, parts, end]) => start + parts.join(start === 'C:\\' ? '\\' : '/') + end),
    fc.tuple(fc.nat(99), fc.nat(99), fc.nat(99), fc.boolean()).map(([a, b, c, v]) => `${v ? 'v' : ''}${a}.${b}.${c}`),
    fc.tuple(fc.nat(999), fc.nat(999)).map(([a, b]) => `${a}.${b}`),
    fc.nat(999).map((b) => `.${b}`),
    fc.constantFrom('.NET', 'node.js', 'e.g.', 'i.e.', 'ASP.NET', 'Vue.js', 'U.S.', '.com', 'obj.method()', 'foo_bar.baz', 'C++', 'C#', '/..', 'dir/..')
  )
  const before = [' ', '. ', '. . ', 'it. ', ' (', '\n', ', ', ' , ', 'the the ', 'Japan. he said ', ' . ', '\n\n']
  const after = [' ', '. ', ', ', '. . ', ' . ', ' , ', '.. ', ') ', ' % ', '. he said ', ' the the ', ',then ', '\n', ';', '!']
  const piece = fc.oneof(fc.constantFrom(...WORDS).map((word) => ({text: word, token: undefined})), fc.tuple(fc.constantFrom(...before), generated, fc.constantFrom(...after)).map(([a, token, b]) => ({text: a + token, token, after: b})))
  const escape = (text: string) => text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;')
  for (const path of ['a.txt', 'a.md', 'a.html']) {
    test(path, () => {
      fc.assert(
        fc.property(fc.array(piece, {minLength: 1, maxLength: 8}), (pieces) => {
          const text = pieces.map((part) => part.text + ('after' in part ? part.after : '')).join(' ')
          const value = path === 'a.html' ? `<p>${escape(text)}</p>` : text
          const fixed = linter.fix({path, value}).text
          for (const {token} of pieces) {
            if (token === undefined) continue
            const written = path === 'a.html' ? escape(token) : token
            expect([value, written, occurrences(fixed, written) >= occurrences(value, written)]).toEqual([value, written, true])
          }
        }),
        {numRuns: 80}
      )
    })
  }

  test('the shapes it found: `/..` before a token, and an e-mail address with `$` or `\'` in its local part', () => {
    expect(fix('Go to /.. .NET now.').text).toBe('Go to /.. .NET now.')
    expect(fix('Go to dir/.. .NET now.').text).toBe('Go to dir/.. .NET now.')
    expect(fix("Japan. he$a.b@example.com wrote. Japan. o'brien@example.com wrote.").text).toBe("Japan. he$a.b@example.com wrote. Japan. o'brien@example.com wrote.")
  })
})

describe('a mark closed up after an address stays apart from what follows', () => {
  // Closing `www.example.org ,&c` would give `www.example.org,&c`, which a linkifier reads as one
  // longer address; GFM keeps a trailing `;` in an address. Found by a fuzzer on Markdown, where
  // the address is opaque in the prose.
  const linter = createLinter()
  for (const path of ['a.txt', 'a.md', 'a.html']) {
    test(path, () => {
      for (const value of ['See www.example.org ,&c now.', 'See https://example.org/a/ ![x now.', 'Write to desk@example.org ; we answer.']) {
        const fixed = linter.fix({path, value}).text
        expect([path, value, fixed]).toEqual([path, value, value])
        const message = linter.lint({path, value}).messages.find((found) => found.ruleId === 'stray-punctuation')
        expect([path, value, message?.autofix, message?.expected?.length]).toEqual([path, value, undefined, 1])
      }
      // Followed by white space (a comma) or a word (a space is added), the repair is still safe.
      expect(linter.fix({path, value: 'See www.example.org , now.'}).text).toBe('See www.example.org, now.')
      expect(linter.fix({path, value: 'See www.example.org ,now.'}).text).toBe('See www.example.org, now.')
    })
  }
})

describe('what the caches of lines and words keep', () => {
  test('a line remembered by scanLines keeps nothing of the text it was cut from', () => {
    // V8 makes a slice of 13 characters or more a view into the whole string: a remembered line
    // kept the whole document alive, each version an editor sent.
    const heap = heapAfterGc
    const before = heap()
    ;(() => {
      // (the long line is scanned, not remembered; the short one is remembered)
      const text = `A short first line, v1.2 here\n${'z'.repeat(20_000_000)}`
      expect(scanLines(text).length).toBeGreaterThan(0)
    })()
    expect(heap() - before).toBeLessThan(5_000_000)
  })

  test('ownCopy copies a string exactly', () => {
    fc.assert(fc.property(fc.string({unit: 'binary', maxLength: 40}), fc.nat(40), (text, cut) => expect(ownCopy(text.slice(cut))).toBe(text.slice(cut))))
  })
})
