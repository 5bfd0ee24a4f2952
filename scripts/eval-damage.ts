// npm run eval:damage -- [FOLDER...] [--seed S | --seeds S1,S2,...] [--rate R] [--formats txt,md,html] [--classes a,b] [--missed CLASS|all]
//                        [--shapes] [--keep] [--no-undamaged]
// Puts the seed's kinds of damage into each corpus (scripts/damage.ts, into a temporary folder),
// lints the damaged copies with the library, and prints recall per damage class per corpus and
// format; then lints the undamaged copies and prints their messages per 10k words by rule.
// Without FOLDERs it takes news-dev, wire-dev and web-dev from the nearest `shared/corpus` above
// the working folder (or $COPYDESK_CORPUS). --missed lists the missed defects of a class in
// context; --shapes breaks classes down by shape (attribution: where it stood, who spoke);
// --keep leaves the damaged copies and prints where; --classes damages with those classes only
// (a quick run while working on one rule); --no-undamaged skips the undamaged copies. --seeds
// damages each corpus once per seed and adds the counts up: a class that finds few places (a
// headline place: 11 in web-dev's 250 headlines per seed) gets enough cases to mean something.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join} from 'node:path'
import {parseArgs} from 'node:util'
import {createLinter} from '../src/index.js'
import {articles, corpusFolders, damageFolder, type Format, type Truth} from './damage.js'
import {score} from './damage/score.js'
import {damageClasses} from './damage/index.js'

const {values, positionals} = parseArgs({
  allowPositionals: true,
  options: {
    seed: {type: 'string', default: '1'},
    seeds: {type: 'string'},
    rate: {type: 'string', default: '0.5'},
    formats: {type: 'string', default: 'txt,md,html'},
    missed: {type: 'string'},
    shapes: {type: 'boolean', default: false},
    keep: {type: 'boolean', default: false},
    classes: {type: 'string'},
    'no-undamaged': {type: 'boolean', default: false}
  }
})

const folders = corpusFolders(positionals)
const formats = values.formats.split(',') as Format[]
const linter = createLinter()
const temp = mkdtempSync(join(tmpdir(), 'copydesk-damage-'))
const pct = (found: number, total: number) => (total ? `${((100 * found) / total).toFixed(1)}%` : '-')

// recall[class][column] = {found, total}; columns are `corpus/format`
const recall = new Map<string, Map<string, {found: number; total: number}>>()
const columns: string[] = []
const missed: string[] = []
const crashes: string[] = []
const count = (key: string, column: string, found: boolean) => {
  const row = recall.get(key) ?? new Map()
  recall.set(key, row)
  const cell = row.get(column) ?? {found: 0, total: 0}
  row.set(column, cell)
  cell.total++
  if (found) cell.found++
}

const seeds = (values.seeds ?? values.seed).split(',')
for (const folder of folders) {
  const corpus = basename(folder)
  for (const format of formats) {
    const column = `${corpus}/${format}`
    columns.push(column)
    for (const seed of seeds) {
      const out = join(temp, seed, corpus, format)
      for (const truthPath of damageFolder(folder, out, {seed, rate: Number(values.rate), format, classes: values.classes?.split(',')})) {
        const truth = JSON.parse(readFileSync(truthPath, 'utf8')) as Truth
        const path = join(dirname(truthPath), truth.file)
        const value = readFileSync(path, 'utf8')
        let file
        try {
          file = linter.lint({path, value})
        } catch (error) {
          crashes.push(`${column} ${path.slice(out.length + 1)}: ${(error as Error).message}`)
          continue
        }
        for (const result of score(truth, value, file.messages)) {
          const {defect, found} = result
          count(defect.class, column, found)
          if (values.shapes && defect.shape) count(`${defect.class} ${defect.shape}`, column, found)
          if (!found && (values.missed === 'all' || values.missed === defect.class))
            missed.push(`${column}${seeds.length > 1 ? ` seed ${seed}` : ''} ${path.slice(out.length + 1)}:${defect.line} ${defect.class}${defect.shape ? ' ' + defect.shape : ''} ${JSON.stringify(defect.span)} in ${JSON.stringify(defect.context.slice(0, 100))}`)
        }
      }
    }
  }
}

const order = damageClasses.map((cls) => cls.id)
const keys = [...recall.keys()].sort((a, b) => order.indexOf(a.split(' ')[0]) - order.indexOf(b.split(' ')[0]) || a.localeCompare(b))
console.log(`Recall per damage class (seed${seeds.length > 1 ? 's' : ''} ${seeds.join(', ')}, rate ${values.rate}): found/total`)
console.log(['class'.padEnd(40), ...columns.map((c) => c.padStart(20))].join(''))
for (const key of keys) {
  const row = recall.get(key)!
  const cells = columns.map((column) => {
    const cell = row.get(column)
    return (cell ? `${cell.found}/${cell.total} ${pct(cell.found, cell.total)}` : '-').padStart(20)
  })
  console.log([(key.includes(' ') ? '  ' + key : key).padEnd(40), ...cells].join(''))
}
const totals = columns.map((column) => {
  let found = 0
  let total = 0
  for (const key of keys.filter((k) => !k.includes(' '))) {
    const cell = recall.get(key)!.get(column)
    found += cell?.found ?? 0
    total += cell?.total ?? 0
  }
  return `${found}/${total} ${pct(found, total)}`.padStart(20)
})
console.log(['all'.padEnd(40), ...totals].join(''))
if (crashes.length) console.log(`\nThe linter crashed on ${crashes.length} damaged files (their defects are not counted):\n${crashes.join('\n')}`)
if (missed.length) console.log(`\nMissed (${missed.length}):\n${missed.join('\n')}`)

if (!values['no-undamaged']) console.log('\nMessages on the undamaged copies, per 10k words:')
for (const folder of values['no-undamaged'] ? [] : folders) {
  let words = 0
  const byRule = new Map<string, number>()
  for (const path of articles(folder)) {
    const value = readFileSync(path, 'utf8')
    words += value.match(/\S+/gu)?.length ?? 0
    for (const message of linter.lint({path, value}).messages) byRule.set(message.ruleId ?? '?', (byRule.get(message.ruleId ?? '?') ?? 0) + 1)
  }
  const total = [...byRule.values()].reduce((sum, n) => sum + n, 0)
  const per10k = (n: number) => ((n * 10000) / Math.max(words, 1)).toFixed(2)
  const rules = [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n} (${per10k(n)})`)
  console.log(`  ${basename(folder)}: ${words} words, ${total} messages, ${per10k(total)} per 10k; ${rules.join(', ')}`)
}

if (values.keep) console.log(`\nDamaged copies kept in ${temp}`)
else rmSync(temp, {recursive: true, force: true})
