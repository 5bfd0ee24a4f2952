// A name used rarely that is one edit from a name the same article uses more often: `Bidenn` in
// an article that says `Biden` eight times. It weighs what a copy editor weighs: how often each
// form is used, which one the article introduced with a first name, the kind of slip, and whether
// the rare form is itself a word or a different person (`Tony`/`Tory`, `John Smit`/`Ollie Smith`).
import type {NameIndex, NameUse} from '../../src/names.js'
import {quoteMarks, quoteOpen, type QuoteMark} from '../../src/quotes.js'
import type {Block} from '../../src/article.js'
import {dictionaryStems} from '../../src/lexicon.js'
import {defineRule} from '../../src/rule.js'
import {editBetween, STRONG, type EditKind} from './edit.js'
import {TITLES} from './titles.js'

// A variant shorter than this is too likely a different name (`Tom`, `Ian`).
const MIN_LENGTH = 4
// A dropped letter needs a longer name before it counts (`Smit`/`Smith`, `Hal`/`Halo`); a changed
// or added one longer still (`Sofer`/`Sofar`, `Horan`/`Horgan` are other names).
const MIN_LENGTH_DROPPED = 4
const MIN_LENGTH_WEAK = 6
// A four-letter variant needs a dominant form used this often (`Iarn` beside `Iran` twice); a
// dropped last letter needs five letters and three uses (`Saud` beside `Saudi` is another name).
const SHORT_EVIDENCE = 2

interface Candidate {
  at: number
  variant: string
  right: string
  kind: EditKind
  uses: readonly NameUse[]
  rightUses: readonly NameUse[]
}

export default defineRule({
  id: 'name-consistency',
  summary: 'A rare name one letter away from a name the article uses more often, such as `Bidenn` beside `Biden`.',
  fix: 'safe',
  options: {},
  // The index of the last article's forms by their deletions: an editor re-lints after each
  // keystroke, and an edit changes few of the names an article uses.
  init: (): {index?: DeletionIndex} => ({}),
  check(_tree, _file, {article, report, lexicon, settings, state}) {
    const names = article.names
    const known = new Set(settings.names)
    // `Cinema`, `Finance`, `Later` before a name are words the dictionary writes only in lower
    // case, not given names (it lists `Mark`, `Rose`, `Will` with a capital too)
    let stems: ReadonlySet<string> | undefined
    const common = (word: string) => !(stems ??= dictionaryStems()).has(word) && lexicon.knows(word.toLowerCase())
    const forms: string[] = []
    for (const name of names.uses.keys()) if (!allCapitals(name)) forms.push(name)
    // Forms one edit apart share a form with one letter taken out, or one is the other with a
    // letter taken out: indexed that way, each form meets only its near neighbours (comparing
    // every form of one first letter and length was quadratic in a list of thousands of names).
    // The neighbours keep the order the rule has always weighed them in: shorter forms first,
    // then by first appearance. (Two-word names, `Time Warner`, were forms too, for a missing
    // space, `TimeWarner`; since that edit is no finding, `bestMatch` passed over every one.)
    const all = forms
    let near = scanned(all)
    if (near) state.index = undefined
    else {
      // (the forms of a long text are not kept: their index would outlive the lint)
      const kept = all.length <= MAX_KEPT_FORMS
      // (an index that shares less than half its forms with this article is made afresh: another
      // file, not an edit)
      const last = kept ? state.index : undefined
      const shared = last ? all.reduce((count, form) => (last.forms.has(form) ? count + 1 : count), 0) : 0
      const index = last && shared * 2 >= all.length ? last : {byDeletion: new Map(), forms: new Set<string>()}
      state.index = kept ? index : undefined
      near = neighbours(index, all)
    }
    const marks = new Map<Block, readonly QuoteMark[]>()
    const quoted = (use: NameUse) => {
      let list = marks.get(use.block)
      if (!list) marks.set(use.block, (list = quoteMarks(use.block.prose)))
      return quoteOpen(list, proseIndex(use.block, use.start))
    }
    for (const variant of forms) {
      const uses = names.uses.get(variant)!
      if (variant.length < MIN_LENGTH || known.has(variant) || uses.length > 2) continue
      const candidate = bestMatch(variant, uses, near(variant), names, quoted, common)
      if (!candidate) continue
      // A word of the language (`Tory`, `Richie`, `While`) is not a typo of a name, unless it
      // stands where the name does, with the same given name or before the same name (`James
      // Holes` beside `James Holmes`, `Bayer Munich` beside `Bayern Munich`), and the slip is not
      // at its end (`South Korea` and `South Korean` are both right).
      if (names.lower.has(variant.toLowerCase())) continue
      const word = lexicon.knows(variant)
      const atEnd = candidate.at >= Math.min(variant.length, candidate.right.length) - 1
      if (word && !((!atEnd && sameSlot(uses, candidate.rightUses)) || nameSlot(uses, candidate))) continue
      const {right, kind, rightUses} = candidate
      const safe = uses.length === 1 && rightUses.length >= 3 && STRONG.has(kind) && !word
      const first = rightUses[0]
      const reason = `Unexpected \`${variant}\`, expected \`${right}\` (used ${count(rightUses.length)} in this article)`
      for (const use of uses) {
        report(use, reason, {
          ...(safe ? {fix: right} : {suggest: [right]}),
          note: `\`${variant}\` is ${describe(kind)} of \`${right}\`, which the article uses ${count(rightUses.length)}, first at line ${line(article.source, first.start)}.`,
          cause: {text: right, count: rightUses.length, place: {start: first.start, end: first.end}}
        })
      }
    }
  }
})

