// The `copydesk` command, spawned for real (`node dist/src/cli.js`, built by `npm test`) in
// temporary folders: inputs, configuration, exit codes, reports, --fix, and bad input.
import {describe, expect, test} from '@jest/globals'
import {spawn, spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fix} from '../src/index.js'

const CLI = resolve('dist/src/cli.js')
const seed = readFileSync('test/fixtures/seed-article.txt', 'utf8')
const DIRTY = 'Officials met in Tokyo. he said the talks went well. .\n'
const WARNING_ONLY = 'Officials met in Tokyo. he said the talks went well.\n'
const CLEAN = 'Officials met in Tokyo on Monday.\n'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function copydesk(args: string[], options: {cwd: string; input?: string | Buffer; uid?: number}): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})
  })
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
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

const json = (run: Run) => JSON.parse(run.stdout) as Array<{path: string; cwd: string; messages: Array<Record<string, unknown>>}>
const paths = (run: Run) => json(run).map((file) => file.path)

describe('inputs', () => {
  test('files, folders and globs, each file once, in order; other extensions only when named', () => {
    const cwd = folder({'a.txt': CLEAN, 'docs/b.txt': CLEAN, 'docs/deep/c.txt': CLEAN, 'docs/notes.dat': CLEAN, 'docs/.hidden.txt': CLEAN})
    expect(paths(copydesk(['--report', 'json', 'docs'], {cwd}))).toEqual(['docs/b.txt', 'docs/deep/c.txt'])
    expect(paths(copydesk(['--report', 'json', 'docs/**/*.txt', 'a.txt', 'docs/b.txt'], {cwd}))).toEqual(['a.txt', 'docs/b.txt', 'docs/deep/c.txt'])
    expect(paths(copydesk(['--report', 'json', 'docs/notes.dat'], {cwd}))).toEqual(['docs/notes.dat'])
  })

  test('a path or glob that matches nothing is an error, and the rest is still linted', () => {
    const cwd = folder({'a.txt': DIRTY, 'empty/x.dat': ''})
    const run = copydesk(['--report', 'json', 'missing.txt', 'nothing/*.txt', 'empty', 'a.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('missing.txt: no such file or folder')
    expect(run.stderr).toContain('nothing/*.txt: no files match this pattern')
    expect(run.stderr).toMatch(/empty: no files with an extension of/u)
    expect(paths(run)).toEqual(['a.txt'])
    expect(copydesk([], {cwd}).code).toBe(2)
  })

  test('standard input, named by --stdin-filename, and fixed to standard output', () => {
    const cwd = folder({'sub/.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'off'}})})
    const plain = copydesk(['--report', 'json', '-'], {cwd, input: WARNING_ONLY})
    expect(json(plain)[0].messages.map((message) => message.ruleId)).toEqual(['sentence-start'])
    // The name places it under sub/, whose config turns the rule off.
    const named = copydesk(['--report', 'json', '--stdin-filename', 'sub/story.txt', '-'], {cwd, input: WARNING_ONLY})
    expect(json(named)).toEqual([{path: 'sub/story.txt', cwd, messages: []}])
    const fixed = copydesk(['--fix', '-'], {cwd, input: DIRTY})
    expect(fixed.stdout).toBe('Officials met in Tokyo. He said the talks went well.\n')
    expect(fixed.code).toBe(0)
  })

  test('.copydeskignore and --ignore-path leave files out; a named ignored file is skipped with a warning', () => {
    const cwd = folder({'.copydeskignore': 'drafts/\n*.old.txt\n', 'a.txt': CLEAN, 'b.old.txt': CLEAN, 'drafts/c.txt': CLEAN, 'other-ignore': 'a.txt\n'})
    expect(paths(copydesk(['--report', 'json', '.'], {cwd}))).toEqual(['a.txt'])
    expect(paths(copydesk(['--report', 'json', '--ignore-path', 'other-ignore', '.'], {cwd}))).toEqual(['b.old.txt', 'drafts/c.txt'])
    const named = copydesk(['--report', 'json', 'drafts/c.txt', 'a.txt'], {cwd})
    expect(paths(named)).toEqual(['a.txt'])
    expect(named.stderr).toContain('drafts/c.txt: ignored by an ignore file')
    expect(named.code).toBe(0)
    expect(copydesk(['--ignore-path', 'nope', '.'], {cwd}).code).toBe(2)
  })
})

describe('configuration', () => {
  test('is found upward from each file: .copydeskrc.json, .copydeskrc.yml, or package.json', () => {
    const cwd = folder({
      'json/.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'error'}}),
      'json/deep/a.txt': WARNING_ONLY,
      'yaml/.copydeskrc.yml': 'rules:\n  sentence-start: info # quieter\n',
      'yaml/b.txt': WARNING_ONLY,
      'pkg/package.json': JSON.stringify({name: 'x', copydesk: {rules: {'sentence-start': 'off'}}}),
      'pkg/c.txt': WARNING_ONLY,
      'none/d.txt': WARNING_ONLY
    })
    const run = copydesk(['--report', 'json', '.'], {cwd})
    const severity = Object.fromEntries(json(run).map((file) => [file.path, file.messages.map((message) => message.severity)]))
    expect(severity).toEqual({'json/deep/a.txt': ['error'], 'none/d.txt': ['warning'], 'pkg/c.txt': [], 'yaml/b.txt': ['info']})
    expect(run.code).toBe(1)
  })

  test('--config names one for every file, --no-config uses the defaults', () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'off'}}), 'strict.yml': 'rules:\n  sentence-start: error\n', 'a.txt': WARNING_ONLY})
    expect(copydesk(['a.txt'], {cwd}).code).toBe(0)
    expect(copydesk(['--config', 'strict.yml', 'a.txt'], {cwd}).code).toBe(1)
    expect(json(copydesk(['--report', 'json', '--no-config', 'a.txt'], {cwd}))[0].messages).toHaveLength(1)
  })

  test('a broken file, an unknown rule or an unknown key: exit 2 naming the file and the key', () => {
    const broken = folder({'.copydeskrc.json': '{"rules": {', 'a.txt': CLEAN})
    const run = copydesk(['a.txt'], {cwd: broken})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(join(broken, '.copydeskrc.json'))
    expect(run.stderr).toMatch(/invalid JSON/u)
    const unknown = folder({'.copydeskrc.yml': 'rules:\n  stray-punctuatoin: warn\n', 'a.txt': CLEAN})
    const second = copydesk(['a.txt'], {cwd: unknown})
    expect(second.code).toBe(2)
    expect(second.stderr).toContain(`${join(unknown, '.copydeskrc.yml')}: unknown rule \`stray-punctuatoin\` (did you mean \`stray-punctuation\`?)`)
    const key = folder({'package.json': JSON.stringify({copydesk: {colour: 'red'}}), 'a.txt': CLEAN})
    expect(copydesk(['a.txt'], {cwd: key}).stderr).toContain('unknown key `colour`')
  })

  test('--print-config shows the configuration in effect for a file', () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({rules: {'ly-hyphen': 'off', 'word-echo': ['on', {window: 3}]}, names: ['Kujda']}), 'a.txt': CLEAN})
    const run = copydesk(['--print-config', 'a.txt'], {cwd})
    expect(run.code).toBe(0)
    const printed = JSON.parse(run.stdout)
    expect(printed.configFile).toBe(join(cwd, '.copydeskrc.json'))
    expect(printed.rules['ly-hyphen']).toBe('off')
    expect(printed.rules['word-echo']).toEqual(['info', {window: 3}])
    expect(printed.rules['stray-punctuation']).toEqual(['error', {}])
    expect(printed.names).toEqual(['Kujda'])
  })
})

