// The public API: `lint` and `fix` for plain use, `createLinter` to reuse one configured
// processor across many files, the `copydesk` preset plugin for any unified pipeline, the rules.
import {unified, type Processor} from 'unified'
import {VFile, type Compatible} from 'vfile'
import type {Root} from 'nlcst'
import {resolveConfig, type Config, type Resolved} from './config.js'
import {copydesk, createTransformer} from './engine.js'
import {fixUntilStable, type FixResult} from './fix.js'
import {copydeskParse, createPieceCache, formatOf, isHardWrapped} from './parse.js'
import {lintInSections, sectionStarts} from './sections.js'

export {copydesk, fixLevel, ruleUrl, SOURCE} from './engine.js'
export {rules, type RuleId} from '../rules/index.js'
export {rulePlugin, type RulePluginOptions} from './plugin.js'
export {preset} from './preset.js'
export {ConfigError, findConfigFile, loadConfigFile, resolveConfig} from './config.js'
export type {Config, Level, LoadedConfig, Resolved, RuleSetting, Severity} from './config.js'
export type {FixResult, Edit} from './fix.js'
export {applyEdits, editsOf} from './fix.js'
export type {Article, Block, BlockKind} from './article.js'
export type {Format} from './parse.js'
export {formatOf, loadMarkup} from './parse.js'
export {UnparsableError} from './unparsable.js'
export type {Token, TokenKind} from './tokens.js'
export {scanTokens} from './tokens.js'
export type {AnyRule, Evidence, FixLevel, ReportExtra, Rule, RuleContext, Settings, Span, Target} from './rule.js'
export {defineRule} from './rule.js'
export default copydesk

/** What `lint` and `fix` take: text, a VFile, or anything `new VFile()` takes. */
export type Input = string | VFile | Compatible

/** One configured processor, reused for every file: rule state (a dictionary) is built once. */
export interface Linter {
  resolved: Resolved
  /** Lints one text or file; the messages are on the returned VFile. */
  lint(input: Input): VFile
  /** Applies safe fixes until stable; returns the fixed text and the messages left. */
  fix(input: Input): FixResult
}

/** Builds a linter for a configuration; throws a ConfigError on an invalid one. */
export function createLinter(config: Config = {}, configPath?: string): Linter {
  const resolved = resolveConfig(config, configPath)
  const processor = unified()
    .use(copydeskParse, {format: resolved.format, cache: createPieceCache()})
    .use(function () {
      return createTransformer(resolved)
    })
    .freeze() as unknown as Processor<Root, Root, Root>

  function lintOne(file: VFile): void {
    processor.runSync(processor.parse(file), file)
  }

  function lint(input: Input): VFile {
    const file = toFile(input)
    // A long plain text goes section by section, so that one section's tree is alive at a time.
    const value = typeof file.value === 'string' ? file.value : undefined
    const starts = value !== undefined && (resolved.format ?? formatOf(file.path)) === 'text' ? sectionStarts(value) : []
    if (starts.length > 1) lintInSections(file, starts, isHardWrapped(value!), lintOne)
    else lintOne(file)
    return file
  }

  return {
    resolved,
    lint,
    fix(input) {
      const original = toFile(input)
      return fixUntilStable(String(original.value), (value) => lint(new VFile({path: original.path, cwd: original.cwd, value})))
    }
  }
}

const linters = new WeakMap<Config, Linter>()
let defaultLinter: Linter | undefined

// One linter per configuration object, so repeated calls reuse its processor and dictionaries.
function linterFor(config?: Config): Linter {
  if (!config) return (defaultLinter ??= createLinter())
  let linter = linters.get(config)
  if (!linter) {
    linter = createLinter(config)
    linters.set(config, linter)
  }
  return linter
}

/** Lints text or a file with an optional configuration; the messages are on the returned VFile. */
export function lint(input: Input, config?: Config): VFile {
  return linterFor(config).lint(input)
}

/** Applies every safe fix until the text is stable; returns the fixed text and the messages left. */
export function fix(input: Input, config?: Config): FixResult {
  return linterFor(config).fix(input)
}

function toFile(input: Input): VFile {
  if (input instanceof VFile) return input
  if (typeof input === 'string') return new VFile({value: input})
  const value = (input as {value?: unknown} | null)?.value
  if (typeof input !== 'object' || input === null || Buffer.isBuffer(input) || !(typeof value === 'string' || value instanceof Uint8Array)) {
    throw new TypeError(`copydesk: lint() and fix() take a string, a VFile or {path?, value}, not ${describe(input)}`)
  }
  return new VFile(input)
}

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Buffer.isBuffer(value)) return 'a Buffer (decode it first: buffer.toString("utf8"))'
  if (typeof value === 'object') return 'an object without a string `value`'
  return `${typeof value === 'undefined' ? 'undefined' : `a ${typeof value}`}`
}
