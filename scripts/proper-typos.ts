// npm run eval:proper-typos -- [FOLDER...] [--seed S]: recall of misspelt dictionary proper nouns.
// In each article, one capitalised word the dictionaries know only as a name (`February`,
// `Manchester`, `European`), or a capitalised dictionary word of nine letters or more, that the
// article uses once, loses a letter or has two letters swapped (never the first); the article is
// linted and the typo counts as found when spelling or name-consistency marks it. Prints recall
// by shape, and the messages of those two rules on the undamaged copies for comparison.
import {readFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {collect} from '../src/cli/files.js'
import {createLinter} from '../src/index.js'
import {createLexicon} from '../src/lexicon.js'

const {values, positionals} = parseArgs({allowPositionals: true, options: {seed: {type: 'string', default: '1'}}})
let state = Number(values.seed) || 1
const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]

const lexicon = createLexicon({names: [], words: []} as never)
const linter = createLinter()
const rules = new Set(['spelling', 'name-consistency'])
for (const folder of positionals) {
  const {files} = await collect([folder], process.cwd(), undefined, ['.txt'])
  const tally = new Map<string, {found: number; all: number}>()
  for (const path of files) {
    const text = readFileSync(path, 'utf8')
    const counts = new Map<string, number>()
    for (const [word] of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}\p{Ll}+(?![\p{L}\p{N}'’-])/gu)) counts.set(word, (counts.get(word) ?? 0) + 1)
    const targets = [...counts].filter(([word, count]) => {
      if (count !== 1 || word.length < 7 || !lexicon.knows(word)) return false
      return !lexicon.knows(word.toLowerCase()) || word.length >= 10
    })
    if (targets.length === 0) continue
    const [word] = pick(targets)
    const i = 1 + Math.floor(random() * (word.length - 2))
    const shape = random() < 0.5 ? 'dropped' : 'swapped'
    const typo = shape === 'dropped' ? word.slice(0, i) + word.slice(i + 1) : word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)
    if (typo === word || lexicon.knows(typo)) continue
    const at = text.search(new RegExp(`(?<![\\p{L}\\p{N}'’-])${word}(?![\\p{L}\\p{N}'’-])`, 'u'))
    const damaged = text.slice(0, at) + typo + text.slice(at + word.length)
    const found = linter.lint({path, value: damaged}).messages.some((message) => rules.has(message.ruleId!) && message.place && 'start' in message.place && message.place.start.offset === at)
    const kind = `${shape}, ${lexicon.knows(word.toLowerCase()) ? 'capitalised word' : 'proper noun'}`
    const entry = tally.get(kind) ?? {found: 0, all: 0}
    entry.all++
    if (found) entry.found++
    tally.set(kind, entry)
  }
  console.log(folder)
  let found = 0
  let all = 0
  for (const [kind, entry] of [...tally].sort()) {
    found += entry.found
    all += entry.all
    console.log(`  ${kind.padEnd(32)} ${entry.found}/${entry.all} (${Math.round((100 * entry.found) / entry.all)}%)`)
  }
  console.log(`  ${'all'.padEnd(32)} ${found}/${all} (${Math.round((100 * found) / Math.max(all, 1))}%)`)
}
