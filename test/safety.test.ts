// Nothing lost, nothing corrupted: --fix under write faults and races, what --fix may write,
// where configuration comes from, encodings and streams. The CLI is spawned for real (built by
// `npm test`), except where a write fault is injected: then `run` is called in-process with a
// file system facade that fails the way a full disk or a failing device does.
import {afterAll, describe, expect, test} from '@jest/globals'
import {spawn, spawnSync, type StdioOptions} from 'node:child_process'
import * as fs from 'node:fs'
import {chmodSync, chownSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmdirSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, join, resolve} from 'node:path'
import {run} from '../src/cli/run.js'
// Loaded here as well as by `run` (which imports them when it needs them): jest's module
// registry only serves a dynamic import of a module it has already linked.
import '../src/cli/files.js'
import '../src/cli/report.js'
import '../src/index.js'
import type {WriteFs} from '../src/cli/files.js'
import {cliForNobody, NOBODY, removeCliCopy} from './helpers/other-user.js'
import {BIN} from './helpers/bin.js'

const CLI = resolve(BIN)
const DIRTY = 'Officials met in Tokyo. he said the talks went well. .\n'
const DIRTY_FIXED = 'Officials met in Tokyo. He said the talks went well.\n'
const WARNING_ONLY = 'Officials met in Tokyo. he said the talks went well.\n'
const CLEAN = 'Officials met in Tokyo on Monday.\n'
const TEMPORARY = /^\..+\.copydesk-[0-9a-f]+\.tmp$/u
const isRoot = process.getuid?.() === 0

afterAll(removeCliCopy)

interface Run {
  code: number | null
  stdout: string
  stderr: string
  bytes: Buffer
}

interface RunOptions {
  cwd: string
  input?: string | Buffer
  env?: NodeJS.ProcessEnv
  uid?: number
  cli?: string
  /** Standard input from this file descriptor instead of a pipe. */
  stdinFd?: number
}

function copydesk(args: string[], options: RunOptions): Promise<Run> {
  const stdio: StdioOptions = [options.stdinFd ?? 'pipe', 'pipe', 'pipe']
  const child = spawn(process.execPath, [options.cli ?? CLI, ...args], {
    cwd: options.cwd,
    stdio,
    env: options.env ?? process.env,
    ...(options.uid === undefined ? {} : {uid: options.uid, gid: options.uid})
  })
  const chunks: Buffer[] = []
  let stderr = ''
  child.stdout!.on('data', (chunk: Buffer) => chunks.push(chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  child.stdin?.on('error', () => {})
  child.stdin?.end(options.input)
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      const bytes = Buffer.concat(chunks)
      resolvePromise({code, stdout: bytes.toString('utf8'), stderr, bytes})
    })
  })
}

function folder(files: Record<string, string | Buffer> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'copydesk-safety-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), {recursive: true})
    writeFileSync(join(root, name), content)
  }
  return root
}

const json = (run: Run) => JSON.parse(run.stdout) as Array<{path: string; messages: Array<{ruleId: string}>}>
const paths = (run: Run) => json(run).map((file) => file.path)
const strays = (cwd: string) => readdirSync(cwd, {recursive: true}).map(String).filter((name) => TEMPORARY.test(basename(name)))

/** Runs the CLI in-process, writing through `writeFs`. */
async function runWith(args: string[], cwd: string, writeFs: WriteFs) {
  let stdout = ''
  let stderr = ''
  const code = await run(args, {
    cwd,
    stdin: async () => Buffer.alloc(0),
    stdout: (text) => (stdout += String(text)),
    stderr: (text) => (stderr += text),
    fs: writeFs
  })
  return {code, stdout, stderr}
}

/** A file system whose calls on the temporary file of `name` go through `fault`. */
function faulty(name: string, fault: Partial<WriteFs>): WriteFs {
  const mine = new Set<number>()
  return {
    ...fs,
    openSync: ((path: fs.PathLike, flags: fs.OpenMode, mode?: fs.Mode) => {
      const descriptor = fs.openSync(path, flags, mode)
      if (basename(String(path)).startsWith(`.${name}.copydesk-`)) mine.add(descriptor)
      return descriptor
    }) as WriteFs['openSync'],
    writeSync: ((descriptor: number, ...rest: never[]) =>
      mine.has(descriptor) && fault.writeSync ? (fault.writeSync as (...args: unknown[]) => number)(descriptor, ...rest) : (fs.writeSync as (...args: unknown[]) => number)(descriptor, ...rest)) as WriteFs['writeSync'],
    fsyncSync: (descriptor: number) => (mine.has(descriptor) && fault.fsyncSync ? fault.fsyncSync(descriptor) : fs.fsyncSync(descriptor)),
    // Descriptor numbers are reused: the next file's temporary file is not this one.
    closeSync: (descriptor: number) => {
      mine.delete(descriptor)
      fs.closeSync(descriptor)
    }
  }
}

