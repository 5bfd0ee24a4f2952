// `retext-copydesk/sentence-start`: this rule alone, as a unified plugin (options: the rule's options, a
// level, or [level, options]).
import {rulePlugin} from '../../src/plugin.js'
import rule from './index.js'

export default rulePlugin(rule)