describe('exit codes and severity', () => {
  test('0 clean or warnings only, 1 errors or too many warnings, 2 usage errors', () => {
    const cwd = folder({'clean.txt': CLEAN, 'warn.txt': WARNING_ONLY, 'error.txt': DIRTY})
    expect(copydesk(['clean.txt'], {cwd}).code).toBe(0)
    expect(copydesk(['warn.txt'], {cwd}).code).toBe(0)
    expect(copydesk(['error.txt'], {cwd}).code).toBe(1)
    expect(copydesk(['--max-warnings', '1', 'warn.txt'], {cwd}).code).toBe(0)
    const over = copydesk(['--max-warnings', '0', 'warn.txt'], {cwd})
    expect(over.code).toBe(1)
    expect(over.stderr).toContain('more than --max-warnings 0')
    expect(copydesk(['--bogus', 'clean.txt'], {cwd}).code).toBe(2)
    expect(copydesk(['--report', 'xml', 'clean.txt'], {cwd}).code).toBe(2)
    expect(copydesk(['--max-warnings', 'lots', 'clean.txt'], {cwd}).code).toBe(2)
  })

  test('--quiet reports errors only', () => {
    const cwd = folder({'error.txt': DIRTY})
    const all = json(copydesk(['--report', 'json', 'error.txt'], {cwd}))[0].messages.map((message) => message.severity)
    expect(all.sort()).toEqual(['error', 'warning'])
    const quiet = copydesk(['--quiet', '--report', 'json', 'error.txt'], {cwd})
    expect(json(quiet)[0].messages.map((message) => message.severity)).toEqual(['error'])
    expect(copydesk(['--quiet', 'error.txt'], {cwd}).stderr).not.toContain('warning')
  })
})

