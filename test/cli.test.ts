// The `copydesk` command, spawned for real (package.json's bin, the bundle built by `npm test`) in
// temporary folders: inputs, configuration, exit codes, reports, --fix, and bad input. Runs
// that do not depend on each other are spawned together: each one pays Node's start-up.
import {afterAll, describe, expect, test} from '@jest/globals'
import {spawn} from 'node:child_process'
import {chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fix, preset, rules} from '../src/index.js'
import {cliForNobody, NOBODY, removeCliCopy} from './helpers/other-user.js'
import {BIN} from './helpers/bin.js'

const CLI = resolve(BIN)
const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const DIRTY = 'Officials met in Tokyo. he said the talks went well. .\n'
const DIRTY_FIXED = 'Officials met in Tokyo. He said the talks went well.\n'
const WARNING_ONLY = 'Officials met in Tokyo. he said the talks went well.\n'
const CLEAN = 'Officials met in Tokyo on Monday.\n'
const TEMPORARY = /^\..+\.copydesk-[0-9a-f]+\.tmp$/u

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

interface RunOptions {
  cwd: string
  input?: string | Buffer
  uid?: number
  /** Runs the command under this umask (through sh), to show that modes do not depend on it. */
  umask?: string
  /** Closes the reading end of standard output at once, as `| head` does when it has enough. */
  closeStdout?: boolean
  /** Another copy of the CLI (one that `uid` can read). */
  cli?: string
}

function copydesk(args: string[], options: RunOptions): Promise<Run> {
  const [command, argv] = options.umask
    ? ['/bin/sh', ['-c', `umask ${options.umask} && exec "$0" "$@"`, process.execPath, options.cli ?? CLI, ...args]]
    : [process.execPath, [options.cli ?? CLI, ...args]]
  const child = spawn(command, argv, {cwd: options.cwd, ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.end(options.input)
  if (options.closeStdout) child.stdout.destroy()
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({code, stdout, stderr}))
  })
}

/** A temporary folder with files: `{'a.txt': 'text', 'sub/b.txt': 'text'}`. */
function folder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), {recursive: true})
    writeFileSync(join(root, name), content)
  }
  return root
}

afterAll(removeCliCopy)

const json = (run: Run) => JSON.parse(run.stdout) as Array<{path: string; cwd: string; messages: Array<Record<string, unknown>>}>
const paths = (run: Run) => json(run).map((file) => file.path)

