// npm run eval -- FOLDER... [--list all|unreviewed|false-positive|defect|none] [--report-file PATH]
//   [--verdicts PATH] [--stubs PATH]
// Lints every text file under each folder (a corpus) with the default rules in one process and
// prints, per corpus and rule, messages and false positives per 10k words: the precision
// yardstick. False positives come from the project's record of reviewed messages
// (test/review/verdicts.jsonl, see scripts/review.ts); messages without a verdict are counted and,
// by default, listed in their context for review. --report-file writes the JSON report that
// ../shared/tools/score.mjs scores; --stubs writes the unreviewed messages as verdict lines to fill in.
import {readFileSync, writeFileSync} from 'node:fs'
import {basename, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {collect} from '../src/cli/files.js'
import {createLinter} from '../src/index.js'
import {toJson} from '../src/cli/report.js'
import {formatReview, match, readReviews, type Review, type Seen} from './review.js'

const LISTS = ['all', 'unreviewed', 'false-positive', 'defect', 'none'] as const
type List = (typeof LISTS)[number]

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    'report-file': {type: 'string'},
    list: {type: 'string', default: 'unreviewed'},
    verdicts: {type: 'string', default: 'test/review/verdicts.jsonl'},
    stubs: {type: 'string'}
  }
})
const list = values.list as List
if (positionals.length === 0 || !LISTS.includes(list)) {
  process.stderr.write(`Usage: npm run eval -- FOLDER... [--list ${LISTS.join('|')}] [--report-file PATH] [--verdicts PATH] [--stubs PATH]\n`)
  process.exit(2)
}

const linter = createLinter()
const reviews = readReviews(values.verdicts!)
const reported: VFile[] = []
const stubs: string[] = []
let unusedTotal = 0
const per10k = (count: number, words: number) => ((count * 10000) / Math.max(words, 1)).toFixed(2)

for (const folder of positionals) {
  const root = resolve(folder)
  const corpus = basename(root)
  // The corpus is plain text; a folder's README or notes (`SOURCE.md`) are not articles.
  const {files: paths} = await collect([folder], process.cwd(), undefined, ['.txt'])
  let words = 0
  const seen: Array<Seen & {reason: string; context: string}> = []
  for (const path of paths) {
    const value = readFileSync(path, 'utf8')
    words += value.match(/\S+/gu)?.length ?? 0
    const file = linter.lint({path, value})
    reported.push(file)
    const name = relative(root, path).split('\\').join('/')
    for (const message of file.messages) {
      const start = message.place && 'start' in message.place ? message.place.start : message.place
      const end = message.place && 'end' in message.place ? message.place.end : start
      seen.push({
        corpus,
        file: name,
        line: start?.line ?? 0,
        column: start?.column ?? 0,
        rule: message.ruleId ?? '',
        text: message.actual ?? '',
        reason: message.reason,
        context: contextOf(value, start?.offset ?? 0, end?.offset ?? 0)
      })
    }
  }
  const mine = reviews.filter((review) => review.corpus === corpus)
  const {verdicts, unused} = match(seen, mine)
  unusedTotal += unused.length

  const rules = new Map<string, {messages: number; falsePositives: number; unreviewed: number}>()
  seen.forEach((message, index) => {
    const row = rules.get(message.rule) ?? {messages: 0, falsePositives: 0, unreviewed: 0}
    row.messages++
    if (!verdicts[index]) row.unreviewed++
    else if (verdicts[index]!.verdict === 'false-positive') row.falsePositives++
    rules.set(message.rule, row)
  })
  const total = {messages: 0, falsePositives: 0, unreviewed: 0}
  for (const row of rules.values()) {
    total.messages += row.messages
    total.falsePositives += row.falsePositives
    total.unreviewed += row.unreviewed
  }
  console.log(`\n${corpus}: ${paths.length} files, ${words} words`)
  console.log(`  ${'rule'.padEnd(22)} ${'messages'.padStart(8)} ${'/10k'.padStart(6)} ${'false+'.padStart(6)} ${'/10k'.padStart(6)} ${'unreviewed'.padStart(10)}`)
  const row = (name: string, {messages, falsePositives, unreviewed}: typeof total) =>
    console.log(`  ${name.padEnd(22)} ${String(messages).padStart(8)} ${per10k(messages, words).padStart(6)} ${String(falsePositives).padStart(6)} ${per10k(falsePositives, words).padStart(6)} ${String(unreviewed).padStart(10)}`)
  for (const [rule, counts] of [...rules].sort((a, b) => b[1].messages - a[1].messages)) row(rule, counts)
  row('all rules', total)
  if (unused.length > 0) console.log(`  (${unused.length} recorded verdicts match no message now)`)

  if (list !== 'none') {
    seen.forEach((message, index) => {
      const verdict = verdicts[index]?.verdict
      const shown = list === 'all' || (list === 'unreviewed' ? !verdict : verdict === list)
      if (!shown) return
      console.log(`  ${message.file}:${message.line}:${message.column} ${message.rule} [${verdict ?? 'unreviewed'}] ${message.reason}`)
      console.log(`      ${message.context}`)
    })
  }
  seen.forEach((message, index) => {
    if (verdicts[index]) return
    const {corpus, file, line, column, rule, text} = message
    stubs.push(formatReview({corpus, file, line, column, rule, text, verdict: '' as Review['verdict']}))
  })
}

if (unusedTotal > 0) console.log(`\n${unusedTotal} recorded verdicts match no message now (kept: they judge messages a change removed)`)
if (values['report-file']) writeFileSync(values['report-file'], JSON.stringify(toJson(reported)))
if (values.stubs) writeFileSync(values.stubs, stubs.map((line) => line + '\n').join(''))

// The message's line, cut to about 80 characters either side, the flagged span in ⟦ ⟧: for the
// reviewer's screen only, never written to the record.
function contextOf(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 80)
  const lineEnd = text.indexOf('\n', end)
  const to = Math.min(lineEnd === -1 ? text.length : lineEnd, end + 80)
  return `${text.slice(from, start)}⟦${text.slice(start, end)}⟧${text.slice(end, to)}`.replace(/\s+/gu, ' ')
}
