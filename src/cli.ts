#!/usr/bin/env node
// The `copydesk` command: lints files, prints a report, exits 0 (clean), 1 (error-level messages
// remain) or 2 (usage, configuration or input errors). `--fix` writes safe fixes back.
import {readFileSync, writeFileSync} from 'node:fs'
import {parseArgs} from 'node:util'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {ConfigError} from './config.js'
import {createLinter} from './index.js'
import {toJson} from './report.js'

const USAGE = `Usage: copydesk [options] FILE...

Options:
  --fix              write safe fixes back to the files, then report what is left
  --report NAME      pretty (default) or json
  -h, --help         show this help`

function main(argv: string[]): number {
  let args
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {fix: {type: 'boolean'}, report: {type: 'string', default: 'pretty'}, help: {type: 'boolean', short: 'h'}}
    })
  } catch (error) {
    process.stderr.write(`copydesk: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const {values, positionals} = args
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (positionals.length === 0 || !['pretty', 'json'].includes(values.report!)) {
    process.stderr.write(`${USAGE}\n`)
    return 2
  }
  const linter = createLinter()
  const files: VFile[] = []
  let failed = false
  for (const path of positionals) {
    let value: string
    try {
      value = readFileSync(path, 'utf8')
    } catch (error) {
      process.stderr.write(`copydesk: ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? error})\n`)
      failed = true
      continue
    }
    if (values.fix) {
      const result = linter.fix({path, value})
      if (result.text !== value) writeFileSync(path, result.text)
      files.push(result.file)
    } else files.push(linter.lint({path, value}))
  }
  if (values.report === 'json') process.stdout.write(`${JSON.stringify(toJson(files))}\n`)
  else {
    const report = reporter(files)
    if (report) process.stderr.write(`${report}\n`)
  }
  if (failed) return 2
  return files.some((file) => file.messages.some((message) => message.fatal === true)) ? 1 : 0
}

try {
  process.exitCode = main(process.argv.slice(2))
} catch (error) {
  process.stderr.write(`copydesk: ${error instanceof ConfigError ? error.message : (error as Error).stack}\n`)
  process.exitCode = 2
}

