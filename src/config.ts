// One configuration loader for the library, the CLI and the language server: validates a
// config object (unknown keys and rule ids fail loudly, naming the file and key), merges it over
// the preset, and finds config files upward from a linted file.
import {existsSync, readFileSync, statSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {parse as parseYaml} from 'yaml'
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
      throw new ConfigError(`unknown key \`${key}\` (expected one of ${[...KEYS].join(', ')})`, file, key)
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
        `unknown rule \`${id}\`${near ? ` (did you mean \`${near}\`?)` : ''}`,
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
    if (!(name in rule.options)) {
      const known = Object.keys(rule.options)
      throw new ConfigError(
        `unknown option \`${name}\` for \`${rule.id}\` (${known.length ? `expected ${known.join(', ')}` : 'it takes none'})`,
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

/** Reads and checks one config file; throws a ConfigError naming it on any problem. */
export function loadConfigFile(path: string): LoadedConfig {
  const absolute = resolve(path)
  let text: string
  try {
    text = readFileSync(absolute, 'utf8')
  } catch (error) {
    throw new ConfigError(`cannot read the configuration (${(error as NodeJS.ErrnoException).code ?? error})`, absolute)
  }
  // `.copydeskrc` without an extension is YAML, which also reads JSON.
  const yaml = /(?:\.ya?ml|\.copydeskrc)$/u.test(absolute)
  let data: unknown
  try {
    data = yaml ? parseYaml(text) : JSON.parse(text)
  } catch (error) {
    throw new ConfigError(`invalid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message}`, absolute)
  }
  if (absolute.endsWith('package.json')) {
    data = (data as {copydesk?: unknown} | null)?.copydesk ?? {}
  }
  if (data === null || data === undefined) data = {}
  resolveConfig(data as Config, absolute)
  return {config: data as Config, path: absolute}
}

/** Finds the config file that applies to a file or folder: the nearest one upward. */
export function findConfigFile(from: string): string | undefined {
  let folder = resolve(from)
  try {
    if (!statSync(folder).isDirectory()) folder = dirname(folder)
  } catch {
    folder = dirname(folder)
  }
  for (;;) {
    for (const name of CONFIG_FILES) {
      const candidate = join(folder, name)
      if (!existsSync(candidate)) continue
      if (name === 'package.json' && !hasCopydeskKey(candidate)) continue
      return candidate
    }
    const parent = dirname(folder)
    if (parent === folder) return undefined
    folder = parent
  }
}

function hasCopydeskKey(path: string): boolean {
  try {
    return 'copydesk' in (JSON.parse(readFileSync(path, 'utf8')) as object)
  } catch {
    return false
  }
}
