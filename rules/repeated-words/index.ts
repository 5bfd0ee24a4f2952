// A word written twice in a row (`the the`, `hostility hostility`), found by retext-repeated-words
// and narrowed by the cases where the repeat is right: `had had`, `that that`, names
// (`Girls Girls Girls`), reduplication (`so so much`), and a phrasal verb meeting its own
// preposition (`waiting for for years`). retext-repeated-words always allows `that that`,
// `had had` and `can can`; a small detector here judges those by what follows (`said that that
// was wrong` stays, `a deal that that gives them` is a slip). The fix keeps the first word.
import type {Root} from 'nlcst'
import {toString} from 'nlcst-to-string'
import retextRepeatedWords from 'retext-repeated-words'
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import {VFile} from 'vfile'
import {defineRule} from '../../src/rule.js'
import {runBefore} from '../../src/text.js'
import {AFTER_PARTICIPLE, BEFORE_THAT_THAT, HOMOGRAPHS, INTERJECTIONS, NAME_WORDS, NOT_AFTER_TO, NOT_AFTER_THAT, OBJECT_POSSESSIVE, PHRASAL, REDUPLICATED} from './words.js'

type Transform = (tree: Root, file: VFile) => void

export default defineRule({
  id: 'repeated-words',
  summary: 'A word written twice in a row, such as `the the`.',
  fix: 'safe',
  options: {},
  init: () => (retextRepeatedWords as () => Transform)(),
  check(tree, file, {article, report, state: findRepeats, remember}) {
    const pairs: Array<{start: number; end: number}> = []
    const find = (root: Root, shift: number) => {
      // Most paragraphs have no word twice in a row: retext-repeated-words (a file, a tree walk
      // and an object per word) is run only where one is.
      if (!hasRepeat(root)) return []
      const scratch = new VFile({value: file.value})
      findRepeats(root, scratch)
      const found: Array<{start: number; end: number}> = []
      for (const message of scratch.messages) {
        const start = message.place && 'start' in message.place ? message.place.start.offset : undefined
        const end = message.place && 'end' in message.place ? message.place.end.offset : undefined
        if (start !== undefined && end !== undefined) found.push({start: start - shift, end: end - shift})
      }
      for (const pair of gluedRepeats(root)) found.push({start: pair.start - shift, end: pair.end - shift})
      return found
    }
    // A repeat is found within a sentence: when the tree is paragraphs only, each paragraph's
    // pairs are found once and remembered, as an editor re-lints mostly unchanged paragraphs.
    const paragraphs = tree.children.every((node) => node.type === 'ParagraphNode' || node.type === 'WhiteSpaceNode')
    if (paragraphs) {
      for (const block of article.blocks) {
        const found = remember(block, 'pairs', () => find({type: 'RootNode', children: [block.node]}, block.start))
        for (const pair of found) pairs.push({start: pair.start + block.start, end: pair.end + block.start})
      }
    } else for (const pair of find(tree, 0)) pairs.push(pair)
    // the pairs retext-repeated-words never reports
    // (a back-reference, so `that can can` is not read as `that can`)
    // A pair is on one line: in plain text, whose blocks have only white space between them, each
    // block's source is read once and remembered.
    if (paragraphs && file.data.copydesk?.format === 'text') {
      for (const block of article.blocks) {
        const found = remember(block, 'doubled', () => doubledIn(article.source.slice(block.start, block.end)))
        for (const pair of found) pairs.push({start: pair.start + block.start, end: pair.end + block.start})
      }
    } else for (const pair of doubledIn(article.source)) pairs.push(pair)
    // (a pair found twice is said once: `that that.` over a lower-case line was found both by
    // doubledIn and as a glued repeat before gluedTo let `that` pass)
    const seen = new Set<number>()
    for (const {start, end} of pairs) {
      if (seen.has(start)) continue
      seen.add(start)
      const pair = article.source.slice(start, end)
      const words = wordsOf(pair)
      // (retext-repeated-words reads words across markup, as `the<br>the`: nothing to keep there.)
      if (!words) continue
      const [first, second] = words
      const word = second.toLowerCase()
      const block = article.blockAt(start)
      const before = block ? previousWord(article.source.slice(block.start, start)) : ''
      const rest = article.source.slice(end)
      const after = nextWord(rest)
      // `But but but, I don't want to`: three in a row is meant
      if (after.toLowerCase() === word || before.toLowerCase() === word) continue
      const clause = clauseBefore(article.source, block ? block.start : 0, start)
      if (!grammatical(word, before.toLowerCase(), after, rest, clause)) {
        report({start, end}, `Unexpected \`${pair}\`: a repeated word, expected \`${first}\``, {fix: first})
        continue
      }
      if (word === 'that' || word === 'had' || word === 'can' || word === 'is' || INTERJECTIONS.has(word)) continue
      // `far far away` but `so far far against them`
      if (word === 'far' && !FAR_AFTER.test(after)) {
        report({start, end}, `Unexpected \`${pair}\`: a repeated word, expected \`${first}\``, {fix: first})
        continue
      }
      if (REDUPLICATED.has(word)) continue
      // `Can I get a yeah yeah!`, `I would say 'bravo bravo'!`: a pair that ends an exclamation
      // is a chant or a cheer, doubled on purpose.
      if (CHEER.test(rest)) continue
      // `gave her her phone` after a verb of giving; `of her her connection` is a slip
      if (OBJECT_POSSESSIVE.has(word) && GIVING.test(before.toLowerCase())) continue
      // `b a s i c a l l y`: single letters other than `a` and `I` are not words.
      if (word.length === 1 && word !== 'a' && word !== 'i') continue
      // `In May may we`: a capitalized name before its lower-case twin.
      if (first !== second && /^\p{Lu}/u.test(first) && NAME_WORDS.has(word)) continue
      // `To record record profits`: a verb and the noun spelled the same.
      if (HOMOGRAPHS.has(word) && before.toLowerCase() === 'to') continue
      if (PHRASAL.get(word)?.test(before.toLowerCase())) {
        // `referred to to exist` is two phrases; `refers to to a value` is a slip.
        if (word === 'for' && !FOR_PHRASE.test(after)) {
          // `waiting for for years` is two phrases; `called for for sacrifices` is a slip
        } else if (word === 'to' && MODAL_TO.test(before.toLowerCase()) && !ELLIPSIS.test(clauseBefore(article.source, block ? block.start : 0, start))) {
          // `have to to take care` stands only after `what you ...`; `needed to to pay` is a slip
        } else if (word !== 'to' || (after !== '' && !NOT_AFTER_TO.test(after))) continue
      }
      report({start, end}, `Unexpected \`${pair}\`: a repeated word, expected \`${first}\``, {fix: first})
    }
  }
})

