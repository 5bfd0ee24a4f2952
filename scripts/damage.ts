// The damage generator: copies a folder of articles with the seed article's kinds of damage put
// in, and writes beside each damaged copy the ground truth that ../shared/tools/score.mjs reads.
//
//   node dist/scripts/damage.js [--seed S] [--rate R] [--format txt|md|html] [--classes a,b] INPUT OUTPUT
//
// INPUT   a folder of plain-text articles (`*.txt`, found in subfolders too; line 1 the headline,
//         paragraphs one per line, as news-dev, wire-dev and web-dev are). Other files are skipped.
// OUTPUT  gets the same relative layout: `NNN.txt` (or `.md`, `.html`) and `NNN.defects.json`
//         ({file, defects: [{id, class, line, context, span, why, fix, shape?}]}; `class` is a
//         damage class id of scripts/damage/index.ts, `shape` a finer kind inside it).
// --seed     any text (default `1`). The same seed, input and options give the same bytes; each
//            article draws from its own stream (seed + relative path), so adding files to the
//            folder does not change the damage in the others.
// --rate     the chance (default 0.5) that each class is tried on an article (classes marked
//            `always`, which find few places, are tried on every one); a class that finds no
//            place for itself (no attribution, no place in the headline) is skipped.
// --format   `md` renders the damaged text as Markdown (headline as `# `, text escaped so it
//            reads the same), `html` as `<h1>`/`<p>` lines; the truth is written for that file.
// --classes  only these class ids (comma-separated).
// Each class edits a line no other class has edited (the boilerplate class adds a line of its
// own), so damages do not run into each other. Library use: `damageArticle`, `damageFolder`.
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import {parseArgs} from 'node:util'
import {pathToFileURL} from 'node:url'
import {createRng, readDoc, type Damage} from './damage/core.js'
import {damageClasses} from './damage/index.js'

export type Format = 'txt' | 'md' | 'html'

export interface DamageOptions {
  seed?: string
  rate?: number
  format?: Format
  /** Class ids to use; all when absent. */
  classes?: string[]
}

/** One defect as the truth files hold it (score.mjs reads line, context, span). */
export interface TruthDefect {
  id: string
  class: string
  line: number
  context: string
  span: string
  why: string
  fix: string | null
  shape?: string
}

export interface Truth {
  file: string
  about: string
  defects: TruthDefect[]
}

/**
 * The folders a corpus script reads: those named, or news-dev, wire-dev and web-dev of the
 * corpus named by COPYDESK_CORPUS or of the nearest shared/corpus above the working folder.
 */
export function corpusFolders(named: readonly string[]): string[] {
  if (named.length > 0) return named.map((path) => resolve(path))
  let root = process.env.COPYDESK_CORPUS
  for (let dir = process.cwd(); !root && dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'shared', 'corpus'))) root = join(dir, 'shared', 'corpus')
  }
  if (!root) throw new Error('no shared/corpus above the working folder: name the corpora or set COPYDESK_CORPUS')
  return ['news-dev', 'wire-dev', 'web-dev'].map((name) => join(root, name))
}

/**
 * Hands `read` every article of the folders and its damaged copies (txt, md and html, seeded):
 * what the scripts that check a rule on all copy it could meet read. Returns how many texts it read.
 */
export function eachCopy(folders: readonly string[], damage: {seed: string; rate: number}, read: (path: string, value: string) => void): number {
  let count = 0
  for (const folder of folders) {
    for (const path of articles(folder)) {
      const value = readFileSync(path, 'utf8')
      read(path, value)
      count++
      for (const format of ['txt', 'md', 'html'] as Format[]) {
        read(path.replace(/\.txt$/u, `.${format}`), damageArticle(basename(path), value, {...damage, format}).text)
        count++
      }
    }
  }
  return count
}

/** Damages one article; `name` (its path relative to the corpus) seeds its random stream. */
export function damageArticle(name: string, text: string, options: DamageOptions = {}): {text: string; truth: Truth} {
  const {seed = '1', rate = 0.5, format = 'txt'} = options
  const rng = createRng(`${seed}:${name}`)
  const doc = readDoc(name, text)
  const damages: Array<{cls: string; damage: Damage}> = []
  for (const cls of damageClasses) {
    if (options.classes && !options.classes.includes(cls.id)) continue
    if (!cls.always && !rng.chance(rate)) continue
    const damage = cls.apply(doc, rng)
    if (damage) damages.push({cls: cls.id, damage})
  }
  const rendered = render(doc.lines.map((line) => line.text), format, doc.blankSeparated)
  const file = basename(name).replace(/\.[^.]*$/, '') + '.' + format
  const defects = damages.map(({cls, damage}, i): TruthDefect => {
    const index = doc.lines.indexOf(damage.line)
    const {line, map} = rendered.lines[index]
    const start = map[damage.start]
    const end = map[damage.end]
    const entry: TruthDefect = {
      id: `${cls}-${i + 1}`,
      class: cls,
      line: rendered.lineNumber[index],
      context: contextFor(line, start, end),
      span: line.slice(start, end),
      why: damage.why,
      fix: damage.fix
    }
    if (damage.shape) entry.shape = damage.shape
    return entry
  })
  defects.sort((a, b) => a.line - b.line)
  return {
    text: rendered.text,
    truth: {file, about: `Damage put into ${name} by scripts/damage.ts (seed ${seed}, rate ${rate}).`, defects}
  }
}

