// A linter reuses the parsed pieces of the text it linted last (src/parse.ts, PieceCache), as an
// editor re-lints a copy after each edit, and with them what it worked out of each paragraph (the
// article model's shapes, the reports rules remember by block, the counts of src/tally.ts): after
// any edits, the tree and the messages must be the ones a fresh parse and a fresh linter give.
import {describe, expect, test} from '@jest/globals'
import fc from 'fast-check'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {resolveConfig} from '../src/config.js'
import {createTransformer} from '../src/engine.js'
import {createLinter} from '../src/index.js'
import {parseMarkdown} from '../src/markup.js'
import {createPieceCache, parseByParagraph, parseText} from '../src/parse.js'
import {createTally, type Tally} from '../src/tally.js'
import {scanLines, scanTokens} from '../src/tokens.js'
import {collectGarbage, heapAfterGc} from './helpers/heap.js'

// Invented copy with damage the rules find; the same paragraph twice, line breaks of each kind.
const PARAGRAPHS = [
  'Harbour plan wins approval',
  'The council approved the harbour plan on Tuesday. officials said the the work would start in spring.',
  'Mayor Alma Brettner said the plan was overdue. Critics said the goverment had ignored them . .',
  'PORTVILLE: Workers at the bakery went on strike on Monday over pay.',
  '"We want a fair deal," said Tomas Quill. Quill said the stike would go on.',
  'The captain, Dora Penhallow, said the side was ready.\nPenhalow said they would try again tomorow.',
  'The council approved the harbour plan on Tuesday. officials said the the work would start in spring.',
  'The newly-built depot opened in May. Overall. sales of the â€œnewâ€ tickets rose , and the report reported gains.',
  '- Fares rise by 5 % in June',
  'Dear Editor,',
  'i think the plan is wrong.',
  'Yours truly,',
  // A headline when it comes first, else a body paragraph with a fragment.
  'Sales rose in May. Overall. prices fell, did they not?',
  // A quotation left open, carried into the next paragraph or never closed; an apostrophe.
  '"The yard will close, the owner said. It\'s a sad day.',
  'Nobody on the quay wanted that."',
  // Findings that weigh the rest of the article: a bare name is a speaker only where the article
  // quotes it elsewhere (`Quill said`) or names it again; the verb restored is in the article's
  // tense (`says` or `said`, whichever it uses more); an apostrophe typed as `"` is fixed to the
  // article's own apostrophe, curly or straight.
  'The ferry will sail again on Friday, Quill.',
  '"We want the pier back," Brettner.',
  'Penhallow says the yard is safe. Quill says so too.',
  'The council"s plan won. It’s the town’s plan now.',
  // Four paragraphs that start in lower case make it the copy's style.
  'the ferry sails at noon and the town waits for it.'
]
const GAPS = ['\n\n', '\n\n\n', '\r\n\r\n', '\n \n']
const WORDS = ['Indeed ', 'the ', 'Brettner ', '. ', '\n', '\n\n', ', ', 'x', 'says ', 'Quill said ', '’s ', "'s "]

// An edit as an editor makes one: text typed at a place, or a run deleted.
const edit = fc.oneof(
  fc.record({at: fc.double({min: 0, max: 1, noNaN: true}), insert: fc.constantFrom(...WORDS)}),
  fc.record({at: fc.double({min: 0, max: 1, noNaN: true}), remove: fc.integer({min: 1, max: 40})})
)
function apply(text: string, change: {at: number; insert?: string; remove?: number}): string {
  const at = Math.floor(change.at * text.length)
  return change.insert !== undefined ? text.slice(0, at) + change.insert + text.slice(at) : text.slice(0, at) + text.slice(at + (change.remove ?? 0))
}
const articleOf = (paragraphs: readonly string[], minLength: number, maxLength: number) =>
  fc
    .array(fc.tuple(fc.constantFrom(...paragraphs), fc.constantFrom(...GAPS)), {minLength, maxLength})
    .map((parts) => parts.map(([paragraph, gap]) => paragraph + gap).join(''))
const article = articleOf(PARAGRAPHS, 1, 8)
// The paragraphs whose findings weigh the rest of the article, often enough that an edit
// elsewhere changes what they are told: a name quoted again or no more, the tense, the
// apostrophe, the copy's style.
const weighing = articleOf(
  PARAGRAPHS.filter((paragraph) => /Quill|Brettner|says|’|^[it] /u.test(paragraph)),
  3,
  10
)
const plain = (value: unknown) => JSON.parse(JSON.stringify(value))
const fields = (message: VFileMessage) => ({
  ruleId: message.ruleId,
  reason: message.reason,
  place: message.place,
  actual: message.actual,
  expected: message.expected,
  fatal: message.fatal,
  autofix: message.autofix,
  note: message.note,
  cause: message.cause ? (message.cause as VFileMessage).place : undefined
})