describe('inputs', () => {
  test('files, folders and globs, each file once, in order; other extensions only when named', async () => {
    const cwd = folder({
      'a.txt': CLEAN,
      'docs/b.txt': CLEAN,
      'docs/deep/c.txt': CLEAN,
      'docs/notes.dat': CLEAN,
      'docs/.hidden.txt': CLEAN,
      'docs/.b.txt.copydesk-0a1b2c.tmp': CLEAN,
      'docs/node_modules/d.txt': CLEAN
    })
    const [walked, named] = await Promise.all([
      copydesk(['--report', 'json', 'docs'], {cwd}),
      copydesk(['--report', 'json', 'docs/**/*.txt', 'a.txt', 'docs/b.txt', 'docs/notes.dat'], {cwd})
    ])
    expect(paths(walked)).toEqual(['docs/b.txt', 'docs/deep/c.txt'])
    expect(paths(named)).toEqual(['a.txt', 'docs/b.txt', 'docs/deep/c.txt', 'docs/notes.dat'])
    expect([walked.code, named.code]).toEqual([0, 0])
  })

  test('a path or glob that matches nothing is an error, and the rest is still linted', async () => {
    const cwd = folder({'a.txt': DIRTY, 'empty/x.dat': ''})
    const [run, none] = await Promise.all([copydesk(['--report', 'json', 'missing.txt', 'nothing/*.txt', 'empty', 'a.txt'], {cwd}), copydesk([], {cwd})])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('missing.txt: no such file or folder')
    expect(run.stderr).toContain('nothing/*.txt: no files match this pattern')
    expect(run.stderr).toMatch(/empty: no files with an extension of/u)
    expect(paths(run)).toEqual(['a.txt'])
    expect(none.code).toBe(2)
    expect(none.stderr).toContain('no input')
  })

  test('standard input, named by --stdin-filename, and fixed to standard output', async () => {
    const cwd = folder({'sub/.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'off'}})})
    const [plain, named, fixed] = await Promise.all([
      copydesk(['--report', 'json', '-'], {cwd, input: WARNING_ONLY}),
      // The name places it under sub/, whose config turns the rule off.
      copydesk(['--report', 'json', '--stdin-filename', 'sub/story.txt', '-'], {cwd, input: WARNING_ONLY}),
      copydesk(['--fix', '--report', 'json', '-'], {cwd, input: `\uFEFF${DIRTY.replace(/\n/gu, '\r\n')}`})
    ])
    expect(json(plain)[0].messages.map((message) => message.ruleId)).toEqual(['sentence-start'])
    expect(json(named)).toEqual([{path: 'sub/story.txt', cwd, messages: []}])
    // The fixed text alone on standard output (BOM and CRLF kept), the report on standard error.
    expect(fixed.stdout).toBe(`\uFEFF${DIRTY_FIXED.replace(/\n/gu, '\r\n')}`)
    expect(JSON.parse(fixed.stderr)).toEqual([{path: '<stdin>', cwd, messages: []}])
    expect(fixed.code).toBe(0)
  })

  test('.copydeskignore and --ignore-path leave files out; a named ignored file is skipped with a warning', async () => {
    const cwd = folder({'.copydeskignore': 'drafts/\n*.old.txt\n', 'a.txt': CLEAN, 'b.old.txt': CLEAN, 'drafts/c.txt': CLEAN, 'other-ignore': 'a.txt\n'})
    const [all, other, missing] = await Promise.all([
      copydesk(['--report', 'json', '.', 'drafts/c.txt'], {cwd}),
      copydesk(['--report', 'json', '--ignore-path', 'other-ignore', '.'], {cwd}),
      copydesk(['--ignore-path', 'nope', '.'], {cwd})
    ])
    expect(paths(all)).toEqual(['a.txt'])
    expect(all.stderr).toContain('drafts/c.txt: ignored by an ignore file')
    expect(all.code).toBe(0)
    expect(paths(other)).toEqual(['b.old.txt', 'drafts/c.txt'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain(`${join(cwd, 'nope')}: cannot read the ignore file (ENOENT)`)
  })
})

describe('configuration', () => {
  test('is found upward from each file: .copydeskrc.json, .copydeskrc.yml, or package.json', async () => {
    const cwd = folder({
      'json/.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'error'}}),
      'json/deep/a.txt': WARNING_ONLY,
      'yaml/.copydeskrc.yml': 'rules:\n  sentence-start: info # quieter\n',
      'yaml/b.txt': WARNING_ONLY,
      'pkg/package.json': JSON.stringify({name: 'x', copydesk: {rules: {'sentence-start': 'off'}}}),
      'pkg/c.txt': WARNING_ONLY,
      'none/d.txt': WARNING_ONLY
    })
    const run = await copydesk(['--report', 'json', '.'], {cwd})
    const severity = Object.fromEntries(json(run).map((file) => [file.path, file.messages.map((message) => message.severity)]))
    expect(severity).toEqual({'json/deep/a.txt': ['error'], 'none/d.txt': ['warning'], 'pkg/c.txt': [], 'yaml/b.txt': ['info']})
    expect(run.code).toBe(1)
  })

  test('--config names one for every file, --no-config uses the defaults', async () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'off'}}), 'strict.yml': 'rules:\n  sentence-start: error\n', 'a.txt': WARNING_ONLY})
    const [found, named, none] = await Promise.all([
      copydesk(['a.txt'], {cwd}),
      copydesk(['--config', 'strict.yml', 'a.txt'], {cwd}),
      copydesk(['--report', 'json', '--no-config', 'a.txt'], {cwd})
    ])
    expect(found.code).toBe(0)
    expect(named.code).toBe(1)
    expect(json(none)[0].messages.map((message) => message.severity)).toEqual(['warning'])
  })

  test('a broken file, an unknown rule or an unknown key: exit 2 naming the file and the key, nothing written', async () => {
    const broken = folder({'.copydeskrc.json': '{"rules": {', 'a.txt': CLEAN})
    // The broken config applies to sub/ only; a.txt, linted before it, must not be fixed either.
    const unknown = folder({'a.txt': DIRTY, 'sub/.copydeskrc.yml': 'rules:\n  stray-punctuatoin: warn\n', 'sub/b.txt': DIRTY})
    const key = folder({'package.json': JSON.stringify({copydesk: {colour: 'red'}}), 'a.txt': CLEAN})
    const [first, second, third] = await Promise.all([copydesk(['a.txt'], {cwd: broken}), copydesk(['--fix', '.'], {cwd: unknown}), copydesk(['a.txt'], {cwd: key})])
    expect(first.code).toBe(2)
    expect(first.stderr).toMatch(new RegExp(`${join(broken, '.copydeskrc.json')}: invalid JSON`, 'u'))
    expect(second.code).toBe(2)
    expect(second.stderr).toContain(`${join(unknown, 'sub', '.copydeskrc.yml')}: unknown rule \`stray-punctuatoin\` (did you mean \`stray-punctuation\`?)`)
    expect(readFileSync(join(unknown, 'a.txt'), 'utf8')).toBe(DIRTY)
    expect(readFileSync(join(unknown, 'sub', 'b.txt'), 'utf8')).toBe(DIRTY)
    expect(third.code).toBe(2)
    expect(third.stderr).toContain(`${join(key, 'package.json')}: unknown key \`colour\``)
  })

  test('--print-config shows the configuration in effect for a file', async () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({rules: {'ly-hyphen': 'off', 'word-echo': ['on', {window: 3}]}, names: ['Kujda']}), 'a.txt': CLEAN})
    const run = await copydesk(['--print-config', 'a.txt'], {cwd})
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed.configFile).toBe(join(cwd, '.copydeskrc.json'))
    expect(printed.rules['ly-hyphen']).toBe('off')
    expect(printed.rules['word-echo']).toEqual(['info', {window: 3}])
    expect(printed.rules['stray-punctuation']).toEqual(['error', {doubledMarks: false}])
    expect(printed.names).toEqual(['Kujda'])
  })

  test("a config's format is the format of its files: their errors are theirs, not internal ones", async () => {
    // Markdown by the config, not by the name: the bin loads its Markdown parser ahead of the
    // lint (a second copy of the parser, loaded on first use, threw errors the CLI did not know).
    const tooDeep = `*${'x '.repeat(300_000)}y*\n`
    const cwd = folder({'.copydeskrc.json': JSON.stringify({format: 'markdown'}), 'e.txt': tooDeep, 'fine.txt': '# Title\n\nOfficials met in *Tokyo*. .\n'})
    const named = await copydesk(['--report', 'json', 'e.txt', 'fine.txt'], {cwd})
    expect(named.code).toBe(2)
    expect(named.stderr).toMatch(/e\.txt: too large to parse \(/u)
    expect(named.stderr).not.toContain('internal error')
    expect(json(named).find((file) => file.path === 'fine.txt')?.messages.map((message) => message.ruleId)).toEqual(['stray-punctuation'])
    const piped = await copydesk(['-'], {cwd, input: tooDeep})
    expect(piped.code).toBe(2)
    expect(piped.stderr).toMatch(/<stdin>: too large to parse \(/u)
    expect(piped.stderr).not.toContain('internal error')
  })
})