const errno = (code: string, syscall: string) => Object.assign(new Error(`${code}: simulated`), {code, syscall})

describe('writing is all or nothing', () => {
  test('a failed, short or silently short write leaves the original byte-identical, names it and the error, exit 2; the rest is still fixed', async () => {
    type Writer = (descriptor: number, buffer: Buffer, offset: number, length: number) => number
    const cases: Array<[string, Partial<WriteFs>, RegExp]> = [
      // A full disk: the first write falls short, the next one fails.
      ['ENOSPC after a short write', {writeSync: ((descriptor, buffer, offset, length) => {
        if (offset === 0) return fs.writeSync(descriptor, buffer, offset, Math.floor(length / 2))
        throw errno('ENOSPC', 'write')
      }) as Writer as WriteFs['writeSync']}, /a\.txt: not written, the file is unchanged \(ENOSPC in write\)/u],
      ['EDQUOT', {writeSync: (() => {
        throw errno('EDQUOT', 'write')
      }) as WriteFs['writeSync']}, /a\.txt: not written, the file is unchanged \(EDQUOT in write\)/u],
      ['EIO on flush', {fsyncSync: () => {
        throw errno('EIO', 'fsync')
      }}, /a\.txt: not written, the file is unchanged \(EIO in fsync\)/u],
      // A write that makes no progress is not retried for ever.
      ['no progress', {writeSync: (() => 0) as WriteFs['writeSync']}, /a\.txt: not written, the file is unchanged \(a short write: 0 of \d+ bytes written\)/u],
      // A device that says it wrote everything but kept half: caught by checking what was written.
      ['a lying short write', {writeSync: ((descriptor, buffer, offset, length) => {
        fs.writeSync(descriptor, buffer, offset, Math.floor(length / 2))
        return length
      }) as Writer as WriteFs['writeSync']}, /a\.txt: not written, the file is unchanged \(the temporary file holds \d+ of \d+ bytes\)/u]
    ]
    for (const [label, fault, message] of cases) {
      const cwd = folder({'a.txt': DIRTY, 'b.txt': DIRTY})
      chmodSync(join(cwd, 'a.txt'), 0o640)
      const before = statSync(join(cwd, 'a.txt'))
      const result = await runWith(['--fix', 'a.txt', 'b.txt'], cwd, faulty('a.txt', fault))
      expect([label, result.code]).toEqual([label, 2])
      expect(result.stderr).toMatch(message)
      expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe(DIRTY)
      const after = statSync(join(cwd, 'a.txt'))
      expect([after.ino, after.mode, after.mtimeMs]).toEqual([before.ino, before.mode, before.mtimeMs])
      expect(readFileSync(join(cwd, 'b.txt'), 'utf8')).toBe(DIRTY_FIXED)
      expect(strays(cwd)).toEqual([])
    }
  })

  test('a fault at any call of the writer, even removing the temporary file, leaves the original byte-identical and names the file and the error', async () => {
    const seam = ['realpathSync', 'statSync', 'accessSync', 'readFileSync', 'openSync', 'fchownSync', 'fchmodSync', 'writeSync', 'fsyncSync', 'fstatSync', 'closeSync', 'renameSync', 'rmSync'] as const
    // Counts the calls of each kind and fails the `at`-th call of `call` (every later rmSync too, with `rm`).
    const counting = (counts: Record<string, number>, call?: string, at?: number, rm = false): WriteFs => {
      const facade: Record<string, unknown> = {...fs}
      for (const name of seam) {
        facade[name] = (...args: unknown[]) => {
          counts[name] = (counts[name] ?? 0) + 1
          if ((name === call && counts[name] === at) || (rm && name === 'rmSync')) throw errno('EIO', name)
          return (fs[name] as (...rest: unknown[]) => unknown)(...args)
        }
      }
      return facade as unknown as WriteFs
    }
    const counts: Record<string, number> = {}
    const clean = folder({'a.txt': DIRTY, 'b.txt': DIRTY})
    expect(await runWith(['--fix', 'a.txt', 'b.txt'], clean, counting(counts))).toMatchObject({code: 0})
    // Root may write any file, so only another user asks the system whether they may.
    const calls = ['closeSync', 'fchmodSync', 'fchownSync', 'fstatSync', 'fsyncSync', 'openSync', 'readFileSync', 'realpathSync', 'renameSync', 'statSync', 'writeSync', ...(isRoot ? [] : ['accessSync'])]
    expect(Object.keys(counts).sort()).toEqual(calls.sort())
    const faults: Array<[string, number, boolean]> = Object.entries(counts).flatMap(([name, total]) => Array.from({length: total}, (_, index): [string, number, boolean] => [name, index + 1, false]))
    // The rename fails, and so does removing the temporary file: named, and the run goes on.
    faults.push(['renameSync', 1, true])
    for (const [call, at, rm] of faults) {
      const cwd = folder({'a.txt': DIRTY, 'b.txt': DIRTY})
      const result = await runWith(['--fix', 'a.txt', 'b.txt'], cwd, counting({}, call, at, rm))
      const label = `${call} #${at}${rm ? ' and rmSync' : ''}`
      const texts = ['a.txt', 'b.txt'].map((name) => readFileSync(join(cwd, name), 'utf8'))
      // The call fails for one file: that one is left as it was, the other is fixed.
      expect([label, result.code, [...texts].sort()]).toEqual([label, 2, [DIRTY_FIXED, DIRTY].sort()])
      const failed = texts[0] === DIRTY ? 'a.txt' : 'b.txt'
      expect([label, result.stderr]).toEqual([label, expect.stringMatching(new RegExp(`${failed}: .*EIO`, 'u'))])
      if (rm) expect(result.stderr).toMatch(/the temporary file \S+\.tmp could not be removed \(EIO in rmSync\)/u)
      else expect([label, strays(cwd)]).toEqual([label, []])
    }
  }, 240_000)

  test('a file deleted, or replaced by a link, between reading and the rename is not replaced', async () => {
    const races: Array<[string, (path: string, outside: string) => void, RegExp]> = [
      ['deleted', (path) => fs.rmSync(path), /a\.txt: vanished while fixing; not written/u],
      [
        'replaced by a link',
        (path, outside) => {
          fs.rmSync(path)
          symlinkSync(outside, path)
        },
        /a\.txt: changed while fixing; not written/u
      ]
    ]
    for (const [label, race, message] of races) {
      const cwd = folder({'a.txt': DIRTY, 'b.txt': DIRTY, 'elsewhere/secret.txt': DIRTY})
      const path = join(cwd, 'a.txt')
      const outside = join(cwd, 'elsewhere', 'secret.txt')
      const result = await runWith(['--fix', 'a.txt', 'b.txt'], cwd, faulty('a.txt', {fsyncSync: (descriptor) => (fs.fsyncSync(descriptor), race(path, outside))}))
      expect([label, result.code]).toEqual([label, 2])
      expect(result.stderr).toMatch(message)
      expect(readFileSync(outside, 'utf8')).toBe(DIRTY)
      expect(fs.existsSync(path) && !fs.lstatSync(path).isSymbolicLink()).toBe(false)
      expect(readFileSync(join(cwd, 'b.txt'), 'utf8')).toBe(DIRTY_FIXED)
      expect(strays(cwd)).toEqual([])
    }
  })

  test('a file changed while it was fixed (an append, or the same size and time with other bytes) is not replaced', async () => {
    const appended = 'A line another program appended.\n'
    const sneaky = 'Officials met in Tokyo. HE said the talks went well. .\n'
    expect(sneaky.length).toBe(DIRTY.length)
    const changes: Array<[string, (path: string) => void]> = [
      ['append', (path) => fs.appendFileSync(path, appended)],
      [
        'same size and time',
        (path) => {
          const {atime, mtime} = statSync(path)
          writeFileSync(path, sneaky)
          utimesSync(path, atime, mtime)
        }
      ]
    ]
    for (const [label, change] of changes) {
      const cwd = folder({'a.txt': DIRTY, 'b.txt': DIRTY})
      const path = join(cwd, 'a.txt')
      const expected = label === 'append' ? DIRTY + appended : sneaky
      // The change lands after the temporary file is written and flushed: the last check before
      // the rename must still see it.
      const result = await runWith(['--fix', 'a.txt', 'b.txt'], cwd, faulty('a.txt', {fsyncSync: (descriptor) => (fs.fsyncSync(descriptor), change(path))}))
      expect([label, result.code]).toEqual([label, 2])
      expect(result.stderr).toContain(`${path}: changed while fixing; not written`)
      expect(readFileSync(path, 'utf8')).toBe(expected)
      expect(readFileSync(join(cwd, 'b.txt'), 'utf8')).toBe(DIRTY_FIXED)
      expect(strays(cwd)).toEqual([])
    }
  })

  test('a copy read only to lint, whose bytes were not hashed, is never written over its file', async () => {
    const {readCopy, writeCopy} = await import('../src/cli/files.js')
    const cwd = folder({'a.txt': DIRTY})
    const path = join(cwd, 'a.txt')
    expect(readCopy(path, 1 << 20).hash).toMatch(/^[0-9a-f]{64}$/u)
    expect(() => writeCopy(readCopy(path, 1 << 20, false), DIRTY_FIXED)).toThrow(/a\.txt: not written, the file is unchanged \(it could not be checked: it was read without its hash\)/u)
    expect(readFileSync(path, 'utf8')).toBe(DIRTY)
    expect(strays(cwd)).toEqual([])
  })

  test('on a real full disk (a 64 KB tmpfs, as root): the file is left as it was, exit 2, the other file is fixed', async () => {
    if (!isRoot) {
      console.log('skipped: mounting a tmpfs needs root; the injected faults above cover the same path')
      return
    }
    const outside = folder({'other.txt': DIRTY})
    const mount = mkdtempSync(join(tmpdir(), 'copydesk-tmpfs-'))
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], {encoding: 'utf8'})
    if (mounted.status !== 0) {
      console.log(`skipped: cannot mount a tmpfs here (${(mounted.stderr || mounted.error?.message || '').trim()})`)
      rmdirSync(mount)
      return
    }
    try {
      // 36 KB of copy needing a fix: the fixed copy does not fit beside the original.
      const story = `${'Officials met in Tokyo. he said the talks went well. .\n'.repeat(660)}`
      expect(Buffer.byteLength(story)).toBeGreaterThan(34 * 1024)
      writeFileSync(join(mount, 'story.txt'), story)
      const result = await copydesk(['--fix', join(mount, 'story.txt'), 'other.txt'], {cwd: outside})
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`${join(mount, 'story.txt')}: not written, the file is unchanged (ENOSPC`)
      expect(readFileSync(join(mount, 'story.txt'), 'utf8') === story).toBe(true)
      expect(readdirSync(mount)).toEqual(['story.txt'])
      expect(readFileSync(join(outside, 'other.txt'), 'utf8')).toBe(DIRTY_FIXED)
    } finally {
      spawnSync('umount', [mount])
      rmdirSync(mount)
    }
  })
})

