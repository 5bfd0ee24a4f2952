// npm run eval -- FOLDER [--report-file PATH]: lints every file the CLI would under a folder with the default
// rules in one process and prints messages per rule per 10k words, the precision yardstick.
// With --report-file, writes the JSON report that ../shared/tools/score.mjs scores.
import {readFileSync, writeFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {collect} from '../src/cli/files.js'
import {createLinter} from '../src/index.js'
import {toJson} from '../src/cli/report.js'

const {values, positionals} = parseArgs({allowPositionals: true, options: {'report-file': {type: 'string'}}})
const folder = positionals[0]
if (!folder) {
  process.stderr.write('Usage: npm run eval -- FOLDER [--report-file PATH]\n')
  process.exit(2)
}

const linter = createLinter()
// The corpus is plain text; a folder's README or notes (`SOURCE.md`) are not articles.
const {files: paths} = await collect([folder], process.cwd(), undefined, ['.txt'])
const files = paths.map((path) => {
  const value = readFileSync(path, 'utf8')
  return {words: value.match(/\S+/gu)?.length ?? 0, file: linter.lint({path, value})}
})
const words = files.reduce((sum, {words}) => sum + words, 0)
const byRule = new Map<string, number>()
for (const {file} of files) for (const message of file.messages) byRule.set(message.ruleId!, (byRule.get(message.ruleId!) ?? 0) + 1)
const total = [...byRule.values()].reduce((sum, count) => sum + count, 0)
const per10k = (count: number) => ((count * 10000) / Math.max(words, 1)).toFixed(2)
console.log(`${files.length} files, ${words} words, ${total} messages, ${per10k(total)} per 10k words`)
for (const [rule, count] of [...byRule].sort((a, b) => b[1] - a[1])) console.log(`  ${rule.padEnd(24)} ${String(count).padStart(5)}  ${per10k(count)} per 10k words`)
if (values['report-file']) writeFileSync(values['report-file'], JSON.stringify(toJson(files.map(({file}) => file))))
