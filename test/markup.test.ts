// Markdown and HTML copy: only prose is linted, structure feeds the article model, fixes land on
// the source without touching markup, the seed article as Markdown behaves as the plain text,
// and the preset works inside a remark pipeline.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {readFileSync} from 'node:fs'
import {remark} from 'remark'
import remarkRetext from 'remark-retext'
import {retext} from 'retext'
import {VFile} from 'vfile'
import {copydesk, createLinter, fix, lint} from '../src/index.js'
import {GFM, joinedData, linearAttention, MarkupParser, MAX_DEPTH, parseMarkdown} from '../src/markup.js'
import {hintAt, hintFinder, type BlockKind} from '../src/article.js'
import {toNlcst} from 'mdast-util-to-nlcst'
import {ParseEnglish} from 'parse-english'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {gfm} from 'micromark-extension-gfm'
import {toString as mdastToString} from 'mdast-util-to-string'
import {checkMessages} from './helpers/invariants.js'

const summary = (file: VFile) => file.messages.map((message) => `${message.ruleId} ${JSON.stringify(message.actual)}`)
const DAMAGE = 'Japan. he said . , the the democratically-governed talks. .'

describe('formats', () => {
  test('from the file name: .md and .markdown are Markdown, .html and .htm HTML, the rest text', () => {
    const heading = '# Talks went well\n\nOfficials met on Monday.'
    // As Markdown the `#` line is the headline; as text it is a paragraph that starts with `#`.
    for (const path of ['a.md', 'a.markdown']) expect(lint({path, value: heading}).data.copydesk?.format).toBe('markdown')
    for (const path of ['a.html', 'a.htm']) expect(lint({path, value: '<p>Hi.</p>'}).data.copydesk?.format).toBe('html')
    for (const path of ['a.txt', 'a', undefined]) expect(lint({path, value: 'Hi.'}).data.copydesk?.format).toBe('text')
  })

  test('the `format` option overrides the file name', () => {
    const markdown = createLinter({format: 'markdown'})
    const file = markdown.lint({path: 'story.txt', value: 'Run `npm test. he` first.'})
    expect(file.data.copydesk?.format).toBe('markdown')
    expect(file.messages).toEqual([])
    expect(lint({path: 'story.txt', value: 'Run `npm test. he` first.'}).messages.map((message) => message.ruleId)).toEqual(['sentence-start'])
  })
})

describe('what is not prose is never flagged and never changed', () => {
  const markdown = [
    '---',
    `title: "${DAMAGE}"`,
    '---',
    '',
    '# Talks in Tokyo went well',
    '',
    `Officials met in Tokyo, see <https://example.com/a.b.Cd> and www.example.com/x.Y and [the notes](https://example.com/${encodeURIComponent('he. said')} "${DAMAGE}").`,
    '',
    `They ran \`${DAMAGE}\` first. ![${DAMAGE}](pic.png)`,
    '',
    '```text',
    DAMAGE,
    '```',
    '',
    `    ${DAMAGE}`,
    '',
    `<div class="${DAMAGE}">${DAMAGE}</div>`,
    ''
  ].join('\n')

  test('Markdown: front matter, code, inline code, autolinks, destinations, titles, images, raw HTML', () => {
    const file = lint({path: 'a.md', value: markdown})
    checkMessages(file)
    expect(summary(file)).toEqual([])
    expect(fix({path: 'a.md', value: markdown}).text).toBe(markdown)
  })

  const html = [
    '<!doctype html>',
    `<html><head><title>Talks in Tokyo went well</title><style>p::after { content: "${DAMAGE}" }</style></head>`,
    `<body><h1 title="${DAMAGE}">Talks in Tokyo went well</h1>`,
    `<p data-x="${DAMAGE}">Officials met in Tokyo, see <a href="https://example.com/a.b.Cd">https://example.com/a.b.Cd</a> and <code>${DAMAGE}</code>.</p>`,
    `<pre>${DAMAGE}</pre><script>const text = "${DAMAGE}"</script>`,
    `<img alt="${DAMAGE}" src="a.png"><kbd>${DAMAGE}</kbd>`,
    '</body></html>'
  ].join('\n')

  test('HTML: attributes, <script>, <style>, <code>, <pre>, <kbd>, address links', () => {
    const file = lint({path: 'a.html', value: html})
    checkMessages(file)
    expect(summary(file)).toEqual([])
    expect(fix({path: 'a.html', value: html}).text).toBe(html)
  })

  test('the prose around them is linted, with source positions', () => {
    const file = lint({path: 'a.html', value: '<html><body><p>Officials met in <b>Tokyo</b>. he said so.</p></body></html>'})
    expect(summary(file)).toEqual(['sentence-start "he"'])
    expect(file.messages[0].place).toEqual({start: {line: 1, column: 47, offset: 46}, end: {line: 1, column: 49, offset: 48}})
    expect(fix({path: 'a.html', value: '<p>Officials met in <b>Tokyo</b>. he said so.</p>'}).text).toBe('<p>Officials met in <b>Tokyo</b>. He said so.</p>')
  })
})

