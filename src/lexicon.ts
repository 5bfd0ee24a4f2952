// The lexicon: American, British and Australian English and the project's word lists, in one nspell
// checker built on first use and shared by every rule of a processor (spelling evidence, name typos,
// the headline). It is the only full dictionary a process builds: the spelling rule hands
// retext-spell the bare affix file (see rules/spelling) and asks this checker for every verdict.
// The dictionary's forms are expanded once, by `npm run build` (see `formsText`), not per process.
import en from 'dictionary-en'
import au from 'dictionary-en-au'
import gb from 'dictionary-en-gb'
import {readFileSync} from 'node:fs'
import nspell from 'nspell'
import wordListPath from 'word-list'
import type {Settings} from './rule.js'

export interface Lexicon {
  /** Whether a variety (or the project's lists) knows the word, case as written. */
  knows(word: string): boolean
  /**
   * Like `knows`, but the verdict is not remembered: for the many forms one slip from an unknown
   * word that a typo search tries once each, which would crowd the words of the copy out of memory.
   */
  probe(word: string): boolean
  /**
   * Whether word-list (274,000 lower-case words, variants and colloquial forms: `improv`,
   * `ukelele`, `photogs`, `cannellini`) has the word: enough to leave a word alone, too loose
   * to call it right. Read on first use.
   */
  listed(word: string): boolean
  /** Corrections for a word, best first (slow: milliseconds per word); none past `MAX_WORD` letters. */
  suggest(word: string): string[]
}

/** A hunspell dictionary: affix rules and word list. */
export interface Dictionary {
  aff: Buffer
  dic: Buffer
}

/**
 * No English word needs more letters (the longest in the dictionaries has 28): a longer one is
 * known to no dictionary and gets no suggestions, whose cost grows with the square of the length
 * (a 2,000-letter word took 4 GB).
 */
export const MAX_WORD = 40

let english: Dictionary | undefined
let americanLines: string[] | undefined

// dictionary-en's entries, decoded once for both dictionaries built from them.
function american(): string[] {
  americanLines ??= new TextDecoder().decode(en.dic).split('\n')
  return americanLines
}

/** The affix file the three varieties share. */
function englishAffix(): Buffer {
  return Buffer.from(en.aff)
}

/**
 * The shared affix file with no words but the numerals (`1st`, `22nd`) its compound rules are built
 * from: about 1 ms to load, and it knows no word. Without the numerals nspell leaves the rules'
 * flags as letters, and `/n*mp/` then accepts every word holding `mp`.
 */
export function bareDictionary(): Dictionary {
  // The numerals' lines are found in the text, not among all its lines split apart (50,000
  // strings for a dozen numerals).
  numerals ??= [...new TextDecoder().decode(en.dic).matchAll(/^\d.*$/gmu)].map((match) => match[0])
  return {aff: englishAffix(), dic: Buffer.from([String(numerals.length), ...numerals].join('\n'))}
}

let numerals: string[] | undefined

/**
 * American, British and Australian English as one dictionary: the packages share one affix file,
 * so their word lists are joined, each entry once (nspell would expand a repeated entry twice).
 * Joined as text because nspell's `dictionary()` breaks its compound rules when called a second
 * time. Immutable, so it is built once per process and shared.
 */
export function englishDictionary(): Dictionary {
  if (english) return english
  const decoder = new TextDecoder()
  for (const variety of [gb, au]) {
    if (!Buffer.from(en.aff).equals(Buffer.from(variety.aff))) {
      throw new Error('dictionary-en, -en-gb and -en-au no longer share an affix file: join them another way')
    }
  }
  const lines = [...american()]
  const seen = new Set(lines)
  for (const variety of [gb, au]) {
    // Each file starts with its entry count, which would be read as a word in the next.
    for (const line of decoder.decode(variety.dic).split('\n').slice(1)) {
      if (seen.has(line)) continue
      seen.add(line)
      lines.push(line)
    }
  }
  english = {aff: englishAffix(), dic: Buffer.from(lines.join('\n'))}
  return english
}

// The entries of the joined dictionary without their affix flags.
function stemsOf(dictionary: Dictionary): string[] {
  return new TextDecoder().decode(dictionary.dic).split('\n').map((line) => line.slice(0, line.includes('/') ? line.indexOf('/') : undefined))
}

let stems: Set<string> | undefined

/**
 * The entries of the joined dictionary without their affix flags (`February`, `conservative`):
 * a quick first test for a typo search, which tries hundreds of forms per word; a form that
 * passes is then put to nspell, which knows the forms built from them (`Conservatives`).
 */
export function dictionaryStems(): ReadonlySet<string> {
  stems ??= new Set(loadForms().stems)
  return stems
}

/**
 * Where `npm run build` writes the expanded dictionary: beside the built module. Run from the
 * TypeScript sources (the tests) there is none, and it is expanded in the process instead.
 */
export const FORMS_FILE = new URL('./english-forms.txt', import.meta.url)

// What the expanded dictionary was made from: a file made from other dictionaries is not used.
function formsKey(): string {
  return `copydesk-forms 1 ${en.aff.length} ${en.dic.length} ${gb.dic.length} ${au.dic.length}`
}

