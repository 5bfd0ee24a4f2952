// npm run bench:adversarial [-- --shape NAME...] [--by-rule] [--target SECONDS] [--runs N]
//   [--scale K] [--fixed] [--limit SECONDS] [--list]
// Builds every hostile shape of issue 9 (and the ones found since) at n, 2n and 4n, lints each in
// this process with the default rules, and prints the CPU time at each size and the growth per
// doubling: linear work doubles (2x); over 2.3x is marked, and the exit code is 1.
// Trustworthy on a loaded machine: the time is this process's CPU time (user + system, so other
// processes' load does not count), n is doubled from the table's value until the 4n text takes at
// least --target seconds (default 1; --fixed keeps the table's n), the three sizes are timed in
// turn --runs times (default 5) so that a burst of load hits all three alike, and the median of
// each is kept. Run with `node --expose-gc` (the npm script does) to collect garbage before each
// timing, so one size does not pay for the last one's garbage, and with a large young generation
// and first old-space limit (`--max-semi-space-size=64 --initial-old-space-size=1024`): with V8's
// defaults the 4n text of a shape was often the only size to pass the heap size that starts the
// first full collection ('one sentence, many words' at 4n, 320,000 words: a 232 ms mark-compact
// and 48 scavenges; at n none and 10), a step in the cost that read as growth of 2.4x to 2.5x.
// --by-rule times each rule alone at 4n, to find which one grows. A size that takes longer than --limit seconds stops its shape.
import {parseArgs} from 'node:util'
import {createLinter, rules, type Config, type Linter} from '../src/index.js'
import {unifiedDiff} from '../src/cli/diff.js'

const {values} = parseArgs({
  options: {
    shape: {type: 'string', multiple: true},
    'by-rule': {type: 'boolean'},
    target: {type: 'string'},
    runs: {type: 'string'},
    scale: {type: 'string'},
    fixed: {type: 'boolean'},
    limit: {type: 'string'},
    list: {type: 'boolean'}
  }
})
const scale = Number(values.scale ?? 1)
const target = Number(values.target ?? 1)
const runs = Math.max(1, Number(values.runs ?? 5))
const limit = Number(values.limit ?? 30)
const gc = (globalThis as {gc?: () => void}).gc

interface Shape {
  name: string
  /** n at scale 1 (the smallest n tried), and what one unit is. */
  n: number
  make(n: number): string
  /** The file's name, which picks the format: `.txt` (default), `.md` or `.html`. */
  path?: string
  /** Times something other than a lint of the text. */
  run?(text: string, linter: Linter): void
}

const repeat = (unit: string) => (n: number) => unit.repeat(n)
// Capitalised names of one length and first letter, all different, each one letter from some
// hundred others: `Baaaaa Baaaba ...`. They come in groups of 676 whose last two letters run
// through every pair; the first three letters of two groups differ in two places, so each name has
// the same number of near neighbours however many there are. (Counting up through every name of
// five letters, as this shape once did, adds neighbours as n grows, 107 per name at 2,000 and 207 at
// 16,000: the rule's work per name grew with it, which read as superlinear growth.)
function nameLetters(i: number): string {
  const letter = (k: number) => String.fromCharCode(97 + (k % 26))
  const group = Math.floor(i / 676)
  const [a, b] = [group % 26, Math.floor(group / 26)]
  return `${letter(a)}${letter(b)}${letter(a + b)}${letter(i % 26)}${letter(Math.floor(i / 26))}`
}
function names(n: number): string {
  return Array.from({length: n}, (_, i) => `B${nameLetters(i)} spoke${i % 8 === 7 ? '.\n' : ','} `).join('')
}

