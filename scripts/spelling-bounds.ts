// npm run bench:spelling-bounds: how long one hostile token takes the spelling rule, and what it
// holds: a 2,000-letter word, 8 KB tokens of several shapes, and a sentence with a typo repeated
// k times (k messages, not k²); and the heap one message keeps alive after a long article
// (its lazy suggestions must not hold the tree). Prints milliseconds, messages and heap; no
// assertion (the tests assert behaviour, test/spelling.test.ts).
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {createLinter, rules} from '../src/index.js'

const linter = createLinter({rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === 'spelling' ? 'warn' : 'off']))})
linter.lint('A warm-up sentence loads the dictionary: recieve.')
const cases: Array<[string, string]> = [
  ['2,000-letter word', `It was ${'abcdefghij'.repeat(200)} here.`],
  ['8 KB lower-case word', `It was ${'q'.repeat(8192)} here.`],
  ['8 KB capitalised word', `It was ${'Q' + 'w'.repeat(8191)} here.`],
  ['8 KB hyphenated word', `It was ${'ab-'.repeat(2730)}ab here.`],
  ['8 KB letters and digits', `It was ${'abc1'.repeat(2048)} here.`],
  ['typo sentence x 100', 'They will recieve the report. '.repeat(100)],
  ['typo sentence x 1,000', 'They will recieve the report. '.repeat(1000)]
]
for (const [name, text] of cases) {
  const started = performance.now()
  const messages = linter.lint(text).messages
  const time = performance.now() - started
  // Whether a message offers suggestions, without computing them (`expected` is lazy).
  const suggested = messages.filter((message) => {
    const expected = Object.getOwnPropertyDescriptor(message, 'expected')
    return expected?.get !== undefined || Array.isArray(expected?.value)
  }).length
  console.log(`${name.padEnd(26)} ${time.toFixed(1).padStart(8)} ms  ${String(messages.length).padStart(5)} messages  ${String(suggested).padStart(5)} offer suggestions  heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`)
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const article = 'The officials said they would recieve it soon. ' + 'Filler words make the article long enough to weigh. '.repeat(60_000)
gc()
const before = process.memoryUsage().heapUsed
const kept = linter.lint(article).messages
gc()
const held = process.memoryUsage().heapUsed - before
console.log(`${kept.length} message(s) kept after a ${Math.round(article.length / 1e6)} MB article hold ${(held / 1e6).toFixed(1)} MB of heap`)
