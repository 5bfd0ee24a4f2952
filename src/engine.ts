// The engine: turns the enabled rules into one unified transformer. It builds the article model
// once per file, gives each rule its `report()`, and makes every message satisfy the message
// contract (ruleId, source, url, place with offsets, actual, expected, severity, fix level).
import type {Node, Root} from 'nlcst'
import type {Processor, Transformer} from 'unified'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {VFileMessage} from 'vfile-message'
import {blockKey, buildArticle, createShapeCache, isVerbatim, withBlocks, type Block} from './article.js'
import {resolveConfig, type Config, type Resolved, type Severity} from './config.js'
import {createLexicon} from './lexicon.js'
import {isPlainParse, normalizePlain} from './parse.js'
import {packageRoot} from './paths.js'
import type {ReportExtra, RuleContext, Span, Target} from './rule.js'
import {createTally, type Tally} from './tally.js'
import {fixEffect} from './tokens.js'

declare module 'vfile-message' {
  interface VFileMessage {
    /** Marks a safe fix: `expected` holds exactly the one replacement `fix` applies. */
    autofix?: boolean
  }
}

/** `message.source` of every message. */
export const SOURCE = 'retext-copydesk'
/** The project's home page (its public address once published). */
export const HOMEPAGE = 'https://github.com/retext-copydesk/retext-copydesk#readme'

let root: URL | undefined

/**
 * Where a rule's documentation lives: its README in the installed package (every install ships
 * them), so the link opens wherever the linter runs, registry or not.
 */
export function ruleUrl(id: string): string {
  let url = urls.get(id)
  if (url === undefined) {
    root ??= packageRoot()
    url = new URL(`rules/${id}/README.md`, root).href
    urls.set(id, url)
  }
  return url
}

// Each rule's link, made once: a URL parsed for every message was a hundredth of a re-lint.
const urls = new Map<string, string>()

/** The fix level of a message: `safe` (applied by fix), `suggestion` (offered), or `none`. */
export function fixLevel(message: VFileMessage): 'safe' | 'suggestion' | 'none' {
  if (message.autofix) return 'safe'
  return message.expected && message.expected.length > 0 ? 'suggestion' : 'none'
}

// What a rule reported in a block, relative to the block's start, kept to be said again when the
// next lint has the same block (see `Rule.scope` and `RuleContext.remember`).
interface Said {
  start: number
  end: number
  reason: string
  extra: ReportExtra
}

// The reports of a rule in a block, and what its `remember` computation returned, under the key
// the rule gave (`''` for a block-scoped rule's whole findings).
interface Entry {
  key: string
  said: Said[]
  value?: unknown
}

// What the rules said in a block, by the block's key (see `blockKey`), kept while the texts
// linted have such a block: for each rule (by its index) its entries, a few at most. One map
// for the life of the linter, changed where the text changed: a map of maps made afresh for
// each lint was most of what a re-lint left for the garbage collector.
interface Remembered {
  /** The last lint that had the block. */
  lint: number
  rules: Array<Entry[] | undefined>
}
type Memo = Map<string, Remembered>

function recall(memo: Memo, block: string, rule: number, key: string): Entry | undefined {
  const entries = memo.get(block)?.rules[rule]
  if (entries) for (const entry of entries) if (entry.key === key) return entry
  return undefined
}

function keep(memo: Memo, block: string, rule: number, entry: Entry): void {
  const remembered = memo.get(block)
  if (!remembered) return
  const entries = (remembered.rules[rule] ??= [])
  const at = entries.findIndex((each) => each.key === entry.key)
  if (at === -1) entries.push(entry)
  else entries[at] = entry
}

// Texts longer than this are not remembered by block: their reports would outlive the lint.
const MAX_MEMO_TEXT = 300_000