const SHAPES: Shape[] = [
  {name: '". " repeated', n: 5000, make: repeat('. ')},
  {name: '". . ." document', n: 4000, make: (n) => `Talks went on${' . . .'.repeat(n)}\n`},
  {name: 'one lower-case word', n: 1000, make: (n) => `The ${'abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n)} went on.\n`},
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
  // Found by running every rule over generated hostile copy (issue 9, point 7).
  {name: '"a &b " repeated', n: 5000, make: repeat('a &b ')},
  {name: '"ab- " repeated', n: 5000, make: repeat('ab- ')},
  {name: '"an/or " repeated', n: 5000, make: repeat('an/or ')},
  {name: '"Mr. " repeated', n: 5000, make: repeat('Mr. ')},
  {name: '"etc. " repeated', n: 5000, make: repeat('Bread etc. ')},
  {name: 'initialism run in one word', n: 5000, make: (n) => `The ${'A.'.repeat(n)} went on.\n`},
  {name: 'addresses in one paragraph', n: 2000, make: repeat('see https://example.com/a?b=c, ')},
  {name: 'many quotations', n: 2000, make: repeat('He said "talks went on" and ')},
  {name: 'unclosed quotes', n: 2000, make: repeat('He said \u201ctalks went on and ')},
  // Made as the names above, so that each has as many near neighbours at every n: counted up as
  // `Cbaaa`, `Cbaab`..., a name shared a one-letter deletion with 106, 120 and 149 others on
  // average at 2,000, 4,000 and 8,000 names (96 at each, made this way).
  {name: 'thousands of distinct names', n: 1000, make: (n) => Array.from({length: n}, (_, i) => `C${nameLetters(i)} D${nameLetters(i + 7)} said talks went on. `).join('')},
  {name: '"&amp;" references', n: 2000, make: repeat('salt &amp; pepper ')},
  {name: 'mojibake', n: 2000, make: repeat('don\u00e2\u20ac\u2122t say \u00e2\u20ac\u0153no ')},
  {name: 'Markdown: deep list', n: 1000, path: 'story.md', make: (n) => Array.from({length: n}, (_, i) => `${'  '.repeat(i % 50)}- item ${i}\n`).join('')},
  {name: 'Markdown: lists opened on one line', n: 2000, path: 'story.md', make: (n) => `${'- '.repeat(n)}the the talks\n`},
  {name: 'Markdown: long line of links', n: 1000, path: 'story.md', make: (n) => `The ${'[a](http://x.com/a) '.repeat(n)}end.\n`},
  {name: 'Markdown: emphasis run', n: 2000, path: 'story.md', make: (n) => `The ${'*a* '.repeat(n)}end.\n`},
  {name: 'Markdown: "[a](" repeated', n: 5000, path: 'story.md', make: repeat('[a](')},
  // Marks that start no construct, a line each, in one hard-wrapped paragraph.
  {name: 'Markdown: paragraph of lines with stray marks', n: 2000, path: 'story.md', make: repeat('a * b_c ] d\\. e\n')},
  {name: 'Markdown: thousands of headings', n: 1000, path: 'story.md', make: repeat('# Talks went on\n\n')},
  {name: 'Markdown: code spans on one line', n: 5000, path: 'story.md', make: repeat('`a` ')},
  {name: 'HTML: thousands of headings', n: 1000, path: 'story.html', make: repeat('<h2>Talks went on</h2>')},
  {name: 'HTML: unclosed paragraphs', n: 2000, path: 'story.html', make: repeat('<p>a ')},
  {name: 'one quotation of one word repeated', n: 10000, make: (n) => `He said "${'the '.repeat(n)}\n`},
  {name: 'HTML: words split by tags', n: 2000, path: 'story.html', make: repeat('<span class="a" id="b">a</span>')},
  // micromark's emphasis and strikethrough resolvers walk back from each closer to the
  // paragraph's start when no opener suits it; src/markup.ts pairs them first in one pass.
  {name: 'Markdown: emphasis closers only', n: 500, path: 'story.md', make: repeat('a* ')},
  {name: 'Markdown: strikethrough closers only', n: 500, path: 'story.md', make: repeat('a~~ ')},
  {name: 'Markdown: emphasis nested deep', n: 1000, path: 'story.md', make: (n) => `${'*a '.repeat(n)}b${' c*'.repeat(n)}\n`},
  {name: 'Markdown: one run of openers, many closers', n: 1000, path: 'story.md', make: (n) => `${'*'.repeat(n)}a${' b*'.repeat(n)}\n`},
  // Inside one long emphasis each inner pair spliced the events of the whole stretch (micromark's
  // resolver), quadratic with a small constant: 4k/8k/16k 0.29/0.73/1.9 s parsing, before
  // src/markup.ts resolved the inside first.
  {name: 'Markdown: one emphasis around many pairs', n: 2000, path: 'story.md', make: (n) => `*x ${'_y a__ '.repeat(n)}z*\n`},
  {name: 'HTML: long line of tags', n: 1000, path: 'story.html', make: (n) => `<p>The ${'<b>a</b> '.repeat(n)}end.</p>`},
  {name: 'HTML: &amp; in a paragraph', n: 1000, path: 'story.html', make: (n) => `<p>${'salt &amp; pepper '.repeat(n)}</p>`},
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
  gc?.()
  const before = process.cpuUsage()
  action()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1e6
}