// As `/^\p{Lu}+$/u` (`NATO`, `UK`), without an expression for an ASCII form.
function allCapitals(form: string): boolean {
  for (let at = 0; at < form.length; at++) {
    const code = form.charCodeAt(at)
    if (code >= 128) return ALL_CAPITALS.test(form)
    if (code < 65 || code > 90) return false
  }
  return form.length > 0
}
const ALL_CAPITALS = /^\p{Lu}+$/u

// Forms beyond this many are indexed for one lint only.
const MAX_KEPT_FORMS = 5_000

// Forms by each form with one character taken out (and by itself): forms one edit apart share
// a key. Kept from one lint to the next, less the forms gone and plus the new.
interface DeletionIndex {
  byDeletion: Map<string, string[]>
  forms: Set<string>
}

// The neighbours of a form among `all`, nearest in the order the rule weighs them.
function neighbours(index: DeletionIndex, all: readonly string[]): (form: string) => string[] {
  const order = new Map(all.map((form, at) => [form, at]))
  for (const form of index.forms) {
    if (order.has(form)) continue
    index.forms.delete(form)
    for (const key of deletions(form)) {
      const list = index.byDeletion.get(key)
      const at = list ? list.indexOf(form) : -1
      if (at !== -1) list!.splice(at, 1)
      if (list?.length === 0) index.byDeletion.delete(key)
    }
  }
  for (const form of all) {
    if (index.forms.has(form)) continue
    index.forms.add(form)
    for (const key of deletions(form)) {
      const list = index.byDeletion.get(key)
      if (list) list.push(form)
      else index.byDeletion.set(key, [form])
    }
  }
  return (form) => {
    const near = new Set<string>()
    for (const key of deletions(form)) for (const other of index.byDeletion.get(key) ?? []) near.add(other)
    // The order as one number per form (length, then first appearance), so that sorting a
    // form's neighbours looks nothing up: thousands of similar names each have a hundred or more.
    const ranked: Array<[number, string]> = []
    for (const other of near) if (other[0] === form[0] && Math.abs(other.length - form.length) <= 1) ranked.push([other.length * all.length + order.get(other)!, other])
    return ranked.sort((a, b) => a[0] - b[0]).map(([, other]) => other)
  }
}

// Comparisons past which the forms are indexed by their deletions instead of looked through.
const MAX_SCAN = 20_000

