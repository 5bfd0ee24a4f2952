// The `copydesk` command's arguments: the usage text, the options it reads, and the errors that
// are the user's (printed with the usage, exit 2) rather than the copy's.
import {availableParallelism} from 'node:os'
import {parseArgs} from 'node:util'

export const USAGE = `Usage: copydesk [options] [file|folder|glob|-]...

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
  --max-warnings N        exit 1 when there are more than N warnings (-1: no limit)
  -q, --quiet             report errors only
  --stdin-filename NAME   the name of standard input: its format and config are found from it
  --max-file-size SIZE    skip larger files with an error (default 20mb; e.g. 512kb, 50mb)
  --jsonl                 read JSON Lines records {"id", "text", "format"?} from standard input,
                          write one line {"id", "messages", "fixed"?} per record, in order
  --jobs N                lint --jsonl records with N worker threads (default 1 on 2 cores)
  --print-config FILE     print the configuration in effect for FILE and exit
  --list-rules            list every rule: id, default level, fix level, summary
                          (as JSON with --report json)
  -h, --help              show this help
  -v, --version           show the version

Exit codes: 0 no error-level message, 1 errors (or too many warnings), 2 usage, config or input errors.`

// A news article is tens of kilobytes; plain text is parsed a paragraph at a time, so time grows
// with the size of a file, and 20 MB (several thousand articles) still lints in bounded memory.
const DEFAULT_MAX_FILE_SIZE = 20 * 1024 * 1024

export interface Options {
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
  jsonl: boolean
  jobs: number
}

/** Thrown for a usage error: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** What the command line asks for. */
export interface Parsed {
  options: Options
  inputs: string[]
  printConfig?: string
  listRules?: boolean
  help?: boolean
  version?: boolean
}

// Options that take a value: `--max-warnings -1` gives it `-1` (a negative number is never a flag).
const TAKES_VALUE = new Set(['--report', '--output-file', '--config', '--ignore-path', '--max-warnings', '--stdin-filename', '--max-file-size', '--print-config', '--jobs'])

export function readOptions(argv: string[]): Parsed {
  const joined: string[] = []
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]
    const next = argv[index + 1]
    if (TAKES_VALUE.has(arg) && next !== undefined && /^-\d/u.test(next)) {
      joined.push(`${arg}=${next}`)
      index++
    } else joined.push(arg)
  }
  let parsed
  try {
    parsed = parseArgs({
      args: joined,
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
        'list-rules': {type: 'boolean'},
        jsonl: {type: 'boolean'},
        jobs: {type: 'string'},
        help: {type: 'boolean', short: 'h'},
        version: {type: 'boolean', short: 'v'}
      }
    })
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & {code?: string}))
  }
  const {values, positionals} = parsed
  let maxWarnings: number | undefined
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings'])
    if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError('--max-warnings takes a whole number, 0 or more (or -1 for no limit)')
    // ESLint's convention: -1 means no limit.
    if (maxWarnings === -1) maxWarnings = undefined
  }
  const maxFileSize = values['max-file-size'] === undefined ? DEFAULT_MAX_FILE_SIZE : parseSize(values['max-file-size'])
  if (maxFileSize === undefined) throw new UsageError('--max-file-size takes a size such as 5mb, 512kb or 1048576')
  const jobs = values.jobs === undefined ? defaultJobs() : Number(values.jobs)
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError('--jobs takes a whole number, 1 or more')
  if (values.jsonl && values['fix-dry-run']) throw new UsageError('--jsonl writes the fixed text of each record with --fix; --fix-dry-run does not apply')
  if (values.jsonl && positionals.length > 0) throw new UsageError('--jsonl reads records from standard input; name no files')
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
      maxFileSize,
      jsonl: values.jsonl ?? false,
      jobs
    },
    inputs: positionals,
    printConfig: values['print-config'],
    listRules: values['list-rules'],
    help: values.help,
    version: values.version
  }
}

// node's own wording quotes the option oddly and suggests `-- "--bogus"`: say it plainly.
function usageMessage(error: Error & {code?: string}): string {
  const option = /'(-[^' ]*)/u.exec(error.message)?.[1]
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option \`${option}\` (a file whose name starts with - goes after --: copydesk -- ${option})`
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `\`${option}\` needs a value`
  return error.message
}

// One thread is fastest on 2 cores: garbage collection and compilation already use the second.
// With more cores, all but one lint (see the README's "Archives").
function defaultJobs(): number {
  const cores = availableParallelism()
  return cores <= 2 ? 1 : cores - 1
}

/** Parses a size such as `5mb`, `512kb` or `1048576`. */
function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/iu.exec(text.trim())
  if (!match) return undefined
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = unit.startsWith('g') ? 1024 ** 3 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('k') ? 1024 : 1
  return Math.round(Number(match[1]) * factor)
}
