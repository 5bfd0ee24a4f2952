// Writing a name into a project's configuration, for the language server's "add to the project's
// names" action. The new text is checked by the same loader the CLI uses before anything is
// written, and written atomically, so a user's config is never left invalid or half-written.
import {existsSync, readFileSync, realpathSync, renameSync, statSync, writeFileSync, chmodSync, unlinkSync} from 'node:fs'
import {basename, dirname, join} from 'node:path'
import {parse as parseYaml, parseDocument, isSeq} from 'yaml'
import {ConfigError, resolveConfig, type Config} from '../config.js'

/** What `addNameToConfig` did: the file, whether it changed, and whether it was created. */
export interface NameWrite {
  path: string
  changed: boolean
  created: boolean
}

/**
 * Adds `name` to the `names` list of a config file (`.copydeskrc.json`, `.copydeskrc.yml`,
 * `.copydeskrc`, or the `copydesk` key of a package.json), creating the file when it is absent.
 * Throws a ConfigError naming the file when it cannot be read or edited; then nothing is written.
 */
export function addNameToConfig(path: string, name: string): NameWrite {
  if (typeof name !== 'string' || name.trim() === '' || /[\r\n]/u.test(name)) {
    throw new ConfigError(`cannot add \`${name}\` to the names: not a single-line name`, path, 'names')
  }
  const created = !existsSync(path)
  // Write through a symlink to its target, so the link itself survives.
  const target = created ? path : realpathSync(path)
  const before = created ? undefined : readFileSync(target, 'utf8')
  const after = isYaml(path) ? addToYaml(before ?? '', name, path) : addToJson(before, name, path)
  if (after === undefined) return {path, changed: false, created: false}
  writeAtomically(target, after)
  return {path, changed: true, created}
}

// `.copydeskrc` without an extension is YAML (which also reads JSON), as in the loader.
function isYaml(path: string): boolean {
  return /(?:\.ya?ml|\.copydeskrc)$/u.test(path)
}

function addToJson(text: string | undefined, name: string, path: string): string | undefined {
  let data: unknown
  try {
    data = text === undefined ? {} : JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`invalid JSON: ${(error as Error).message}`, path)
  }
  if (!isObject(data)) throw new ConfigError('expected a configuration object', path)
  const packageJson = basename(path) === 'package.json'
  if (packageJson && data.copydesk !== undefined && !isObject(data.copydesk)) {
    throw new ConfigError('expected the `copydesk` key to be an object', path, 'copydesk')
  }
  const config = packageJson ? ((data.copydesk as Record<string, unknown> | undefined) ?? {}) : data
  const names = config.names ?? []
  if (!Array.isArray(names)) throw new ConfigError('`names` must be an array of non-empty strings', path, 'names')
  if (names.includes(name)) return undefined
  config.names = [...names, name]
  if (packageJson) data.copydesk = config
  check(config, path)
  const indent = text?.match(/^[ \t]+(?=")/mu)?.[0] ?? 2
  let output = JSON.stringify(data, null, indent) + '\n'
  if (text?.includes('\r\n')) output = output.replace(/\n/gu, '\r\n')
  return output
}

// The Document API keeps comments, key order and the style of the rest of the file.
function addToYaml(text: string, name: string, path: string): string | undefined {
  const document = parseDocument(text)
  if (document.errors.length > 0) throw new ConfigError(`invalid YAML: ${document.errors[0].message}`, path)
  if (document.contents !== null && !isObject(document.toJS())) {
    throw new ConfigError('expected a configuration object', path)
  }
  const names = document.get('names', true)
  if (names === undefined || names === null) {
    document.set('names', document.createNode([name]))
  } else if (isSeq(names) && names.items.every((item) => typeof (item as {value?: unknown})?.value === 'string')) {
    if (names.items.some((item) => (item as {value?: unknown}).value === name)) return undefined
    names.add(document.createNode(name))
  } else {
    throw new ConfigError('`names` must be an array of non-empty strings', path, 'names')
  }
  const output = String(document)
  check(parseYaml(output) as Config, path)
  return output
}

// The edited config must still load: the same check the loader makes.
function check(config: unknown, path: string) {
  resolveConfig(config as Config, path)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

// A temporary file beside the target, renamed over it: a reader sees the old or the new file.
function writeAtomically(path: string, text: string) {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
  try {
    writeFileSync(temporary, text)
    if (existsSync(path)) chmodSync(temporary, statSync(path).mode)
    renameSync(temporary, path)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {
      // Nothing was left behind.
    }
    throw new ConfigError(`cannot write the configuration (${(error as NodeJS.ErrnoException).code ?? error})`, path)
  }
}
