// Files for the CLI: which paths the arguments name (files, folders, globs, minus ignored ones),
// reading copy so that nothing unreadable is ever linted or written back (binary, undecodable,
// too large, vanished, a FIFO), and writing fixed copy all or nothing: every byte written and
// checked, flushed, the original re-checked just before the rename, its owner and mode kept.
import {createHash, randomBytes} from 'node:crypto'
import * as nodeFs from 'node:fs'
import {constants, readdirSync, readFileSync, realpathSync, statSync, type Stats} from 'node:fs'
import {createRequire} from 'node:module'
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from 'node:path'
import type Ignores from 'ignore'
import type {Ignore} from 'ignore'
import type Picomatch from 'picomatch'
import {EXTENSIONS} from '../parse.js'

// The glob matcher and the ignore-file reader are loaded when an argument is not a file or folder,
// and when there is an ignore file: a run over named files and folders needs neither.
const require = createRequire(import.meta.url)
let globs: typeof Picomatch | undefined
const picomatch = () => (globs ??= require('picomatch') as typeof Picomatch)
const ignore = () => (require('ignore') as typeof Ignores)()

/** A problem with one input: reported, the run goes on, the exit code is 2. */
export class InputError extends Error {
  constructor(
    readonly path: string,
    message: string
  ) {
    super(`${path}: ${message}`)
    this.name = 'InputError'
  }
}

/** Folders never walked into: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn'])
/** The name pattern of the CLI's own temporary files (written beside a file during --fix). */
export const TEMPORARY = /^\..+\.copydesk-[0-9a-f]+\.tmp$/u

export interface Collected {
  /** Absolute paths to lint, sorted, each real file once. */
  files: string[]
  /** Problems with arguments or folders (a pattern that matches nothing, an unreadable folder, a FIFO). */
  errors: InputError[]
  /** Files named explicitly but ignored, reported as warnings. */
  ignored: string[]
  /**
   * For each file found by walking a folder or expanding a glob (not named itself): the real
   * paths of the named roots. `--fix` never writes through a link whose target is outside them.
   */
  roots: Map<string, readonly string[]>
}

/** The ignore rules in effect: `.copydeskignore` in the working folder, or the file given. */
export function loadIgnore(cwd: string, ignorePath?: string): {matcher: Pick<Ignore, 'ignores'>; root: string} {
  const path = ignorePath ? resolve(cwd, ignorePath) : join(cwd, '.copydeskignore')
  let text: string | undefined
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (ignorePath) throw new InputError(path, `cannot read the ignore file (${code(error)})`)
  }
  const matcher = text === undefined ? {ignores: () => false} : ignore().add(text)
  return {matcher, root: dirname(path)}
}

/** What one walk looks for: which entries it keeps, whether it enters dot-folders, how deep it goes. */
interface Walk {
  accept: (path: string, name: string) => boolean
  dot: boolean
  depth: number
  isIgnored: (path: string) => boolean
  found: string[]
  errors: InputError[]
}

