// npm run bench -- [FOLDER] [--repeat N]: lints every .txt under a folder with all default rules
// in one process (one processor, one dictionary) and prints files/s, words/s, total time and
// peak memory, beside bare retext-english parsing of the same text; then times the CLI on the
// folder from a cold start. --repeat N lints the folder's files N times over (1,000 articles).
import {spawnSync} from 'node:child_process'
import {existsSync, readFileSync} from 'node:fs'
import {resolve} from 'node:path'
import {parseArgs} from 'node:util'
import {ParseEnglish} from 'parse-english'
import {collect} from '../src/cli/files.js'
import {createLinter} from '../src/index.js'

const {values, positionals} = parseArgs({allowPositionals: true, options: {repeat: {type: 'string'}}})
const fallback = resolve('../shared/corpus/news-dev')
const folder = positionals[0] ?? (existsSync(fallback) ? fallback : undefined)
if (!folder) {
  process.stderr.write('Usage: npm run bench -- FOLDER [--repeat N]\n')
  process.exit(2)
}
const repeat = Number(values.repeat ?? 1)
const {files: paths} = await collect([folder], process.cwd(), undefined, ['.txt'])
const texts = paths.map((path) => ({path, value: readFileSync(path, 'utf8')}))
const all = Array.from({length: repeat}, () => texts).flat()
const words = all.reduce((sum, {value}) => sum + (value.match(/\S+/gu)?.length ?? 0), 0)

const seconds = (from: number) => (performance.now() - from) / 1000
let started = performance.now()
for (const {value} of all) new ParseEnglish().parse(value)
const bare = seconds(started)

started = performance.now()
const linter = createLinter()
let messages = 0
for (const {path, value} of all) messages += linter.lint({path, value}).messages.length
const lint = seconds(started)

started = performance.now()
for (const {path, value} of all) linter.lint({path, value})
const warm = seconds(started)

const cli = resolve(import.meta.dirname, '../src/cli/index.js')
started = performance.now()
const run = spawnSync(process.execPath, [cli, '--report', 'json', ...paths], {encoding: 'utf8', maxBuffer: 1 << 30})
const wall = seconds(started)

const row = (label: string, time: number) =>
  `${label.padEnd(34)} ${time.toFixed(2).padStart(6)} s  ${Math.round(all.length / time).toString().padStart(6)} files/s  ${Math.round(words / time).toString().padStart(7)} words/s`
console.log(`${all.length} files (${paths.length} x ${repeat}), ${words} words, ${messages} messages`)
console.log(row('bare parse-english', bare))
console.log(row('lint, all default rules (cold)', lint) + `  ${(lint / bare).toFixed(1)}x bare`)
console.log(row('lint again (warm)', warm) + `  ${(warm / bare).toFixed(1)}x bare`)
console.log(`peak memory (RSS)                  ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`)
console.log(`CLI on ${paths.length} files, cold start     ${wall.toFixed(2).padStart(6)} s wall (exit ${run.status})`)
