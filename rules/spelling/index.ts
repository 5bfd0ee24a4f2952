// Misspelled words, checked against American, British and Australian English. The project's
// lexicon, the one dictionary of the process, finds the unknown words; this rule keeps only clear
// typos (typo.ts): lower-case words, and capitalised ones one slip from a proper noun (proper.ts);
// retext-spell has the last word on each (it skips words quoted as words, digits, configured words).
import type {Root, Sentence, SentenceContent, Word} from 'nlcst'
import retextSpell from 'retext-spell'
import {VFile} from 'vfile'
import {isWrittenAt, type Article} from '../../src/article.js'
import {isBrand} from '../../src/brands.js'
import {bareDictionary, dictionaryStems, MAX_WORD, type Lexicon} from '../../src/lexicon.js'
import {spanOf, toString} from '../../src/nlcst.js'
import {defineRule} from '../../src/rule.js'
import {MIN_PROPER, properTypo, type Ending} from './proper.js'
import {inLatinPhrase, isSpeciesName} from './latin.js'
import {explained, findTypo, type Typo} from './typo.js'
import {bare, COMPOUND_HEADS, isCapitalised, isChecked, startsLower} from './words.js'
import {ownCopy} from '../../src/text.js'

type Detect = (tree: Root, file: VFile, next: (error?: Error) => void) => void

interface State {
  /** retext-spell's transformer, built on first use and rebuilt now and then (its cache grows). */
  detect(): Detect
  /** Verdicts by word: news repeats its unknown words (`gamers` five times in one story). */
  readonly verdicts: Map<string, Typo | null>
  /** The proper noun each capitalised unknown word misspells, if any (mostly none: names). */
  readonly proper: Map<string, string | null>
  /**
   * The candidates of each sentence node: an editor's re-lint reuses the parse of unchanged
   * paragraphs (src/parse.ts), their sentence nodes with it, so each is read once. What is kept
   * holds no way back to its sentence: V8's young-generation collector keeps a weak map's values
   * alive, and a value that led back to its key kept the key, and so its whole tree, until a full
   * collection (see ShapeCache in src/article.ts).
   */
  readonly candidates: WeakMap<Sentence, Found[]>
}

/** A word to judge: its token, the sentence it stands in, its text. */
interface Candidate extends Found {
  sentence: Sentence
}

/** A word of a sentence to judge: its index in the sentence, its token, its text. */
interface Found {
  index: number
  token: Word
  text: string
}