/** Expands arguments into the files to lint; folders give the files with one of `extensions`. */
export async function collect(args: readonly string[], cwd: string, ignorePath?: string, extensions: readonly string[] = EXTENSIONS): Promise<Collected> {
  const {matcher, root} = loadIgnore(cwd, ignorePath)
  const isIgnored = (path: string) => {
    const name = relative(root, path)
    return name !== '' && !name.startsWith('..') && matcher.ignores(name.split(sep).join('/'))
  }
  // Keyed by the real path, so a file reached twice (through a link, or by two arguments) is
  // linted once; a file named as an argument wins over one found by walking.
  const byReal = new Map<string, {path: string; walked: boolean}>()
  // Each path's real path, asked once.
  const reals = new Map<string, string>()
  const realOf = (path: string) => {
    let real = reals.get(path)
    if (real === undefined) reals.set(path, (real = realOrSelf(path)))
    return real
  }
  const rootsOf = new Map<string, string[]>()
  const errors: InputError[] = []
  const ignored: string[] = []
  const add = (path: string, walkedFrom?: string) => {
    const real = realOf(path)
    const known = byReal.get(real)
    // Of two paths found by walking, the file's own path wins over a link's.
    if (!known || (known.walked && (!walkedFrom || (path === real && known.path !== real)))) byReal.set(real, {path, walked: walkedFrom !== undefined})
    if (walkedFrom !== undefined) rootsOf.set(path, [...(rootsOf.get(path) ?? []), walkedFrom])
  }

  for (const arg of args) {
    const path = resolve(cwd, arg)
    let stats: Stats | undefined
    try {
      stats = statSync(path)
    } catch {
      stats = undefined
    }
    if (stats?.isDirectory()) {
      const walk: Walk = {accept: (_, name) => extensions.some((extension) => name.toLowerCase().endsWith(extension)), dot: false, depth: Infinity, isIgnored, found: [], errors}
      const before = errors.length
      walkFolder(path, walk, 0)
      if (walk.found.length === 0 && errors.length === before) {
        errors.push(new InputError(arg, `no files with an extension of ${extensions.join(', ')} in this folder`))
      }
      const real = realOrSelf(path)
      for (const file of walk.found) add(file, real)
    } else if (stats) {
      if (isIgnored(path)) ignored.push(path)
      else add(path)
    } else if (picomatch().scan(arg).isGlob) {
      const found = expandGlob(arg, cwd, isIgnored, errors)
      if (found.files.length === 0 && found.errors === 0) errors.push(new InputError(arg, 'no files match this pattern'))
      for (const file of found.files) add(file, found.root)
    } else {
      errors.push(new InputError(arg, 'no such file or folder'))
    }
  }
  const files = [...byReal.values()].map((entry) => entry.path).sort()
  const roots = new Map<string, readonly string[]>()
  for (const file of files) if (byReal.get(realOf(file))?.walked) roots.set(file, rootsOf.get(file) ?? [])
  return {files, errors, ignored, roots}
}

// A glob is expanded by walking its base folder (the part before the first wildcard) with the
// same walker as a folder: links to folders are not entered, so no file is found twice, and an
// unreadable folder or a FIFO is reported rather than skipped.
function expandGlob(pattern: string, cwd: string, isIgnored: (path: string) => boolean, errors: InputError[]) {
  const scan = picomatch().scan(pattern)
  const base = resolve(cwd, scan.base || '.')
  const absolute = isAbsolute(pattern)
  const isMatch = picomatch()(absolute ? pattern : pattern.replace(/^\.\//u, ''), {dot: false})
  const segments = scan.glob.split('/')
  const walk: Walk = {
    accept: (path, name) => !TEMPORARY.test(name) && isMatch(absolute ? path : relative(cwd, path).split(sep).join('/')),
    // A dot-folder is entered only when the pattern names one.
    dot: /(?:^|\/)\./u.test(scan.glob),
    depth: segments.includes('**') ? Infinity : segments.length - 1,
    isIgnored,
    found: [],
    errors
  }
  const before = errors.length
  let isFolder = false
  try {
    isFolder = statSync(base).isDirectory()
  } catch {
    // Nothing there: no file matches.
  }
  if (isFolder) walkFolder(base, walk, 0)
  return {files: walk.found, root: realOrSelf(base), errors: errors.length - before}
}

function walkFolder(folder: string, walk: Walk, depth: number) {
  let entries
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch (error) {
    walk.errors.push(new InputError(folder, `cannot read this folder (${code(error)})`))
    return
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(folder, entry.name)
    if (walk.isIgnored(path)) continue
    if (entry.isDirectory()) {
      if ((walk.dot || !entry.name.startsWith('.')) && !SKIPPED_FOLDERS.has(entry.name) && depth < walk.depth) walkFolder(path, walk, depth + 1)
      continue
    }
    if (entry.name.startsWith('.') && !walk.dot) continue
    if (!walk.accept(path, entry.name)) continue
    let kind: Stats | undefined = undefined
    if (entry.isSymbolicLink()) {
      try {
        kind = statSync(path)
      } catch {
        // A broken link is kept: reading it reports it.
      }
      // A link to a folder is not entered: its files are reached by their own path, or not at all.
      if (kind?.isDirectory()) continue
    }
    const special = kind ? specialKind(kind) : entry.isFIFO() ? 'a FIFO' : entry.isSocket() ? 'a socket' : entry.isCharacterDevice() || entry.isBlockDevice() ? 'a device' : undefined
    if (special) walk.errors.push(new InputError(path, `not a regular file (${special}); not read`))
    else walk.found.push(path)
  }
}

function specialKind(stats: Stats): string | undefined {
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isSocket()) return 'a socket'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device'
  return undefined
}

// (the system's realpath: one call, where Node's own looks at each folder of the path)
function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path)
  } catch {
    return path
  }
}