describe('reports', () => {
  test('json: flat, with ranges, offsets, severity, actual, expected and fix level', () => {
    const cwd = folder({'a.txt': DIRTY})
    const [file] = json(copydesk(['--report', 'json', 'a.txt'], {cwd}))
    expect(file.path).toBe('a.txt')
    expect(file.cwd).toBe(cwd)
    const he = file.messages.find((message) => message.ruleId === 'sentence-start')!
    expect(he).toMatchObject({
      severity: 'warning',
      line: 1,
      column: 25,
      endLine: 1,
      endColumn: 27,
      offset: 24,
      endOffset: 26,
      actual: 'he',
      expected: ['He'],
      fix: 'safe',
      source: 'retext-copydesk',
      url: expect.stringContaining('rules/sentence-start/README.md')
    })
    expect(JSON.stringify(file)).not.toContain('ancestors')
  })

  test('sarif: valid SARIF 2.1.0 with rules, locations, stable fingerprints and fixes', () => {
    const cwd = folder({'a.txt': seed})
    const run = copydesk(['--report', 'sarif', 'a.txt'], {cwd})
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
    const results = log.runs[0].results as Array<{ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; fixes?: unknown[]; locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>}>
    const rules = log.runs[0].tool.driver.rules as Array<{id: string; helpUri: string}>
    for (const result of results) {
      expect(rules[result.ruleIndex].id).toBe(result.ruleId)
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('a.txt')
    }
    expect(rules.every((rule) => rule.helpUri.endsWith(`rules/${rule.id}/README.md`))).toBe(true)
    const bidenn = results.find((result) => result.ruleId === 'name-consistency')!
    expect(bidenn.level).toBe('error')
    expect(bidenn.fixes).toHaveLength(1)
    expect(results.find((result) => result.ruleId === 'headline-mismatch')!.fixes).toBeUndefined()
    // A paragraph added under the headline moves every line after it; the fingerprints stay.
    const [headline, ...rest] = seed.split('\n')
    writeFileSync(join(cwd, 'a.txt'), [headline, '', 'A new paragraph was added here.', ...rest].join('\n'))
    const moved = JSON.parse(copydesk(['--report', 'sarif', 'a.txt'], {cwd}).stdout).runs[0].results as typeof results
    const prints = (list: typeof results) => list.map((result) => result.partialFingerprints['copydesk/v1']).sort()
    expect(prints(moved)).toEqual(prints(results))
    const line = (list: typeof results, rule: string) => list.find((result) => result.ruleId === rule)!.locations[0].physicalLocation.region.startLine
    expect(line(moved, 'name-consistency')).toBe(line(results, 'name-consistency') + 2)
  })

  test('github: one workflow command per message, then a summary line', () => {
    const cwd = folder({'a,b.txt': DIRTY})
    const run = copydesk(['--report', 'github', 'a,b.txt'], {cwd})
    const lines = run.stdout.trim().split('\n')
    expect(lines).toContain('::warning file=a%2Cb.txt,line=1,col=25,endLine=1,endColumn=27,title=retext-copydesk(sentence-start)::Unexpected lower-case `he` at the start of a sentence, expected `He`')
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(1)
    expect(lines[lines.length - 1]).toBe('retext-copydesk: 2 messages (1 error, 1 warning, 0 info) in 1 file')
  })

  test('--output-file writes the report there', () => {
    const cwd = folder({'a.txt': DIRTY})
    const run = copydesk(['--report', 'json', '--output-file', 'report.json', 'a.txt'], {cwd})
    expect(run.stdout).toBe('')
    expect(run.code).toBe(1)
    expect(JSON.parse(readFileSync(join(cwd, 'report.json'), 'utf8'))[0].path).toBe('a.txt')
  })
})