describe('exit codes and severity', () => {
  test('0 clean or warnings only, 1 errors or too many warnings, 2 usage errors', async () => {
    const cwd = folder({'clean.txt': CLEAN, 'warn.txt': WARNING_ONLY, 'error.txt': DIRTY})
    const runs = await Promise.all([
      copydesk(['clean.txt', 'warn.txt'], {cwd}),
      copydesk(['--max-warnings', '1', 'warn.txt', 'clean.txt'], {cwd}),
      copydesk(['error.txt'], {cwd}),
      copydesk(['--max-warnings', '0', '--quiet', 'warn.txt'], {cwd}),
      copydesk(['--bogus', 'clean.txt'], {cwd}),
      copydesk(['--report', 'xml', 'clean.txt'], {cwd}),
      copydesk(['--max-warnings', 'lots', 'clean.txt'], {cwd}),
      copydesk(['--report', 'json', '--output-file', 'missing/report.json', 'clean.txt'], {cwd}),
      // A reader that stops early does not change the verdict.
      copydesk(['--report', 'json', 'error.txt'], {cwd, closeStdout: true}),
      // ESLint's convention: -1 is no limit.
      copydesk(['--max-warnings', '-1', 'warn.txt'], {cwd}),
      copydesk(['--max-warnings=-1', 'warn.txt'], {cwd}),
      copydesk(['--max-warnings', '-2', 'warn.txt'], {cwd})
    ])
    expect(runs.map((run) => run.code)).toEqual([0, 0, 1, 1, 2, 2, 2, 2, 1, 0, 0, 2])
    expect(runs[4].stderr).toMatch(/^copydesk: unknown option `--bogus` \(a file whose name starts with - goes after --: copydesk -- --bogus\)\n/u)
    expect(runs[11].stderr).toMatch(/^copydesk: --max-warnings takes a whole number, 0 or more \(or -1 for no limit\)/u)
    expect(runs[7].stderr).toBe(`copydesk: ${join(cwd, 'missing', 'report.json')}: cannot write the report (ENOENT)\n`)
    expect(runs[8].stderr).toBe('')
    // --quiet hides the warning from the report but it still counts.
    expect(runs[3].stderr).toBe('copydesk: 1 warning, more than --max-warnings 0\n')
    expect(runs[5].stderr).toContain('unknown report `xml`')
  })
})

