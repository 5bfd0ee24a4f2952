// npm run bench -- [--before DIR] [--corpus FOLDER] [--runs N] [--skip-large]
// Every figure of issue 13, measured in one run, for this checkout and (with --before) for another
// built checkout side by side: e.g. `git archive main | tar -x -C /tmp/main`, link node_modules,
// `npx tsc`, then `npm run bench -- --before /tmp/main`. Whole-process times are medians of --runs
// (default 3) and include start-up; peak memory is the process's own maximum resident set.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {parseArgs} from 'node:util'

const {values} = parseArgs({options: {before: {type: 'string'}, corpus: {type: 'string'}, runs: {type: 'string'}, 'skip-large': {type: 'boolean'}}})
const here = resolve(import.meta.dirname, '../..')
const roots = [...(values.before ? [{label: 'before', dir: resolve(values.before)}] : []), {label: 'after', dir: here}]
// The news corpus: named, else the nearest shared/corpus/news-dev above this checkout.
const corpus = resolve(values.corpus ?? [1, 2, 3, 4].map((up) => join(here, '../'.repeat(up), 'shared/corpus/news-dev')).find((path) => existsSync(path)) ?? 'news-dev')
const runs = Number(values.runs ?? 3)
const work = mkdtempSync(join(tmpdir(), 'copydesk-bench-'))

// The articles, in a stable order, and the large files made of them (640 KB and eight times it).
const files = (spawnSync('find', [corpus, '-name', '*.txt'], {encoding: 'utf8'}).stdout.trim().split('\n').filter(Boolean)).sort()
const texts = files.map((path) => readFileSync(path, 'utf8'))
const words = (text: string) => text.match(/\S+/gu)?.length ?? 0
const corpusWords = texts.reduce((sum, text) => sum + words(text), 0)
const one = `${texts.map((text) => text.trim()).join('\n\n')}\n`
const large = [1, 8].map((times) => {
  const path = join(work, `news-x${times}.txt`)
  writeFileSync(path, Array.from({length: times}, () => one).join('\n\n'))
  return {times, path, words: words(one) * times, bytes: Buffer.byteLength(one) * times}
})
const noSpelling = join(work, 'no-spelling.json')
writeFileSync(noSpelling, JSON.stringify({rules: {spelling: 'off'}}))

// A child node process; its CPU time and peak memory come from a hook that runs at its exit.
const HOOK = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nBENCH '+JSON.stringify({rss:u.maxRSS,cpu:(u.userCPUTime+u.systemCPUTime)/1e3})+'\\n')})`
interface Measure {
  wall: number
  cpu: number
  rss: number
  status: number | null
  stdout: string
}
function node(args: string[], options: {cwd?: string; input?: string} = {}): Measure {
  const started = performance.now()
  const run = spawnSync(process.execPath, [`--import=${HOOK}`, ...args], {cwd: options.cwd ?? work, input: options.input, encoding: 'utf8', maxBuffer: 1 << 30})
  const wall = performance.now() - started
  const stats = /BENCH (\{.*\})/u.exec(run.stderr ?? '')
  const {rss, cpu} = stats ? (JSON.parse(stats[1]) as {rss: number; cpu: number}) : {rss: 0, cpu: 0}
  return {wall, cpu, rss: rss / 1024, status: run.status, stdout: run.stdout ?? ''}
}
function median(measure: () => Measure, times = runs): Measure {
  const all = Array.from({length: times}, measure).sort((a, b) => a.wall - b.wall)
  return all[Math.floor(all.length / 2)]
}
// The command each checkout's package.json names as its bin (a bundle since scripts/bundle.ts).
const cli = (dir: string) => join(dir, (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {bin: {copydesk: string}}).bin.copydesk)
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

type Row = [string, ...string[]]
const rows: Row[] = []
const row = (name: string, cells: (root: {label: string; dir: string}) => string) => {
  const cellsOf = roots.map((root) => {
    try {
      return cells(root)
    } catch (error) {
      return `n/a (${(error as Error).message.split('\n')[0].slice(0, 40)})`
    }
  })
  rows.push([name, ...cellsOf])
  console.error(`  ${name}: ${cellsOf.join(' | ')}`)
}

if (files.length === 0) throw new Error(`no .txt files under ${corpus} (name a folder with --corpus)`)
console.error(`${files.length} articles, ${corpusWords} words; ${runs} runs each; working in ${work}`)

