// npm run bench:adversarial [-- --shape NAME] [--by-rule] [--scale K] [--limit SECONDS] [--repeat N]
// Builds every hostile shape of issue 9 (and a few more) at n, 2n and 4n, lints each in this
// process with the default rules, and prints the CPU time at each size and its growth per
// doubling: linear work doubles (2x), anything over 2.3x is marked. Each size is timed --repeat
// times (default 3) and the least CPU time kept: on a shared machine, the others are noise. --by-rule times each rule alone
// at 4n, to find which one grows. A size that takes longer than --limit seconds stops its shape.
import {parseArgs} from 'node:util'
import {createLinter, rules, type Config, type Linter} from '../src/index.js'
import {unifiedDiff} from '../src/cli/diff.js'

const {values} = parseArgs({
  options: {
    shape: {type: 'string', multiple: true},
    'by-rule': {type: 'boolean'},
    scale: {type: 'string'},
    limit: {type: 'string'},
    repeat: {type: 'string'}
  }
})
const scale = Number(values.scale ?? 1)
const limit = Number(values.limit ?? 30)
const repeats = Number(values.repeat ?? 3)

interface Shape {
  name: string
  /** n at scale 1, and what one unit is. */
  n: number
  make(n: number): string
  /** Times something other than a lint of the text. */
  run?(text: string, linter: Linter): void
}

const repeat = (unit: string) => (n: number) => unit.repeat(n)
// Capitalised names of one length and first letter, all different: `Babad Babae ...`.
function names(n: number): string {
  const words: string[] = []
  for (let i = 0; words.length < n; i++) {
    let name = ''
    for (let k = i, d = 0; d < 4; d++, k = Math.floor(k / 26)) name += String.fromCharCode(97 + (k % 26))
    words.push(`B${name}`)
  }
  return words.map((word, i) => `${word} spoke${i % 8 === 7 ? '.\n' : ','} `).join('')
}

const SHAPES: Shape[] = [
  {name: '". " repeated', n: 5000, make: repeat('. ')},
  {name: '". . ." document', n: 4000, make: (n) => `Talks went on${' . . .'.repeat(n)}\n`},
  {name: 'one lower-case word', n: 1000, make: (n) => `The ${'abcdefghij'.repeat(n / 10).slice(0, n)} went on.\n`},
  {name: '"the " repeated', n: 10000, make: repeat('the ')},
  {name: 'white-space run', n: 50000, make: (n) => `The talks ${' '.repeat(n)}went on.\n`},
  {name: 'blank-line run', n: 50000, make: (n) => `The talks went on.${'\n'.repeat(n)}They ended.\n`},
  {name: 'tabs and spaces run', n: 50000, make: (n) => `The talks went on.${' \t'.repeat(n)}\n`},
  {name: '"ok. so " repeated', n: 5000, make: repeat('ok. so ')},
  {name: '"ab.Cd " repeated', n: 5000, make: repeat('ab.Cd ')},
  {name: '"end. . " repeated', n: 5000, make: repeat('end. . ')},
  {name: 'orphan "According to"', n: 2000, make: repeat('According to the report. ')},
  {name: 'orphan "According to" lines', n: 2000, make: repeat('According to\n')},
  {name: 'attribution phrases', n: 2000, make: repeat('The talks went on, officials said, he said. ')},
  {name: '-ly hyphens', n: 3000, make: repeat('a newly-built and fully-funded house ')},
  {name: '-ly hyphen chain', n: 3000, make: (n) => `A ${'newly-'.repeat(n)}built house.\n`},
  {name: 'run of periods', n: 20000, make: (n) => `The talks went on${'.'.repeat(n)}\n`},
  {name: 'run of commas', n: 20000, make: (n) => `The talks went on${','.repeat(n)} then ended.\n`},
  {name: 'capitalised names, one length and letter', n: 2000, make: names},
  {name: 'repeated sentence with a typo', n: 1000, make: repeat('The minster spoke at lenght. ')},
  {name: 'one sentence, many words', n: 10000, make: (n) => `${'talks went on and '.repeat(n / 4)}ended.\n`},
  {name: 'repeated headline-like lines', n: 2000, make: repeat('Talks In Seoul\n')},
  {
    name: '--fix-dry-run, changed lines',
    n: 10000,
    make: (n) => Array.from({length: n}, (_, i) => `Line ${i}: the talks went on. .\n`).join(''),
    run(text, linter) {
      const fixed = linter.fix({path: 'story.txt', value: text}).text
      if (fixed === text) throw new Error('the dry-run shape changed nothing')
      unifiedDiff('story.txt', text, fixed)
    }
  }
]

function cpu(action: () => void): number {
  const before = process.cpuUsage()
  action()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1e6
}

function time(shape: Shape, n: number, linter: Linter): number {
  const text = shape.make(n)
  let best = Infinity
  for (let i = 0; i < repeats; i++) {
    best = Math.min(best, cpu(() => (shape.run ? shape.run(text, linter) : linter.lint({path: 'story.txt', value: text}))))
    // A slow size is not timed again.
    if (best > limit / 2) break
  }
  return best
}

const only = (id: string): Config => ({rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === id ? 'warn' : 'off']))})

const linter = createLinter()
linter.lint({path: 'warm.txt', value: 'Warm up the dictionary. the the end.'})
const selected = values.shape ? SHAPES.filter((shape) => values.shape!.some((name) => shape.name.includes(name))) : SHAPES
let worst = 0
console.log(`${'shape'.padEnd(42)} ${'n'.padStart(7)} ${'t(n)'.padStart(8)} ${'t(2n)'.padStart(8)} ${'t(4n)'.padStart(8)}  growth per doubling`)
for (const shape of selected) {
  const n = Math.round(shape.n * scale)
  const times: number[] = []
  for (const size of [n, 2 * n, 4 * n]) {
    times.push(time(shape, size, linter))
    if (times[times.length - 1] > limit) break
  }
  // Below a few milliseconds the ratio is noise; the floor keeps it from reading as growth.
  const floor = 0.02
  const growth = times.slice(1).map((t, i) => Math.max(t, floor) / Math.max(times[i], floor))
  worst = Math.max(worst, ...growth)
  const cells = [0, 1, 2].map((i) => (times[i] === undefined ? 'stopped' : `${times[i].toFixed(3)}s`).padStart(8))
  const marks = growth.map((g) => `${g.toFixed(2)}x${g > 2.3 ? ' (!)' : ''}`).join(', ')
  console.log(`${shape.name.padEnd(42)} ${String(n).padStart(7)} ${cells.join(' ')}  ${marks}`)
  if (values['by-rule'] && !shape.run) {
    const text = shape.make(4 * n)
    const parts = rules.map((rule) => {
      const alone = createLinter(only(rule.id))
      return [rule.id, cpu(() => alone.lint({path: 'story.txt', value: text}))] as const
    })
    const none = createLinter({rules: Object.fromEntries(rules.map((rule) => [rule.id, 'off']))})
    const base = cpu(() => none.lint({path: 'story.txt', value: text}))
    console.log(`    at 4n: parse and article ${base.toFixed(3)}s; ` + parts.map(([id, t]) => `${id} ${(t - base).toFixed(3)}s`).join(', '))
  }
}
console.log(`worst growth per doubling: ${worst.toFixed(2)}x (linear is 2x; the bound is 2.3x)`)
