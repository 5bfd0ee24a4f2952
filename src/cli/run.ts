// The `copydesk` command, with ESLint's exit contract: 0 when no error-level message remains,
// 1 when one does (or warnings pass --max-warnings), 2 for usage, configuration and input errors.
// One linter per config file serves every file of the run; fixes are written atomically.
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {Readable} from 'node:stream'
import type {VFile} from 'vfile'
import type {Linter} from '../index.js'
import {readOptions, USAGE, type Options} from './args.js'
import type {Copy, InputError} from './files.js'
import type {ReporterName} from './report.js'

// The linting modules are loaded once the arguments are read: help, version and most usage
// errors answer without loading the engine.
async function load() {
  const [files, index, report] = await Promise.all([import('./files.js'), import('../index.js'), import('./report.js')])
  return {...files, ...index, ...report}
}
type Modules = Awaited<ReturnType<typeof load>>

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

export interface Io {
  cwd: string
  stdin: () => Promise<Buffer>
  /** Standard input as a stream (--jsonl); else read whole from `stdin`. */
  stdinStream?: () => Readable
  /** Writes to standard output and resolves when the reader has taken it (--jsonl). */
  write?: (text: string) => Promise<void>
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
  if (options.jsonl) return jsonl(options, io)
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
    // The Markdown and HTML parsers are loaded only when an input is Markdown or HTML.
    const inputs = useStdin ? [stdinName, ...collected.files] : collected.files
    if (inputs.some((path) => m.formatOf(path) !== 'text')) await m.loadMarkup()

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

// --jsonl: records from standard input, one output line each, linted here or in worker threads.
async function jsonl(options: Options, io: Io): Promise<number> {
  const [{runJsonl}, {jsonlLinter, recordJson}] = await Promise.all([import('./jsonl.js'), import('./jsonl-linter.js')])
  const settings = {...options, config: options.config ? resolve(io.cwd, options.config) : undefined, cwd: io.cwd}
  let linter
  try {
    // Built here even with --jobs, so a broken config file stops the run before any record.
    linter = await jsonlLinter(settings)
  } catch (error) {
    io.stderr(`copydesk: ${(error as Error).message}\n`)
    return 2
  }
  const input = io.stdinStream ? io.stdinStream() : Readable.from([await io.stdin()])
  const write = io.write ?? (async (text: string) => io.stdout(text))
  return runJsonl(input, write, settings, () => linter, recordJson)
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
  const {unifiedDiff} = await import('./diff.js')
  return unifiedDiff(name, before, after)
}

function version(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  return manifest.version
}