/**
 * `neighbours` for the few forms of an article: the forms of the same first letter and a length
 * at most one apart, looked through in the order the rule weighs them. That is more than the
 * forms sharing a deletion, but every form one edit away (all `bestMatch` takes) shares one, so
 * the matches are the same; building the index (a string for each letter of each form) was most
 * of the rule's time. Undefined when there are so many forms of a letter that looking through
 * them would be quadratic.
 */
function scanned(all: readonly string[]): ((form: string) => string[]) | undefined {
  // The forms by first letter (its first UTF-16 unit) and length, each list in order of
  // appearance: a form's neighbours are three lists, the shortest first, with nothing to sort.
  const byKey = new Map<number, string[]>()
  const perFirst = new Map<number, number>()
  for (const form of all) {
    const first = form.charCodeAt(0)
    perFirst.set(first, (perFirst.get(first) ?? 0) + 1)
    if (form.length > MAX_FORM) continue
    const key = first * KEY_LENGTHS + form.length
    const list = byKey.get(key)
    if (list) list.push(form)
    else byKey.set(key, [form])
  }
  let cost = 0
  for (const count of perFirst.values()) cost += count * count
  if (cost > MAX_SCAN) return undefined
  return (form) => {
    // A form longer than MAX_FORM is indexed as itself only, so it has no neighbour but itself.
    if (form.length > MAX_FORM) return all.includes(form) ? [form] : []
    const key = form.charCodeAt(0) * KEY_LENGTHS + form.length
    const near: string[] = []
    for (let length = -1; length <= 1; length++) {
      const list = byKey.get(key + length)
      if (list) for (const other of list) near.push(other)
    }
    return near
  }
}

// The more frequent (or first-introduced) form one edit away, unless the evidence says the two
// are different names.
function bestMatch(
  variant: string,
  uses: readonly NameUse[],
  forms: readonly string[],
  names: NameIndex,
  quoted: (use: NameUse) => boolean,
  common: (word: string) => boolean
): Candidate | undefined {
  let best: Candidate | undefined
  for (const right of forms) {
    if (right === variant || right[0] !== variant[0]) continue
    const edit = editBetween(variant, right)
    // A missing space is a brand's own spelling as often as a slip (`BuildingGreen` beside
    // `Building Green`, `BikeSnob` beside `Bike Snob`).
    if (!edit || edit.kind === 'joined') continue
    const rightUses = names.uses.get(right)!
    if (!STRONG.has(edit.kind) && variant.length < (edit.kind === 'dropped' ? MIN_LENGTH_DROPPED : MIN_LENGTH_WEAK)) continue
    if (variant.length < 5 && rightUses.length < SHORT_EVIDENCE) continue
    // An added last letter makes another word (`Russia`/`Russian`, `Brown`/`Browne`); so does a
    // dropped one, unless the dominant form is well established (`Decembe` beside `December`
    // three times; a dictionary word such as `Russia` is no variant anyway).
    if (edit.kind === 'inserted' && edit.at >= Math.min(variant.length, right.length) - 1) continue
    if (edit.kind === 'dropped' && edit.at >= variant.length && (variant.length < 5 || rightUses.length < 3 || /s$/u.test(right))) continue
    if (rightUses.length < uses.length) continue
    // A tie is broken by the form introduced with a given name, and only for a slip: an added
    // letter may be the right form (`HeQuiti`, `HeiQuiti`); a dropped one or a look-alike
    // (`Missmahi` for `Missmahl`) is not.
    if (rightUses.length === uses.length && (!slip(variant, right, edit.kind, edit.at) || !introduces(rightUses, uses))) continue
    // A quoted statement may spell a name its own way (`Qadhafi`, `Mohamed`): inside quotation
    // marks only a slip no transliteration makes is flagged.
    if (uses.some((use) => quoted(use)) && transliteration(variant, right, edit.kind, edit.at, uses.length)) continue
    // Two swapped letters make no other name (`Middlesex Coutny` beside `Essex County`); other
    // edits may (`Jon Mathews`, `Sam Matthews`), so there given names decide.
    if (edit.kind !== 'transposed' && differentPeople(uses, rightUses, slip(variant, right, edit.kind, edit.at), common)) continue
    if (!best || rightUses.length > best.rightUses.length) best = {at: edit.at, variant, right, kind: edit.kind, uses, rightUses}
  }
  return best
}