// 2. Fast from cold: a bare retext-english parse of the same files, whole process.
const bareScript = join(work, 'bare.mjs')
writeFileSync(
  bareScript,
  `import {readFileSync} from 'node:fs'\nconst {unified} = await import(${JSON.stringify(join(here, 'node_modules/unified/index.js'))})\nconst {default: retextEnglish} = await import(${JSON.stringify(join(here, 'node_modules/retext-english/index.js'))})\nconst processor = unified().use(retextEnglish)\nfor (const path of process.argv.slice(2)) processor.parse(readFileSync(path, 'utf8'))\n`
)
// The cold runs alternate (bare, then each checkout, then again): the machine's speed drifts over
// minutes, and measuring one command's runs back to back put the drift between the checkouts and
// into the ratio. Each figure is the median of its own runs.
function alternating(commands: Array<() => Measure>, times = runs): Measure[] {
  const all = commands.map(() => [] as Measure[])
  for (let round = 0; round < times; round++) commands.forEach((command, index) => all[index].push(command()))
  return all.map((measures) => measures.sort((a, b) => a.wall - b.wall)[Math.floor(measures.length / 2)])
}
const cold = (args: (dir: string) => string[]) => alternating([() => node([bareScript, ...files]), ...roots.map((root) => () => node(args(root.dir)))])
const [bare, ...withSpelling] = cold((dir) => [cli(dir), '--report', 'json', ...files])
const [bareAgain, ...withoutSpelling] = cold((dir) => [cli(dir), '--report', 'json', '-c', noSpelling, ...files])
row('cold: bare retext-english parse, whole process (wall, CPU)', () => `${seconds(bare.wall)}, ${seconds(bare.cpu)} CPU`)
const corpusRuns = new Map<string, Measure>()
// Wall time on a shared machine depends on who else runs; CPU time (all threads) less so.
const versusBare = (measure: Measure, base = bare) =>
  `${seconds(measure.wall)} (${(measure.wall / base.wall).toFixed(1)}x bare), ${seconds(measure.cpu)} CPU (${(measure.cpu / base.cpu).toFixed(1)}x bare)`
row('cold: CLI on the articles, whole process', (root) => {
  const measure = withSpelling[roots.indexOf(root)]
  corpusRuns.set(root.label, measure)
  return versusBare(measure)
})
row('cold: CLI without spelling, whole process', (root) => versusBare(withoutSpelling[roots.indexOf(root)], bareAgain))
row('cold: import of the engine (index.js), whole process', (root) => seconds(median(() => node(['-e', `await import(${JSON.stringify(join(root.dir, 'dist/src/index.js'))})`, '--input-type=module'])).wall))
row('cold: CLI on the articles, peak memory', (root) => `${Math.round(corpusRuns.get(root.label)!.rss)} MB`)

// 1. Linear: one file of news (640 KB) and eight times it (5 MB), whole process.
if (!values['skip-large']) {
  for (const spelling of [true, false]) {
    const perWord = new Map<string, number>()
    for (const {times, path, words: count, bytes} of large) {
      row(`linear: ${(bytes / 1e6).toFixed(1)} MB file${spelling ? '' : ', no spelling'} (wall, CPU, peak memory)`, (root) => {
        const measure = node([cli(root.dir), '--report', 'json', '--max-file-size', '100mb', ...(spelling ? [] : ['-c', noSpelling]), path])
        if (times === 1) perWord.set(root.label, measure.wall / count)
        if (times === 1) perWord.set(`${root.label} cpu`, measure.cpu / count)
        const ratio =
          times === 1
            ? ''
            : `; per word ${(measure.wall / count / perWord.get(root.label)!).toFixed(2)}x (wall), ${(measure.cpu / count / perWord.get(`${root.label} cpu`)!).toFixed(2)}x (CPU) the 640 KB file's`
        return `${seconds(measure.wall)}, ${seconds(measure.cpu)} CPU, ${Math.round(measure.rss)} MB${ratio}`
      })
    }
  }
}