/** Damages every `.txt` article under `input` into `output`; returns the truth files written. */
export function damageFolder(input: string, output: string, options: DamageOptions = {}): string[] {
  const written: string[] = []
  for (const path of articles(input)) {
    const name = relative(input, path).split(sep).join('/')
    const {text, truth} = damageArticle(name, readFileSync(path, 'utf8'), options)
    const folder = join(output, dirname(name))
    mkdirSync(folder, {recursive: true})
    writeFileSync(join(folder, truth.file), text)
    const truthPath = join(folder, truth.file.replace(/\.[^.]*$/, '') + '.defects.json')
    writeFileSync(truthPath, JSON.stringify(truth, null, 1) + '\n')
    written.push(truthPath)
  }
  return written
}

/** The `.txt` files under a folder, sorted, so runs are reproducible. */
export function articles(folder: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry)
    if (statSync(path).isDirectory()) out.push(...articles(path))
    else if (entry.endsWith('.txt')) out.push(path)
  }
  return out
}

// score.mjs finds a span by `line.indexOf(context)`, then `indexOf(span)` from there: choose a
// context that leads it to exactly this occurrence.
function contextFor(line: string, start: number, end: number): string {
  const span = line.slice(start, end)
  const locate = (context: string) => {
    const from = line.indexOf(context)
    return from < 0 ? -1 : line.indexOf(span, from)
  }
  // start at the span and widen leftwards until the context is the first of its kind
  for (let from = start; ; from = Math.max(0, from - (start - from < 20 ? 1 : 10))) {
    for (const to of [Math.min(line.length, end + 20), line.length]) {
      const context = line.slice(from, Math.max(to, from + 1))
      if (locate(context) === start) return context
    }
    if (from === 0) break
  }
  throw new Error(`no context locates the span at ${start} in: ${line}`)
}

// Rendering -------------------------------------------------------------------------------

interface Rendered {
  text: string
  /** Per source line: its rendered text and a map from source offsets to rendered offsets. */
  lines: Array<{line: string; map: number[]}>
  /** Per source line: its 1-based line number in the rendered text. */
  lineNumber: number[]
}

function render(lines: string[], format: Format, blankSeparated: boolean): Rendered {
  const out: string[] = []
  const rendered: Rendered['lines'] = []
  const lineNumber: number[] = []
  let first = true
  lines.forEach((text, i) => {
    let result: {line: string; map: number[]}
    if (format === 'txt') result = {line: text, map: [...Array(text.length + 1).keys()]}
    else if (!text.trim()) result = {line: text, map: [...Array(text.length + 1).keys()]}
    else if (format === 'md') result = markdownLine(text, first)
    else result = htmlLine(text, first)
    if (text.trim()) first = false
    // Markdown joins adjacent lines into one paragraph: keep paragraphs apart
    if (format === 'md' && !blankSeparated && text.trim() && out.length && out[out.length - 1].trim()) out.push('')
    lineNumber.push(out.length + 1)
    out.push(result.line)
    rendered.push(result)
  })
  return {text: out.join('\n'), lines: rendered, lineNumber}
}

// Markdown that reads as the plain text does: the headline as `# `, every character that could
// start markup escaped, line-start markers (`1. `, `- `, `> `, `#`) escaped, leading indentation dropped.
function markdownLine(text: string, headline: boolean): {line: string; map: number[]} {
  const indent = /^\s*/.exec(text)![0].length
  let line = headline ? '# ' : ''
  const map: number[] = Array(indent).fill(line.length)
  for (let i = indent; i < text.length; i++) {
    map.push(line.length)
    const char = text[i]
    const atStart = i === indent
    const rest = text.slice(i)
    if (
      /[\\`*[\]<>|~]/.test(char) ||
      // `_` inside a word (`e_mail`) starts no emphasis in CommonMark
      (char === '_' && !(/[\p{L}\p{N}]/u.test(text[i - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[i + 1] ?? ''))) ||
      (char === '&' && /^&#?\w+;/.test(rest)) ||
      (atStart && /^(#|[-+=](\s|$)|[-=]{3,}\s*$)/.test(rest)) ||
      (/[.)]/.test(char) && /^\d+$/.test(text.slice(indent, i)) && /^.(\s|$)/.test(rest))
    )
      line += '\\'
    line += char
  }
  map.push(line.length)
  return {line, map}
}

// HTML: one element per line, `&`, `<` and `>` as entities.
function htmlLine(text: string, headline: boolean): {line: string; map: number[]} {
  const [open, close] = headline ? ['<h1>', '</h1>'] : ['<p>', '</p>']
  let line = open
  const map: number[] = []
  for (const char of text) {
    for (let k = 0; k < char.length; k++) map.push(line.length)
    line += char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : char
  }
  map.push(line.length)
  return {line: line + close, map}
}

// The command --------------------------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const {values, positionals} = parseArgs({
    allowPositionals: true,
    options: {seed: {type: 'string'}, rate: {type: 'string'}, format: {type: 'string'}, classes: {type: 'string'}}
  })
  const [input, output] = positionals
  const format = (values.format ?? 'txt') as Format
  if (!input || !output || !['txt', 'md', 'html'].includes(format)) {
    process.stderr.write('Usage: node dist/scripts/damage.js [--seed S] [--rate R] [--format txt|md|html] [--classes a,b] INPUT OUTPUT\n')
    process.exit(2)
  }
  const written = damageFolder(input, output, {
    seed: values.seed,
    rate: values.rate === undefined ? undefined : Number(values.rate),
    format,
    classes: values.classes?.split(',')
  })
  const counts = new Map<string, number>()
  for (const path of written) for (const d of (JSON.parse(readFileSync(path, 'utf8')) as Truth).defects) counts.set(d.class, (counts.get(d.class) ?? 0) + 1)
  console.log(`${written.length} articles damaged into ${output}`)
  for (const [cls, count] of counts) console.log(`  ${cls.padEnd(18)} ${count}`)
}