// Characters that glue a word to its neighbours into something else: `clich&#233;d`, `a/b`,
// `name@example`, `bbc.co.uk`.
const GLUE = /[\p{L}\p{N}@#&_/\\.]/u
const MIN_PART = 4
// A clear slip this long is a typo even when repeated; shorter repeated forms are often variants
// (`employes`, twice in one story) or terms (`embro`).
const MIN_REPEATED_SLIP = 9
const MAX_VERDICTS = 5_000
// retext-spell remembers every word it was handed: a fresh one after this many keeps memory flat.
const MAX_HANDED = 20_000
// Stands for "a word before (or after)" in the slice handed to retext-spell; on its ignore list.
const STUB = ''

export default defineRule({
  id: 'spelling',
  summary: 'A misspelled word, such as `recieve` or `goverment`.',
  fix: 'suggest',
  options: {},
  init(_options, settings): State {
    let detect: Detect | undefined
    let handed = 0
    return {
      detect() {
        if (detect && ++handed <= MAX_HANDED) return detect
        handed = 0
        // retext-spell always builds its own nspell checker from the dictionary it is given, and
        // suggests for the first unknown word it meets. Given the bare affix file (no words:
        // 1 ms, not a second dictionary), it calls every word it is handed unknown, unless it is
        // quoted as a word, digits or a configured word; the lexicon then judges. Its one
        // suggestion is spent here on a blank word, which costs nothing.
        const fresh = (retextSpell as unknown as (options: object) => Detect)({
          dictionary: bareDictionary(),
          ignore: [STUB, ...settings.names, ...settings.words],
          max: 1
        })
        fresh(slice([word(' ')]), new VFile(), rethrow)
        detect = fresh
        return detect
      },
      verdicts: new Map(),
      proper: new Map(),
      candidates: new WeakMap()
    }
  },
  check(_tree, _file, {article, report, state, lexicon}) {
    const {source} = article
    const correct = (word: string) => lexicon.knows(word)
    // The forms a typo search tries once each.
    const probe = (word: string) => lexicon.probe(word)
    const unknown = (word: string) => /^[a-z]+$/u.test(word) && !correct(word)
    const misspelt = (name: string) => remember(state.proper, name, () => properTypo(name, probe, entry, ENDINGS, lexicon.edits(name)) ?? null)
    const uses = usesIn(article)
    const candidatesOf = (sentence: Sentence) => {
      let found = state.candidates.get(sentence)
      if (!found) state.candidates.set(sentence, (found = candidatesIn(sentence, correct)))
      return found
    }
    // (gathered by loops: two levels of flatMap, an array a block and a callback a node through
    // V8's generic flattening, took 4 to 10 ms of a cold run in profiles)
    const all: Candidate[] = []
    for (const block of article.blocks) {
      for (const node of block.node.children) {
        if (node.type !== 'SentenceNode') continue
        for (const {index, token, text} of candidatesOf(node)) all.push({sentence: node, index, token, text})
      }
    }
    // Most capitalised unknown words are names the article repeats (`Kishida` four times): only
    // a one-off form, standing apart from other unknown names, is searched for a source.
    // Sentences by text, so that copies of one sentence count once.
    // Each sentence's text is sliced once: a long sentence naming one name many times was
    // sliced as often (16,000 times 500 kB).
    const seen = new Map<string, Set<string>>()
    const texts = new Map<Sentence, string>()
    for (const {text, sentence} of all) {
      if (startsLower(text)) continue
      const word = bare(text)
      let whole = texts.get(sentence)
      if (whole === undefined) {
        const {start, end} = spanOf(sentence)
        whole = source.slice(start, end)
        texts.set(sentence, whole)
      }
      const sentences = seen.get(word) ?? new Set()
      sentences.add(whole)
      seen.set(word, sentences)
    }
    const candidates = all.filter(({text, sentence, index}) => {
      if (startsLower(text)) return true
      const word = bare(text)
      if (seen.get(word)!.size > 1) return false
      if ([-1, 1].some((step) => nameBeside(sentence.children, index, step as -1 | 1, correct, false))) return false
      return misspelt(word) !== null
    })
    if (candidates.length === 0) return
    // retext-spell reads a word about to be reported, with just enough of its sentence to tell a
    // word quoted as a word (`the phrase "liberati"`): one slice per copy of a sentence, so a
    // sentence repeated k times gives k messages, not k².
    const found = (sentence: Sentence, index: number) => {
      const file = new VFile()
      state.detect()(slice(around(sentence, index)), file, rethrow)
      return file.messages.some((message) => message.ruleId !== 'overflow' && message.actual !== STUB)
    }
    for (const {sentence, index, token, text} of candidates) {
      let checked: boolean | undefined
      const spellChecked = () => (checked ??= found(sentence, index))
      const {start, end} = spanOf(token)
      if (source.slice(start, end) !== text || glued(source, start, end)) continue
      const word = bare(text)
      const tokens = sentence.children
      if (/^[A-Z]/u.test(word)) {
        const typo = misspelt(word)
        // A form the article uses again is its spelling (`Hollande`); a name the article spells
        // right twice or more is name-consistency's.
        if (!typo || uses(word, true) > 1 || uses(typo, true) > 1) continue
        // Beside another name, a form one letter from a dictionary name is a person's name of its
        // own (`David Berson`, not `Bergson`; `Heather Craney`, not `Carney`); a common word
        // (`the Food and Drug Adminstration`) is still a slip.
        // An unknown name beside it makes a foreign name (`Patricial Urquiola`).
        const proper = !correct(typo.toLowerCase())
        if ([-1, 1].some((step) => nameBeside(tokens, index, step as -1 | 1, correct, proper)) || !spellChecked()) continue
        report({start, end: start + word.length}, `Unexpected unknown word \`${word}\`, probably a typo of \`${typo}\``, {
          suggest: [typo]
        })
        continue
      }
      // A letter set out in the copy, or a quoted post (`"gr8 gig, wish i could stay longr"`),
      // keeps its writer's spelling; a misspelt name in it is still found (above).
      if (isWrittenAt(article, start)) continue
      // `workin’`, `stylin’`: a dropped g, spelt as said.
      if ((/['’]$/u.test(text) || /^['’]/u.test(source.slice(end))) && correct(`${word}g`)) continue
      const parts = word.split('-')
      let offset = 0
      parts.forEach((part, i) => {
        const at = start + offset
        offset += part.length + 1
        if (part.length > MAX_WORD) {
          if (!spellChecked()) return
          report({start: at, end: at + part.length}, `Unexpected unknown word \`${part.slice(0, 20)}…\`, longer than any English word`)
          return
        }
        if (part.length < MIN_PART || correct(part)) return
        // Two unknown words together are a phrase in another language (`carte blanche`,
        // `joie de vivre`, `laissez-faire`), not two slips.
        const before = i > 0 ? parts[i - 1] : wordAround(tokens, index, -1)
        const after = i + 1 < parts.length ? parts[i + 1] : wordAround(tokens, index, 1)
        if ((before && unknown(before)) || (after && unknown(after))) return
        // `per annum`, `in loco parentis`, `Staphylococcus aureus`, `E. coli`: Latin, not slips.
        if (parts.length === 1 && (inLatinPhrase(part, before, after) || isSpeciesName(tokens, index))) return
        // A compound coins words from known ones: `no-brainer` is not `brainier`.
        if (parts.length > 1 && explained(part, correct)) return
        const typo = verdict(state, part, probe, lexicon)
        if (!typo) return
        // A brand in lower case (`etsy`, `reddit`, `tumblr`) is a name, not a slip.
        if (isBrand(part)) return
        // A compound written open is its hyphenated form (`a self starter`, `self-starter`), when
        // word-building explains the second word and it is no long clear slip (`no goverment`).
        const long = typo.strong && part.length >= MIN_REPEATED_SLIP
        if (parts.length === 1 && before && COMPOUND_HEADS.has(before.toLowerCase()) && explained(part, correct) && !long) return
        // A word the article uses again is its own (`blazars`, `cannellini`, a lower-case brand),
        // unless a long word is a clear slip (`goverment` twice is still wrong).
        if (!long && uses(part, false) > 1) return
        if (!spellChecked()) return
        const [best] = typo.expected
        const reason =
          typo.kind === 'run-together'
            ? `Unexpected unknown word \`${part}\`, probably \`${best}\` without its space`
            : `Unexpected unknown word \`${part}\`, probably a typo of \`${best}\``
        report({start: at, end: at + part.length}, reason, {suggest: later(lexicon, part, typo)})
      })
    }
  }
})

// The words of a sentence worth judging: a lower-case word (or part of one) the dictionaries do
// not know, and a capitalised one they do not know that could be a slip from a proper noun.
// (a loop, and the shapes tested by code, not by patterns: it sees every word of the copy, and
// most of a cold run's calls of the rule are here)
function candidatesIn(sentence: Sentence, correct: (word: string) => boolean): Found[] {
  const found: Found[] = []
  const tokens = sentence.children
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.type !== 'WordNode') continue
    const first = token.children[0]
    if (first?.type !== 'TextNode') continue
    const text = token.children.length === 1 ? first.value : toString(token)
    const word = bare(text)
    if (startsLower(text)) {
      // Too short to be reported (`check` passes over a part of fewer letters): not looked up.
      // Most words of copy are (`the`, `of`, `and`).
      if (word.length < MIN_PART) continue
      // A name in lower case (`the andes`, `told reuters`) is not misspelt.
      if (!isChecked(text, word) || correct(word) || correct(word[0].toUpperCase() + word.slice(1))) continue
      if (word.split('-').every((piece) => piece.length <= MAX_WORD && (piece === '' || correct(piece)))) continue
    } else if (word.length < MIN_PROPER || word.length > MAX_WORD || !isCapitalised(text, word) || correct(word)) {
      // (no proper noun is searched for a shorter word: `properTypo`)
      continue
    }
    found.push({index, token, text})
  }
  return found
}