describe('--fix', () => {
  test('writes only changed files, keeps their mode, line endings and BOM, and reports what is left', () => {
    const crlf = `\uFEFF${DIRTY.replace(/\n/gu, '\r\n')}Strong ties. aims to advance.\r\n`
    const cwd = folder({'a.txt': crlf, 'clean.txt': CLEAN})
    chmodSync(join(cwd, 'a.txt'), 0o640)
    const before = statSync(join(cwd, 'clean.txt')).mtimeMs
    const run = copydesk(['--fix', '--report', 'json', '.'], {cwd})
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe('\uFEFFOfficials met in Tokyo. He said the talks went well.\r\nStrong ties. aims to advance.\r\n')
    expect(statSync(join(cwd, 'a.txt')).mode & 0o777).toBe(0o640)
    expect(statSync(join(cwd, 'clean.txt')).mtimeMs).toBe(before)
    // What is left is a warning (no repair is safe), so the exit code is 0.
    expect(json(run).flatMap((file) => file.messages.map((message) => message.actual))).toEqual(['. aims'])
    expect(run.code).toBe(0)
    expect(readdirSync(cwd).sort()).toEqual(['a.txt', 'clean.txt'])
    expect(copydesk(['--fix', 'a.txt'], {cwd}).stderr).not.toContain('written')
  })

  test('--fix-dry-run prints a unified diff and writes nothing', () => {
    const cwd = folder({'a.txt': DIRTY})
    const run = copydesk(['--fix-dry-run', 'a.txt'], {cwd})
    expect(run.stdout).toContain('--- a/a.txt\n+++ b/a.txt\n')
    expect(run.stdout).toContain('-Officials met in Tokyo. he said the talks went well. .\n+Officials met in Tokyo. He said the talks went well.\n')
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe(DIRTY)
  })

  test('a run killed mid-fix leaves every file old or new, never truncated', async () => {
    const names = Array.from({length: 30}, (_, index) => `story-${String(index).padStart(2, '0')}.txt`)
    const original = seed.repeat(3)
    const fixed = fix(original).text
    expect(fixed).not.toBe(original)
    // Start-up takes a few hundred milliseconds; the writes come after it, spread over a second.
    for (const delay of [300, 700, 1000, 1300, 1700]) {
      const cwd = folder(Object.fromEntries(names.map((name) => [name, original])))
      const child = spawn(process.execPath, [CLI, '--fix', '.'], {cwd, stdio: 'ignore'})
      await new Promise((resolvePromise) => setTimeout(resolvePromise, delay))
      child.kill('SIGKILL')
      await new Promise((resolvePromise) => child.on('exit', resolvePromise))
      for (const name of names) {
        const text = readFileSync(join(cwd, name), 'utf8')
        expect([name, text === original || text === fixed]).toEqual([name, true])
      }
      // A temporary file left by the kill is a dot-file the next run does not lint.
      const stray = readdirSync(cwd).filter((name) => !names.includes(name))
      expect(stray.every((name) => /^\..+\.copydesk-[0-9a-f]+\.tmp$/u.test(name))).toBe(true)
      expect(paths(copydesk(['--report', 'json', '.'], {cwd}))).toHaveLength(names.length)
    }
  }, 60000)
})