/**
 * Every form nspell makes of the joined dictionary, with its flags, and the dictionary's entries:
 * as text, for `npm run build` to write beside this module. nspell took a fifth of a cold run
 * of the CLI (0.3 s) to expand the dictionaries' 120,000 forms into a table in every process;
 * the sorted forms are read in a few milliseconds and looked up by halves.
 * Lines: the key, the counts, the sorted forms, their flags (one line each), the entries.
 */
export function formsText(): string {
  const dictionary = englishDictionary()
  const data = (nspell(dictionary) as unknown as {data: Record<string, string[]>}).data
  const words = Object.keys(data).sort()
  const codes = words.map((word) => {
    const flags = data[word]
    if (flags.some((flag) => flag.length !== 1 || flag === '\n')) throw new Error(`a flag nspell keeps for \`${word}\` is not one character: store flags another way`)
    return flags.join('')
  })
  const entries = stemsOf(dictionary)
  return [formsKey(), `${words.length} ${entries.length}`, ...words, ...codes, ...entries].join('\n')
}

interface Forms {
  /** Every form nspell makes, sorted (by UTF-16 code unit, as `<` compares). */
  words: string[]
  /** The flags of each form, one character each. */
  codes: string[]
  stems: string[]
}

let forms: Forms | undefined

// The expanded dictionary: the file `npm run build` wrote if it matches the dictionaries, else
// expanded now.
function loadForms(): Forms {
  if (forms) return forms
  let text: string | undefined
  try {
    text = readFileSync(FORMS_FILE, 'utf8')
  } catch {
    // Not built: expanded below.
  }
  if (text === undefined || !text.startsWith(`${formsKey()}\n`)) text = formsText()
  const lines = text.split('\n')
  const [count, entries] = lines[1].split(' ').map(Number)
  forms = {words: lines.slice(2, 2 + count), codes: lines.slice(2 + count, 2 + 2 * count), stems: lines.slice(2 + 2 * count, 2 + 2 * count + entries)}
  return forms
}

// The index of a form in the sorted list, or -1.
function indexOf(words: readonly string[], word: string): number {
  let low = 0
  let high = words.length
  while (low < high) {
    const middle = (low + high) >>> 1
    const found = words[middle]
    if (found === word) return middle
    if (found < word) low = middle + 1
    else high = middle
  }
  return -1
}

/**
 * nspell's table of forms and their flags, read from the expanded dictionary as nspell asks
 * (it only looks words up, and adds the project's words): the checker built on the bare affix
 * file, which gives it the affix rules and the numerals' compound rules, then judges exactly as
 * one built on the whole dictionary. A form read keeps its flags array, as nspell's own does.
 */
function formsTable(): Record<string, string[]> {
  const {words, codes} = loadForms()
  const read = new Map<string, string[]>()
  const get = (word: string) => {
    let flags = read.get(word)
    if (flags) return flags
    const at = indexOf(words, word)
    if (at === -1) return undefined
    flags = codes[at] === '' ? [] : codes[at].split('')
    read.set(word, flags)
    return flags
  }
  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? get(key) : undefined),
    has: (_target, key) => typeof key === 'string' && get(key) !== undefined,
    set: (_target, key, value: string[]) => {
      if (typeof key !== 'string') return false
      read.set(key, value)
      return true
    }
  })
}

// What nspell's checker holds beside its table: the affix file's flags, conversions and
// compound rules.
interface Internals {
  flags: Record<string, unknown>
  conversion: {in: Array<[RegExp, string]>}
  compoundRules: RegExp[]
  compoundRuleCodes: Record<string, string[]>
}

/** nspell's verdict on a word, given the flags of the forms it is looked up as. */
export type Judge = (word: string, extra?: ReadonlySet<string>) => boolean

let judge: Judge | undefined

/**
 * nspell's `correct`, step for step (util/form.js, exact.js, flag.js), read straight from the
 * sorted forms: through nspell's table it took a tenth of a cold run, most of it in the lookups
 * of the forms a typo search tries (hundreds per unknown word), each through the table and
 * the compound rules. `extra` are forms added without flags (the project's words).
 * test/lexicon.test.ts holds it to nspell's own checker on every form and its case variants.
 */