/**
 * How often the article uses a word, once per distinct sentence (a sentence repeated by damage
 * does not make its typo the writer's word); `exact` counts that case only, else any case.
 */
function usesIn(article: Article): (word: string, exact: boolean) => number {
  let texts: string[] | undefined
  const sentences = () =>
    (texts ??= [...new Set(article.blocks.flatMap((block) => block.node.children.filter((node) => node.type === 'SentenceNode').map((node) => toString(node))))])
  // Counted once per word: a word repeated in one long sentence was counted at every use.
  const counts = new Map<string, number>()
  let foldedTexts: string[] | undefined
  return (word, exact) => {
    const key = `${exact ? '=' : '~'}${word}`
    let count = counts.get(key)
    if (count === undefined) {
      if (/^[A-Za-z]+$/u.test(word)) {
        // A word of ASCII letters, the words this rule asks about, is found where it stands in
        // the sentences (`apart`), in any case in the sentences folded as the pattern folds
        // them: a pattern made per word took a millisecond or more to compile, and splitting
        // every sentence of the article into its runs of letters, as this did, 2 to 7 ms a run.
        count = exact ? apart(sentences(), word, LETTER_OR_NUMBER) : apart((foldedTexts ??= sentences().map(folded)), word.toLowerCase(), LETTER_OR_NUMBER_ANY_CASE)
      } else {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, exact ? 'gu' : 'giu')
        count = sentences().reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0)
      }
      counts.set(key, count)
    }
    return count
  }
}

