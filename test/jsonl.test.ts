// `copydesk --jsonl`: records in, one line per record out, in input order, the same with worker
// threads and when GNU parallel splits the input between processes.
import {describe, expect, test} from '@jest/globals'
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, openSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fix} from '../src/index.js'
import {BIN} from './helpers/bin.js'

const CLI = resolve(BIN)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], input: string | Buffer): Promise<Run> {
  // An empty folder: no config file of the project is found from it.
  const cwd = mkdtempSync(join(tmpdir(), 'copydesk-jsonl-'))
  const child = spawn(command, args, {cwd})
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin.end(input)
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => resolvePromise({code, stdout, stderr}))
  })
}

const copydesk = (args: string[], input: string) => run(process.execPath, [CLI, ...args], input)

// Invented copy: some records with damage, some clean, one Markdown.
const TEXTS = [
  'Officials met in Tokyo. he said the talks went well. .\n',
  'The minister spoke on Monday.\n',
  'Prices rose in March , traders said.\n',
  'The the committee will meet again.\n',
  'Share this article\nThe vote passed on Friday.\n'
]
const RECORDS = Array.from({length: 30}, (_, i) => ({id: `story-${i}`, text: TEXTS[i % TEXTS.length]}))
const MARKDOWN = {id: 7, text: '# Talks\n\nthe talks went on. .\n', format: 'markdown'}
const lines = (records: object[]) => records.map((record) => `${JSON.stringify(record)}\n`).join('')

describe('--jsonl', () => {
  test('one line per record, in input order; a bad record is an error line, not a crash', async () => {
    const input = lines(RECORDS.slice(0, 5)) + 'not json\n' + lines([{id: 'no-text'}, MARKDOWN])
    const result = await copydesk(['--jsonl'], input)
    const output = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(output.map((line) => line.id)).toEqual(['story-0', 'story-1', 'story-2', 'story-3', 'story-4', null, 'no-text', 7])
    expect(output[5].error).toMatch(/not a JSON record/u)
    expect(output[6].error).toBe('`text` must be a string')
    expect(output[0].messages.map((message: {actual: string}) => message.actual)).toEqual(['he', ' .'])
    expect(output[1].messages).toEqual([])
    // The Markdown record is read as Markdown: the heading is not a sentence.
    expect(output[7].messages.map((message: {ruleId: string; line: number}) => [message.ruleId, message.line])).toEqual([
      ['sentence-start', 3],
      ['stray-punctuation', 3]
    ])
    expect(result.code).toBe(2)
  })

  test('a record the parsers cannot take is an error line that says why, as for a file', async () => {
    const tooDeep = {id: 'deep', text: `*${'x '.repeat(300_000)}y*`, format: 'markdown'}
    const result = await copydesk(['--jsonl'], lines([tooDeep, RECORDS[1]]))
    const output = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(output.map((line) => line.id)).toEqual(['deep', 'story-1'])
    expect(output[0].error).toMatch(/^too large to parse \(/u)
    expect(result.code).toBe(2)
  })

  test('a record is never held past --max-file-size: an endless line is reported at once, in bounded memory', async () => {
    // Standard input from /dev/zero: one line that never ends. A reader that holds whole lines
    // grew to 512 MB and crashed; this one says so after the limit and keeps skipping.
    const child = spawn(process.execPath, [CLI, '--jsonl', '--max-file-size', '64kb'], {cwd: mkdtempSync(join(tmpdir(), 'copydesk-jsonl-')), stdio: [openSync('/dev/zero', 'r'), 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    const first = await new Promise<string>((resolvePromise) => {
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk
        if (stdout.includes('\n')) resolvePromise(stdout.split('\n')[0])
      })
      child.on('close', () => resolvePromise(`exited: ${stderr.slice(-200)}`))
    })
    child.kill()
    expect(JSON.parse(first)).toEqual({id: null, error: 'record too large to lint (see --max-file-size)'})
    // Then the next line is read as usual, and a record that is not UTF-8 is named, not guessed at.
    const tail = '{"id": "after", "text": "The vote passed."}\n'
    const long = `{"id": "long", "text": "${'a'.repeat(200 * 1024)}"}\n`
    const result = await run(process.execPath, [CLI, '--jsonl', '--max-file-size', '64kb'], long + tail)
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line).id)).toEqual([null, 'after'])
    const latin1 = Buffer.concat([Buffer.from('\uFEFF{"id": 1, "text": "ok"}\r\n{"id": 2, "text": "caf'), Buffer.from([0xe9]), Buffer.from('"}\n')])
    const mixed = await run(process.execPath, [CLI, '--jsonl'], latin1)
    expect(mixed.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([{id: 1, messages: []}, {id: null, error: 'not valid UTF-8 (JSON Lines are UTF-8)'}])
    expect(mixed.code).toBe(2)
  }, 60_000)

  test('--fix adds each record\'s fixed text', async () => {
    const result = await copydesk(['--jsonl', '--fix'], lines(RECORDS.slice(0, 5)))
    const output = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))
    expect(output.map((line) => line.fixed)).toEqual(TEXTS.map((text) => fix(text).text))
  })

  test('two worker threads write what one thread writes', async () => {
    const input = lines(RECORDS)
    const [one, two] = await Promise.all([copydesk(['--jsonl', '--jobs', '1'], input), copydesk(['--jsonl', '--jobs', '2'], input)])
    expect(one.stdout.split('\n')).toHaveLength(RECORDS.length + 1)
    expect(two.stdout).toBe(one.stdout)
    expect(two.code).toBe(one.code)
  })

  const parallel = spawnSync('parallel', ['--version'], {encoding: 'utf8'})
  const hasParallel = parallel.status === 0 && parallel.stdout.includes('GNU parallel')
  if (!hasParallel) {
    console.log(`GNU parallel test skipped: \`parallel --version\` ${parallel.error ? `failed (${(parallel.error as NodeJS.ErrnoException).code})` : 'is not GNU parallel'}; install the Debian package \`parallel\``)
  }
  ;(hasParallel ? test : test.skip)('GNU parallel --pipe in 2 jobs gives the output of one process', async () => {
    const input = lines(RECORDS)
    const one = await copydesk(['--jsonl'], input)
    // -k keeps the blocks in input order; -N 4 makes several blocks of whole records.
    const split = await run('parallel', ['--will-cite', '--pipe', '-k', '-N', '4', '--jobs', '2', process.execPath, CLI, '--jsonl'], input)
    expect(split.stderr).toBe('')
    expect(split.stdout).toBe(one.stdout)
    // Three processes of copydesk and one of parallel: on a loaded 2-core machine this took 24 s.
  }, 120_000)
})