// A slip of the keyboard or the eye: a doubled, dropped or swapped letter, or one letter read for a
// look-alike (`l`/`i`, `rn`/`m` is two edits and never reaches here).
function slip(variant: string, right: string, kind: EditKind, at: number): boolean {
  if (STRONG.has(kind) || kind === 'dropped') return true
  if (kind !== 'substituted') return false
  const pair = [variant[at], right[at]].sort().join('')
  return ['il', 'Il', 'I1', 'l1', 'oO', '0O', '0o', 'ce', 'nu'].includes(pair)
}

// Spellings a transliteration gives (`Gadafi`/`Gaddafi`, `Mohamed`/`Mohammed`, `Qadhafi`, a
// changed vowel): a changed or added letter, an `h`, a doubled or dropped letter between vowels,
// or any form the quotation uses more than once. Swapped letters and other doublings are slips.
function transliteration(variant: string, right: string, kind: EditKind, at: number, count: number): boolean {
  if (count > 1 || kind === 'substituted' || kind === 'inserted' || kind === 'joined') return true
  if (kind === 'transposed') return false
  const longer = variant.length > right.length ? variant : right
  const letter = longer[at].toLowerCase()
  const vowel = (char: string | undefined) => char !== undefined && /[aeiouy]/iu.test(char)
  // a doubled letter is a slip even when it is an `h` (`Chhristian`); an added one is a spelling
  if (kind === 'doubled') return false
  if (letter === 'h') return true
  if (kind === 'undoubled') {
    const first = longer[at - 1] === longer[at] ? at - 1 : at
    return vowel(longer[first - 1]) && vowel(longer[first + 2]) && !vowel(letter)
  }
  return vowel(letter) && (vowel(longer[at - 1]) || vowel(longer[at + 1]))
}

// The index in a block's text of a source offset.
function proseIndex(block: Block, offset: number): number {
  for (const segment of block.segments) {
    if (offset >= segment.source && offset < segment.source + segment.length) return segment.from + (offset - segment.source)
  }
  return 0
}

// With the same count, the form introduced first with a given name is the one the writer checked:
// `Commissioner Jacques Barrot` early on, `Mr Barot` later.
function introduces(rightUses: readonly NameUse[], uses: readonly NameUse[]): boolean {
  const first = rightUses[0]
  return first.start < uses[0].start && givenName(first) !== undefined
}

// `John Smit` and `Ollie Smith` are two players; `Richie Byrne` and `Ritchie` are a first name
// and a surname. The same neighbour on either side is the same name: `New Labouur` beside `New
// Labour`, `Harryy Potter` beside `Harry Potter`.
function differentPeople(uses: readonly NameUse[], rightUses: readonly NameUse[], slipped: boolean, common: (word: string) => boolean): boolean {
  const capital = (word: string | undefined) => word !== undefined && /^\p{Lu}\p{Ll}/u.test(word)
  for (const use of uses) {
    for (const other of rightUses) {
      if (capital(use.after) && use.after === other.after) return false
      const given = givenName(use)
      if (given !== undefined && given === givenName(other)) return false
    }
  }
  // `General Cinema Corpp` beside `CSX Corp`, `Finance Miniser` beside `Energy Minister`: a
  // common word before a name is part of another name, not a given name of another person
  const person = (name: string | undefined) => name !== undefined && !common(name)
  const given = new Set(uses.map(givenName).filter(person))
  const rightGiven = new Set(rightUses.map(givenName).filter(person))
  // A given name of the variant that goes with none of the dominant form's.
  for (const name of given) {
    if (rightGiven.size > 0 && ![...rightGiven].some((other) => compatible(name!, other!))) return true
  }
  // A given name beside a surname only for an edit no slip makes (`Ritchie` for `Richie`): a
  // slip is a slip wherever the name stands (`Sehffield Brightside` beside `Sheffield`).
  if (slipped) return false
  const asGiven = (list: readonly NameUse[]) => list.every((use) => capital(use.after))
  return asGiven(uses) !== asGiven(rightUses)
}

