// The ordered registry of rules. Order is also the tie-break between fixes that start at the
// same place: the earlier rule's fix is applied first.
import boilerplate from './boilerplate/index.js'
import characterDamage from './character-damage/index.js'
import danglingAttribution from './dangling-attribution/index.js'
import fragment from './fragment/index.js'
import headlineMismatch from './headline-mismatch/index.js'
import lyHyphen from './ly-hyphen/index.js'
import nameConsistency from './name-consistency/index.js'
import quotationMarks from './quotation-marks/index.js'
import repeatedWords from './repeated-words/index.js'
import sentenceStart from './sentence-start/index.js'
import spelling from './spelling/index.js'
import strayPunctuation from './stray-punctuation/index.js'
import wordEcho from './word-echo/index.js'

export const rules = [
  boilerplate,
  strayPunctuation,
  quotationMarks,
  characterDamage,
  sentenceStart,
  lyHyphen,
  repeatedWords,
  nameConsistency,
  spelling,
  headlineMismatch,
  danglingAttribution,
  fragment,
  wordEcho
] as const

/** The id of every rule: the keys `Config.rules` takes. */
export type RuleId = (typeof rules)[number]['id']