describe('structure feeds the article model', () => {
  test('Markdown: the first `#` heading is the headline, headings and list items need no period', () => {
    const value = [
      '# Philippines and Japan agree on talks',
      '',
      '## the second term plans',
      '',
      '- the first point, without a period',
      '- Overall',
      '',
      '> the quotation starts in lower case',
      '',
      'Officials in Tokyo said the talks went well. Japan agreed.'
    ].join('\n')
    const file = lint({path: 'a.md', value})
    expect(summary(file)).toEqual(['headline-mismatch "Philippines"', 'sentence-start "the"'])
    // The subheading starts in lower case; list items may, and so may an embedded post quoted as a
    // block quotation, which is written as its author wrote it.
    expect(file.messages.slice(1).map((message) => message.place && 'start' in message.place && message.place.start.line)).toEqual([3])
  })

  test('HTML: <title> is the headline, <li> a list item, <h2> a subheading', () => {
    const value = '<title>Philippines and Japan agree</title><h1>Japan agrees</h1><h2>Talks and plans</h2><ul><li>the point<li>Overall</ul><p>Officials in Tokyo met. Japan agreed.</p>'
    expect(summary(lint({path: 'a.html', value}))).toEqual(['headline-mismatch "Philippines"'])
  })
})

describe('fixes on the source', () => {
  test('an edit that would cross markup is only suggested', () => {
    const value = 'Biden met Kishida. Biden said so. Later, Biden left.\n\nWith the support of *Bide*nn the talks went on.'
    const file = lint({path: 'a.md', value})
    const typo = file.messages.find((message) => message.ruleId === 'name-consistency')!
    expect(typo.actual).toBe('Bide*nn')
    expect(typo.autofix).toBeUndefined()
    expect(typo.expected).toEqual(['Biden'])
    expect(fix({path: 'a.md', value}).text).toBe(value)
    // The same typo without markup in it is fixed.
    expect(fix({path: 'a.md', value: value.replace('*Bide*nn', 'Bidenn')}).text).toBe(value.replace('*Bide*nn', 'Biden'))
  })

  test('an edit across a quotation marker or an indentation is only suggested', () => {
    const quoted = '> Officials met the ministers.\n> there, including Mr Akiba, they talked.'
    const message = lint({path: 'a.md', value: quoted}).messages.find((found) => found.ruleId === 'sentence-start')!
    expect(message.actual).toBe('.\n> there')
    expect(message.autofix).toBeUndefined()
    expect(message.expected).toEqual(['\nthere'])
    expect(fix({path: 'a.md', value: quoted}).text).toBe(quoted)
    // Within one line of the quotation, nothing but prose is in the span: the fix applies.
    const inline = '> Officials met them. there, including Mr Akiba.\n'
    expect(fix({path: 'a.md', value: inline}).text).toBe('> Officials met them there, including Mr Akiba.\n')
  })

  test('an entity is one character of prose but never half an edit', () => {
    const value = '<p>Officials met Tom &amp; Jerry &amp; others.</p>'
    const file = createLinter({format: 'html'}).lint(value)
    expect(file.messages).toEqual([])
    const block = lint({path: 'a.html', value: '<p>Tom &amp; Jerry met. he said so.</p>'})
    expect(summary(block)).toEqual(['sentence-start "he"'])
  })

  test('escapes and entities keep positions on the source', () => {
    const markdown = 'Prices rose 5\\* in *May*. he said so, &amp; more.'
    const file = lint({path: 'a.md', value: markdown})
    expect(summary(file)).toEqual(['sentence-start "he"'])
    expect(fix({path: 'a.md', value: markdown}).text).toBe('Prices rose 5\\* in *May*. He said so, &amp; more.')
    const html = '<p>Tom &amp; Jerry met &lt;here&gt;. he said so.</p>'
    expect(fix({path: 'a.html', value: html}).text).toBe('<p>Tom &amp; Jerry met &lt;here&gt;. He said so.</p>')
  })

  // Markdown built from blocks and inline pieces, damage included.
  const inline = fc.constantFrom(
    'Officials met', ' ', '. ', 'he said', 'the the', ' ,', ' .', '. .', 'Japan. he remains', 'democratically-governed',
    '*Tokyo*', '**talks**', '`code. he`', '[link](https://example.com/x.Y "t. he")', '<https://example.com/a.B>', '_it_', '\\*', '&amp;'
  )
  const paragraph = fc.array(inline, {minLength: 1, maxLength: 10}).map((pieces) => pieces.join(''))
  const block = fc.oneof(
    paragraph,
    paragraph.map((text) => `# ${text}`),
    paragraph.map((text) => `## ${text}`),
    paragraph.map((text) => `- ${text}`),
    paragraph.map((text) => `> ${text}`),
    paragraph.map((text) => '```\n' + text + '\n```')
  )
  const document = fc.array(block, {minLength: 1, maxLength: 6}).map((blocks) => blocks.join('\n\n'))
  const MARKUP = ['*', '`', '[', ']', '(', ')', '<', '>', '#', '_', '\\', '&', '\n']

  test('property: fixing twice changes nothing, markup and code never change', () => {
    const linter = createLinter({format: 'markdown'})
    fc.assert(
      fc.property(document, (value) => {
        const file = linter.lint(value)
        checkMessages(file)
        const once = linter.fix(value).text
        expect(linter.fix(once).text).toBe(once)
        for (const mark of MARKUP) expect([mark, once.split(mark).length]).toEqual([mark, value.split(mark).length])
        const code = (text: string) => text.match(/`[^`\n]*`|\]\([^)]*\)|<https?:[^>]*>|```[\s\S]*?```/gu) ?? []
        expect(code(once)).toEqual(code(value))
      }),
      {numRuns: 100}
    )
  })
})

describe('micromark with data tokens joined as they are made, footnote calls tried only with a definition', () => {
  const parse = (value: string, joined: boolean) =>
    fromMarkdown(value, {extensions: joined ? [GFM, joinedData] : [gfm()], mdastExtensions: [gfmFromMarkdown()]})
  // Marks that start constructs, and the ones that fail to (`a * b`, `x_y`, `[a](`, a lone `]`).
  const piece = fc.constantFrom(
    'a', 'Talks', ' ', '\n', '\n\n', '*', '_', '~', '[', ']', '(', ')', '!', '^', '&', '&amp;', '&foo;', '\\', '`', '<', '>', '@',
    '.', '-', '+', ':', '|', '#', '1', 'www.', 'http://', 'x@y.org', '[^1]', '[^1]: ', '[a]: /u', '  \n', '- ', '> '
  )
  test('property: the tree is the same as with plain GFM, positions included', () => {
    // Footnote calls, which a property rarely builds: after `!`, and defined after the call.
    for (const value of ['See ![^1] and [^1].\n\n[^1]: A note.', '![^a] ] x\n\n[^a]: y', 'a ] b\n![^1]\n'])
      expect(parse(value, true)).toEqual(parse(value, false))
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 40}).map((pieces) => pieces.join('')), (value) => {
        expect(parse(value, true)).toEqual(parse(value, false))
      }),
      {numRuns: 500}
    )
  })
})

