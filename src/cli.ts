#!/usr/bin/env node
// The `copydesk` command, with ESLint's exit contract: 0 when no error-level message remains,
// 1 when one does (or warnings pass --max-warnings), 2 for usage, configuration and input errors.
// One linter per config file serves every file of the run; fixes are written atomically.
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import type {Copy, InputError} from './files.js'
import type {Linter} from './index.js'
import type {ReporterName} from './report.js'

// The linting modules are loaded once the arguments are read: help, version and most usage
// errors answer without loading the engine.
async function load() {
  const [files, index, report] = await Promise.all([import('./files.js'), import('./index.js'), import('./report.js')])
  return {...files, ...index, ...report}
}
type Modules = Awaited<ReturnType<typeof load>>

const USAGE = `Usage: copydesk [options] [file|folder|glob|-]...

Lints news and web copy. Folders are searched for .txt, .md, .markdown, .html and .htm
files; a glob is expanded; - reads standard input.

Options:
  --fix                   write safe fixes back to the files, then report what is left
  --fix-dry-run           print the safe fixes as a unified diff instead of writing them
  -r, --report NAME       pretty (default, to stderr), json, sarif or github (to stdout)
  -o, --output-file PATH  write the report to a file instead
  -c, --config PATH       use this config file for every file (no search upward)
  --no-config             use the defaults, ignoring every config file
  --ignore-path PATH      read ignore patterns from this file (default: ./.copydeskignore)
  --max-warnings N        exit 1 when there are more than N warnings
  -q, --quiet             report errors only
  --stdin-filename NAME   the name of standard input: its format and config are found from it
  --max-file-size SIZE    skip larger files with an error (default 1mb; e.g. 512kb, 20mb)
  --print-config FILE     print the configuration in effect for FILE and exit
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 no error-level message, 1 errors (or too many warnings), 2 usage, config or input errors.`

// A news article is tens of kilobytes; parse-english slows down more than linearly on one huge
// block of text (a 5 MB file took about a minute), so a larger file is refused unless asked for.
const DEFAULT_MAX_FILE_SIZE = 1024 * 1024

interface Options {
  fix: boolean
  dryRun: boolean
  report: string
  outputFile: string | undefined
  config: string | undefined
  noConfig: boolean
  ignorePath: string | undefined
  maxWarnings: number | undefined
  quiet: boolean
  stdinFilename: string | undefined
  maxFileSize: number
}

/** Thrown for a usage error: printed with the usage, exit 2. */
class UsageError extends Error {}

function readOptions(argv: string[]): {options: Options; inputs: string[]; printConfig?: string; help?: boolean; version?: boolean} {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        fix: {type: 'boolean'},
        'fix-dry-run': {type: 'boolean'},
        report: {type: 'string', short: 'r'},
        'output-file': {type: 'string', short: 'o'},
        config: {type: 'string', short: 'c'},
        'no-config': {type: 'boolean'},
        'ignore-path': {type: 'string'},
        'max-warnings': {type: 'string'},
        quiet: {type: 'boolean', short: 'q'},
        'stdin-filename': {type: 'string'},
        'max-file-size': {type: 'string'},
        'print-config': {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
  const {values, positionals} = parsed
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number, 0 or more')
  }
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size'])
  if (maxFileSize === undefined) throw new UsageError('--max-file-size takes a size such as 5mb, 512kb or 1048576')
  if (values.fix && values['fix-dry-run']) throw new UsageError('use --fix or --fix-dry-run, not both')
  if (values.config && values['no-config']) throw new UsageError('use --config or --no-config, not both')
  return {
    options: {
      fix: values.fix ?? false,
      dryRun: values['fix-dry-run'] ?? false,
      report: values.report ?? 'pretty',
      outputFile: values['output-file'],
      config: values.config,
      noConfig: values['no-config'] ?? false,
      ignorePath: values['ignore-path'],
      maxWarnings,
      quiet: values.quiet ?? false,
      stdinFilename: values['stdin-filename'],
      maxFileSize
    },
    inputs: positionals,
    printConfig: values['print-config'],
    help: values.help,
    version: values.version
  }
}

/** Parses a size such as `5mb`, `512kb` or `1048576`. */
function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/iu.exec(text.trim())
  if (!match) return undefined
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1
  return Math.round(Number(match[1]) * factor)
}