describe('bad input never corrupts or loses copy', () => {
  test('binary data and invalid UTF-8: named, exit 2, not written, the other files still linted', () => {
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0d, 0x0a])
    const latin1 = Buffer.from('Caf\xe9 society. he said so.', 'latin1')
    const cwd = folder({'a.bin.txt': binary, 'b.txt': latin1, 'c.txt': DIRTY})
    const run = copydesk(['--fix', '--report', 'json', '.'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('a.bin.txt: binary data (a NUL byte), not text')
    expect(run.stderr).toContain('b.txt: not valid UTF-8')
    expect(paths(run)).toEqual(['c.txt'])
    expect(readFileSync(join(cwd, 'a.bin.txt'))).toEqual(binary)
    expect(readFileSync(join(cwd, 'b.txt'))).toEqual(latin1)
    expect(readFileSync(join(cwd, 'c.txt'), 'utf8')).toBe('Officials met in Tokyo. He said the talks went well.\n')
  })

  test('a folder that cannot be read: named, exit 2, the rest still linted', () => {
    const cwd = folder({'open/a.txt': CLEAN, 'closed/b.txt': CLEAN})
    chmodSync(cwd, 0o755)
    chmodSync(join(cwd, 'open'), 0o755)
    chmodSync(join(cwd, 'open', 'a.txt'), 0o644)
    chmodSync(join(cwd, 'closed'), 0o000)
    // Root reads everything: run as nobody to meet a real permission error.
    const uid = process.getuid?.() === 0 ? 65534 : undefined
    const run = copydesk(['--report', 'json', '.'], {cwd, uid})
    chmodSync(join(cwd, 'closed'), 0o755)
    expect(run.stderr).toContain(`${join(cwd, 'closed')}: cannot read this folder (EACCES)`)
    expect(run.code).toBe(2)
    expect(paths(run)).toEqual(['open/a.txt'])
  })

  test('a file that vanished before it was read: named, exit 2', () => {
    const cwd = folder({'a.txt': CLEAN})
    symlinkSync(join(cwd, 'gone.txt'), join(cwd, 'link.txt'))
    const run = copydesk(['--report', 'json', '.'], {cwd})
    expect(run.stderr).toContain('link.txt: the file vanished before it could be read')
    expect(run.code).toBe(2)
    expect(paths(run)).toEqual(['a.txt'])
  })

  test('a 50 MB file is skipped with a clear message, not linted for minutes', () => {
    const cwd = folder({'small.txt': DIRTY})
    writeFileSync(join(cwd, 'huge.txt'), 'The talks went on. '.repeat(50 * 1024 * 1024 / 19))
    const run = copydesk(['--fix', '--report', 'json', '.'], {cwd})
    expect(run.stderr).toMatch(/huge\.txt: too large to lint \(50\.0 MB; the limit is 1\.0 MB, see --max-file-size\)/u)
    expect(run.code).toBe(2)
    expect(paths(run)).toEqual(['small.txt'])
    expect(statSync(join(cwd, 'huge.txt')).size).toBe(Math.floor(50 * 1024 * 1024 / 19) * 19)
  })
})
