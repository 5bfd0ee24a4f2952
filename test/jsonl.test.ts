// `copydesk --jsonl`: records in, one line per record out, in input order, the same with worker
// threads and when GNU parallel splits the input between processes.
import {describe, expect, test} from '@jest/globals'
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {fix} from '../src/index.js'

const CLI = resolve('dist/src/cli/index.js')

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(command: string, args: string[], input: string): Promise<Run> {
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
  })
})