describe('the command answers about itself', () => {
  test('--list-rules lists every rule with its default level, fix level and summary; as JSON with --report json', async () => {
    const cwd = folder()
    const [table, listed] = await Promise.all([copydesk(['--list-rules'], {cwd}), copydesk(['--list-rules', '--report', 'json'], {cwd})])
    expect([table.code, listed.code]).toEqual([0, 0])
    const list = JSON.parse(listed.stdout) as Array<{id: string; level: string; fix: string; summary: string}>
    expect(list.map((rule) => rule.id)).toEqual(rules.map((rule) => rule.id))
    for (const rule of rules) {
      expect(list.find((entry) => entry.id === rule.id)).toEqual({id: rule.id, level: preset[rule.id] ?? 'off', fix: rule.fix, summary: rule.summary})
      const row = table.stdout.split('\n').find((line) => line.startsWith(`${rule.id} `))
      expect(row?.split(/\s{2,}/u)).toEqual([rule.id, preset[rule.id] ?? 'off', rule.fix, rule.summary])
    }
  })

  test('--version prints the version in package.json (which the bundled bin finds from dist/src/)', async () => {
    const run = await copydesk(['--version'], {cwd: folder()})
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}
    expect(run).toEqual({code: 0, stdout: `${manifest.version}\n`, stderr: ''})
  })

  // How many lines of what V8 traces to standard output (with a --trace-... flag first in `args`)
  // pass a test, in a run of node in `cwd`.
  const tracedLines = (cwd: string, args: string[], counts: (line: string) => boolean) =>
    new Promise<number>((resolvePromise, reject) => {
      const child = spawn(process.execPath, args, {cwd})
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.on('error', reject)
      child.on('close', () => resolvePromise(stdout.split('\n').filter(counts).length))
    })

  // (on the V8 versions src/cli/v8-flags.ts sets the flag on: 11, Node 20, through 14)
  const regExpFlagged = Number(process.versions.v8.split('.')[0]) >= 11 && Number(process.versions.v8.split('.')[0]) <= 14 ? test : test.skip
  regExpFlagged('compiles each regular expression once, to machine code: tier-up is off before the rules load', async () => {
    // V8's trace names each expression it compiles to bytecode for its interpreter; with tier-up
    // on (Node's default) a lint of the seed article compiles some two hundred that way, each
    // compiled again at its second use. Only the few Node runs before the command starts may be.
    const cwd = folder({'seed.txt': seed})
    const bytecode = (args: string[]) => tracedLines(cwd, ['--trace-regexp-tier-up', ...args], (line) => /^JSRegExp object \S+ bytecode size/u.test(line))
    const [ours, plain] = await Promise.all([bytecode([CLI, '--report', 'json', 'seed.txt']), bytecode(['-e', '/a+b/u.exec("aab")'])])
    expect(ours).toBeLessThan(5)
    // (the trace shows it when an expression is compiled so: plain node with Node's defaults)
    expect(plain).toBeGreaterThan(0)
  })

  // (only on V8 11, Node 20: src/cli/v8-flags.ts leaves a later V8's budget as it is, and there the
  // command marks as many functions as the library)
  const onV8Eleven = Number(process.versions.v8.split('.')[0]) === 11 ? test : test.skip
  onV8Eleven('sends few functions to the optimizing compiler: the interrupt budget is raised before the rules load', async () => {
    // V8's trace names each function it marks for optimization. The same lint of the seed article
    // through the library, which keeps Node's defaults, marks some seventeen; the command, with
    // its budget six times Node 20's, marks a few (ten before the budget was raised).
    const cwd = folder({'seed.txt': seed})
    const library = `import {readFileSync} from 'node:fs'\nconst {lint} = await import(${JSON.stringify(resolve('dist/src/index.js'))})\nlint(readFileSync('seed.txt', 'utf8'))\n`
    const marked = (args: string[]) => tracedLines(cwd, ['--trace-opt', ...args], (line) => line.startsWith('[marking '))
    const [ours, plain] = await Promise.all([marked([CLI, '--report', 'json', 'seed.txt']), marked(['--input-type=module', '-e', library])])
    expect(plain).toBeGreaterThan(8)
    expect(ours).toBeLessThan(plain / 3)
  })

  test('copydesk-language-server answers --version and --help without starting a server', async () => {
    const server = resolve('dist/src/server/bin.js')
    const run = (args: string[]) => new Promise<Run>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [server, ...args])
      let stdout = ''
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stdin.end()
      child.on('error', reject)
      child.on('close', (code) => resolvePromise({code, stdout, stderr: ''}))
    })
    const [version, help] = await Promise.all([run(['--version']), run(['--help'])])
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {version: string}
    expect(version).toEqual({code: 0, stdout: `${manifest.version}\n`, stderr: ''})
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: copydesk-language-server /u)
  })

  test('sizes are written as people write them, and standard input is <stdin> everywhere', async () => {
    const cwd = folder({'big.txt': 'The talks went on. '.repeat(200)})
    const [big, stdin] = await Promise.all([
      copydesk(['--max-file-size', '1kb', 'big.txt'], {cwd}),
      copydesk(['--max-file-size', '10', '-'], {cwd, input: 'The talks went on.'})
    ])
    expect(big.stderr).toMatch(/big\.txt: too large to lint \(3\.7 KB; the limit is 1 KB, see --max-file-size\)\n$/u)
    expect(stdin.stderr).toMatch(/^copydesk: <stdin>: /u)
  })
})