// Each timing lints with a linter of its own, warmed on a line: a linter remembers what it linted
// last (parsed paragraphs, per-paragraph findings, token scans) for an editor's next keystroke, and
// one shared across the sizes let some timings reuse what others had left, so growth read wrong.
function once(shape: Shape, text: string, config: Config): number {
  const path = shape.path ?? 'story.txt'
  const linter = createLinter(config)
  linter.lint({path: 'warm.txt', value: 'Warm up the dictionary. the the end.'})
  return cpu(() => (shape.run ? shape.run(text, linter) : linter.lint({path, value: text})))
}

const median = (list: number[]) => {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

// The smallest n (the table's n doubled) whose 4n text takes at least the target; this first
// timing also warms the code up. A shape whose 4n text would pass 16 MB stops growing there.
function calibrate(shape: Shape, config: Config): number {
  let n = Math.max(1, Math.round(shape.n * scale))
  if (values.fixed) return n
  for (;;) {
    const text = shape.make(4 * n)
    let t = once(shape, text, config)
    // The first timing of a size is often the slowest (compilation, a heap that grows): a second
    // one must agree before n is taken.
    if (t >= target && t <= limit) t = Math.min(t, once(shape, text, config))
    if (t >= target || t > limit) return n
    // Jump straight to about the size needed (at most 8x at a time: the work may grow faster),
    // keeping the 4n text within 16 MB.
    let next = n * Math.max(2, Math.min(8, 2 ** Math.ceil(Math.log2(target / Math.max(t, 1e-3)))))
    while (next > n && shape.make(4 * next).length > 16e6) next /= 2
    if (next <= n) return n
    n = next
  }
}

const only = (id: string): Config => ({rules: Object.fromEntries(rules.map((rule) => [rule.id, rule.id === id ? 'warn' : 'off']))})

if (values.list) {
  for (const shape of SHAPES) console.log(shape.name)
  process.exit(0)
}
if (!gc) console.log('(run with node --expose-gc for steadier times)')
const config: Config = {}
const selected = values.shape ? SHAPES.filter((shape) => values.shape!.some((name) => shape.name.includes(name))) : SHAPES
if (selected.length === 0) {
  console.error(`No shape matches ${values.shape!.join(', ')}; --list names them.`)
  process.exit(2)
}
let worst = 0
let over = 0
console.log(`${'shape'.padEnd(42)} ${'n'.padStart(8)} ${'t(n)'.padStart(8)} ${'t(2n)'.padStart(8)} ${'t(4n)'.padStart(8)}  growth per doubling (median of ${runs})`)
for (const shape of selected) {
  const n = calibrate(shape, config)
  const texts = [n, 2 * n, 4 * n].map((size) => shape.make(size))
  const samples: number[][] = [[], [], []]
  // The sizes in turn, run after run; a size slower than the limit is not timed again, nor larger ones.
  let sizes = 3
  for (let run = 0; run < runs && sizes > 0; run++) {
    for (let i = 0; i < sizes; i++) {
      const t = once(shape, texts[i], config)
      samples[i].push(t)
      if (t > limit) sizes = i
    }
  }
  const times = samples.filter((list) => list.length > 0).map(median)
  const growth = times.slice(1).map((t, i) => t / Math.max(times[i], 1e-6))
  worst = Math.max(worst, ...growth)
  const cells = [0, 1, 2].map((i) => (times[i] === undefined ? 'stopped' : `${times[i].toFixed(3)}s`).padStart(8))
  const marks = growth.map((g) => `${g.toFixed(2)}x${g > 2.3 ? ' (!)' : ''}`).join(', ')
  const noise = times[2] !== undefined && times[2] < target ? `  (4n below ${target} s: noisy)` : ''
  if (growth.some((g) => g > 2.3) || times.length < 3) over++
  console.log(`${shape.name.padEnd(42)} ${String(n).padStart(8)} ${cells.join(' ')}  ${marks}${noise}`)
  if (values['by-rule'] && !shape.run) {
    const text = texts[2]
    const path = shape.path ?? 'story.txt'
    const none = createLinter({rules: Object.fromEntries(rules.map((rule) => [rule.id, 'off']))})
    none.lint({path, value: texts[0]})
    const base = cpu(() => none.lint({path, value: text}))
    const parts = rules.map((rule) => {
      const alone = createLinter(only(rule.id))
      alone.lint({path, value: texts[0]})
      return [rule.id, cpu(() => alone.lint({path, value: text}))] as const
    })
    console.log(`    at 4n: parse and article ${base.toFixed(3)}s; ` + parts.map(([id, t]) => `${id} ${(t - base).toFixed(3)}s`).join(', '))
  }
}
console.log(`worst growth per doubling: ${worst.toFixed(2)}x (linear is 2x; the bound is 2.3x)${over ? `; ${over} shape(s) over` : ''}`)
if (over) process.exitCode = 1