describe('emphasis and strikethrough paired without a walk per closer', () => {
  const parse = (value: string, linear: boolean) =>
    fromMarkdown(value, {extensions: linear ? [GFM, joinedData, linearAttention] : [gfm()], mdastExtensions: [gfmFromMarkdown()]})
  // Paragraphs of 64 markers or more take the new path: openers, closers, both, runs of each
  // length, strikethrough, and what stops a pair (code, links, escapes, blank lines).
  const piece = fc.constantFrom(
    'a', 'b ', ' ', '\n', '\n\n', '*', '**', '***', '_', '__', '~', '~~', 'a~', '~a', 'a~~ ', ' ~~a', 'a~b', '[', ']', '(', ')',
    '`', '*a', 'a*', 'a* ', ' *', '_a', 'a_', '**a', 'a**', 'a*b', 'a**b', '\\*', '[x](y)', '- ', '> ', '.', ',', '!'
  )
  test('property: the tree is the same as with plain GFM, positions included', () => {
    fc.assert(
      fc.property(fc.array(piece, {minLength: 100, maxLength: 400}).map((pieces) => pieces.join('')), (value) => {
        expect(parse(value, true)).toEqual(parse(value, false))
      }),
      {numRuns: 300}
    )
  })

  test('closers that find no opener, and a closer that pairs only some of its marks, keep their tree', () => {
    for (const value of ['a* '.repeat(200), 'a~~ '.repeat(100), '*x ' + '_y a__ '.repeat(100) + 'z*', 'a**b ' + 'a* '.repeat(100), '*x ' + 'a** '.repeat(100)]) {
      expect(parse(value, true)).toEqual(parse(value, false))
    }
    // The rule of three: in `*foo**bar*` the `*` after `bar` skips the `**`, which may close.
    for (const value of ['*foo**bar* '.repeat(30), '*foo**bar**baz* '.repeat(30), '**foo*bar*baz** '.repeat(30), 'a ***b* c** '.repeat(30)]) {
      expect(parse(value, true)).toEqual(parse(value, false))
    }
  })

  test(`pairs nested deeper than ${MAX_DEPTH} are left as literal marks, the text kept`, () => {
    const deep = 300
    const value = '*a '.repeat(deep) + 'b' + ' c*'.repeat(deep)
    const tree = parse(value, true)
    let depth = 0
    for (let node: {type: string; children?: unknown[]} = tree.children[0] as never; node.children?.length; ) {
      const next = node.children.find((child) => (child as {type: string}).type === 'emphasis') as typeof node | undefined
      if (!next) break
      depth++
      node = next
    }
    expect(depth).toBe(MAX_DEPTH)
    expect(mdastToString(tree).replaceAll('*', '')).toBe(value.replaceAll('*', ''))
    // Within the limit, the tree is micromark's own.
    const shallow = '*a '.repeat(100) + 'b' + ' c*'.repeat(100)
    expect(parse(shallow, true)).toEqual(parse(shallow, false))
  })
})