describe('reports', () => {
  test('json: flat, with ranges, offsets, severity, actual, expected and fix level; --quiet keeps errors only', async () => {
    const cwd = folder({'a.txt': DIRTY})
    const [all, quiet, quietPretty] = await Promise.all([
      copydesk(['--report', 'json', 'a.txt'], {cwd}),
      copydesk(['--quiet', '--report', 'json', 'a.txt'], {cwd}),
      copydesk(['--quiet', 'a.txt'], {cwd})
    ])
    const [file] = json(all)
    expect(file.path).toBe('a.txt')
    expect(file.cwd).toBe(cwd)
    expect(file.messages.map((message) => message.severity).sort()).toEqual(['error', 'warning'])
    const he = file.messages.find((message) => message.ruleId === 'sentence-start')!
    expect(he).toMatchObject({
      severity: 'warning',
      line: 1,
      column: 25,
      endLine: 1,
      endColumn: 27,
      offset: 24,
      endOffset: 26,
      place: {start: {line: 1, column: 25, offset: 24}, end: {line: 1, column: 27, offset: 26}},
      reason: 'Unexpected lower-case `he` at the start of a sentence, expected `He`',
      actual: 'he',
      expected: ['He'],
      fix: 'safe',
      source: 'retext-copydesk',
      url: expect.stringContaining('rules/sentence-start/README.md')
    })
    expect(JSON.stringify(file)).not.toContain('ancestors')
    expect(json(quiet)[0].messages.map((message) => message.severity)).toEqual(['error'])
    expect([all.code, quiet.code]).toEqual([1, 1])
    expect(quietPretty.stderr).toContain('stray-punctuation')
    expect(quietPretty.stderr).not.toContain('warning')
  })

  test('sarif: valid SARIF 2.1.0 with rules, locations, stable fingerprints and fixes; --output-file', async () => {
    const cwd = folder({'a.txt': seed})
    const moved = folder({'a.txt': seed})
    // A paragraph added under the headline moves every line after it; the fingerprints stay.
    const [headline, ...rest] = seed.split('\n')
    writeFileSync(join(moved, 'a.txt'), [headline, '', 'A new paragraph was added here.', ...rest].join('\n'))
    const [run, movedRun] = await Promise.all([
      copydesk(['--report', 'sarif', 'a.txt'], {cwd}),
      copydesk(['--report', 'sarif', '--output-file', 'copydesk.sarif', 'a.txt'], {cwd: moved})
    ])
    expect([movedRun.stdout, movedRun.code]).toEqual(['', 1])
    const log = JSON.parse(run.stdout)
    // The SARIF 2.1.0 schema (draft-04) as @microsoft/jest-sarif ships it; one of its patterns is
    // not valid with the `u` flag, so patterns are compiled without it.
    const require = createRequire(import.meta.url)
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object
    type Validator = {compile(schema: object): ((data: unknown) => boolean) & {errors?: unknown}}
    const Ajv = (require('ajv-draft-04') as {default: new (options: object) => Validator}).default
    const addFormats = (require('ajv-formats') as {default: (ajv: Validator) => void}).default
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect([validate(log), validate.errors]).toEqual([true, null])
    type Result = {ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; fixes?: unknown[]; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}
    const results = log.runs[0].results as Result[]
    const rules = log.runs[0].tool.driver.rules as Array<{id: string; helpUri: string}>
    expect(results.length).toBeGreaterThan(5)
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId)
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('a.txt')
    }
    expect(rules.every((rule) => rule.helpUri.endsWith(`rules/${rule.id}/README.md`))).toBe(true)
    const bidenn = results.find((result) => result.ruleId === 'name-consistency')!
    expect(bidenn.level).toBe('error')
    expect(bidenn.fixes).toHaveLength(1)
    expect(results.find((result) => result.ruleId === 'headline-mismatch')!.fixes).toBeUndefined()
    const movedResults = JSON.parse(readFileSync(join(moved, 'copydesk.sarif'), 'utf8')).runs[0].results as Result[]
    const prints = (list: Result[]) => list.map((result) => result.partialFingerprints['copydesk/v1']).sort()
    expect(prints(movedResults)).toEqual(prints(results))
    expect(new Set(prints(results)).size).toBe(results.length)
    const line = (list: Result[], rule: string) => list.find((result) => result.ruleId === rule)!.locations[0].physicalLocation.region.startLine
    expect(line(movedResults, 'name-consistency')).toBe(line(results, 'name-consistency') + 2)
  })

  test('github: one workflow command per message, then a summary line', async () => {
    const cwd = folder({'a,b.txt': DIRTY})
    const run = await copydesk(['--report', 'github', 'a,b.txt'], {cwd})
    const lines = run.stdout.trim().split('\n')
    expect(lines).toContain('::warning file=a%2Cb.txt,line=1,col=25,endLine=1,endColumn=27,title=retext-copydesk(sentence-start)::Unexpected lower-case `he` at the start of a sentence, expected `He`')
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(1)
    expect(lines).toHaveLength(3)
    expect(lines[2]).toBe('retext-copydesk: 2 messages (1 error, 1 warning, 0 info) in 1 file')
    expect(run.code).toBe(1)
  })
})

