// One configuration loader for the library, the CLI and the language server: validates a
// config object (unknown keys and rule ids fail loudly, naming the file and key), merges it over
// the preset, and finds config files upward from a linted file the way git finds a repository.
import {closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync, statSync, type Stats} from 'node:fs'
import {homedir} from 'node:os'
import {basename, dirname, extname, join, resolve} from 'node:path'
import {createRequire} from 'node:module'
import {rules as registry, type RuleId} from '../rules/index.js'
import type {Format} from './parse.js'
import {preset, whenOn} from './preset.js'
import type {AnyRule, Settings} from './rule.js'

export type Level = 'off' | 'info' | 'warn' | 'error'
export type Severity = Exclude<Level, 'off'>
/** `on` is the rule's recommended severity when enabled (`info` for word-echo, else `warn`). */
export type Setting = Level | 'on'
export type RuleSetting = Setting | readonly [Setting] | readonly [Setting, Record<string, unknown>]

/** A configuration, as written in `.copydeskrc.json` or passed to `lint`. */
export interface Config {
  /** Per-rule severity and options, over the preset; keys are rule ids (a typo does not compile). */
  rules?: {readonly [Id in RuleId]?: RuleSetting}
  /** Names that are right (never spelling errors, never typos of each other). */
  names?: readonly string[]
  /** Other words that are right. */
  words?: readonly string[]
  /** Extra lines of web-page residue for the boilerplate rule. */
  boilerplate?: readonly string[]
  /** Parse every file as this format instead of inferring it from the file name. */
  format?: Format
  /** Editor schema hint; ignored. */
  $schema?: string
}

export interface ResolvedRule {
  rule: AnyRule
  severity: Severity
  options: Record<string, unknown>
}

/** A validated configuration: the enabled rules in registry order, and the settings. */
export interface Resolved {
  rules: readonly ResolvedRule[]
  settings: Settings
  format: Format | undefined
}

/** A configuration problem: names the file (when there is one) and the key. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly key?: string
  ) {
    super(file ? `${file}: ${message}` : message)
    this.name = 'ConfigError'
  }
}

const LEVELS: readonly Setting[] = ['off', 'on', 'info', 'warn', 'error']
const KEYS = new Set(['rules', 'names', 'words', 'boilerplate', 'format', '$schema'])
const FORMATS: readonly Format[] = ['text', 'markdown', 'html']

/** Checks a config object and merges it over the preset; `file` names it in errors. */
export function resolveConfig(config: Config = {}, file?: string): Resolved {
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new ConfigError('expected a configuration object', file)
  }
  for (const key of Object.keys(config)) {
    if (!KEYS.has(key)) {
      throw new ConfigError(`unknown key \`${short(key)}\` (expected one of ${[...KEYS].join(', ')})`, file, key)
    }
  }
  const settings: Settings = {
    names: wordList(config.names, 'names', file),
    words: wordList(config.words, 'words', file),
    boilerplate: wordList(config.boilerplate, 'boilerplate', file)
  }
  if (config.format !== undefined && !FORMATS.includes(config.format)) {
    throw new ConfigError(`\`format\` must be one of ${FORMATS.join(', ')}`, file, 'format')
  }
  const settingsOf: Record<string, RuleSetting> = config.rules ?? {}
  if (typeof settingsOf !== 'object' || Array.isArray(settingsOf)) {
    throw new ConfigError('`rules` must be an object of rule ids', file, 'rules')
  }
  for (const id of Object.keys(settingsOf)) {
    if (!registry.some((rule) => rule.id === id)) {
      const near = closest(id, registry.map((rule) => rule.id))
      throw new ConfigError(
        `unknown rule \`${short(id)}\`${near ? ` (did you mean \`${near}\`?)` : ''}`,
        file,
        `rules.${id}`
      )
    }
  }
  const rules: ResolvedRule[] = []
  for (const rule of registry) {
    const setting = settingsOf[rule.id] ?? preset[rule.id] ?? 'off'
    const [level, options] = readSetting(setting, rule, file)
    if (level !== 'off') rules.push({rule, severity: level, options: {...rule.options, ...options}})
  }
  return {rules, settings, format: config.format}
}

/**
 * One rule alone, as its own plugin resolves it: `setting` is a level, `[level, options]`, or the
 * rule's options (at the preset's level; a rule off by default is turned on).
 */
export function resolveRule(rule: AnyRule, setting?: RuleSetting | Record<string, unknown> | null): Resolved {
  const isSetting = typeof setting === 'string' || Array.isArray(setting)
  const fallback: Setting = preset[rule.id] && preset[rule.id] !== 'off' ? preset[rule.id] : 'on'
  const chosen = (isSetting ? setting : setting ? [fallback, setting] : fallback) as RuleSetting
  const [level, options] = readSetting(chosen, rule)
  const settings: Settings = {names: [], words: [], boilerplate: []}
  return {rules: level === 'off' ? [] : [{rule, severity: level as Severity, options: {...rule.options, ...options}}], settings, format: undefined}
}

function readSetting(setting: RuleSetting, rule: AnyRule, file?: string): [Level, Record<string, unknown>] {
  const key = `rules.${rule.id}`
  const [level, options = {}] = (Array.isArray(setting) ? setting : [setting]) as [unknown, unknown]
  if (!LEVELS.includes(level as Setting)) {
    throw new ConfigError(`\`${key}\` must be one of ${LEVELS.join(', ')} (or [level, options])`, file, key)
  }
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ConfigError(`the options of \`${key}\` must be an object`, file, key)
  }
  for (const [name, value] of Object.entries(options)) {
    // Own keys only: `__proto__`, `constructor` or `toString` are not options of any rule.
    if (!Object.hasOwn(rule.options, name)) {
      const known = Object.keys(rule.options)
      throw new ConfigError(
        `unknown option \`${short(name)}\` for \`${rule.id}\` (${known.length ? `expected ${known.join(', ')}` : 'it takes none'})`,
        file,
        `${key}.${name}`
      )
    }
    const expected = rule.options[name as keyof typeof rule.options]
    const same = Array.isArray(expected) ? Array.isArray(value) : typeof expected === typeof value
    if (!same) {
      const kind = Array.isArray(expected) ? 'an array' : `a ${typeof expected}`
      throw new ConfigError(`option \`${name}\` of \`${rule.id}\` must be ${kind}`, file, `${key}.${name}`)
    }
  }
  const severity = level === 'on' ? (whenOn[rule.id] ?? 'warn') : (level as Level)
  return [severity, options as Record<string, unknown>]
}

