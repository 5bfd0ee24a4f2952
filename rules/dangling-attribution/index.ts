// An attribution that lost its verb (`..., the five people familiar with conversations.`,
// `"...," Mr Smith.`) or was cut off into a sentence of its own (`According to sources, 2025.`).
// The repairs restore the verb or join the attribution to its sentence; a person confirms them.
import type {Block} from '../../src/article.js'
import {defineRule, type RuleContext} from '../../src/rule.js'
import {QUALIFIERS, SOURCES, TITLES} from './words.js'

// `, the five people familiar with conversations.`: a source phrase closing a sentence after a
// comma, with no verb (`said`) after it. Up to two words between article and noun (`the five`,
// `two senior`), then an optional qualifier phrase without clause punctuation.
const SOURCE_PHRASE = new RegExp(
  `(?<=, )((?:the|a|an|two|three|four|five|several|some|other) (?:[\\p{Ll}\\d-]+ ){0,2}(?:${SOURCES})(?: (?:${QUALIFIERS}) [^,.;:!?"“”]{1,60})?)(?=\\.(?:\\s|$))`,
  'gu'
)
// `"...," Mr Smith.`: a quotation closed with a comma, then a speaker and the sentence end.
const QUOTE_SPEAKER = new RegExp(
  `(?<=,["”’'] )((?:(?:${TITLES}) )?\\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){0,2}|the (?:[\\p{Ll}-]+ ){0,2}(?:${SOURCES}))(?=\\.(?:\\s|$))`,
  'gu'
)
// `According to sources, 2025.`: an attribution alone, with at most a stray number after it.
// The look-behind comes after the phrase, so it is tried only where the phrase is (before it, it
// scanned back over a run of spaces at every space).
const ORPHAN = /According(?<=(?:^|[.!?]["”’]?\s+)According) to ([^,.;:!?]{1,60}?)(?:, [\d\s%.,-]{0,12})?\.(?=\s|$)/gu
// A verb in the phrase means it is a clause, not a bare attribution (`the people who spoke`).
const VERB = /\b(?:said|says|say|told|tell|added|adds|spoke|speak|speaking|asked|declined|confirmed|is|are|was|were|has|have|had|will|would)\b/u

export default defineRule({
  id: 'dangling-attribution',
  summary: 'An attribution that lost its verb or its sentence, such as `..., the five people familiar with conversations.`',
  fix: 'suggest',
  options: {},
  check(_tree, _file, {article, report}) {
    for (const block of article.blocks) {
      if (block.kind !== 'body' && block.kind !== 'quotation') continue
      missingVerb(block, SOURCE_PHRASE, report)
      missingVerb(block, QUOTE_SPEAKER, report)
      for (const match of block.prose.matchAll(ORPHAN)) orphan(block, match, report)
    }
  }
})

type Report = RuleContext<object, undefined>['report']

// A speech verb earlier in the sentence makes the phrase an apposition to the speaker:
// `"...," said Ken Kim, an analyst at Stone & McCarthy Research.`
const SPEECH = /\b(?:said|says|say|told|tells|added|adds|according|explained|explains|warned|warns|argued|argues|insisted|insists|wrote|writes|claimed|claims|asked|asks)\b/u

function missingVerb(block: Block, pattern: RegExp, report: Report) {
  for (const match of block.prose.matchAll(pattern)) {
    const phrase = match[1]
    if (VERB.test(phrase)) continue
    // The sentence so far, looked for in the 2,000 characters before the phrase: splitting all
    // of a long paragraph at every match was quadratic.
    const sentence = block.prose.slice(Math.max(0, match.index! - 2000), match.index).split(/[.!?]["”’]?\s+(?=["“‘']?\p{Lu})/u).pop() ?? ''
    if (SPEECH.test(sentence)) continue
    report(block.span(match.index, match.index + phrase.length), `Unexpected attribution \`${phrase}\` without a verb, expected \`${phrase} said\``, {
      suggest: [`${phrase} said`]
    })
  }
}

// Join the orphan to the sentence before it: `policies. According to sources, 2025.` becomes
// `policies, according to sources.`
function orphan(block: Block, match: RegExpMatchArray, report: Report) {
  const start = match.index!
  const end = start + match[0].length
  const source = match[1]
  if (VERB.test(source)) return
  // The word before, ending a sentence with a bare period (`policies.`): read from the 200
  // characters before the orphan, since an expression anchored at the end of the whole paragraph
  // so far was quadratic.
  const window = Math.max(0, start - 200)
  const before = /(?:^|\s)(\S+?)([.!?])(["”’]?)\s+$/u.exec(block.prose.slice(window, start))
  const reason = `Unexpected \`${match[0]}\`: an attribution cut off from its sentence`
  if (!before || before[2] !== '.' || before[3] !== '') {
    report(block.span(start, end), reason)
    return
  }
  const from = window + before.index + before[0].length - before[0].trimStart().length
  report(block.span(from, end), reason, {suggest: [`${before[1]}, according to ${source}.`]})
}