describe('--fix', () => {
  test('writes only changed files, keeps mode, owner, symbolic links, line endings and BOM, and reports what is left', async () => {
    const crlf = `\uFEFF${DIRTY.replace(/\n/gu, '\r\n')}Strong ties. aims to advance.\r\n`
    const cwd = folder({'a.txt': crlf, 'clean.txt': CLEAN, 'real/b.txt': DIRTY})
    chmodSync(join(cwd, 'a.txt'), 0o664)
    // Root can keep another user's file theirs (anyone else can only write files of their own).
    const mine = statSync(join(cwd, 'a.txt'))
    const owner = process.getuid?.() === 0 ? [65534, 65534] : [mine.uid, mine.gid]
    chownSync(join(cwd, 'a.txt'), owner[0], owner[1])
    symlinkSync(join('real', 'b.txt'), join(cwd, 'link.txt'))
    const before = statSync(join(cwd, 'clean.txt')).mtimeMs
    // Under umask 077 a new file would be 0600: the original's 0664 must survive anyway.
    const run = await copydesk(['--fix', '--report', 'json', 'a.txt', 'clean.txt', 'link.txt'], {cwd, umask: '077'})
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe('\uFEFFOfficials met in Tokyo. He said the talks went well.\r\nStrong ties. aims to advance.\r\n')
    expect(statSync(join(cwd, 'a.txt')).mode & 0o777).toBe(0o664)
    expect([statSync(join(cwd, 'a.txt')).uid, statSync(join(cwd, 'a.txt')).gid]).toEqual(owner)
    expect(statSync(join(cwd, 'clean.txt')).mtimeMs).toBe(before)
    // The link is still a link, and the file it points to holds the fix.
    expect(lstatSync(join(cwd, 'link.txt')).isSymbolicLink()).toBe(true)
    expect(readFileSync(join(cwd, 'real', 'b.txt'), 'utf8')).toBe(DIRTY_FIXED)
    // What is left is a warning (no repair is safe), so the exit code is 0.
    expect(json(run).flatMap((file) => file.messages.map((message) => message.actual))).toEqual(['. aims'])
    expect(run.code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual(['a.txt', 'clean.txt', 'link.txt', 'real'])
    expect(readdirSync(join(cwd, 'real'))).toEqual(['b.txt'])
  })

  test('--fix-dry-run prints a unified diff and writes nothing', async () => {
    const cwd = folder({'a.txt': `${DIRTY}Strong ties. aims to advance.\n`, 'b.txt': CLEAN})
    const run = await copydesk(['--fix-dry-run', '--report', 'json', '.'], {cwd})
    expect(run.stdout.startsWith('===================================================================\n--- a/a.txt\n+++ b/a.txt\n')).toBe(true)
    expect(run.stdout).toContain(`-${DIRTY}+${DIRTY_FIXED}`)
    expect(run.stdout).not.toContain('b.txt')
    // The report (what the fixes would leave) goes to standard error, so the diff can be piped to patch.
    expect(json({...run, stdout: run.stderr}).map((file) => [file.path, file.messages.map((message) => message.actual)])).toEqual([['a.txt', ['. aims']], ['b.txt', []]])
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe(`${DIRTY}Strong ties. aims to advance.\n`)
  })

  test('a run killed mid-fix leaves every file old or new, never truncated', async () => {
    const names = Array.from({length: 16}, (_, index) => `story-${String(index).padStart(2, '0')}.txt`)
    const original = seed.repeat(2)
    const fixed = fix(original).text
    expect(fixed).not.toBe(original)
    // Files are fixed in name order: once the first is written, the kill lands among the writes.
    // The rounds run side by side, each in its own folder.
    const rounds = await Promise.all(
      [0, 40, 150].map(async (delay) => {
        const cwd = folder(Object.fromEntries(names.map((name) => [name, original])))
        const child = spawn(process.execPath, [CLI, '--fix', '.'], {cwd, stdio: 'ignore'})
        const exited = new Promise((resolvePromise) => child.on('exit', resolvePromise))
        await afterFirstWrite(join(cwd, names[0]), exited)
        await sleep(delay)
        child.kill('SIGKILL')
        await exited
        const states = names.map((name) => {
          const text = readFileSync(join(cwd, name), 'utf8')
          return text === original ? 'old' : text === fixed ? 'new' : `corrupt: ${name}`
        })
        // A temporary file left by the kill is a dot-file that no run lints.
        return {states, stray: readdirSync(cwd).filter((name) => !names.includes(name) && !TEMPORARY.test(name))}
      })
    )
    for (const {states, stray} of rounds) {
      expect(states.filter((state) => state.startsWith('corrupt'))).toEqual([])
      expect(stray).toEqual([])
    }
    const mixed = rounds.filter(({states}) => states.includes('old') && states.includes('new')).length
    // At least one kill landed between the first write and the last: the test saw a run cut short.
    expect(mixed).toBeGreaterThan(0)
  }, 60000)
})

const sleep = (ms: number) => new Promise((resolvePromise) => setTimeout(resolvePromise, ms))

/** Resolves once `path` has been replaced (a fix renamed over it), or the run is over. */
async function afterFirstWrite(path: string, exited: Promise<unknown>) {
  const inode = statSync(path).ino
  let running = true
  void exited.then(() => (running = false))
  while (running && statSync(path).ino === inode) await sleep(2)
}

describe('bad input never corrupts or loses copy', () => {
  test('binary data and invalid UTF-8: named (where), exit 2, not written, the other files still linted', async () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a])
    // A real U+FFFD first (valid UTF-8), then Latin-1's é.
    const latin1 = Buffer.concat([Buffer.from('Caf\uFFFD fine.\n'), Buffer.from('Caf\xe9 society. he said so.', 'latin1')])
    const cwd = folder({'a.bin.txt': binary, 'b.txt': latin1, 'c.txt': DIRTY})
    const [run, stdin] = await Promise.all([copydesk(['--fix', '--report', 'json', '.'], {cwd}), copydesk(['--fix', '-'], {cwd, input: latin1})])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('a.bin.txt: binary data (a NUL byte at offset 4), not text')
    expect(run.stderr).toContain('b.txt: not valid UTF-8 (byte 0xE9 at line 2, column 4, offset 16)')
    expect(paths(run)).toEqual(['c.txt'])
    expect(readFileSync(join(cwd, 'a.bin.txt'))).toEqual(binary)
    expect(readFileSync(join(cwd, 'b.txt'))).toEqual(latin1)
    expect(readFileSync(join(cwd, 'c.txt'), 'utf8')).toBe(DIRTY_FIXED)
    // Standard input that is not UTF-8 prints nothing on standard output, not a damaged text.
    expect(stdin.code).toBe(2)
    expect(stdin.stdout).toBe('')
    expect(stdin.stderr).toContain('<stdin>: not valid UTF-8')
  })

  test('a folder or a file that cannot be read: named, exit 2, the rest still linted', async () => {
    const cwd = folder({'open/a.txt': CLEAN, 'closed/b.txt': CLEAN, 'open/secret.txt': DIRTY})
    chmodSync(cwd, 0o755)
    chmodSync(join(cwd, 'open'), 0o755)
    chmodSync(join(cwd, 'open', 'a.txt'), 0o644)
    chmodSync(join(cwd, 'open', 'secret.txt'), 0o000)
    chmodSync(join(cwd, 'closed'), 0o000)
    // Root reads everything: run as nobody (a copy of the CLI nobody can read) to meet a real
    // permission error.
    const other = process.getuid?.() === 0 ? cliForNobody() : undefined
    if (other && 'skip' in other) {
      console.log(`skipped: ${other.skip}`)
      return
    }
    const run = await copydesk(['--report', 'json', '.'], {cwd, ...(other ? {uid: NOBODY, cli: other.cli} : {})})
    chmodSync(join(cwd, 'closed'), 0o755)
    expect(run.stderr).toContain(`${join(cwd, 'closed')}: cannot read this folder (EACCES)`)
    expect(run.stderr).toContain(`${join(cwd, 'open', 'secret.txt')}: cannot read (EACCES)`)
    expect(run.code).toBe(2)
    expect(paths(run)).toEqual(['open/a.txt'])
  })

  test('a file that vanishes mid-run, or a link to nothing: named, exit 2, the rest still linted and fixed', async () => {
    const names = Array.from({length: 8}, (_, index) => `story-${index}.txt`)
    const cwd = folder(Object.fromEntries(names.map((name) => [name, seed])))
    symlinkSync(join(cwd, 'gone.txt'), join(cwd, 'link.txt'))
    const child = spawn(process.execPath, [CLI, '--fix', '--report', 'json', '.'], {cwd})
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const exited = new Promise<number | null>((resolvePromise) => child.on('close', resolvePromise))
    // Files are read one at a time in name order: the last is deleted once the first is fixed.
    await afterFirstWrite(join(cwd, names[0]), exited)
    rmSync(join(cwd, names[7]))
    expect(await exited).toBe(2)
    expect(stderr).toContain(`${join(cwd, names[7])}: the file vanished before it could be read`)
    expect(stderr).toContain(`${join(cwd, 'link.txt')}: the file vanished before it could be read`)
    expect(paths({code: 2, stdout, stderr})).toEqual(names.slice(0, 7))
    const fixed = fix(seed).text
    expect(names.slice(0, 7).every((name) => readFileSync(join(cwd, name), 'utf8') === fixed)).toBe(true)
    expect(readdirSync(cwd).sort()).toEqual(['link.txt', ...names.slice(0, 7)])
  })

  test('a 50 MB file is skipped with a clear message, not linted for minutes', async () => {
    const cwd = folder({'small.txt': DIRTY})
    const huge = 'The talks went on. '.repeat(50 * 1024 * 1024 / 19)
    writeFileSync(join(cwd, 'huge.txt'), huge)
    const run = await copydesk(['--fix', '--report', 'json', '.'], {cwd})
    expect(run.stderr).toMatch(/huge\.txt: too large to lint \(50 MB; the limit is 20 MB, see --max-file-size\)/u)
    expect(run.code).toBe(2)
    expect(paths(run)).toEqual(['small.txt'])
    expect(readFileSync(join(cwd, 'small.txt'), 'utf8')).toBe(DIRTY_FIXED)
    expect(readFileSync(join(cwd, 'huge.txt'), 'utf8') === huge).toBe(true)
  })
})