/**
 * The config file in effect for each path, and one linter per config file (or for the defaults)
 * reused for every file under it. Lookups are remembered per folder: a thousand files in one
 * folder search upward once.
 */
function linters(m: Modules, options: Options, cwd: string) {
  const named = options.config ? resolve(cwd, options.config) : undefined
  const found = new Map<string, string | undefined>()
  const cache = new Map<string, Linter>()
  const configOf = (path: string): string | undefined => {
    if (named) return named
    if (options.noConfig) return undefined
    const folder = dirname(path)
    if (!found.has(folder)) found.set(folder, m.findConfigFile(folder))
    return found.get(folder)
  }
  return (path: string): Linter => {
    const configPath = configOf(path)
    const key = configPath ?? ''
    let linter = cache.get(key)
    if (!linter) {
      const loaded = configPath ? m.loadConfigFile(configPath) : {config: {}, path: undefined}
      linter = m.createLinter(loaded.config, loaded.path)
      cache.set(key, linter)
    }
    return linter
  }
}

interface Io {
  cwd: string
  stdin: () => Promise<Buffer>
  stdout: (text: string) => void
  stderr: (text: string) => void
}

/** Runs the command; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const {cwd} = io
  let parsed
  try {
    parsed = readOptions(argv)
  } catch (error) {
    io.stderr(`copydesk: ${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  const {options, inputs} = parsed
  if (parsed.help) {
    io.stdout(`${USAGE}\n`)
    return 0
  }
  if (parsed.version) {
    io.stdout(`${version()}\n`)
    return 0
  }
  const useStdin = inputs.includes('-') || (inputs.length === 0 && options.stdinFilename !== undefined)
  const paths = inputs.filter((input) => input !== '-')
  if (parsed.printConfig === undefined && !useStdin && paths.length === 0) {
    io.stderr(`copydesk: no input: name files, folders or globs, or - for standard input\n\n${USAGE}\n`)
    return 2
  }

  const m = await load()
  if (!(m.REPORTERS as readonly string[]).includes(options.report)) {
    io.stderr(`copydesk: unknown report \`${options.report}\` (expected ${m.REPORTERS.join(', ')})\n\n${USAGE}\n`)
    return 2
  }
  const reportName = options.report as ReporterName
  try {
    if (parsed.printConfig !== undefined) {
      io.stdout(`${JSON.stringify(effectiveConfig(m, resolve(cwd, parsed.printConfig), options, cwd), null, 2)}\n`)
      return 0
    }
    const linterFor = linters(m, options, cwd)
    const stdinName = options.stdinFilename ?? 'stdin.txt'
    const collected = paths.length > 0 ? await m.collect(paths, cwd, options.ignorePath) : {files: [], errors: [], ignored: []}
    // Every config file in play is read and checked before any file is linted or written: a
    // broken one stops the run with nothing changed.
    if (useStdin) linterFor(resolve(cwd, stdinName))
    for (const path of collected.files) linterFor(path)

    const problems: InputError[] = [...collected.errors]
    const files: VFile[] = []
    const diffs: string[] = []

    if (useStdin) {
      // Named by --stdin-filename (its format and config are found from it), else `stdin.txt`.
      const label = options.stdinFilename ?? '<stdin>'
      try {
        const bytes = await io.stdin()
        if (bytes.length > options.maxFileSize) throw new m.InputError(label, 'standard input is too large to lint (see --max-file-size)')
        const value = m.decode(bytes, label)
        const linter = linterFor(resolve(cwd, stdinName))
        if (options.fix || options.dryRun) {
          const result = linter.fix({path: stdinName, cwd, value})
          if (options.fix) io.stdout(result.text)
          else diffs.push(await patch(label, value, result.text))
          files.push(result.file)
        } else files.push(linter.lint({path: stdinName, cwd, value}))
      } catch (error) {
        if (!(error instanceof m.InputError)) throw error
        problems.push(error)
      }
    }

    for (const path of collected.ignored) io.stderr(`copydesk: ${relative(cwd, path)}: ignored by an ignore file (remove it from the ignore file to lint it)\n`)
    for (const path of collected.files) {
      let copy: Copy
      try {
        copy = m.readCopy(path, options.maxFileSize)
      } catch (error) {
        if (!(error instanceof m.InputError)) throw error
        problems.push(error)
        continue
      }
      const linter = linterFor(path)
      // Files carry paths relative to the working folder, as reporters print them.
      const name = relative(cwd, path) || path
      // A crash on one file (a bug) is reported for that file; the others are still linted.
      let result: ReturnType<Linter['fix']>
      try {
        if (!options.fix && !options.dryRun) {
          files.push(linter.lint({path: name, cwd, value: copy.value}))
          continue
        }
        result = linter.fix({path: name, cwd, value: copy.value})
      } catch (error) {
        problems.push(new m.InputError(path, `internal error while linting: ${(error as Error).message}`))
        continue
      }
      files.push(result.file)
      if (result.text === copy.value) continue
      if (options.dryRun) {
        diffs.push(await patch(name, copy.value, result.text))
        continue
      }
      try {
        m.writeCopy(copy, result.text)
        result.file.stored = true
      } catch (error) {
        if (!(error instanceof m.InputError)) throw error
        problems.push(error)
      }
    }

    // Counted before --quiet hides them: as with ESLint, --quiet changes the report, not the verdict.
    const warnings = files.flatMap((file) => file.messages).filter((message) => m.severityOf(message) === 'warning').length
    if (options.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal === true)

    if (diffs.length > 0) io.stdout(diffs.join(''))
    const report = render(m, reportName, files, cwd, options.quiet)
    if (options.outputFile) {
      const target = resolve(cwd, options.outputFile)
      try {
        writeFileSync(target, report === '' ? '' : `${report}\n`)
      } catch (error) {
        problems.push(new m.InputError(target, `cannot write the report (${(error as NodeJS.ErrnoException).code ?? error})`))
      }
    } else if (report !== '') {
      // Standard output belongs to the fixed text or the diff when there is one.
      if (reportName === 'pretty' || options.dryRun || (useStdin && options.fix)) io.stderr(`${report}\n`)
      else io.stdout(`${report}\n`)
    }
    for (const problem of problems) io.stderr(`copydesk: ${problem.message}\n`)

    if (problems.length > 0) return 2
    const messages = files.flatMap((file) => file.messages)
    if (messages.some((message) => message.fatal === true)) return 1
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
      io.stderr(`copydesk: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, more than --max-warnings ${options.maxWarnings}\n`)
      return 1
    }
    return 0
  } catch (error) {
    if (error instanceof m.ConfigError || error instanceof m.InputError) {
      io.stderr(`copydesk: ${error.message}\n`)
      return 2
    }
    throw error
  }
}

// The configuration in effect for a file: where it came from, and every rule's level and options.
function effectiveConfig(m: Modules, path: string, options: Options, cwd: string) {
  const configPath = options.config ? resolve(cwd, options.config) : options.noConfig ? undefined : m.findConfigFile(dirname(path))
  const config = configPath ? m.loadConfigFile(configPath).config : {}
  const resolved = m.resolveConfig(config, configPath)
  return {
    file: path,
    configFile: configPath ?? null,
    format: resolved.format ?? m.formatOf(path),
    rules: Object.fromEntries(
      m.rules.map((rule) => {
        const found = resolved.rules.find((entry) => entry.rule === rule)
        return [rule.id, found ? [found.severity, found.options] : 'off']
      })
    ),
    names: resolved.settings.names,
    words: resolved.settings.words,
    boilerplate: resolved.settings.boilerplate
  }
}

function render(m: Modules, name: ReporterName, files: VFile[], cwd: string, quiet: boolean): string {
  if (name === 'json') return JSON.stringify(m.toJson(files))
  if (name === 'sarif') return JSON.stringify(m.toSarif(files, cwd, version()), null, 2)
  if (name === 'github') return m.toGithub(files, cwd)
  return m.toPretty(files, {quiet})
}

async function patch(name: string, before: string, after: string): Promise<string> {
  const {createTwoFilesPatch} = await import('diff')
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {context: 2})
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}
  return manifest.version
}

function readStdin(): Promise<Buffer> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = []
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk))
    process.stdin.on('end', () => resolvePromise(Buffer.concat(chunks)))
    process.stdin.on('error', reject)
  })
}

// A reader that stops early (`copydesk --report json . | head`) is not an error of the run: the
// rest of the output is dropped and the exit code still says how the lint went.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error
  })
}

run(process.argv.slice(2), {
  cwd: process.cwd(),
  stdin: readStdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text)
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`copydesk: internal error: ${(error as Error).stack ?? error}\n`)
    process.exitCode = 2
  }
)