export function englishJudge(): Judge {
  if (judge) return judge
  const {words, codes} = loadForms()
  const internals = nspell(bareDictionary()) as unknown as Internals
  const {flags, conversion, compoundRules, compoundRuleCodes} = internals
  // Most words looked up are no form: the forms a typo search tries. A map answers those at
  // once, and a form's flags without a search by halves (built in some 15 ms, as a set of the
  // forms was; the searches took a third of the lookups' time).
  const known = new Map<string, string>()
  for (let at = 0; at < words.length; at++) known.set(words[at], codes[at])
  // A form's flags, one character each ('' for none); undefined for no form.
  const lookup = (word: string, extra: ReadonlySet<string> | undefined): string | undefined => {
    const found = known.get(word)
    if (found !== undefined) return found
    return extra?.has(word) ? '' : undefined
  }
  const has = (name: string, found: string | undefined) => {
    const flag = flags[name]
    return found !== undefined && typeof flag === 'string' && flag.length === 1 && found.includes(flag)
  }
  // The compound rules (numerals: `21st`) match only a word with a digit, when each needs a
  // code whose words all have one: the rules are then not run on words without digits.
  const rules = [...new TextDecoder().decode(en.aff).matchAll(/^COMPOUNDRULE[ \t]+(\S+)/gmu)].slice(1).map((match) => match[1])
  const needsDigit = (rule: string) =>
    [...rule].some((code, at) => !'*?'.includes(code) && !'*?'.includes(rule[at + 1] ?? '') && (compoundRuleCodes[code]?.length ?? 0) > 0 && compoundRuleCodes[code].every((word) => /\d/u.test(word)))
  const digitsOnly = rules.length === compoundRules.length && rules.every(needsDigit)
  const compoundMin = Number(flags.COMPOUNDMIN)
  const exact = (value: string, found: string | undefined) => {
    if (found !== undefined) return !has('ONLYINCOMPOUND', found)
    if (value.length >= compoundMin && (!digitsOnly || /\d/u.test(value))) return compoundRules.some((rule) => rule.test(value))
    return false
  }
  judge = (value, extra) => {
    let normal = value.trim()
    if (!normal) return false
    for (const [pattern, replacement] of conversion.in) normal = normal.replace(pattern, replacement)
    const found = lookup(normal, extra)
    if (exact(normal, found)) return !has('FORBIDDENWORD', found)
    const ignore = (forms: string | undefined) => has('KEEPCASE', forms) || has('FORBIDDENWORD', forms)
    // (a word that starts with a lower-case ASCII letter is not in upper case)
    const first = normal.charCodeAt(0)
    if (!(first >= 0x61 && first <= 0x7a) && normal.toUpperCase() === normal) {
      const sentence = normal.charAt(0) + normal.slice(1).toLowerCase()
      const forms = lookup(sentence, extra)
      if (ignore(forms)) return false
      if (exact(sentence, forms)) return true
    }
    const lower = normal.toLowerCase()
    if (lower !== normal) {
      const forms = lookup(lower, extra)
      if (ignore(forms)) return false
      if (exact(lower, forms)) return true
    }
    return false
  }
  return judge
}

/** An nspell checker of the joined dictionary: the bare affix file's rules, the expanded forms. */
export function englishChecker(): ReturnType<typeof nspell> {
  const checker = nspell(bareDictionary())
  ;(checker as unknown as {data: Record<string, string[]>}).data = formsTable()
  return checker
}

/** A lexicon for one processor; nothing is loaded until a rule asks. */
export function createLexicon(settings: Settings): Lexicon {
  const project = new Set([...settings.names, ...settings.words])
  let checker: ReturnType<typeof nspell> | undefined
  const load = () => {
    if (checker) return checker
    checker = englishChecker()
    for (const word of project) checker.add(word)
    return checker
  }
  const plain = (word: string) => word.replace(/’/gu, "'")
  const correct = (word: string) => englishJudge()(plain(word), project)
  // Copy repeats its words (Zipf): remembering verdicts saves most of nspell's work. Cleared when
  // full, so a long-running language server stays bounded.
  const verdicts = new Map<string, boolean>()
  return {
    knows(word) {
      // Not remembered, so an 8 KB token costs no memory: no dictionary holds it.
      if (word.length > MAX_WORD) return project.has(word)
      let known = verdicts.get(word)
      if (known === undefined) {
        if (verdicts.size >= 20_000) verdicts.clear()
        known = project.has(word) || correct(word)
        verdicts.set(word, known)
      }
      return known
    },
    listed: (word) => word.length <= MAX_WORD && listed(word),
    probe: (word) => project.has(word) || (word.length <= MAX_WORD && (verdicts.get(word) ?? correct(word))),
    suggest: (word) => (word.length > MAX_WORD ? [] : load().suggest(plain(word)))
  }
}

let gameWords: string | undefined

/**
 * Whether word-list has a word. Its file is one word a line, sorted but for two neighbouring
 * pairs (`manlily`, `manlihood`), so it is searched by halves as text, with no parsing (splitting
 * it takes ten times as long), and the lines beside the last one read are checked too.
 */
function listed(word: string): boolean {
  gameWords ??= readFileSync(wordListPath, 'utf8')
  const text = gameWords
  const lineAt = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1
    const end = text.indexOf('\n', start)
    return {start, end: end === -1 ? text.length : end}
  }
  let low = 0
  let high = text.length
  let last = 0
  while (low < high) {
    const {start, end} = lineAt((low + high) >> 1)
    const line = text.slice(start, end)
    if (line === word) return true
    last = start
    if (line < word) low = end + 1
    else high = start
  }
  let before = last
  let after = last
  for (let step = 0; step < 3; step++) {
    if (before > 0) {
      before = lineAt(before - 1).start
      if (text.slice(before, lineAt(before).end) === word) return true
    }
    const {end} = lineAt(after)
    if (end < text.length) {
      after = end + 1
      if (text.slice(after, lineAt(after).end) === word) return true
    }
  }
  return false
}