describe('--fix writes only what it was asked to', () => {
  test('walking a folder or a glob, a link to a file outside the named roots is reported and not written through', async () => {
    const cwd = folder({'proj/a.txt': DIRTY, 'proj/real/b.txt': DIRTY, 'outside/secret.txt': DIRTY})
    symlinkSync(join('..', 'outside', 'secret.txt'), join(cwd, 'proj', 'notes.txt'))
    // A link to a file inside the root is the same file: linted and fixed once.
    symlinkSync(join('real', 'b.txt'), join(cwd, 'proj', 'inner.txt'))
    const walked = await copydesk(['--fix', '--report', 'json', 'proj'], {cwd})
    expect(walked.code).toBe(2)
    expect(walked.stderr).toContain(`${join(cwd, 'proj', 'notes.txt')}: not written: a symbolic link to ${join(cwd, 'outside', 'secret.txt')}, outside the folders named`)
    expect(readFileSync(join(cwd, 'outside', 'secret.txt'), 'utf8')).toBe(DIRTY)
    expect(readFileSync(join(cwd, 'proj', 'a.txt'), 'utf8')).toBe(DIRTY_FIXED)
    expect(readFileSync(join(cwd, 'proj', 'real', 'b.txt'), 'utf8')).toBe(DIRTY_FIXED)
    expect(paths(walked)).toEqual(['proj/a.txt', 'proj/notes.txt', 'proj/real/b.txt'])
    const globbed = await copydesk(['--fix', 'proj/*.txt'], {cwd})
    expect(globbed.code).toBe(2)
    expect(globbed.stderr).toContain('outside the folders named')
    expect(readFileSync(join(cwd, 'outside', 'secret.txt'), 'utf8')).toBe(DIRTY)
    const named = await copydesk(['--fix', 'proj/notes.txt'], {cwd})
    // Named itself, the link is what the user asked to fix.
    expect(named.code).toBe(0)
    expect(readFileSync(join(cwd, 'outside', 'secret.txt'), 'utf8')).toBe(DIRTY_FIXED)
  })

  test('a read-only file is reported and left alone, whoever runs the command (root included)', async () => {
    const cwd = folder({'ro.txt': DIRTY, 'rw.txt': DIRTY})
    chmodSync(join(cwd, 'ro.txt'), 0o444)
    const result = await copydesk(['--fix', '--report', 'json', 'ro.txt', 'rw.txt'], {cwd})
    expect(result.code).toBe(2)
    // The report says what is left on disk: everything in the file not written, nothing in the other.
    const left = Object.fromEntries(json(result).map((file) => [file.path, file.messages.map((message) => message.ruleId).sort()]))
    expect(left).toEqual({'ro.txt': ['sentence-start', 'stray-punctuation'], 'rw.txt': []})
    expect(result.stderr).toContain(`${join(cwd, 'ro.txt')}: read-only (no write permission); not written`)
    expect(readFileSync(join(cwd, 'ro.txt'), 'utf8')).toBe(DIRTY)
    expect(statSync(join(cwd, 'ro.txt')).mode & 0o777).toBe(0o444)
    expect(readFileSync(join(cwd, 'rw.txt'), 'utf8')).toBe(DIRTY_FIXED)
  })

  test("another user's file in a shared folder, or one the runner may not write, is left alone (root and nobody)", async () => {
    const other = cliForNobody()
    if ('skip' in other) {
      console.log(`skipped: ${other.skip}`)
      return
    }
    const cwd = folder({'sticky/theirs.txt': DIRTY, 'open/roots.txt': DIRTY, 'mine/roots.txt': DIRTY, 'mine/own.txt': DIRTY})
    chmodSync(cwd, 0o755)
    chmodSync(join(cwd, 'sticky'), 0o1777)
    chmodSync(join(cwd, 'open'), 0o777)
    for (const name of ['sticky/theirs.txt', 'open/roots.txt', 'mine/roots.txt', 'mine/own.txt']) chmodSync(join(cwd, name), 0o644)
    chownSync(join(cwd, 'sticky', 'theirs.txt'), NOBODY, NOBODY)
    // nobody's own folder, holding one file of root's: nobody could rename over it, may not write it.
    chownSync(join(cwd, 'mine'), NOBODY, NOBODY)
    chownSync(join(cwd, 'mine', 'own.txt'), NOBODY, NOBODY)
    const [asRoot, asNobody] = await Promise.all([
      copydesk(['--fix', 'sticky/theirs.txt'], {cwd}),
      copydesk(['--fix', 'open/roots.txt', 'mine/roots.txt', 'mine/own.txt'], {cwd, uid: NOBODY, cli: other.cli})
    ])
    expect(asRoot.code).toBe(2)
    expect(asRoot.stderr).toContain(`${join(cwd, 'sticky', 'theirs.txt')}: belongs to another user (uid ${NOBODY}) in a shared folder; not written`)
    expect(asNobody.code).toBe(2)
    expect(asNobody.stderr).toContain(`${join(cwd, 'open', 'roots.txt')}: belongs to another user (uid 0) in a shared folder; not written`)
    expect(asNobody.stderr).toContain(`${join(cwd, 'mine', 'roots.txt')}: you may not write to it (EACCES`)
    for (const name of ['sticky/theirs.txt', 'open/roots.txt', 'mine/roots.txt']) expect([name, readFileSync(join(cwd, name), 'utf8')]).toEqual([name, DIRTY])
    expect(statSync(join(cwd, 'open', 'roots.txt')).uid).toBe(0)
    // nobody's own file is fixed, and stays nobody's.
    expect(readFileSync(join(cwd, 'mine', 'own.txt'), 'utf8')).toBe(DIRTY_FIXED)
    expect(statSync(join(cwd, 'mine', 'own.txt')).uid).toBe(NOBODY)
  })
})