type Parent = {type: string; children?: Parent[]; value?: string; position?: {start: {offset?: number}; end: {offset?: number}}}

const SEPARATOR = /\s+|&(?:#[xX]([\da-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z\d]{0,31}));?/gu

/**
 * A pair's two words as written: what stands between them is white space, or in Markdown and
 * HTML a character reference for it (`the&nbsp;the`, `the&#32;the`), which the parsers read as a
 * space; a reference for anything else (`AT&amp;T`) is part of a word.
 */
function wordsOf(pair: string): [string, string] | undefined {
  SEPARATOR.lastIndex = 0
  for (let match = SEPARATOR.exec(pair); match; match = SEPARATOR.exec(pair)) {
    if (!standsForSpace(match)) continue
    // The separator runs on over more white space and such references.
    let end = match.index + match[0].length
    for (let next = SEPARATOR.exec(pair); next && next.index === end && standsForSpace(next); next = SEPARATOR.exec(pair)) end += next[0].length
    return [pair.slice(0, match.index), pair.slice(end)]
  }
  return undefined
}

function standsForSpace([whole, hex, decimal, name]: RegExpExecArray): boolean {
  const code = hex !== undefined ? Number.parseInt(hex, 16) : decimal !== undefined ? Number(decimal) : undefined
  const decoded = code !== undefined ? (code <= 0x10ffff ? String.fromCodePoint(code) : '') : name !== undefined ? decodeNamedCharacterReference(name) : whole
  return decoded !== false && /^\s+$/u.test(decoded)
}

// Whether a tree has what retext-repeated-words looks for: in a sentence, a word, one white
// space and a word of the same text in lower case. (Its sentences are found as its tree walk
// finds them: anywhere, and not inside another sentence.)
function hasRepeat(node: Parent): boolean {
  const {children} = node
  if (!children) return false
  if (node.type !== 'SentenceNode') return children.some(hasRepeat)
  for (let index = 2; index < children.length; index++) {
    if (children[index].type !== 'WordNode' || children[index - 1].type !== 'WhiteSpaceNode' || children[index - 2].type !== 'WordNode') continue
    const word = wordText(children[index])
    const before = wordText(children[index - 2])
    if (sameFirstLetter(word, before) && (word.toLowerCase() === before.toLowerCase() || gluedTo(children[index], before) !== undefined)) return true
  }
  return false
}

// The pairs whose second word has a full stop glued to it, which retext-repeated-words reads as
// another word: parse-english glues a sentence's full stop into its last word when the next line
// goes on in lower case (`The pier will be rebuilt rebuilt.` then `i think so.`: a split sentence,
// the damage sentence-start reports).
function gluedRepeats(node: Parent): Array<{start: number; end: number}> {
  const {children} = node
  if (!children) return []
  if (node.type !== 'SentenceNode') return children.flatMap(gluedRepeats)
  const found: Array<{start: number; end: number}> = []
  for (let index = 2; index < children.length; index++) {
    if (children[index].type !== 'WordNode' || children[index - 1].type !== 'WhiteSpaceNode' || children[index - 2].type !== 'WordNode') continue
    const end = gluedTo(children[index], wordText(children[index - 2]))
    const start = children[index - 2].position?.start.offset
    if (end !== undefined && start !== undefined) found.push({start, end})
  }
  return found
}

// Where a word's letters end when the word is `before` (in any case) with a full stop glued to it.
function gluedTo(word: Parent, before: string): number | undefined {
  const parts = word.children
  const last = parts?.[parts.length - 1]
  if (!parts || parts.length < 2 || last?.type !== 'PunctuationNode' || last.value !== '.') return undefined
  const letters = parts.slice(0, -1)
  const text = letters.map((part) => (typeof part.value === 'string' ? part.value : toString(part as never))).join('')
  if (text.toLowerCase() !== before.toLowerCase() || !/^\p{L}/u.test(text) || allowed(text)) return undefined
  return last.position?.start.offset
}

// The second words retext-repeated-words lets pass, passed here too: a capitalised word with a
// lower-case tail (`They loved Duran Duran.` over `was their band`: a name), an initial (`D.`),
// and its list of words that may stand twice (`Homo sapiens sapiens.`; `that that`, `had had`
// and `can can` are judged by doubledIn).
function allowed(word: string): boolean {
  const lower = word.toLowerCase()
  if (ALLOWED_TWICE.has(lower)) return true
  const head = word.charAt(0)
  const tail = word.slice(1)
  return head === head.toUpperCase() && tail === tail.toLowerCase()
}

const ALLOWED_TWICE = new Set(['had', 'that', 'can', 'blah', 'beep', 'yadda', 'sapiens', 'tse', 'mau'])

// Whether two words may be the same in lower case by their first characters: two ASCII ones
// must be the same letter (most pairs differ there, and lower-casing both took longer).
function sameFirstLetter(a: string, b: string): boolean {
  const x = a.charCodeAt(0)
  const y = b.charCodeAt(0)
  if (!(x < 0x80 && y < 0x80)) return true
  return (x >= 0x41 && x <= 0x5a ? x + 0x20 : x) === (y >= 0x41 && y <= 0x5a ? y + 0x20 : y)
}

// A word's text (one text node, mostly: no walk).
function wordText(word: Parent): string {
  const only = word.children?.length === 1 ? word.children[0] : undefined
  return typeof only?.value === 'string' ? only.value : toString(word as never)
}

// An exclamation mark right after the pair, past any closing quotes or brackets.
const CHEER = /^["'”’»)\]]*!/u
// Verbs with two objects, after which `her her` is an object and a possessive: `gave her her phone`.
const GIVING = /^(?:gave|give|gives|giving|told|tell|tells|sent|send|sends|showed|show|shows|bought|buy|offered|offer|lent|lend|handed|hand|owed|owe|paid|pay|brought|bring|made|make|let|found|find|cost|costs|wish|wished|asked|ask|taught|teach|promised|promise|got|get|gets|saw|see|took|take|called|call|left|leave|kept|keep)$/u
// What follows an emphatic `far far`: `far far away`, `far far better`.
const FAR_AFTER = /^(?:away|from|more|less|too|better|worse|beyond|behind|ahead|off|greater|bigger|larger|smaller|higher|lower|above|below|out|into|and)$/iu

// What may follow `for for` after a verb that takes `for`: a stretch of time or a quantity.
const FOR_PHRASE = /^(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|ages|centuries|long|now|ever|good|a|an|the|two|three|four|five|several|some|many|most|more|\d.*)$/iu
// `to` after these is the infinitive marker itself; a second `to` needs an elided verb.
const MODAL_TO = /^(?:need|needs|needed|have|has|had|want|wants|wanted|going|got|ought|able|unable|seem|seems|seemed|tried|try|trying|appeared|used)$/u
// `Do what you have to to take care`: the verb after the first `to` is left out.
const ELLIPSIS = /\b(?:what|whatever|as|if|than|because|when|since|how)\b/iu

// The last six words before `end` (not before `from`), read from a window: splitting the whole
// paragraph before every pair was quadratic in a paragraph of many pairs.
function clauseBefore(source: string, from: number, end: number): string {
  const start = Math.max(from, end - 300)
  const words = source.slice(start, end).split(/\s+/u)
  // A word the window cut into is not a word of the clause.
  if (start > from) words.shift()
  return words.slice(-6).join(' ')
}

// Decides the pairs by what follows. Pairs not named here are decided by the checks after.
function grammatical(word: string, before: string, after: string, rest: string, clause: string): boolean {
  const ends = /^\s*(?:[.,;:!?)"”’]|$)/u.test(rest)
  if (word === 'that') {
    // `He said that that was wrong` / `a deal that that gives them` / `show that that in March`
    if (ends || NOT_AFTER_THAT.test(after.toLowerCase())) return false
    return BEFORE_THAT_THAT.has(before)
  }
  if (word === 'had') {
    // `She had had enough` stays; `had had been` and `had had left the talks` are slips
    if (after === 'been') return false
    if (/^\p{Ll}+(?:ed|en)$/u.test(after)) return !AFTER_PARTICIPLE.test(nextWord(rest.slice(rest.indexOf(after) + after.length)) || 'the')
    return true
  }
  if (word === 'can') return ends || /^(?:dance|dancer|dancers|dancing)$/iu.test(after)
  // `What it is is a start`, `What it really is is a swap`: a clause as subject
  if (word === 'is') return /^(?:it|this|that|he|she)$/u.test(before) || /\b(?:what|all)\b/iu.test(clause)
  if (INTERJECTIONS.has(word)) return ends || after.toLowerCase() === word
  return true
}

function nextWord(text: string): string {
  return /^\s+([\p{L}\p{N}'’]+)/u.exec(text)?.[1] ?? ''
}

// `that that`, `had had`, `can can` in a text, by offsets in it.
function doubledIn(text: string): Array<{start: number; end: number}> {
  // (only in text that has two of them in a row: the expression starts by looking behind, which
  // is tried at every character)
  if (!/(?:that|had|can)[ \t]+(?:that|had|can)/iu.test(text)) return []
  return [...text.matchAll(/(?<![\p{L}\p{N}'’-])(that|had|can)[ \t]+\1(?![\p{L}\p{N}'’-])/giu)].map((match) => ({start: match.index, end: match.index + match[0].length}))
}

function previousWord(text: string): string {
  // Read backwards: an expression anchored at the end was quadratic in a long paragraph.
  return runBefore(text, text.length - runBefore(text, text.length, /\s/u).length, /[\p{L}'’]/u)
}