/** The encodings copy is read in: UTF-8 (with or without a byte-order mark), or UTF-16/32 with one. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be'

/** Copy read from a file, with what is needed to write it back unchanged in every other way. */
export interface Copy {
  path: string
  value: string
  /** The file's encoding; a fix is written back in it (the byte-order mark is part of `value`). */
  encoding: Encoding
  /** Permission bits to keep on write. */
  mode: number
  size: number
  mtimeMs: number
  ino: number
  dev: number
  uid: number
  gid: number
  /**
   * SHA-256 of the bytes read: the file must still hold them when the fix is renamed over it.
   * Undefined for a copy read only to lint, which is never written (hashing every file cost a
   * run without --fix some 17 ms on 293 articles); such a copy is never written over its file.
   */
  hash?: string
}

/** The file system calls the writer makes: a seam, so tests can make a write fail or fall short. */
export type WriteFs = Pick<
  typeof nodeFs,
  'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'fstatSync' | 'fchmodSync' | 'fchownSync' | 'renameSync' | 'rmSync' | 'statSync' | 'readFileSync' | 'realpathSync' | 'accessSync'
>

/**
 * Reads one file as copy; throws an InputError naming the file on anything else. `hash`: whether
 * a fix may be written over the file (its bytes are then hashed, see Copy.hash).
 */
export function readCopy(path: string, maxBytes: number, hash = true): Copy {
  const unreadable = (error: unknown) =>
    new InputError(path, code(error) === 'ENOENT' ? 'the file vanished before it could be read' : `cannot read (${code(error)})`)
  let descriptor: number
  try {
    // Non-blocking, so that a FIFO put in a file's place never hangs the run: it is refused below.
    descriptor = nodeFs.openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    throw unreadable(error)
  }
  try {
    const stats = nodeFs.fstatSync(descriptor)
    if (!stats.isFile()) throw new InputError(path, `not a regular file${specialKind(stats) ? ` (${specialKind(stats)})` : ''}; not read`)
    if (stats.size > maxBytes) {
      throw new InputError(path, `too large to lint (${formatSize(stats.size)}; the limit is ${formatSize(maxBytes)}, see --max-file-size)`)
    }
    // Read up to one byte past the limit: a file that grows while it is read is refused too.
    // (Not zeroed: only the bytes read are kept. Zeroing 64 KB for each file of a folder of
    // articles took 8 ms of 293.)
    const buffer = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(stats.size + 1, 64 * 1024)))
    let length = 0
    for (;;) {
      if (length === buffer.length) break
      let read: number
      try {
        read = nodeFs.readSync(descriptor, buffer, length, buffer.length - length, null)
      } catch (error) {
        throw unreadable(error)
      }
      if (read === 0) break
      length += read
    }
    if (length > maxBytes) throw new InputError(path, `too large to lint (it grew past ${formatSize(maxBytes)} while it was read, see --max-file-size)`)
    const bytes = buffer.subarray(0, length)
    const {value, encoding} = decodeCopy(bytes, path)
    return {path, value, encoding, mode: stats.mode & 0o7777, size: length, mtimeMs: stats.mtimeMs, ino: stats.ino, dev: stats.dev, uid: stats.uid, gid: stats.gid, hash: hash ? sha256(bytes) : undefined}
  } finally {
    nodeFs.closeSync(descriptor)
  }
}

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Decodes copy, keeping a byte-order mark; throws on binary data or undecodable bytes. */
export function decode(bytes: Uint8Array, path: string): string {
  return decodeCopy(bytes, path).value
}