// A sentence with a typo repeated k times: the most messages one finding gives.
row('linear: messages per finding, one sentence x 200', (root) => {
  const input = 'The minster spoke at lenght on Monday. '.repeat(200)
  const script = `const {lint} = await import(${JSON.stringify(join(root.dir, 'dist/src/index.js'))}); const counts = new Map(); for (const m of lint({path: 'a.txt', value: process.argv[1]}).messages) { const key = m.ruleId + ' ' + m.actual; counts.set(key, (counts.get(key) ?? 0) + 1) }; console.log(Math.max(0, ...counts.values()))`
  const measure = node(['--input-type=module', '-e', script, input])
  return `${(Number(measure.stdout.trim()) / 200).toFixed(1)} per copy`
})

// One lint of the largest document the language server accepts, and of the 40 KB `. . .`
// document of issue 9, in process (warm): what the server's main thread blocked for while it
// linted there; since it lints in a worker thread, how long its findings take.
row('server: lint of a 40 KB ". . ." document (blocks for)', (root) => {
  const script = `const {createLinter} = await import(${JSON.stringify(join(root.dir, 'dist/src/index.js'))}); const l = createLinter(); l.lint('Warm up. The minster spoke at lenght on Monday, the the talks.'); const text = 'Talks went on' + ' . . .'.repeat(40000 / 6); const t = performance.now(); l.lint({path: 'a.txt', value: text}); console.log(performance.now() - t)`
  return `${Number(node(['--input-type=module', '-e', script]).stdout.trim()).toFixed(0)} ms`
})
row('server: lint of the largest news document it accepts (blocks for)', (root) => {
  const script = `const {createLinter} = await import(${JSON.stringify(join(root.dir, 'dist/src/index.js'))}); let max = 2000000; try { max = (await import(${JSON.stringify(join(root.dir, 'dist/src/server/documents.js'))})).MAX_DOCUMENT_LENGTH ?? max } catch {}; const l = createLinter(); l.lint('Warm up. The minster spoke at lenght on Monday, the the talks.'); const {readFileSync} = await import('node:fs'); const base = readFileSync(process.argv[1], 'utf8'); const text = base.repeat(Math.ceil(max / base.length)).slice(0, max); const t = performance.now(); l.lint({path: 'a.txt', value: text}); console.log(max, performance.now() - t)`
  const [max, ms] = node(['--input-type=module', '-e', script, large[0].path]).stdout.trim().split(' ').map(Number)
  return `${Math.round(ms)} ms at ${max.toLocaleString('en')} characters`
})

// 3. Editor: the server bench of each checkout (its own script, from its own folder).
const editor = new Map<string, string>()
for (const root of roots) editor.set(root.label, node([join(root.dir, 'dist/scripts/bench-server.js'), '40'], {cwd: root.dir}).stdout)
const pick = (text: string, pattern: RegExp) => pattern.exec(text)?.[1] ?? 'n/a'
row('editor: re-lint of a 5,000-word article, in process (median)', (root) => `${pick(editor.get(root.label)!, /lint alone, in process[^:]*: median ([\d.]+ ms)/u)}`)
row('editor: didChange -> publishDiagnostics (median, debounce 0)', (root) => `${pick(editor.get(root.label)!, /publishDiagnostics[^:]*: median ([\d.]+ ms)/u)}`)
// Where the server lints in a worker thread, what its main thread measured of its own event loop.
row('editor: longest main-thread block, lint and fix-all of the largest news document', (root) => `${pick(editor.get(root.label)!, /news \(the seed article repeated\).*longest main-thread block ([\d.]+ ms)/u)}`)

// 4. Archives: the articles as JSON Lines records, one thread and two.
const records = files.map((path, index) => JSON.stringify({id: index, text: readFileSync(path, 'utf8')})).join('\n') + '\n'
for (const jobs of [1, 2]) {
  row(`archives: --jsonl --jobs ${jobs}, ${files.length} records`, (root) => {
    const measure = median(() => node([cli(root.dir), '--jsonl', '--jobs', String(jobs)], {input: records}))
    if (measure.stdout.split('\n').length !== files.length + 1) throw new Error('no --jsonl')
    return `${seconds(measure.wall)}, ${Math.round(measure.rss)} MB`
  })
}

const widths = [0, ...roots.map((_, i) => i + 1)].map((i) => Math.max(...[['figure', ...roots.map((root) => root.label)], ...rows].map((cells) => cells[i].length)))
const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
console.log(line(['figure', ...roots.map((root) => root.label)]))
console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`)
for (const cells of rows) console.log(line(cells))
if (!existsSync(join(here, 'dist'))) console.error('build first: npm run build')
