// The rule contract. A rule is a plain object; the engine (src/engine.ts) turns the enabled rules
// into one unified transformer, so rule code never touches severity, ruleId, source or url.
import type {Node, Root} from 'nlcst'
import type {VFile} from 'vfile'
import type {Article, Block} from './article.js'
import type {Lexicon} from './lexicon.js'

/** The most a rule may do about what it finds; `report()` enforces it as a ceiling. */
export type FixLevel = 'safe' | 'suggest' | 'none'

/** Half-open range of UTF-16 offsets into the source text. */
export interface Span {
  start: number
  end: number
}

/** Where a report points: offsets, one node, or the run from the first node to the last. */
export type Target = Span | Node | readonly Node[]

/** Evidence a rule attaches to a message (`message.cause`): where the better form is used. */
export interface Evidence {
  /** The form the document uses elsewhere, such as `Biden`. */
  text: string
  /** How often that form occurs. */
  count: number
  /** Where it first occurs. */
  place: Span
}

/** What a rule may say about one finding. */
export interface ReportExtra {
  /** A safe edit: replaces the span; `''` deletes it. Downgraded to a suggestion above the rule's ceiling. */
  fix?: string
  /** Candidates for a person; a function is only called when someone reads `expected`. */
  suggest?: readonly string[] | (() => readonly string[])
  /** A longer why. */
  note?: string
  /** Related evidence. */
  cause?: Evidence
}

/** Project word lists and settings from configuration, shared by every rule. */
export interface Settings {
  /** Names the project knows are right (never spelling errors, never typos of each other). */
  names: readonly string[]
  /** Other words the project knows are right. */
  words: readonly string[]
  /** Extra lines of web-page residue, beside the built-in list of the boilerplate rule. */
  boilerplate: readonly string[]
}

export interface RuleContext<Options, State> {
  /** The one way a rule speaks. */
  report(target: Target, reason: string, extra?: ReportExtra): void
  options: Options
  /** What each block of the copy is, computed once per file. */
  article: Article
  settings: Settings
  /** English dictionaries and the project's word lists, loaded on first use, shared by all rules. */
  lexicon: Lexicon
  /** Whatever `init` built once for this processor. */
  state: State
  /**
   * Runs `run` for a block, or, when the last lint ran it for an equal block with the same
   * `key`, says its reports again (moved to where the block is now) and returns what it returned
   * then. For the part of an article-wide rule that reads one block and what `key` says (an
   * editor re-lints after each keystroke): `run` reports only inside the block, and returns
   * nothing that holds source offsets or is changed later.
   *
   * A part that also weighs article-wide evidence (how often a name is used, the article's tense)
   * returns what it asked and was told, and passes `still`: given that, whether the evidence
   * still says the same of this article. When it does not, `run` runs again.
   */
  remember<T>(block: Block, key: string, run: (report: RuleContext<Options, State>['report']) => T, still?: (value: T) => boolean): T
}

export interface Rule<Options extends object = object, State = undefined, Id extends string = string> {
  /** kebab-case; the folder, `message.ruleId`, the config key and the README title. */
  id: Id
  summary: string
  fix: FixLevel
  /** Defaults; configuration is merged over them. */
  options: Options
  /**
   * `block` when what the rule reports in a block depends only on that block (its prose, source,
   * kind, dateline, letter) and the rule's options, and the rule reads blocks from
   * `article.blocks`, never the tree: then the engine replays the reports of a block it saw in
   * the last lint and runs the rule over the other blocks only (an editor re-lints after each
   * keystroke). Default `article`: the rule runs over the whole article every time.
   */
  scope?: 'block' | 'article'
  /** Builds per-processor state once (never per file); must not do per-file work. */
  init?: (options: Options, settings: Settings) => State
  /** Synchronous, pure, no I/O. */
  check(tree: Root, file: VFile, context: RuleContext<Options, State>): void
}

/** Any rule, whatever its options and state. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any, any>

/**
 * Identity helper that checks a rule object against the contract and keeps its id as a literal
 * (for typed configs). The state type stays inside the rule: callers never see it.
 */
export function defineRule<Options extends object, State = undefined, const Id extends string = string>(
  rule: Rule<Options, State, Id>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Rule<Options, any, Id> {
  return rule
}
