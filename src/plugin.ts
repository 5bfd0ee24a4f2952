// Each rule as a unified plugin of its own (`retext-copydesk/stray-punctuation`), the way
// retext-repeated-words is used: made from the plain rule object, run by the same engine as the
// preset, so one rule alone gives exactly the messages the preset gives for it.
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import {resolveRule, type RuleSetting} from './config.js'
import {createTransformer} from './engine.js'
import type {Rule} from './rule.js'

/** A rule plugin's option: the rule's options, a level (`'error'`), or `[level, options]`. */
export type RulePluginOptions<Options extends object> = Partial<Options> | RuleSetting

/** Makes the unified plugin of one rule. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function rulePlugin<Options extends object>(rule: Rule<Options, any>): Plugin<[RulePluginOptions<Options>?], Root> {
  return function (setting) {
    return createTransformer(resolveRule(rule, setting as RuleSetting | Record<string, unknown> | undefined))
  }
}
