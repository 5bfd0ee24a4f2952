// npm run peer-cases -- FOLDER: runs the matching rule over the labelled sentences of other
// linters' test suites (../shared/peer-cases) and prints agreement per class, with each
// disagreement, as a peer's test suite to measure the rules against.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {createLinter, rules} from '../src/index.js'

// Which of our rules answers for each peer class; null where we have none.
const RULE_FOR: Record<string, string | null> = {
  'sentence-start-uppercase': 'sentence-start',
  'doubled-punctuation': 'stray-punctuation',
  'whitespace-before-punctuation': 'stray-punctuation',
  'sentence-spacing': 'stray-punctuation',
  'word-repetition': 'repeated-words',
  'ly-adverb-hyphen': 'ly-hyphen'
}

interface PeerCase {
  text: string
  flag: boolean
  note?: string
}

const folder = process.argv[2] ?? '../shared/peer-cases'
const verbose = process.argv.includes('--verbose')
for (const name of readdirSync(folder).filter((file) => file.endsWith('.json') && file !== 'INDEX.json').sort()) {
  const data = JSON.parse(readFileSync(join(folder, name), 'utf8')) as {class: string; sources: Array<{source_repo: string; cases: PeerCase[]}>}
  const id = RULE_FOR[data.class]
  if (!id) {
    console.log(`${data.class}: no matching rule`)
    continue
  }
  const linter = createLinter({rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === id ? 'warn' : 'off']))})
  let agree = 0
  let total = 0
  const misses: string[] = []
  for (const source of data.sources) {
    for (const peer of source.cases) {
      total++
      const flagged = linter.lint(peer.text).messages.length > 0
      if (flagged === peer.flag) agree++
      else misses.push(`  ${peer.flag ? 'missed ' : 'flagged'} ${JSON.stringify(peer.text).slice(0, 100)} (${source.source_repo})`)
    }
  }
  console.log(`${data.class} (${id}): ${agree}/${total} agree`)
  if (verbose) console.log(misses.join('\n'))
}