// A word stands apart where neither side is a letter or a digit: `(?<![\p{L}\p{N}])word(?![\p{L}\p{N}])`,
// in any case with the `i` flag, under which the class also takes what folds into it (U+0345,
// a combining mark, folds to a Greek letter).
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u
const LETTER_OR_NUMBER_ANY_CASE = /^[\p{L}\p{N}]$/iu

/**
 * How often a word of ASCII letters stands apart in the texts, as the pattern above counts it:
 * each place it stands with no letter or digit (by `letter`) on either side, read as code points.
 * (Two such places cannot overlap: a letter of the one would stand beside the other.)
 */
function apart(texts: readonly string[], word: string, letter: RegExp): number {
  let count = 0
  for (const text of texts) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + 1)) {
      if (!isLetterBefore(text, at, letter) && !isLetterAt(text, at + word.length, letter)) count++
    }
  }
  return count
}

// Whether the code point that starts at `at` is a letter or digit by `letter`.
function isLetterAt(text: string, at: number, letter: RegExp): boolean {
  if (at >= text.length) return false
  const code = text.charCodeAt(at)
  if (code < 0x80) return isAsciiLetterOrDigit(code)
  return letter.test(String.fromCodePoint(text.codePointAt(at)!))
}

// Whether the code point that ends before `at` (a surrogate pair read whole) is a letter or digit by `letter`.
function isLetterBefore(text: string, at: number, letter: RegExp): boolean {
  if (at <= 0) return false
  const code = text.charCodeAt(at - 1)
  if (code < 0x80) return isAsciiLetterOrDigit(code)
  const high = at >= 2 ? text.charCodeAt(at - 2) : 0
  const point = code >= 0xdc00 && code <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? text.codePointAt(at - 2)! : code
  return letter.test(String.fromCodePoint(point))
}

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/**
 * A text folded as a case-insensitive Unicode pattern compares it with a word of ASCII letters,
 * each code unit in place: `A`-`Z` as `a`-`z`, the Kelvin sign as `k`, `ſ` (long s) as `s`, the
 * only characters that fold into ASCII letters; every other character as it is (it matches no
 * letter of such a word, and it is a letter or not as it was).
 */
function folded(text: string): string {
  return FOLDED.test(text) ? text.replace(FOLDED_ALL, (character) => (character === '\u212a' ? 'k' : character === '\u017f' ? 's' : character.toLowerCase())) : text
}

const FOLDED = /[A-Z\u212a\u017f]/u
const FOLDED_ALL = /[A-Z\u212a\u017f]/gu

/**
 * The candidate with the run of punctuation and space on each side up to the next word, and a
 * blank word standing for any word beyond: all that retext-spell reads to tell a literal.
 */
function around(sentence: Sentence, index: number): SentenceContent[] {
  const siblings = sentence.children
  let from = index
  while (from > 0 && !isWordLike(siblings[from - 1])) from--
  let to = index + 1
  while (to < siblings.length && !isWordLike(siblings[to])) to++
  // Looked for from the run outwards, not by copying the sentence's ends: a long sentence of
  // many typos made that quadratic (16,000 in one sentence: 11 s).
  const head = hasWord(siblings, from - 1, -1) ? [word(STUB)] : []
  const tail = hasWord(siblings, to, 1) ? [word(STUB)] : []
  // A source node (a URL) ends the run as a word does, without being one.
  const edge = (at: number) => (siblings[at]?.type === 'SourceNode' ? [siblings[at]] : [])
  return [...head, ...edge(from - 1), ...siblings.slice(from, to), ...edge(to), ...tail]
}

/** Whether a word stands at `from` or beyond it in the direction of `step`. */
function hasWord(siblings: readonly SentenceContent[], from: number, step: -1 | 1): boolean {
  for (let at = from; at >= 0 && at < siblings.length; at += step) if (siblings[at].type === 'WordNode') return true
  return false
}

function isWordLike(node: SentenceContent | undefined): boolean {
  return node?.type === 'WordNode' || node?.type === 'SourceNode'
}

function word(value: string): Word {
  return {type: 'WordNode', children: [{type: 'TextNode', value}]}
}

function slice(children: SentenceContent[]): Root {
  return {type: 'RootNode', children: [{type: 'ParagraphNode', children: [{type: 'SentenceNode', children}]}]}
}

function rethrow(error?: Error): void {
  if (error) throw error
}

