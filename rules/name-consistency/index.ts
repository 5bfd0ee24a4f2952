// A name used rarely that is one edit from a name the same article uses more often: `Bidenn` in
// an article that says `Biden` eight times. It weighs what a copy editor weighs: how often each
// form is used, which one the article introduced with a first name, the kind of slip, and whether
// the rare form is itself a word or a different person (`Tony`/`Tory`, `John Smit`/`Ollie Smith`).
import type {NameIndex, NameUse} from '../../src/names.js'
import {defineRule} from '../../src/rule.js'
import {editBetween, STRONG, type EditKind} from './edit.js'
import {TITLES} from './titles.js'

// A variant shorter than this is too likely a different name (`Smit`, `Tony`, `Iraq`).
const MIN_LENGTH = 5
// Edits other than a classic slip need a longer name before they count (`Horan`/`Horgan` do not).
const MIN_LENGTH_WEAK = 6

interface Candidate {
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
  check(_tree, _file, {article, report, lexicon, settings}) {
    const names = article.names
    const known = new Set(settings.names)
    const forms = [...names.uses.keys()].filter((name) => !/^\p{Lu}+$/u.test(name))
    const pairs = spacedNames(names)
    // Forms one edit apart share a form with one letter (or the space) taken out, or one is
    // the other with a letter taken out: indexed that way, each form meets only its near
    // neighbours (comparing every form of one first letter and length was quadratic in a list of
    // thousands of names). The neighbours keep the order the rule has always weighed them in:
    // shorter forms first, then by first appearance.
    const all = [...forms, ...pairs.keys()]
    const order = new Map(all.map((form, index) => [form, index]))
    const byDeletion = new Map<string, string[]>()
    for (const form of all) {
      for (const key of deletions(form)) {
        const list = byDeletion.get(key)
        if (list) list.push(form)
        else byDeletion.set(key, [form])
      }
    }
    const near = (form: string) => {
      const found = new Set<string>()
      for (const key of deletions(form)) for (const other of byDeletion.get(key) ?? []) found.add(other)
      return [...found]
        .filter((other) => other[0] === form[0] && Math.abs(other.length - form.length) <= 1)
        .sort((a, b) => a.length - b.length || order.get(a)! - order.get(b)!)
    }
    for (const variant of forms) {
      const uses = names.uses.get(variant)!
      if (variant.length < MIN_LENGTH || known.has(variant) || uses.length > 2) continue
      const candidate = bestMatch(variant, uses, near(variant), names, pairs)
      if (!candidate) continue
      // A word of the language (`Tory`, `Richie`, `While`) is not a typo of a name.
      if (names.lower.has(variant.toLowerCase()) || lexicon.knows(variant)) continue
      const {right, kind, rightUses} = candidate
      const safe = uses.length === 1 && rightUses.length >= 3 && STRONG.has(kind)
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

// The more frequent (or first-introduced) form one edit away, unless the evidence says the two
// are different names.
function bestMatch(variant: string, uses: readonly NameUse[], forms: readonly string[], names: NameIndex, pairs: Map<string, NameUse[]>): Candidate | undefined {
  let best: Candidate | undefined
  for (const right of forms) {
    if (right === variant || right[0] !== variant[0]) continue
    const edit = editBetween(variant, right)
    if (!edit) continue
    const rightUses = names.uses.get(right) ?? pairs.get(right)!
    if (!STRONG.has(edit.kind) && variant.length < MIN_LENGTH_WEAK) continue
    // An added or dropped last letter makes another word (`Russia`/`Russian`, `Smit`/`Smith`).
    if ((edit.kind === 'inserted' || edit.kind === 'dropped') && edit.at >= Math.min(variant.length, right.length) - 1) continue
    if (rightUses.length < uses.length) continue
    if (rightUses.length === uses.length && !introduces(rightUses, uses)) continue
    if (edit.kind !== 'joined' && differentPeople(uses, rightUses)) continue
    if (!best || rightUses.length > best.rightUses.length) best = {variant, right, kind: edit.kind, uses, rightUses}
  }
  return best
}

// With the same count, the form introduced first with a given name is the one the writer checked:
// `Commissioner Jacques Barrot` early on, `Mr Barot` later.
function introduces(rightUses: readonly NameUse[], uses: readonly NameUse[]): boolean {
  const first = rightUses[0]
  return first.start < uses[0].start && givenName(first) !== undefined
}

// `John Smit` and `Ollie Smith` are two players; `Richie Byrne` and `Ritchie` are a first name
// and a surname.
function differentPeople(uses: readonly NameUse[], rightUses: readonly NameUse[]): boolean {
  const given = new Set(uses.map(givenName).filter(Boolean))
  const rightGiven = new Set(rightUses.map(givenName).filter(Boolean))
  for (const name of given) {
    for (const other of rightGiven) if (!compatible(name!, other!)) return true
  }
  const asGiven = (list: readonly NameUse[]) => list.every((use) => use.after !== undefined && /^\p{Lu}\p{Ll}/u.test(use.after))
  return asGiven(uses) !== asGiven(rightUses)
}

// The capitalized word before a name when it is a given name, not a title or a sentence start.
function givenName(use: NameUse): string | undefined {
  const before = use.before
  if (!before || !/^\p{Lu}/u.test(before) || TITLES.has(before.replace(/\.$/u, '').toLowerCase())) return undefined
  return before
}

// `J` is compatible with `John`; `John` is not with `Ollie`.
function compatible(a: string, b: string): boolean {
  const shorter = a.length <= b.length ? a : b
  const longer = shorter === a ? b : a
  return shorter.replace(/\.$/u, '').length === 1 ? longer.startsWith(shorter[0]) : a === b
}

// Two-word names written with a space, keyed by their spaced form: `Time Warner`.
function spacedNames(names: NameIndex): Map<string, NameUse[]> {
  const pairs = new Map<string, NameUse[]>()
  for (const [name, uses] of names.uses) {
    for (const use of uses) {
      if (!use.after || !/^\p{Lu}\p{Ll}+$/u.test(use.after) || use.after.length < 2) continue
      const key = `${name} ${use.after}`
      const list = pairs.get(key) ?? []
      list.push(use)
      pairs.set(key, list)
    }
  }
  return pairs
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
function deletions(form: string): string[] {
  const keys = [form]
  for (let i = 0; i < form.length; i++) keys.push(form.slice(0, i) + form.slice(i + 1))
  return keys
}