// Whether a variant and the dominant form share a given name or the name after them.
function sameSlot(uses: readonly NameUse[], rightUses: readonly NameUse[]): boolean {
  return uses.some((use) =>
    rightUses.some((other) => {
      const given = givenName(use)
      return (given !== undefined && given === givenName(other)) || (use.after !== undefined && /^\p{Lu}\p{Ll}/u.test(use.after) && use.after === other.after)
    })
  )
}

// A word of the language standing alone where only a name takes a capital: inside a body
// sentence, between words in lower case, or after a title (`Mr Pane`) or opening a sentence as the speaker (`Homes said`), while the
// article never writes it in lower case and spells the name it is one slip from right twice or
// more. `the Widows key` beside `Windows` three times is a typo;
// `the Pane` at a sentence start, a headline in title case or `Homes England` are not evidence.
function nameSlot(uses: readonly NameUse[], candidate: Candidate): boolean {
  const {kind, at, variant, right} = candidate
  if (!(STRONG.has(kind) || kind === 'dropped') || candidate.rightUses.length < 2) return false
  // a slip at the last letter makes another word (`Russia`/`Russian`); `Pane` for `Panke` is inside
  if (kind !== 'transposed' && at >= Math.max(variant.length, right.length) - 1) return false
  const lower = (word: string | undefined) => word === undefined || !/^\p{Lu}/u.test(word)
  const alone = (use: NameUse) => PROSE.has(use.block.kind) && lower(use.after) && (use.initial ? SPEECH.test(use.after ?? '') : lower(use.before) || TITLES.has(use.before!.replace(/\.$/u, '').toLowerCase()))
  return uses.every(alone)
}

const PROSE = new Set(['body', 'quotation', 'list-item'])
const SPEECH = /^(?:said|says|told|added|wrote|writes|asked|argued|insisted|explained)$/u

// The capitalized word before a name when it is a given name, not a title or a sentence start.
// Only a word right before it, with nothing but a space between (`Acquisition, Sosnoff` and
// `Atalanta/Sosnoff` have none).
function givenName(use: NameUse): string | undefined {
  const before = use.before
  if (!before || !/^\p{Lu}/u.test(before) || TITLES.has(before.replace(/\.$/u, '').toLowerCase())) return undefined
  const at = proseIndex(use.block, use.start)
  if (use.block.prose.slice(at - before.length - 1, at) !== `${before} `) return undefined
  return before
}

// `J` is compatible with `John`; `John` is not with `Ollie`.
function compatible(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b
  const longer = shorter === a ? b : a
  return shorter.replace(/\.$/u, '').length === 1 ? longer.startsWith(shorter[0]) : a === b
}

function describe(kind: EditKind): string {
  return {
    doubled: 'a doubled letter',
    undoubled: 'a dropped double letter',
    transposed: 'two swapped letters',
    inserted: 'an added letter',
    dropped: 'a dropped letter',
    substituted: 'one changed letter',
    joined: 'a missing space'
  }[kind]
}

function count(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
}

function line(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length
}

// A form and every form with one of its characters taken out.
// A form longer than any name (`A.B.C.D...` run on for thousands of letters) is indexed as itself
// only: its one-deletion keys are as long as it, as many as its letters (quadratic).
const MAX_FORM = 64
// Keys of `scanned` for the lengths 0 to MAX_FORM + 1 of one first letter.
const KEY_LENGTHS = MAX_FORM + 2

function deletions(form: string): string[] {
  const keys = [form]
  if (form.length > MAX_FORM) return keys
  for (let i = 0; i < form.length; i++) keys.push(form.slice(0, i) + form.slice(i + 1))
  return keys
}