describe('createTally', () => {
  // The patterns the rules count, and marks and words that make and break their matches.
  const PATTERNS = [/\bsays\b/gu, /\bsaid\b/gu, /(?<=\p{L})’(?=\p{L})/gu, /(?<=\p{L})'(?=\p{L})/gu]
  const PARTS = ['says', 'said', 'say', 's', 'x', '’', "'", ' ', '\n', '.', 'é', '𝐀', 'a']
  const text = fc.array(fc.constantFrom(...PARTS), {maxLength: 600}).map((parts) => parts.join(''))
  // An edit, and which patterns the lint after it asks for (the others are carried).
  const change = fc.record({
    at: fc.double({min: 0, max: 1, noNaN: true}),
    remove: fc.integer({min: 0, max: 5}),
    insert: text,
    asked: fc.array(fc.boolean(), {minLength: PATTERNS.length, maxLength: PATTERNS.length})
  })
  test('counts after each edit what a count of the whole text counts', () => {
    fc.assert(
      fc.property(text, fc.array(change, {maxLength: 8}), (start, changes) => {
        let tally: Tally | undefined
        let value = start
        for (const each of [undefined, ...changes]) {
          if (each) {
            const at = Math.floor(each.at * value.length)
            value = value.slice(0, at) + each.insert + value.slice(at + each.remove)
          }
          const counter = createTally(value, tally)
          PATTERNS.forEach((pattern, index) => {
            if (each?.asked[index] ?? true) expect(counter.count(pattern)).toBe(value.match(pattern)?.length ?? 0)
          })
          tally = counter.tally
        }
      }),
      {numRuns: 500}
    )
  })
})

describe('scanLines', () => {
  // Runs of tokens and of what separates them, lines of each kind, some lines again.
  const PARTS = ['https://example.com/a?b=c', 'a.b@example.com', '/a/../b', 'C:\\x', 'v1.2.3', '3.14', '.NET', 'e.g.', 'U.S.', 'node.js', 'user_name', 'f()', '&amp;', '&#8217;', '[a](https://x.io/Go_(game))', 'word', '(', ')', '"', '.', ',', ' ', '\t', '\n', '\r\n', '\n\n']
  test('finds the tokens scanTokens finds in the whole text, when lines come again', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PARTS), {maxLength: 20}).map((parts) => parts.join('')), {minLength: 1, maxLength: 4}), (texts) => {
        for (const text of [...texts, texts.join('\n'), texts.join('')]) expect(scanLines(text)).toEqual(scanTokens(text))
      }),
      {numRuns: 500}
    )
  })
})

describe('re-lint with the pieces of the last parse', () => {
  test('parses an edited text as a fresh parse does', () => {
    fc.assert(
      fc.property(article, fc.array(edit, {maxLength: 12}), (start, edits) => {
        const cache = createPieceCache()
        let text = start
        for (const change of [undefined, ...edits]) {
          if (change) text = apply(text, change)
          expect(plain(parseByParagraph(text, cache))).toEqual(plain(parseByParagraph(text)))
          expect(plain(parseText(text, undefined, cache))).toEqual(plain(parseText(text)))
        }
      }),
      {numRuns: 50}
    )
    // Linting many texts: a few seconds alone, much longer on a busy machine.
  }, 180_000)

  // Every rule on, word-echo too, so that the reports a rule scoped to blocks replays for an
  // unchanged block (src/engine.ts) are checked as well as the reused parse; Markdown as well.
  test('gives the messages of a fresh lint after each edit, with every rule on', () => {
    const config = {rules: {'word-echo': 'info' as const}}
    const cached = createLinter(config)
    const fresh = createLinter(config)
    fc.assert(
      fc.property(fc.oneof(article, weighing), fc.array(edit, {maxLength: 6}), fc.constantFrom('a.txt', 'a.md'), (start, edits, path) => {
        let text = start
        for (const change of [undefined, ...edits]) {
          if (change) text = apply(text, change)
          const reused = cached.lint({path, value: text}).messages.map(fields)
          // A text with nothing in common first, so this lint parses and checks every piece.
          fresh.lint({path: 'b.txt', value: 'Nothing in common.'})
          expect(reused).toEqual(fresh.lint({path, value: text}).messages.map(fields))
        }
      }),
      {numRuns: 60}
    )
    // Linting many texts: a few seconds alone, much longer on a busy machine.
  }, 180_000)
})

describe('what a linter keeps after a lint', () => {
  // The paragraphs' shapes serve the next lint only with the nodes src/parse.ts reuses (plain text
  // it parsed): a Markdown or HTML tree is new at each parse, and a linter that kept its shapes
  // kept the whole tree alive until its next lint (33 MB for a 250 kB Markdown file).
  test('keeps nothing of a Markdown tree', async () => {
    const collect = collectGarbage
    const transform = createTransformer(resolveConfig({}))
    const kept = (() => {
      const source = '# Harbour plan wins approval\n\nThe council approved the plan on Tuesday. It said the the work would start.\n'
      const file = new VFile({path: 'a.md', value: source})
      const {tree, hints, frozen} = parseMarkdown(source, file)
      file.data.copydesk = {format: 'markdown', hints, frozen}
      const paragraph = tree.children.find((node) => node.type === 'ParagraphNode')
      const sentence = new WeakRef(paragraph!.children[0])
      transform(tree, file, () => {})
      expect(file.messages.length).toBeGreaterThan(0)
      return sentence
    })()
    await new Promise((resolvePromise) => setTimeout(resolvePromise, 0))
    collect()
    expect(kept.deref()).toBeUndefined()
  })

  test('keeps one version of an edited text, not one for each paragraph edited', () => {
    // An unchanged paragraph's parse and shape serve the next lint; their text, cut from the
    // version they were made from, kept that whole version alive: one for each paragraph edited.
    const heap = heapAfterGc
    const paragraph = (i: number) =>
      Array.from({length: 130}, (_, j) => `The council said on day ${i * 1000 + j} that the bridge would reopen in spring.`).join(' ')
    const paragraphs = Array.from({length: 25}, (_, i) => paragraph(i))
    const linter = createLinter()
    const lint = () => linter.lint({path: 'edited.txt', value: paragraphs.join('\n\n')})
    lint()
    lint()
    const before = heap()
    paragraphs.forEach((text, i) => {
      paragraphs[i] = `Also ${text}`
      lint()
    })
    // (25 versions of some 260,000 characters: 5.5 MB more was kept before, 0.4 MB less now)
    expect(heap() - before).toBeLessThan(2_500_000)
  }, 60_000)
})