/** A transformer that runs resolved rules; per-processor rule state is built here, once. */
export function createTransformer(resolved: Resolved): Transformer<Root> {
  const states = resolved.rules.map(({rule, options}) => rule.init?.(options, resolved.settings))
  const lexicon = createLexicon(resolved.settings)
  // The paragraphs' shapes of the last text linted, for the next (an edited copy of it).
  const shapes = createShapeCache()
  // What the rules said in the blocks of the texts linted, by block key; the lints counted.
  const memo: Memo = new Map()
  let lints = 0
  let lastPath: string | undefined
  // The counts of the last text linted, carried over to the next (an edited copy of it).
  let tally: Tally | undefined
  return function (tree: Root, file: VFile) {
    const source = String(file.value ?? '')
    // Another parser's tree (retext-english in someone's pipeline) of plain text gets the same
    // line-break handling as ours; a tree derived from Markdown or HTML keeps its paragraphs.
    const data = file.data.copydesk
    const plain = data ? data.format === 'text' : isPlainParse(tree, source)
    if (plain && !data) normalizePlain(tree, source)
    // What the rules said is remembered for an editor's next lint of the same file, edited; a run
    // over many files (the CLI, an archive) lints each once and keeps nothing. A linter's first
    // lint is remembered; a later file's first lint only notes its name, so the first edit of a
    // second file is linted in full, and remembered.
    const memoing = source.length <= MAX_MEMO_TEXT && (lints === 0 || file.path === lastPath)
    lastPath = file.path
    const counter = createTally(source, tally)
    // Shapes serve again only with the nodes src/parse.ts reuses: those of plain text it parsed,
    // up to the length whose pieces it keeps (and drops for a longer one), in a lint that is
    // remembered (an editor's, of an edited copy of the last text; not a section of a long text).
    // A Markdown or HTML tree, new at each parse, is not kept alive by them after its lint; a run
    // over many files keeps none.
    const ours = data?.format === 'text'
    const keepShapes = ours && memoing && file.data.copydeskSection === undefined
    if (!keepShapes) shapes.last.clear()
    const article = buildArticle(tree, source, data?.hints, !plain, data?.continued, counter, ours, keepShapes ? shapes : undefined)
    const place = location(file)
    const lint = ++lints
    // The blocks of this text, by key; the blocks of the texts before that are not in it are
    // forgotten after this lint.
    let keys: string[] | undefined
    const blockKeys = () => {
      if (keys) return keys
      keys = article.blocks.map((block) => blockKey(block, source))
      for (const key of keys) {
        const remembered = memo.get(key)
        if (remembered) remembered.lint = lint
        else memo.set(key, {lint, rules: []})
      }
      return keys
    }

    // A lint message is not an exception: capturing a stack for each (VFileMessage extends
    // Error) was a tenth of the time of a lint.
    const stackTraceLimit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      runRules()
    } finally {
      Error.stackTraceLimit = stackTraceLimit
    }
    if (memoing) {
      for (const [key, remembered] of memo) if (remembered.lint !== lint) memo.delete(key)
    } else memo.clear()
    tally = source.length <= MAX_MEMO_TEXT ? counter.tally : undefined
    file.messages.sort(byPlace)

    function runRules() {
      resolved.rules.forEach(({rule, severity, options}, index) => {
        const report = (target: Target, reason: string, extra: ReportExtra = {}) => {
          const span = toSpan(target)
          let {fix, suggest} = extra
          // A fix that cuts into an address, path, number or code-like token (`..` in `/a/../b`,
          // `. .` in `it. .NET`) comes from reading part of it as prose: the finding is dropped.
          const effect = fix === undefined ? 'keeps' : fixEffect(source, article.tokens, span, fix)
          if (effect === 'cuts') return
          // A fix above the rule's ceiling, one that would cross markup or edit a frozen zone
          // (an HTML <head>), or one that replaces or glues onto a protected token, is only offered.
          const unsafe = effect === 'changes' || rule.fix !== 'safe' || (!plain && !isVerbatim(article, span)) || isFrozen(data?.frozen, span)
          if (fix !== undefined && unsafe) {
            suggest = offer(fix, suggest)
            fix = undefined
          }
          if (rule.fix === 'none') suggest = undefined
          const message = file.message(reason, {
            place: {start: place.toPoint(span.start)!, end: place.toPoint(span.end)!},
            ruleId: rule.id,
            source: SOURCE
          })
          setSeverity(message, severity)
          message.url = ruleUrl(rule.id)
          message.actual = source.slice(span.start, span.end)
          if (fix !== undefined) {
            message.expected = [fix]
            message.autofix = true
          } else if (suggest) setSuggestions(message, suggest)
          if (extra.note) message.note = extra.note
          // Evidence becomes a message of its own at the place it points to, which vfile-reporter
          // prints under the message and editors can show as related information.
          if (extra.cause) {
            const {text, count, place: where} = extra.cause
            const times = count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`
            const cause = new VFileMessage(`\`${text}\` is used ${times} in this article, first here`, {
              place: {start: place.toPoint(where.start)!, end: place.toPoint(where.end)!},
              ruleId: rule.id,
              source: SOURCE
            })
            cause.file = file.path
            cause.actual = text
            message.cause = cause
          }
        }
        const say = (said: readonly Said[], block: Block) => {
          for (const each of said) {
            const {start, end, reason, extra} = move(each, block.start)
            report({start, end}, reason, extra)
          }
        }
        // A report, also written down for the block it is in (one of `blocks`).
        const recorder = (blocks: Map<Block, Said[]> | {block: Block; said: Said[]}) => (target: Target, reason: string, extra: ReportExtra = {}) => {
          const span = toSpan(target)
          const block = article.blockAt(span.start)
          const said = !block ? undefined : blocks instanceof Map ? blocks.get(block) : blocks.block === block ? blocks.said : undefined
          if (!said || span.end > block!.end) throw new Error(`The rule ${rule.id} reported outside the block it was checking`)
          said.push(move({start: span.start, end: span.end, reason, extra}, -block!.start))
          report(span, reason, extra)
        }
        const remember = <T>(block: Block, key: string, run: (report: RuleContext<object, unknown>['report']) => T, still?: (value: T) => boolean): T => {
          if (!memoing) return run(report)
          const at = blockKeys()[block.index]
          // Keys of the rule's own start with a mark, apart from a block-scoped rule's `''`.
          const full = `+${key}`
          // What a lint ran for such a block (this one, for a block seen twice), only while the
          // evidence it weighed says the same.
          const entry = recall(memo, at, index, full)
          if (entry && (!still || still(entry.value as T))) {
            say(entry.said, block)
            return entry.value as T
          }
          const said: Said[] = []
          const value = run(recorder({block, said}))
          keep(memo, at, index, {key: full, said, value})
          return value
        }
        const context = {report, options, article, settings: resolved.settings, lexicon, state: states[index], remember}
        if (rule.scope !== 'block' || !memoing) {
          rule.check(tree, file, context)
          return
        }
        // Blocks seen before are said again; the rule runs over the others only.
        const keys = blockKeys()
        const dirty: Block[] = []
        const heard = new Map<Block, Said[]>()
        article.blocks.forEach((block, at) => {
          const entry = recall(memo, keys[at], index, '')
          if (!entry) {
            dirty.push(block)
            heard.set(block, [])
            return
          }
          say(entry.said, block)
        })
        if (dirty.length === 0) return
        const view = withBlocks(article, dirty)
        rule.check(tree, file, {...context, report: recorder(heard), article: view})
        for (const [block, said] of heard) keep(memo, keys[block.index], index, {key: '', said})
      })
    }
  }
}

