// Files for the CLI: which paths the arguments name (files, folders, globs, minus ignored ones),
// reading copy so that nothing unreadable is ever linted or written back (binary, invalid UTF-8,
// too large, vanished), and writing fixed copy atomically so a killed run never truncates a file.
import {randomBytes} from 'node:crypto'
import {closeSync, fchmodSync, fchownSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync, type Stats} from 'node:fs'
import {basename, dirname, join, relative, resolve, sep} from 'node:path'
import ignore, {type Ignore} from 'ignore'
import {glob, isDynamicPattern} from 'tinyglobby'
import {EXTENSIONS} from '../parse.js'

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
  /** Absolute paths to lint, sorted, each once. */
  files: string[]
  /** Problems with arguments or folders (a pattern that matches nothing, an unreadable folder). */
  errors: InputError[]
  /** Files named explicitly but ignored, reported as warnings. */
  ignored: string[]
}

/** The ignore rules in effect: `.copydeskignore` in the working folder, or the file given. */
export function loadIgnore(cwd: string, ignorePath?: string): {matcher: Ignore; root: string} {
  const matcher = ignore()
  const path = ignorePath ? resolve(cwd, ignorePath) : join(cwd, '.copydeskignore')
  let text: string | undefined
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (ignorePath) throw new InputError(path, `cannot read the ignore file (${code(error)})`)
  }
  if (text !== undefined) matcher.add(text)
  return {matcher, root: dirname(path)}
}

/** Expands arguments into the files to lint; folders give the files with one of `extensions`. */
export async function collect(args: readonly string[], cwd: string, ignorePath?: string, extensions: readonly string[] = EXTENSIONS): Promise<Collected> {
  const {matcher, root} = loadIgnore(cwd, ignorePath)
  const isIgnored = (path: string) => {
    const name = relative(root, path)
    return name !== '' && !name.startsWith('..') && matcher.ignores(name.split(sep).join('/'))
  }
  const files = new Set<string>()
  const errors: InputError[] = []
  const ignored: string[] = []

  for (const arg of args) {
    const path = resolve(cwd, arg)
    let stats: Stats | undefined
    try {
      stats = statSync(path)
    } catch {
      stats = undefined
    }
    if (stats?.isDirectory()) {
      const before = files.size
      walk(path, files, errors, isIgnored, extensions)
      if (files.size === before && !errors.some((error) => error.path.startsWith(path))) {
        errors.push(new InputError(arg, `no files with an extension of ${extensions.join(', ')} in this folder`))
      }
    } else if (stats) {
      if (isIgnored(path)) ignored.push(path)
      else files.add(path)
    } else if (isDynamicPattern(arg)) {
      const found = await glob(arg, {cwd, absolute: true, dot: false, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**']})
      const kept = found.filter((file) => !isIgnored(file) && !TEMPORARY.test(basename(file)))
      if (kept.length === 0) errors.push(new InputError(arg, 'no files match this pattern'))
      for (const file of kept) files.add(resolve(file))
    } else {
      errors.push(new InputError(arg, 'no such file or folder'))
    }
  }
  return {files: [...files].sort(), errors, ignored}
}

function walk(folder: string, files: Set<string>, errors: InputError[], isIgnored: (path: string) => boolean, extensions: readonly string[]) {
  let entries
  try {
    entries = readdirSync(folder, {withFileTypes: true})
  } catch (error) {
    errors.push(new InputError(folder, `cannot read this folder (${code(error)})`))
    return
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith('.')) continue
    const path = join(folder, entry.name)
    if (isIgnored(path)) continue
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(path, files, errors, isIgnored, extensions)
    } else if (extensions.some((extension) => entry.name.toLowerCase().endsWith(extension))) {
      // A broken symbolic link is listed but cannot be read: reading it reports it.
      files.add(path)
    }
  }
}

/** Copy read from a file, with what is needed to write it back unchanged in every other way. */
export interface Copy {
  path: string
  value: string
  /** Permission bits to keep on write. */
  mode: number
  size: number
  mtimeMs: number
}

const decoder = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})

/** Reads one file as UTF-8 copy; throws an InputError naming the file on anything else. */
export function readCopy(path: string, maxBytes: number): Copy {
  let stats: Stats
  try {
    stats = statSync(path)
  } catch (error) {
    throw new InputError(path, code(error) === 'ENOENT' ? 'the file vanished before it could be read' : `cannot read (${code(error)})`)
  }
  if (!stats.isFile()) throw new InputError(path, 'not a regular file')
  if (stats.size > maxBytes) {
    throw new InputError(path, `too large to lint (${formatSize(stats.size)}; the limit is ${formatSize(maxBytes)}, see --max-file-size)`)
  }
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new InputError(path, code(error) === 'ENOENT' ? 'the file vanished before it could be read' : `cannot read (${code(error)})`)
  }
  return {path, value: decode(bytes, path), mode: stats.mode & 0o7777, size: bytes.length, mtimeMs: stats.mtimeMs}
}

/** Decodes UTF-8 copy, keeping a byte-order mark; throws on binary data or invalid UTF-8. */
export function decode(bytes: Uint8Array, path: string): string {
  const nul = bytes.indexOf(0)
  if (nul >= 0) throw new InputError(path, `binary data (a NUL byte at offset ${nul}), not text`)
  try {
    return decoder.decode(bytes)
  } catch {
    throw new InputError(path, `not valid UTF-8 (${firstInvalid(bytes)}); convert it to UTF-8 first`)
  }
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

/**
 * Writes fixed copy atomically: a temporary file in the same folder, flushed, then renamed over
 * the original, with the original's permissions (and owner, where allowed). A symbolic link is
 * followed, so the link stays a link. Refuses when the file changed since it was read.
 */
export function writeCopy(copy: Copy, value: string): void {
  let current: Stats
  let target: string
  try {
    current = statSync(copy.path)
    target = realpathSync(copy.path)
  } catch (error) {
    throw new InputError(copy.path, `not written: the file vanished while it was linted (${code(error)})`)
  }
  if (current.size !== copy.size || current.mtimeMs !== copy.mtimeMs) {
    throw new InputError(copy.path, 'not written: the file changed while it was linted')
  }
  const temporary = join(dirname(target), `.${basename(target)}.copydesk-${randomBytes(6).toString('hex')}.tmp`)
  try {
    const descriptor = openSync(temporary, 'wx', copy.mode)
    try {
      keepOwner(descriptor, current)
      // After the owner (chown may clear set-id bits), and because open() applies the umask.
      fchmodSync(descriptor, copy.mode)
      writeSync(descriptor, value)
      fsyncSync(descriptor)
    } finally {
      closeSync(descriptor)
    }
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw new InputError(copy.path, `not written (${code(error)})`)
  }
}

// The renamed file is new, so it belongs to whoever runs the command: root (or the owner, for a
// group of theirs) can give it back. Otherwise a fix by another user leaves the file theirs.
function keepOwner(descriptor: number, original: Stats) {
  try {
    fchownSync(descriptor, original.uid, original.gid)
  } catch {
    // Not allowed: the file keeps the runner as owner.
  }
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