/**
 * Decodes copy and names its encoding: UTF-8, or UTF-16/UTF-32 announced by a byte-order mark
 * (kept as U+FEFF at the start of the text, so writing the text back writes the mark back).
 */
export function decodeCopy(bytes: Uint8Array, path: string): {value: string; encoding: Encoding} {
  const encoding = sniff(bytes)
  if (encoding !== 'utf-8') {
    let value: string
    try {
      value = encoding.startsWith('utf-16') ? new TextDecoder(encoding, {fatal: true, ignoreBOM: true}).decode(bytes) : decodeUtf32(bytes, encoding === 'utf-32le')
    } catch {
      const name = encoding.toUpperCase()
      throw new InputError(path, `not valid ${name} (it starts with a ${name} byte-order mark); check it, or convert it with \`iconv -f ${name} -t UTF-8\``)
    }
    const nul = value.indexOf('\0')
    if (nul >= 0) throw new InputError(path, `binary data (a NUL character at character ${nul}), not text`)
    return {value, encoding}
  }
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw new InputError(path, `binary data (a NUL byte at offset ${nul}), not text${utf16Hint(bytes)}`)
  try {
    return {value: utf8.decode(bytes), encoding}
  } catch {
    throw new InputError(path, `not valid UTF-8 (${firstInvalid(bytes)}); convert it to UTF-8 first`)
  }
}

/** Encodes copy back into the encoding it was read in. */
export function encodeCopy(value: string, encoding: Encoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(value, 'utf8')
  if (encoding === 'utf-16le') return Buffer.from(value, 'utf16le')
  if (encoding === 'utf-16be') return Buffer.from(value, 'utf16le').swap16()
  const points = Array.from(value, (character) => character.codePointAt(0)!)
  const bytes = Buffer.alloc(points.length * 4)
  points.forEach((point, index) => (encoding === 'utf-32le' ? bytes.writeUInt32LE(point, index * 4) : bytes.writeUInt32BE(point, index * 4)))
  return bytes
}

// The byte-order mark names the encoding; UTF-32 LE's mark begins with UTF-16 LE's.
function sniff(bytes: Uint8Array): Encoding {
  const [a, b, c, d] = bytes
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'utf-32le'
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'utf-32be'
  if (a === 0xff && b === 0xfe) return 'utf-16le'
  if (a === 0xfe && b === 0xff) return 'utf-16be'
  return 'utf-8'
}

function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  if (bytes.length % 4 !== 0) throw new Error('truncated')
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let text = ''
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const point = view.getUint32(offset, littleEndian)
    if (point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff)) throw new Error('invalid')
    text += String.fromCodePoint(point)
  }
  return text
}

// Text in UTF-16 without a byte-order mark looks like binary: every other byte is NUL.
function utf16Hint(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 200)
  let even = 0
  let odd = 0
  for (let index = 0; index < sample.length; index++) if (sample[index] === 0) index % 2 === 0 ? even++ : odd++
  const half = sample.length / 2
  if (odd > half * 0.6 && even === 0) return '; if it is UTF-16 without a byte-order mark, convert it with `iconv -f UTF-16LE -t UTF-8`'
  if (even > half * 0.6 && odd === 0) return '; if it is UTF-16 without a byte-order mark, convert it with `iconv -f UTF-16BE -t UTF-8`'
  return ''
}