describe('no input crashes the command', () => {
  test('empty, emptied, glued and deeply nested files give messages, never "internal error"', async () => {
    const cwd = folder({
      'empty.html': '',
      'blank.html': ' \n\t\n',
      'share.html': 'Share this article',
      'glued.md': 'The site moved.www.example.com now\n',
      'www.md': 'www.\n',
      'quotes.md': `${'>'.repeat(4000)} the the talks\n`,
      'divs.html': `${'<div>'.repeat(2000)}the the talks`
    })
    const [linted, fixed] = [await copydesk(['--report', 'json', '.'], {cwd}), await copydesk(['--fix', '--report', 'json', '.'], {cwd})]
    for (const run of [linted, fixed]) {
      expect(run.stderr).not.toMatch(/internal error/u)
      expect([0, 1]).toContain(run.code)
      expect(paths(run)).toEqual(['blank.html', 'divs.html', 'empty.html', 'glued.md', 'quotes.md', 'share.html', 'www.md'])
    }
    expect(readFileSync(join(cwd, 'share.html'), 'utf8')).toBe('')
    expect(readFileSync(join(cwd, 'divs.html'), 'utf8')).toBe(`${'<div>'.repeat(2000)}the talks`)
    expect(readFileSync(join(cwd, 'glued.md'), 'utf8')).toBe('The site moved.www.example.com now\n')
    rmSync(cwd, {recursive: true, force: true})
  })

  test('--fix-dry-run shows the repair beside a path and leaves the path alone', async () => {
    const text = 'The file is at /a/../b. . Then it was moved to example.com/search?q=red,blue today.\n'
    const cwd = folder({'story.txt': text})
    const run = await copydesk(['--fix-dry-run', 'story.txt'], {cwd})
    expect(run.stderr).not.toMatch(/internal error/u)
    expect(run.stdout).toContain('-The file is at /a/../b. . Then')
    expect(run.stdout).toContain('+The file is at /a/../b. Then it was moved to example.com/search?q=red,blue today.')
    expect(readFileSync(join(cwd, 'story.txt'), 'utf8')).toBe(text)
    rmSync(cwd, {recursive: true, force: true})
  })
})