describe('configuration is found the way git finds a repository', () => {
  test('the search stops at the project root (.git) and at the home folder', async () => {
    const cwd = folder({
      '.copydeskrc.json': JSON.stringify({rules: {'sentence-start': 'off'}}),
      'proj/.git/HEAD': 'ref: refs/heads/main\n',
      'proj/a.txt': WARNING_ONLY,
      'home/b.txt': WARNING_ONLY,
      'plain/c.txt': WARNING_ONLY
    })
    const run = await copydesk(['--report', 'json', '.'], {cwd, env: {...process.env, HOME: join(cwd, 'home')}})
    const rules = Object.fromEntries(json(run).map((file) => [file.path, file.messages.map((message) => message.ruleId)]))
    expect(rules).toEqual({'home/b.txt': ['sentence-start'], 'plain/c.txt': [], 'proj/a.txt': ['sentence-start']})
  })

  test('a config file in a world-writable folder, or owned by another user, is ignored with a warning', async () => {
    const off = JSON.stringify({rules: {'sentence-start': 'off'}})
    const cwd = folder({'shared/.copydeskrc.json': off, 'shared/a.txt': WARNING_ONLY, 'planted/.copydeskrc.json': off, 'planted/b.txt': WARNING_ONLY})
    chmodSync(join(cwd, 'shared'), 0o777)
    const owned = isRoot
    if (owned) chownSync(join(cwd, 'planted', '.copydeskrc.json'), NOBODY, NOBODY)
    else console.log('skipped (the planted file only): not root, so no file of another user can be made')
    const run = await copydesk(['--report', 'json', '.'], {cwd})
    const rules = Object.fromEntries(json(run).map((file) => [file.path, file.messages.map((message) => message.ruleId)]))
    expect(rules['shared/a.txt']).toEqual(['sentence-start'])
    expect(run.stderr).toContain(`copydesk: warning: ${join(cwd, 'shared', '.copydeskrc.json')}: ignored, it is in a world-writable folder`)
    if (owned) {
      expect(rules['planted/b.txt']).toEqual(['sentence-start'])
      expect(run.stderr).toContain(`copydesk: warning: ${join(cwd, 'planted', '.copydeskrc.json')}: ignored, it belongs to another user (uid ${NOBODY})`)
    }
  })

  test('a package.json that cannot be parsed is an error: nothing linted, nothing written', async () => {
    const manifest = '{"name": "x", "copydesk": {"rules": {"sentence-start": "off"}},}\n'
    const cwd = folder({'package.json': manifest, 'a.txt': DIRTY})
    const run = await copydesk(['--fix', '--report', 'json', 'a.txt'], {cwd})
    expect(run.code).toBe(2)
    // The column of the closing brace after the trailing comma.
    expect(run.stderr).toContain(`${join(cwd, 'package.json')}: invalid JSON at line 1, column ${manifest.indexOf(',}') + 2}: `)
    expect(run.stdout).toBe('')
    expect(readFileSync(join(cwd, 'a.txt'), 'utf8')).toBe(DIRTY)
  })

  test('errors quote a short excerpt of a config file, and nothing of a file that is not one', async () => {
    const secret = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n'
    const long = `{"rules": {"sentence-start": "warn" "stray-punctuation": "${'x'.repeat(200)}"}}`
    const cwd = folder({passwd: secret, 'notes.yml': 'rules: [a\n  b: : c\n', '.copydeskrc.json': long, 'a.txt': CLEAN})
    const targets = ['passwd', ...(fs.existsSync('/etc/passwd') ? ['/etc/passwd'] : [])]
    const runs = await Promise.all([...targets.map((target) => copydesk(['-c', target, 'a.txt'], {cwd})), copydesk(['a.txt'], {cwd})])
    const found = runs.pop()!
    for (const run of runs) {
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/: invalid JSON( at line \d+, column \d+)?\n$/u)
      expect(run.stderr).not.toContain('root:')
      expect(run.stderr).not.toContain('/bin/')
    }
    expect(found.code).toBe(2)
    const excerpt = /at line 1, column 37: `(.*)`\n/u.exec(found.stderr)
    expect(excerpt?.[1]).toContain('"stray-punctuation"')
    expect(excerpt![1].length).toBeLessThanOrEqual(42)
  })

  test("a config file that is another user's link is ignored, and errors quote nothing of a linked file not named like a config file", async () => {
    // A JSON file with a comment: its parse error falls on a line that holds a secret.
    const secret = '{\n  "token": "s3cr3t-value", // mine\n}\n'
    const cwd = folder({'private/secret.conf': secret, 'theirs/a.txt': WARNING_ONLY, 'mine/b.txt': CLEAN})
    symlinkSync(join(cwd, 'private', 'secret.conf'), join(cwd, 'link.json'))
    symlinkSync(join(cwd, 'private', 'secret.conf'), join(cwd, 'mine', '.copydeskrc.json'))
    const named = await copydesk(['-c', 'link.json', 'mine/b.txt'], {cwd})
    const found = await copydesk(['mine/b.txt'], {cwd})
    for (const run of [named, found]) {
      expect(run.code).toBe(2)
      expect(run.stderr).toMatch(/: invalid JSON at line 2, column \d+\n$/u)
      expect(run.stderr).not.toContain('s3cr3t')
    }
    if (!isRoot) {
      console.log("skipped (another user's link): not root, so no link of another user can be made")
      return
    }
    // nobody's folder, holding nobody's link to a file only root may read.
    chmodSync(join(cwd, 'private', 'secret.conf'), 0o600)
    symlinkSync(join(cwd, 'private', 'secret.conf'), join(cwd, 'theirs', '.copydeskrc.json'))
    fs.lchownSync(join(cwd, 'theirs', '.copydeskrc.json'), NOBODY, NOBODY)
    chownSync(join(cwd, 'theirs'), NOBODY, NOBODY)
    const planted = await copydesk(['--report', 'json', 'theirs/a.txt'], {cwd})
    expect(planted.stderr).toContain(`copydesk: warning: ${join(cwd, 'theirs', '.copydeskrc.json')}: ignored, it is a link that belongs to another user (uid ${NOBODY})`)
    expect(planted.stderr).not.toContain('s3cr3t')
    expect(json(planted)[0].messages.map((message) => message.ruleId)).toEqual(['sentence-start'])
  })

  test('a config that is a device or a FIFO is refused, not read for ever', async () => {
    const cwd = folder({'a.txt': CLEAN})
    expect(spawnSync('mkfifo', [join(cwd, 'pipe.json')]).status).toBe(0)
    const runs = await Promise.all([copydesk(['-c', '/dev/zero', 'a.txt'], {cwd}), copydesk(['-c', 'pipe.json', 'a.txt'], {cwd})])
    expect(runs.map((run) => run.code)).toEqual([2, 2])
    expect(runs[0].stderr).toBe('copydesk: /dev/zero: not a regular file\n')
    expect(runs[1].stderr).toBe(`copydesk: ${join(cwd, 'pipe.json')}: not a regular file\n`)
    // Met by the search: a FIFO named package.json (read whole, it hung the run for ever) and a
    // package.json far larger than any.
    const odd = folder({'fifo/a.txt': CLEAN, 'huge/a.txt': CLEAN, 'huge/package.json': `{"name": "x"${' '.repeat(5 * 1024 * 1024)}}`})
    expect(spawnSync('mkfifo', [join(odd, 'fifo', 'package.json')]).status).toBe(0)
    const found = await Promise.all([copydesk(['fifo/a.txt'], {cwd: odd}), copydesk(['huge/a.txt'], {cwd: odd})])
    expect(found.map((run) => [run.code, run.stderr])).toEqual([
      [2, `copydesk: ${join(odd, 'fifo', 'package.json')}: not a regular file\n`],
      [2, `copydesk: ${join(odd, 'huge', 'package.json')}: too large for a configuration (over 4 MB)\n`]
    ])
  })

  test('`__proto__` or `constructor` is not an option, nor a key', async () => {
    const cwd = folder({
      'a/.copydeskrc.json': '{"rules": {"stray-punctuation": ["warn", {"__proto__": {"polluted": true}}]}}',
      'a/x.txt': CLEAN,
      'b/.copydeskrc.json': '{"rules": {"stray-punctuation": ["warn", {"constructor": 1}]}}',
      'b/x.txt': CLEAN,
      'c/.copydeskrc.json': '{"__proto__": {"rules": {}}}',
      'c/x.txt': CLEAN
    })
    const runs = await Promise.all(['a', 'b', 'c'].map((name) => copydesk([`${name}/x.txt`], {cwd})))
    expect(runs.map((run) => run.code)).toEqual([2, 2, 2])
    expect(runs[0].stderr).toContain('unknown option `__proto__` for `stray-punctuation`')
    expect(runs[1].stderr).toContain('unknown option `constructor` for `stray-punctuation`')
    expect(runs[2].stderr).toContain('unknown key `__proto__`')
  })

  test('a key with control characters is named without them (no escape sequence reaches the terminal)', async () => {
    const cwd = folder({'.copydeskrc.json': JSON.stringify({'\u001b]0;owned\u0007\u001b[2J': 1, rules: {}}), 'a.txt': CLEAN})
    const run = await copydesk(['a.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unknown key `?]0;owned??[2J`')
    expect(run.stderr).not.toMatch(/\p{Cc}(?<!\n)/u)
  })
})

