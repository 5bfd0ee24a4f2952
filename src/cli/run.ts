// The `copydesk` command, with ESLint's exit contract: 0 when no error-level message remains,
// 1 when one does (or warnings pass --max-warnings), 2 for usage, configuration and input errors.
// One linter per config file serves every file of the run; fixes are written atomically.
import {readFileSync, writeFileSync} from 'node:fs'
import {dirname, relative, resolve} from 'node:path'
import {Readable} from 'node:stream'
import type {VFile} from 'vfile'
import type {Linter} from '../index.js'
import {packageRoot} from '../paths.js'
import {readOptions, USAGE, type Options} from './args.js'
import type {Copy, InputError, WriteFs} from './files.js'
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
function linters(m: Modules, options: Options, cwd: string, warn: (message: string) => void) {
  const named = options.config ? resolve(cwd, options.config) : undefined
  const found = new Map<string, string | undefined>()
  const cache = new Map<string, Linter>()
  const configOf = (path: string): string | undefined => {
    if (named) return named
    if (options.noConfig) return undefined
    const folder = dirname(path)
    if (!found.has(folder)) found.set(folder, m.findConfigFile(folder, warn))
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
  /** Standard input, read up to `limit` bytes and at most one more: reading stops there. */
  stdin: (limit: number) => Promise<Buffer>
  /** Standard input as a stream (--jsonl); else read whole from `stdin`. */
  stdinStream?: () => Readable
  /** Writes to standard output and resolves when the reader has taken it (--jsonl). */
  write?: (text: string) => Promise<void>
  /** Text, or bytes (the fix of standard input that was not UTF-8, in its own encoding). */
  stdout: (text: string | Uint8Array) => void
  stderr: (text: string) => void
  /** The file system calls `--fix` writes with (a seam for tests that make writes fail). */
  fs?: WriteFs
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
  if (parsed.listRules) {
    const {rules, preset} = await import('../index.js')
    const list = rules.map((rule) => ({id: rule.id, level: preset[rule.id] ?? 'off', fix: rule.fix, summary: rule.summary}))
    if (options.report === 'json') io.stdout(`${JSON.stringify(list, null, 2)}\n`)
    else io.stdout(`${listRules(list)}\n`)
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
    // A config file the search will not trust is named once, as a warning.
    const warned = new Set<string>()
    const warn = (message: string) => {
      if (!warned.has(message)) io.stderr(`copydesk: warning: ${message}\n`)
      warned.add(message)
    }
    if (parsed.printConfig !== undefined) {
      io.stdout(`${JSON.stringify(effectiveConfig(m, resolve(cwd, parsed.printConfig), options, cwd, warn), null, 2)}\n`)
      return 0
    }
    const linterFor = linters(m, options, cwd, warn)
    // Standard input is `<stdin>` in reports and errors alike, unless --stdin-filename names it.
    const stdinName = options.stdinFilename ?? '<stdin>'
    const collected = paths.length > 0 ? await m.collect(paths, cwd, options.ignorePath) : {files: [], errors: [], ignored: [], roots: new Map<string, readonly string[]>()}
    // Every config file in play is read and checked before any file is linted or written: a
    // broken one stops the run with nothing changed. The Markdown and HTML parsers are then loaded
    // only when an input is Markdown or HTML, by its config's `format` or else by its name (here,
    // not on first use: the parser's own synchronous fallback would load a second copy of the
    // modules beside the bundled bin).
    const inputs = useStdin ? [resolve(cwd, stdinName), ...collected.files] : collected.files
    const formats = inputs.map((path) => linterFor(path).resolved.format ?? m.formatOf(path))
    if (formats.some((format) => format !== 'text')) await m.loadMarkup()

    const problems: InputError[] = [...collected.errors]
    const files: VFile[] = []
    const diffs: string[] = []

    if (useStdin) {
      try {
        // Checked while reading: `copydesk - < /dev/zero` stops at the limit, in bounded memory.
        const bytes = await io.stdin(options.maxFileSize)
        if (bytes.length > options.maxFileSize) throw new m.InputError(stdinName, 'standard input is too large to lint (see --max-file-size)')
        const {value, encoding} = m.decodeCopy(bytes, stdinName)
        const linter = linterFor(resolve(cwd, stdinName))
        if (options.fix || options.dryRun) {
          const result = linter.fix({path: stdinName, cwd, value})
          // The fixed text goes out in the encoding it came in.
          if (options.fix) io.stdout(encoding === 'utf-8' ? result.text : m.encodeCopy(result.text, encoding))
          else diffs.push(await patch(stdinName, value, result.text))
          files.push(result.file)
        } else files.push(linter.lint({path: stdinName, cwd, value}))
      } catch (error) {
        if (error instanceof m.UnparsableError) problems.push(new m.InputError(stdinName, error.message))
        else if (!(error instanceof m.InputError)) throw error
        else problems.push(error)
      }
    }

    for (const path of collected.ignored) io.stderr(`copydesk: ${relative(cwd, path)}: ignored by an ignore file (remove it from the ignore file to lint it)\n`)
    for (const path of collected.files) {
      let copy: Copy
      try {
        // (hashed only where a fix may be written over it)
        copy = m.readCopy(path, options.maxFileSize, Boolean(options.fix) && !options.dryRun)
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
        // Copy the parsers cannot take is that file's problem; anything else is a bug, named so.
        const unparsable = error instanceof m.UnparsableError
        problems.push(new m.InputError(path, unparsable ? error.message : `internal error while linting: ${(error as Error).message}`))
        continue
      }
      files.push(result.file)
      if (result.text === copy.value) continue
      if (options.dryRun) {
        diffs.push(await patch(name, copy.value, result.text))
        continue
      }
      try {
        m.writeCopy(copy, result.text, {roots: collected.roots.get(path), fs: io.fs})
        result.file.stored = true
      } catch (error) {
        if (!(error instanceof m.InputError)) throw error
        problems.push(error)
        // Not written: what is left is everything the file on disk holds, not what the fix would leave.
        files[files.length - 1] = linter.lint({path: name, cwd, value: copy.value})
      }
    }

    // Counted before --quiet hides them: as with ESLint, --quiet changes the report, not the verdict.
    const warnings = files.flatMap((file) => file.messages).filter((message) => m.severityOf(message) === 'warning').length
    if (options.quiet) for (const file of files) file.messages = file.messages.filter((message) => message.fatal === true)

    if (diffs.length > 0) io.stdout(diffs.join(''))
    const report = await render(m, reportName, files, cwd, options.quiet)
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
  const input = io.stdinStream ? io.stdinStream() : Readable.from([await io.stdin(Number.MAX_SAFE_INTEGER)])
  const write = io.write ?? (async (text: string) => io.stdout(text))
  return runJsonl(input, write, settings, () => linter, recordJson)
}

// The configuration in effect for a file: where it came from, and every rule's level and options.
function effectiveConfig(m: Modules, path: string, options: Options, cwd: string, warn: (message: string) => void) {
  const configPath = options.config ? resolve(cwd, options.config) : options.noConfig ? undefined : m.findConfigFile(dirname(path), warn)
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

// The rules as an aligned table: id, default level, fix level, summary.
function listRules(list: ReadonlyArray<{id: string; level: string; fix: string; summary: string}>): string {
  const rows = [{id: 'rule', level: 'default', fix: 'fix', summary: 'what it finds'}, ...list]
  const width = (key: 'id' | 'level' | 'fix') => Math.max(...rows.map((row) => row[key].length))
  return rows.map((row) => `${row.id.padEnd(width('id'))}  ${row.level.padEnd(width('level'))}  ${row.fix.padEnd(width('fix'))}  ${row.summary}`).join('\n')
}

async function render(m: Modules, name: ReporterName, files: VFile[], cwd: string, quiet: boolean): Promise<string> {
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
  const manifest = JSON.parse(readFileSync(new URL('package.json', packageRoot()), 'utf8')) as {version: string}
  return manifest.version
}