// A typo by the evidence that a larger word list does not hold (`improv`, `ukelele`, `photogs`:
// variants and colloquial words the dictionaries lack).
function verdict(state: State, word: string, correct: (word: string) => boolean, lexicon: Lexicon): Typo | null {
  return remember(state.verdicts, word, () => {
    const typo = findTypo(word, correct, lexicon.edits(word))
    return typo && !lexicon.listed(word) ? typo : null
  })
}

// A verdict by word, remembered; the memory is cleared when full, so it stays bounded.
function remember<T>(verdicts: Map<string, T>, word: string, judge: () => T): T {
  let found = verdicts.get(word)
  if (found === undefined) {
    if (verdicts.size >= MAX_VERDICTS) verdicts.clear()
    found = judge()
    // (a copy: a word cut from the text would keep the whole text alive as a key)
    verdicts.set(ownCopy(word), found)
  }
  return found
}

// Endings the dictionary builds forms with, and what they replace in the entry (`Universities`:
// `university`; `Recommended`: `recommend`; `Shipping`: `ship`).
const ENDINGS: readonly Ending[] = [
  ['ies', ['y']], ['ied', ['y']], ['es', ['', 'e']], ['s', ['']], ['ed', ['', 'e', '*']], ['ing', ['', 'e', '*']],
  ['ers', ['', 'e', '*']], ['er', ['', 'e', '*']], ['ly', ['', 'le']], ['ness', ['']], ['ments', ['']], ['ment', ['']]
]

// Whether a capitalised form could be a dictionary entry (`February`, `Conservative`) or a form
// built from one (`Europeans`, `Conservatives`), as written or in lower case: a cheap test that
// spares nspell most of the forms a typo search tries (`*` undoes a doubled last consonant).
function entry(form: string, lower: string, endings: readonly Ending[]): boolean {
  const stems = dictionaryStems()
  if (stems.has(form) || stems.has(lower)) return true
  for (const [ending, replacements] of endings) {
    if (!lower.endsWith(ending)) continue
    const base = lower.slice(0, -ending.length)
    for (const replacement of replacements) {
      const stem = replacement === '*' ? base.slice(0, -1) : base + replacement
      if (stems.has(stem) || stems.has(form.slice(0, stem.length)) || stems.has(form[0] + stem.slice(1))) return true
    }
  }
  return false
}

// Suggestions computed when read. Built out here, so the closure a message keeps holds the word
// and the lexicon only: one made inside `check` would keep the article's tree alive with it.
function later(lexicon: Lexicon, word: string, typo: Typo): () => string[] {
  return () => suggestions(lexicon, word, typo)
}

// The evidence first (the words one slip away, or the split), then nspell's own candidates.
function suggestions(lexicon: Lexicon, word: string, typo: Typo): string[] {
  if (typo.kind === 'run-together') return [...typo.expected]
  const all = [...new Set([...typo.expected, ...lexicon.suggest(word)])]
  return all.filter((candidate) => candidate !== word).slice(0, 4)
}

function glued(source: string, start: number, end: number): boolean {
  const before = source[start - 1] ?? ''
  const after = source[end] ?? ''
  if (before && GLUE.test(before)) return true
  if (after === '.') return /\p{L}/u.test(source[end + 1] ?? '')
  return after !== '' && GLUE.test(after)
}

/**
 * Whether the word just before (`-1`) or after (`1`) is part of a name: capitalised and unknown;
 * or, with `known`, also a name only (`David`) or any capitalised word not opening the sentence
 * (`Heather`, but not `In`).
 */
function nameBeside(siblings: readonly SentenceContent[], index: number, step: -1 | 1, correct: (word: string) => boolean, known: boolean): boolean {
  const word = wordAround(siblings, index, step)
  const next = word === undefined ? undefined : bare(word)
  if (!next || !/^[A-Z]/u.test(next)) return false
  if (!correct(next)) return true
  if (!known) return false
  // (the word before opens the sentence when no word stands before it: looked for from it
  // backwards, not by copying the sentence's head for every candidate)
  const opensSentence = step === -1 && !hasWord(siblings, index + 2 * step - 1, -1)
  return !correct(next.toLowerCase()) || !opensSentence
}

/** The word just before (`-1`) or after (`1`) a word of the sentence, across one space. */
function wordAround(siblings: readonly SentenceContent[], index: number, step: -1 | 1): string | undefined {
  const space = siblings[index + step]
  const word = siblings[index + 2 * step]
  if (space?.type !== 'WhiteSpaceNode' || word?.type !== 'WordNode') return undefined
  return toString(word as Word)
}