describe('encodings and streams', () => {
  const encodings: Array<[string, (text: string) => Buffer]> = [
    ['UTF-16LE', (text) => Buffer.from(`\uFEFF${text}`, 'utf16le')],
    ['UTF-16BE', (text) => Buffer.from(`\uFEFF${text}`, 'utf16le').swap16()],
    ['UTF-32LE', (text) => utf32(`\uFEFF${text}`, true)],
    ['UTF-32BE', (text) => utf32(`\uFEFF${text}`, false)]
  ]

  test('UTF-16 and UTF-32 with a byte-order mark are linted, and fixed in their own encoding', async () => {
    const text = `Café owners met in Zürich. he said the talks went well. .\n`
    const fixed = `Café owners met in Zürich. He said the talks went well.\n`
    const cwd = folder(Object.fromEntries(encodings.map(([name, encode]) => [`${name}.txt`, encode(text)])))
    const [run, stdin] = await Promise.all([
      copydesk(['--fix', '--report', 'json', '.'], {cwd}),
      copydesk(['--fix', '-'], {cwd, input: encodings[0][1](text)})
    ])
    expect(run.code).toBe(0)
    expect(paths(run)).toEqual(encodings.map(([name]) => `${name}.txt`).sort())
    for (const [name, encode] of encodings) expect([name, readFileSync(join(cwd, `${name}.txt`)).equals(encode(fixed))]).toEqual([name, true])
    expect(stdin.bytes.equals(encodings[0][1](fixed))).toBe(true)
  })

  test('UTF-16 without a mark, or a damaged one, is named with the iconv command that converts it, not called binary', async () => {
    const cwd = folder({'bare.txt': Buffer.from(CLEAN, 'utf16le'), 'odd.txt': Buffer.concat([Buffer.from(`\uFEFF${CLEAN}`, 'utf16le'), Buffer.from([0x41])])})
    const run = await copydesk(['bare.txt', 'odd.txt'], {cwd})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('bare.txt: binary data (a NUL byte at offset 1), not text; if it is UTF-16 without a byte-order mark, convert it with `iconv -f UTF-16LE -t UTF-8`')
    expect(run.stderr).toContain('odd.txt: not valid UTF-16LE (it starts with a UTF-16LE byte-order mark); check it, or convert it with `iconv -f UTF-16LE -t UTF-8`')
  })

  test('standard input stops being read past --max-file-size: an endless stream ends with exit 2', async () => {
    const cwd = folder()
    const zero = openSync('/dev/zero', 'r')
    const [endless, piped] = await Promise.all([
      copydesk(['--max-file-size', '64kb', '-'], {cwd, stdinFd: zero}),
      copydesk(['--max-file-size', '1kb', '-'], {cwd, input: CLEAN.repeat(100)})
    ])
    fs.closeSync(zero)
    for (const run of [endless, piped]) {
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('<stdin>: standard input is too large to lint (see --max-file-size)')
    }
  })

  test('globs do not follow links to folders (each real file once); FIFOs and unreadable folders are named, never waited on', async () => {
    const cwd = folder({'a.txt': CLEAN, 'sub/b.txt': CLEAN, 'closed/c.txt': CLEAN})
    symlinkSync('sub', join(cwd, 'again'))
    symlinkSync(join('sub', 'b.txt'), join(cwd, 'b-link.txt'))
    expect(spawnSync('mkfifo', [join(cwd, 'pipe.txt')]).status).toBe(0)
    const [globbed, walked, named] = await Promise.all([
      copydesk(['--report', 'json', '**/*.txt'], {cwd}),
      copydesk(['--report', 'json', '.'], {cwd}),
      copydesk(['--report', 'json', 'pipe.txt', 'a.txt'], {cwd})
    ])
    for (const run of [globbed, walked]) {
      expect(paths(run)).toEqual(['a.txt', 'closed/c.txt', 'sub/b.txt'])
      expect(run.stderr).toContain(`${join(cwd, 'pipe.txt')}: not a regular file (a FIFO); not read`)
      expect(run.code).toBe(2)
    }
    expect(named.stderr).toContain(`${join(cwd, 'pipe.txt')}: not a regular file (a FIFO); not read`)
    expect(paths(named)).toEqual(['a.txt'])

    // An unreadable folder inside a glob: named. Root reads every folder, so nobody runs it.
    chmodSync(cwd, 0o755)
    chmodSync(join(cwd, 'closed'), 0o000)
    const other = isRoot ? cliForNobody() : undefined
    if (other && 'skip' in other) {
      console.log(`skipped (the unreadable folder): ${other.skip}`)
      chmodSync(join(cwd, 'closed'), 0o755)
      return
    }
    const closed = await copydesk(['--report', 'json', '**/*.txt'], {cwd, ...(other ? {uid: NOBODY, cli: other.cli} : {})})
    chmodSync(join(cwd, 'closed'), 0o755)
    expect(closed.code).toBe(2)
    expect(closed.stderr).toContain(`${join(cwd, 'closed')}: cannot read this folder (EACCES)`)
  })
})

function utf32(text: string, littleEndian: boolean): Buffer {
  const points = Array.from(text, (character) => character.codePointAt(0)!)
  const bytes = Buffer.alloc(points.length * 4)
  points.forEach((point, index) => (littleEndian ? bytes.writeUInt32LE(point, index * 4) : bytes.writeUInt32BE(point, index * 4)))
  return bytes
}