// Where the first invalid sequence is, so the user can find it: decoded leniently, the first
// U+FFFD that does not stand for a real U+FFFD in the bytes (EF BF BD) marks it.
function firstInvalid(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)
  let offset = 0
  let line = 1
  let column = 1
  for (const character of text) {
    if (character === '\uFFFD' && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) {
      return `byte 0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')} at line ${line}, column ${column}, offset ${offset}`
    }
    // Up to the first invalid sequence, every character stands for its own UTF-8 bytes.
    offset += Buffer.byteLength(character)
    if (character === '\n') {
      line++
      column = 1
    } else column += character.length
  }
  return 'a truncated sequence at the end'
}

/** Where a fix may be written: for a file found by walking, inside these real paths. */
export interface WriteOptions {
  roots?: readonly string[]
  /** The file system calls to make (tests put a failing one here). */
  fs?: WriteFs
}

/**
 * Writes fixed copy all or nothing: a temporary file beside the original with its owner, group
 * and mode, every byte written (short writes retried, the result checked by reading it back),
 * flushed; then, immediately before the rename, a last check that the original still holds the
 * bytes that were linted. Any failure removes the temporary file and leaves the original as it
 * was. A symbolic link is followed (the link stays a link), but not out of the named roots.
 */
export function writeCopy(copy: Copy, value: string, options: WriteOptions = {}): void {
  const fs = options.fs ?? nodeFs
  let target: string
  try {
    target = fs.realpathSync(copy.path)
  } catch (error) {
    throw new InputError(copy.path, code(error) === 'ENOENT' ? 'not written: the file vanished while it was linted' : `not written, the file is unchanged (${describe(error)})`)
  }
  if (options.roots && !options.roots.some((root) => target === root || target.startsWith(root.endsWith(sep) ? root : root + sep))) {
    throw new InputError(copy.path, `not written: a symbolic link to ${target}, outside the folders named (name the file itself to fix it)`)
  }
  checkWritable(copy, target, fs)
  const before = changed(copy, target, fs)
  if (before) throw new InputError(copy.path, unchanged(before, 'while it was linted'))

  const bytes = encodeCopy(value, copy.encoding)
  const temporary = join(dirname(target), `.${basename(target)}.copydesk-${randomBytes(6).toString('hex')}.tmp`)
  let created = false
  try {
    const descriptor = fs.openSync(temporary, 'wx', 0o600)
    created = true
    try {
      keepOwner(descriptor, copy, fs)
      // After the owner (chown may clear set-id bits), and because open() applies the umask.
      fs.fchmodSync(descriptor, copy.mode)
      writeAll(descriptor, bytes, fs)
      fs.fsyncSync(descriptor)
      const written = fs.fstatSync(descriptor)
      if (written.size !== bytes.length) throw new WriteError(`the temporary file holds ${written.size} of ${bytes.length} bytes`)
    } finally {
      fs.closeSync(descriptor)
    }
    if (!bytes.equals(fs.readFileSync(temporary))) throw new WriteError('the bytes read back differ from the bytes written')
    // The last check, as late as it can be: a line appended while the file was linted is not lost.
    const meanwhile = changed(copy, target, fs)
    if (meanwhile) throw new InputError(copy.path, unchanged(meanwhile, 'while fixing'))
    fs.renameSync(temporary, target)
    created = false
  } catch (error) {
    // A temporary file that cannot be removed is named, and the run goes on.
    let leftover = ''
    if (created) {
      try {
        fs.rmSync(temporary, {force: true})
      } catch (removal) {
        leftover = `; the temporary file ${temporary} could not be removed (${describe(removal)})`
      }
    }
    if (error instanceof InputError) throw leftover ? new InputError(copy.path, `${error.message.slice(copy.path.length + 2)}${leftover}`) : error
    throw new InputError(copy.path, `not written, the file is unchanged (${describe(error)})${leftover}`)
  }
}