function wordList(value: unknown, key: string, file?: string): readonly string[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    throw new ConfigError(`\`${key}\` must be an array of non-empty strings`, file, key)
  }
  return value
}

// The rule id one or two edits away, for the "did you mean" of an unknown id.
function closest(id: string, ids: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  for (const candidate of ids) {
    const distance = editDistance(id, candidate)
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance]
  }
  return best
}

/** Levenshtein distance, for short strings. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]
}

/** The names of config files, in the order they are looked for in each folder. */
export const CONFIG_FILES = ['.copydeskrc.json', '.copydeskrc.yml', '.copydeskrc.yaml', '.copydeskrc', 'package.json']

/** A config read from a file, with its path. */
export interface LoadedConfig {
  config: Config
  path: string | undefined
}

/** A config file is a few lines; a word list, a few thousand. Anything larger is a mistake. */
const MAX_CONFIG_BYTES = 4 * 1024 * 1024

/** Reads and checks one config file; throws a ConfigError naming it on any problem. */
export function loadConfigFile(path: string): LoadedConfig {
  const absolute = resolve(path)
  const text = readConfigText(absolute)
  // `.copydeskrc` without an extension is YAML, which also reads JSON.
  const yaml = /(?:\.ya?ml|\.copydeskrc)$/u.test(absolute)
  let data: unknown = yaml ? parseYamlConfig(text, absolute) : parseJsonConfig(text, absolute)
  if (absolute.endsWith('package.json')) {
    data = (data as {copydesk?: unknown} | null)?.copydesk ?? {}
  }
  if (data === null || data === undefined) data = {}
  resolveConfig(data as Config, absolute)
  return {config: data as Config, path: absolute}
}

/**
 * The text of a config file. Opened without blocking and checked on the open file: a FIFO or a
 * device (`-c /dev/stdin`, or a FIFO named `package.json` on the way up) would block the read or
 * never end, and a huge file is a mistake.
 */
function readConfigText(path: string): string {
  let descriptor: number | undefined
  try {
    descriptor = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK)
    const stats = fstatSync(descriptor)
    if (!stats.isFile()) throw new ConfigError('not a regular file', path)
    if (stats.size > MAX_CONFIG_BYTES) throw new ConfigError(`too large for a configuration (over ${MAX_CONFIG_BYTES / 1024 / 1024} MB)`, path)
    return readFileSync(descriptor, 'utf8')
  } catch (error) {
    if (error instanceof ConfigError) throw error
    throw new ConfigError(`cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? error})`, path)
  } finally {
    if (descriptor !== undefined) closeSync(descriptor)
  }
}

// A parse error says where, and quotes at most a short excerpt of the offending line, and only
// of a file named as a config file: `-c /etc/passwd` must not print the first line of that file
// (the messages of JSON.parse and of the YAML parser quote the input).
function parseJsonConfig(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/u, ''))
  } catch (error) {
    const position = /at position (\d+)/u.exec((error as Error).message)
    const offset = position ? Number(position[1]) : undefined
    throw new ConfigError(`invalid JSON${where(text, file, offset)}`, file)
  }
}