/** The preset plugin: `retext().use(retextEnglish).use(copydesk, config)`. */
export function copydesk(this: Processor, config?: Config | null) {
  return createTransformer(resolveConfig(config ?? {}))
}

// A report moved by `delta` characters, its evidence with it.
function move(said: Said, delta: number): Said {
  const {cause} = said.extra
  const extra = cause ? {...said.extra, cause: {...cause, place: {start: cause.place.start + delta, end: cause.place.end + delta}}} : said.extra
  return {start: said.start + delta, end: said.end + delta, reason: said.reason, extra}
}

// Whether a span touches a range where safe fixes are never made.
function isFrozen(frozen: readonly Span[] | undefined, span: Span): boolean {
  return frozen?.some((zone) => span.start < zone.end && zone.start < span.end) ?? false
}

// A downgraded fix first, then the rule's own suggestions, computed when read. Built out here:
// a closure made inside the transformer would keep the file's tree alive with every message.
function offer(first: string, offered: ReportExtra['suggest']): () => readonly string[] {
  return () => [first, ...(typeof offered === 'function' ? offered() : offered ?? [])]
}

function setSeverity(message: VFileMessage, severity: Severity) {
  message.fatal = severity === 'error' ? true : severity === 'warn' ? false : undefined
}

// Suggestions are computed when someone reads them (an editor, a JSON report), never before:
// spelling suggestions cost milliseconds each.
function setSuggestions(message: VFileMessage, suggest: NonNullable<ReportExtra['suggest']>) {
  if (typeof suggest !== 'function') {
    message.expected = [...suggest]
    return
  }
  Object.defineProperty(message, 'expected', {
    configurable: true,
    enumerable: true,
    get() {
      const value = [...suggest()]
      Object.defineProperty(message, 'expected', {value, configurable: true, enumerable: true, writable: true})
      return value
    },
    set(value: string[] | undefined) {
      Object.defineProperty(message, 'expected', {value, configurable: true, enumerable: true, writable: true})
    }
  })
}

function toSpan(target: Target): Span {
  if ('start' in target && typeof target.start === 'number') return target as Span
  const nodes = (Array.isArray(target) ? target : [target]) as Node[]
  const start = nodes[0]?.position?.start.offset
  const end = nodes[nodes.length - 1]?.position?.end.offset
  if (start === undefined || end === undefined) throw new Error('A rule reported a node without offsets')
  return {start, end}
}

function byPlace(a: VFileMessage, b: VFileMessage): number {
  const left = a.place && 'start' in a.place ? a.place.start.offset ?? 0 : 0
  const right = b.place && 'start' in b.place ? b.place.start.offset ?? 0 : 0
  return left - right
}