/** A write that did not fail outright but did not write everything. */
class WriteError extends Error {}

// writeSync may write fewer bytes than asked (a full disk, a signal): write the rest until all
// are written, and call it an error when a write makes no progress.
function writeAll(descriptor: number, bytes: Buffer, fs: WriteFs) {
  let offset = 0
  while (offset < bytes.length) {
    const written = fs.writeSync(descriptor, bytes, offset, bytes.length - offset)
    if (!(written > 0)) throw new WriteError(`a short write: ${offset} of ${bytes.length} bytes written`)
    offset += written
  }
}

// How the file at `target` is no longer the one that was read (another inode, size or time, or
// other bytes; gone; or it cannot be checked), or undefined when it still is.
function changed(copy: Copy, target: string, fs: WriteFs): string | undefined {
  const failed = (error: unknown) => (code(error) === 'ENOENT' ? 'vanished' : `could not be checked: ${describe(error)}`)
  let now: Stats
  try {
    now = fs.statSync(target)
  } catch (error) {
    return failed(error)
  }
  if (now.ino !== copy.ino || now.dev !== copy.dev || now.size !== copy.size || now.mtimeMs !== copy.mtimeMs) return 'changed'
  try {
    if (copy.hash === undefined) return 'could not be checked: it was read without its hash'
    return sha256(fs.readFileSync(target)) === copy.hash ? undefined : 'changed'
  } catch (error) {
    return failed(error)
  }
}

// The error for a file that `changed` (or vanished) at `when`, or could not be checked.
function unchanged(how: string, when: string): string {
  return how.startsWith('could not') ? `not written, the file is unchanged (it ${how})` : `${how} ${when}; not written`
}

// A rename replaces the folder entry whatever the file's own permissions say, so they are checked
// here: a read-only file, or another user's file in a shared (sticky or world-writable) folder,
// is left alone whoever runs the command, root included.
function checkWritable(copy: Copy, target: string, fs: WriteFs) {
  if ((copy.mode & 0o222) === 0) throw new InputError(copy.path, 'read-only (no write permission); not written')
  const uid = process.geteuid?.()
  if (uid === undefined) return
  let folder: Stats
  try {
    folder = fs.statSync(dirname(target))
  } catch (error) {
    throw new InputError(copy.path, `not written (${describe(error)})`)
  }
  if (copy.uid !== uid && (folder.mode & 0o1002) !== 0) {
    throw new InputError(copy.path, `belongs to another user (uid ${copy.uid}) in a shared folder; not written`)
  }
  if (uid !== 0) {
    try {
      fs.accessSync(target, constants.W_OK)
    } catch (error) {
      throw new InputError(copy.path, `you may not write to it (${describe(error)}); not written`)
    }
  }
}

// The renamed file is new, so it belongs to whoever runs the command: it is given the original's
// owner and group, and a fix that cannot keep them is not written.
function keepOwner(descriptor: number, copy: Copy, fs: WriteFs) {
  try {
    fs.fchownSync(descriptor, copy.uid, copy.gid)
  } catch (error) {
    throw new WriteError(`cannot keep its owner and group ${copy.uid}:${copy.gid} (${code(error)})`)
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function describe(error: unknown): string {
  if (error instanceof WriteError) return error.message
  const errno = error as NodeJS.ErrnoException
  if (errno?.code) return errno.syscall ? `${errno.code} in ${errno.syscall}` : errno.code
  return String((error as Error)?.message ?? error)
}

/** A size as people write it: `512 bytes`, `1 KB`, `1.5 MB` (units of 1,024, as --max-file-size reads them). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  const [value, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MB'] : [bytes / 1024 ** 3, 'GB']
  return `${Number(value.toFixed(1))} ${unit}`
}

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error)
}