// The YAML parser (a sixth of the engine's import) is loaded only for a YAML config file.
type Yaml = typeof import('yaml')

function parseYamlConfig(text: string, file: string): unknown {
  const require = createRequire(import.meta.url)
  const {parse: parseYaml, YAMLParseError} = require('yaml') as Yaml
  try {
    return parseYaml(text)
  } catch (error) {
    const offset = error instanceof YAMLParseError ? error.pos[0] : undefined
    const kind = error instanceof YAMLParseError ? ` (${error.code})` : ''
    throw new ConfigError(`invalid YAML${kind}${where(text, file, offset)}`, file)
  }
}

/** The longest excerpt of a config file's line that an error quotes. */
const EXCERPT = 40

function where(text: string, file: string, offset: number | undefined): string {
  if (offset === undefined || offset < 0 || offset > text.length) return ''
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  const lineStart = before.lastIndexOf('\n') + 1
  const column = offset - lineStart + 1
  if (!isConfigName(file)) return ` at line ${line}, column ${column}`
  const end = text.indexOf('\n', lineStart)
  const whole = text.slice(lineStart, end === -1 ? text.length : end).replace(/\r$/u, '')
  // Centred on the error where the line is long.
  const from = Math.max(0, Math.min(column - 1 - EXCERPT / 2, whole.length - EXCERPT))
  const excerpt = `${from > 0 ? '…' : ''}${whole.slice(from, from + EXCERPT)}${from + EXCERPT < whole.length ? '…' : ''}`.replace(/\p{Cc}/gu, ' ')
  return ` at line ${line}, column ${column}: \`${excerpt}\``
}

// A file named as config files are (or with a config file's extension): errors may quote it. A
// link is judged by its target too: `.copydeskrc.json -> /root/secrets.conf` is not one.
function isConfigName(file: string): boolean {
  let real: string
  try {
    real = realpathSync(file)
  } catch {
    return false
  }
  return [file, real].every((path) => {
    const name = basename(path)
    return CONFIG_FILES.includes(name) || /copydesk/iu.test(name) || ['.json', '.yml', '.yaml'].includes(extname(name).toLowerCase())
  })
}

/** A key or id from a config file, cut short for an error message. */
function short(text: string): string {
  // Control characters are shown as `?`: a key must not move the cursor or retitle a terminal.
  return (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text).replace(/\p{Cc}/gu, '?')
}

/** How the upward search reports a config file it would not use. */
export type ConfigWarning = (message: string) => void

/**
 * Finds the config file that applies to a file or folder, as git finds a repository: the nearest
 * one upward, stopping at the project root (the first folder holding `.git`) or the user's home
 * folder. A config file in a world-writable folder, or owned by another user than the one running
 * (root excepted), is ignored with a warning: someone else could have planted it. A package.json
 * met on the way that cannot be parsed is an error, not a silent skip.
 */
export function findConfigFile(from: string, warn: ConfigWarning = () => {}): string | undefined {
  let folder = resolve(from)
  try {
    if (!statSync(folder).isDirectory()) folder = dirname(folder)
  } catch {
    folder = dirname(folder)
  }
  const home = resolve(homedir())
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(folder, name)
      if (!existsSync(candidate)) continue
      const distrust = untrusted(candidate)
      if (distrust) {
        warn(`${candidate}: ignored, ${distrust}`)
        continue
      }
      if (name === 'package.json' && !hasCopydeskKey(candidate)) continue
      return candidate
    }
    if (folder === home || existsSync(join(folder, '.git'))) return undefined
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

// Why a config file found by searching is not to be trusted, if it is not.
function untrusted(path: string): string | undefined {
  const uid = process.geteuid?.()
  if (uid === undefined) return undefined
  let file: Stats
  let link: Stats
  let folder: Stats
  try {
    file = statSync(path)
    link = lstatSync(path)
    folder = statSync(dirname(path))
  } catch {
    return undefined
  }
  if ((folder.mode & 0o002) !== 0) return 'it is in a world-writable folder (anyone could have put it there)'
  // A link is the planter's whatever it points to: another user's link to root's own file would
  // have root read (and quote) a file that user cannot.
  if (link.isSymbolicLink() && link.uid !== uid && link.uid !== 0) return `it is a link that belongs to another user (uid ${link.uid})`
  if (file.uid !== uid && file.uid !== 0) return `it belongs to another user (uid ${file.uid})`
  return undefined
}

function hasCopydeskKey(path: string): boolean {
  const data = parseJsonConfig(readConfigText(path), path)
  return typeof data === 'object' && data !== null && Object.hasOwn(data, 'copydesk')
}