describe('the parser of Markdown and HTML prose', () => {
  // Blocks with and without full stops, blank lines and line breaks between and inside them.
  const line = fc.constantFrom('Talks went on', 'he said.', 'It ended', '1. Talks', '# Seoul', '- item', '> Quoted', 'Mr. Smith', 'ok. so', 'a &b', '')
  const document = fc.array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n', '  \n')), {maxLength: 30})
  test('property: gives the tree parse-english gives, positions included', () => {
    fc.assert(
      fc.property(document, (parts) => {
        const value = parts.map(([text, end]) => text + end).join('')
        const mdast = () => fromMarkdown(value)
        expect(toNlcst(mdast(), new VFile(value), MarkupParser)).toEqual(toNlcst(mdast(), new VFile(value), ParseEnglish))
      }),
      {numRuns: 300}
    )
  })
})

describe('the kind markup gives a block', () => {
  const kind = fc.constantFrom<BlockKind>('body', 'subheading', 'list-item', 'quotation', 'headline')
  const hint = fc.tuple(fc.nat(60), fc.nat(30), kind).map(([start, length, kind]) => ({start, end: start + length, kind}))
  test('property: found for offsets in order as a scan of every hint finds it, nested or not', () => {
    fc.assert(
      fc.property(fc.array(hint, {maxLength: 12}), fc.array(fc.nat(100), {maxLength: 20}), (hints, offsets) => {
        const kindAt = hintFinder(hints)
        for (const offset of offsets.sort((a, b) => a - b)) expect([offset, kindAt(offset)]).toEqual([offset, hintAt(hints, offset)])
      }),
      {numRuns: 500}
    )
  })
  test('the hints of Markdown nest, and give the same kinds', () => {
    const value = '# Talks\n\n- One\n\n  Two\n- > Three\n\n> ## Four\n>\n> - Five\n\nSix\n'
    const {hints} = parseMarkdown(value, new VFile(value))
    const kindAt = hintFinder(hints)
    for (let offset = 0; offset <= value.length; offset++) expect([offset, kindAt(offset)]).toEqual([offset, hintAt(hints, offset)])
  })
})

describe('the seed article as Markdown', () => {
  const markdown = readFileSync('test/fixtures/seed-article.md', 'utf8')
  const text = readFileSync('test/fixtures/seed-article.txt', 'utf8')

  test('has the same defects as the plain text', () => {
    const file = lint({path: 'seed-article.md', value: markdown})
    checkMessages(file)
    expect(summary(file)).toEqual(summary(lint({path: 'seed-article.txt', value: text})))
  })

  test('gets the same fixes, and its code block and link are untouched', () => {
    const fixed = fix({path: 'seed-article.md', value: markdown}).text
    expect(fixed).toBe(readFileSync('test/fixtures/seed-article.fixed.md', 'utf8'))
    for (const kept of ['```text\nNotes from the call. he said . , the the democratically-governed\n```', '[Reuters](https://www.reuters.com/world/ "Reuters. he said")']) {
      expect(markdown).toContain(kept)
      expect(fixed).toContain(kept)
    }
  })
})

describe('in a remark pipeline', () => {
  test('remark().use(remarkRetext, retext().use(copydesk)) reports on Markdown positions', async () => {
    const value = '# Talks went well\n\n- the first point\n\nOfficials met in *Tokyo*. he said so. .\n'
    const file = await remark()
      .use(remarkRetext, retext().use(copydesk) as never)
      .process(new VFile({path: 'a.md', value}))
    checkMessages(file)
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.place])).toEqual([
      ['sentence-start', 'he', {start: {line: 5, column: 27, offset: 64}, end: {line: 5, column: 29, offset: 66}}],
      ['stray-punctuation', ' .', {start: {line: 5, column: 38, offset: 75}, end: {line: 5, column: 40, offset: 77}}]
    ])
  })
})
