// Latin phrases (and a few Italian ones: `sotto voce`) that English copy uses as they are, written
// here from common knowledge of legal, academic and everyday usage. Most of their words are in the
// dictionaries (`ad hoc`, `bona fide`) or pass the typo test; the rest (`in loco parentis`, `sub
// judice`) are found here. A word is left alone when the word beside it is its neighbour in one
// of these phrases; the index is built on the first unknown word that asks.
import type {SentenceContent} from 'nlcst'
import {toString} from '../../src/nlcst.js'

const PHRASES = [
  'a fortiori', 'a posteriori', 'a priori', 'ab initio', 'ab ovo', 'ad absurdum', 'ad hoc', 'ad hominem',
  'ad infinitum', 'ad interim', 'ad libitum', 'ad litem', 'ad nauseam', 'ad valorem', 'alma mater',
  'alter ego', 'amicus curiae', 'anno domini', 'annus horribilis', 'annus mirabilis', 'ante bellum',
  'aqua vitae', 'ars longa', 'bona fide', 'bona fides', 'bona vacantia', 'carpe diem', 'casus belli',
  'caveat emptor', 'ceteris paribus', 'cogito ergo sum', 'compos mentis', 'non compos mentis',
  'corpus delicti', 'corpus juris', 'cui bono', 'cum laude', 'magna cum laude', 'summa cum laude',
  'curriculum vitae', 'de facto', 'de jure', 'de minimis', 'de novo', 'dei gratia', 'deus ex machina',
  'dramatis personae', 'ejusdem generis', 'errare humanum est', 'et alii', 'et cetera', 'ex ante',
  'ex cathedra', 'ex gratia', 'ex libris', 'ex nihilo', 'ex officio', 'ex parte', 'ex post',
  'ex post facto', 'ex tempore', 'ex vivo', 'extra vires', 'fiat lux', 'flagrante delicto',
  'in flagrante delicto', 'habeas corpus', 'honoris causa', 'in absentia', 'in camera', 'in extremis',
  'in loco parentis', 'in medias res', 'in memoriam', 'in perpetuity', 'in re', 'in rem', 'in personam',
  'in situ', 'in toto', 'in utero', 'in vino veritas', 'in vitro', 'in vivo', 'in silico', 'infra dig',
  'inter alia', 'inter vivos', 'ipso facto', 'ipse dixit', 'lex loci', 'lex talionis', 'locus standi',
  'magnum opus', 'mala fide', 'mala in se', 'mala prohibita', 'mea culpa', 'memento mori',
  'mens rea', 'actus reus', 'modus operandi', 'modus vivendi', 'mutatis mutandis', 'ne plus ultra',
  'nemine contradicente', 'nil desperandum', 'nisi prius', 'nolo contendere', 'non sequitur',
  'nota bene', 'obiter dicta', 'obiter dictum', 'opus dei', 'pace tua', 'pari passu', 'pax romana',
  'pax americana', 'per annum', 'per capita', 'per centum', 'per curiam', 'per diem', 'per mensem',
  'per se', 'persona non grata', 'post hoc', 'post hoc ergo propter hoc', 'post meridiem',
  'ante meridiem', 'post mortem', 'post scriptum', 'prima facie', 'primus inter pares', 'pro bono',
  'pro bono publico', 'pro forma', 'pro rata', 'pro tempore', 'quid pro quo', 'quod erat demonstrandum',
  'ratio decidendi', 'reductio ad absurdum', 'res gestae', 'res ipsa loquitur', 'res judicata',
  'res publica', 'rigor mortis', 'sine die', 'sine qua non', 'status quo', 'status quo ante',
  'stare decisis', 'sub judice', 'sub poena', 'sub rosa', 'sui generis', 'sui juris', 'tabula rasa',
  'tempus fugit', 'terra firma', 'terra incognita', 'terra nullius', 'ultra vires', 'urbi et orbi',
  'vade mecum', 'veni vidi vici', 'verbatim et literatim', 'via media', 'vice versa',
  'viva voce', 'vox populi', 'vox pop', 'lingua franca', 'sotto voce', 'sub specie aeternitatis',
  'requiescat in pace', 'semper fidelis', 'e pluribus unum', 'novus ordo seclorum', 'fortuna favet',
  'ab urbe condita', 'anno hegirae', 'in excelsis', 'gloria in excelsis', 'agnus dei', 'dominus vobiscum'
]

let neighbours: Map<string, Set<string>> | undefined

/** Whether `word` stands in one of the phrases beside `before` or `after` (lower-case words). */
export function inLatinPhrase(word: string, before: string | undefined, after: string | undefined): boolean {
  neighbours ??= index()
  const beside = neighbours.get(word.toLowerCase())
  return beside !== undefined && [before, after].some((other) => other !== undefined && beside.has(other.toLowerCase()))
}

function index(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>()
  const link = (a: string, b: string) => {
    const set = found.get(a) ?? new Set<string>()
    set.add(b)
    found.set(a, set)
  }
  for (const phrase of PHRASES) {
    const words = phrase.split(' ')
    for (let i = 0; i + 1 < words.length; i++) {
      link(words[i], words[i + 1])
      link(words[i + 1], words[i])
    }
  }
  return found
}

// The endings of Latin species names (`aureus`, `coli`, `pneumoniae`, `familiaris`, `robur`).
const EPITHET = /(?:us|um|a|ae|i|is|es|ex|ensis|oides|orum|arum|ur|ix|ens|ans)$/u

// The endings of Latin genus names (`Staphylococcus`, `Salmonella`, `Homo`, `Canis`, `Quercus`,
// `Helicobacter`): not `Labour` in `the Labour agenfa`, which is a slip.
const GENUS = /(?:us|a|um|is|es|er|o|on|ix|ex|ys|ops|ae)$/u

/**
 * Whether the word at `index` is the species (or subspecies) of a Latin name: a lower-case word
 * with a Latin ending after its genus, capitalised with a genus's ending (`Staphylococcus aureus`,
 * `Felis catus`) or abbreviated (`E. coli`), or after a species so named (`Canis lupus familiaris`).
 */
export function isSpeciesName(siblings: readonly SentenceContent[], index: number): boolean {
  const word = (at: number) => {
    const node = siblings[at]
    return node ? {type: node.type, value: toString(node)} : undefined
  }
  let at = index
  for (let step = 0; step < 2; step++) {
    if (!EPITHET.test(word(at)?.value ?? '') || word(at - 1)?.type !== 'WhiteSpaceNode') return false
    const genus = word(at - 2)
    if (genus?.type !== 'WordNode') return false
    // `E. coli`: parse-english keeps an initial's period in its word.
    if (/^\p{Lu}\.$/u.test(genus.value) || (/^\p{Lu}\p{Ll}{3,}$/u.test(genus.value) && GENUS.test(genus.value))) return true
    if (!/^\p{Ll}+$/u.test(genus.value)) return false
    at -= 2
  }
  return false
}
