// Places, from two well-kept packages: world-countries (names, official names, other spellings,
// demonyms and capitals of 250 countries and territories) and city-timezones (7,300 cities with
// population, country and province: the cities of 100,000 people or more, and the US states).
// Worked out by `npm run build` into a file beside this module (the packages' 3.3 MB of JSON took
// a cold run 40 ms to read and sift), read on the first headline that needs it, then kept. Every
// form of a place leads to its group, so `US`, `United States`, `American` and `Washington` are one place.
import {readFileSync, statSync} from 'node:fs'
import {createRequire} from 'node:module'
import {builtFile} from '../../src/paths.js'
import {dictionaryFile, dictionaryStems, type Variety} from '../../src/lexicon.js'

export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city' | 'state' | 'region'

export interface Place {
  kind: PlaceKind
  /** Every form that names the same place, lower-cased: a country's names, demonyms and capital. */
  group: readonly string[]
  /** The ISO code of the country it lies in. */
  country: string
}

interface CountryRecord {
  cca2: string
  name: {common: string; official: string}
  altSpellings?: string[]
  demonyms?: {eng?: {f?: string; m?: string}}
  capital?: string[]
  independent?: boolean | null
  region?: string
  subregion?: string
}

// World regions a headline names, with the package's region or subregion names they cover.
const REGIONS: ReadonlyArray<{forms: readonly string[]; covers: readonly string[]; members?: readonly string[]}> = [
  {forms: ['europe', 'european', 'europeans', 'eu', 'eurozone', 'euro zone'], covers: ['Europe']},
  {forms: ['asia', 'asian', 'asians'], covers: ['Asia']},
  {forms: ['africa', 'african', 'africans'], covers: ['Africa']},
  {forms: ['latin america', 'latin american', 'south america', 'south american'], covers: ['South America', 'Central America', 'Caribbean']},
  {forms: ['middle east', 'mideast', 'middle eastern', 'gulf', 'arab'], covers: ['Western Asia', 'Northern Africa']},
  // the package's Northern Europe holds Britain, Ireland and the Baltic states too
  {forms: ['scandinavia', 'scandinavian', 'nordic'], covers: [], members: ['DK', 'NO', 'SE', 'FI', 'IS', 'FO', 'GL', 'AX']},
  {forms: ['balkans', 'balkan'], covers: ['Southeast Europe']},
  {forms: ['caribbean'], covers: ['Caribbean']},
  {forms: ['pacific', 'asia-pacific'], covers: ['Oceania', 'Eastern Asia', 'South-Eastern Asia']}
]

interface CityRecord {
  city: string
  city_ascii: string
  pop: number
  iso2: string
  province: string
}

// Forms every desk uses that the packages spell otherwise or lack, by the country's common name:
// short names, the people and their adjective, the capital or seat that stands for the country.
interface Desk {
  names?: readonly string[]
  people?: readonly string[]
  seats?: readonly string[]
}
const EXTRA: Readonly<Record<string, Desk>> = {
  'united states': {names: ['us', 'u.s.', 'usa', 'u.s.a.', 'america'], people: ['american', 'americans'], seats: ['washington']},
  'united kingdom': {names: ['uk', 'u.k.', 'britain', 'great britain', 'england', 'scotland', 'wales', 'northern ireland'], people: ['british', 'briton', 'britons', 'english', 'scottish', 'welsh'], seats: ['london']},
  netherlands: {names: ['holland'], people: ['dutch']},
  'south korea': {names: ['korea'], people: ['korean', 'koreans'], seats: ['seoul']},
  'north korea': {people: ['north korean', 'north koreans'], seats: ['pyongyang']},
  russia: {people: ['russian', 'russians', 'soviet'], seats: ['moscow', 'kremlin']},
  china: {people: ['chinese'], seats: ['beijing', 'peking']},
  'ivory coast': {names: ["cote d'ivoire"], people: ['ivorian', 'ivorians']},
  czechia: {names: ['czech republic'], people: ['czech', 'czechs']},
  myanmar: {names: ['burma'], people: ['burmese']},
  türkiye: {names: ['turkey'], people: ['turkish', 'turk', 'turks']},
  eswatini: {names: ['swaziland']},
  'north macedonia': {names: ['macedonia'], people: ['macedonian', 'macedonians']},
  'bosnia and herzegovina': {names: ['bosnia']},
  'trinidad and tobago': {names: ['trinidad']},
  'dr congo': {names: ['congo']},
  'united arab emirates': {names: ['uae']},
  'vatican city': {names: ['vatican']},
  'new zealand': {names: ['nz'], people: ['kiwi', 'kiwis']},
  philippines: {people: ['philippine', 'filipinos']},
  ecuador: {people: ['ecuadorian', 'ecuadorians']},
  argentina: {people: ['argentinian', 'argentinians']},
  'saudi arabia': {people: ['saudi', 'saudis']},
  spain: {people: ['spaniard', 'spaniards']},
  poland: {people: ['pole', 'poles']},
  finland: {people: ['finn', 'finns']},
  sweden: {people: ['swede', 'swedes']},
  denmark: {people: ['dane', 'danes']},
  ireland: {people: ['irishman', 'irishwoman']},
  france: {people: ['frenchman', 'frenchwoman']}
}

// Cities desks still write by an older or shorter name than the package's.
const CITY_FORMS: Readonly<Record<string, readonly string[]>> = {
  kyiv: ['kiev'], 'tel aviv-yafo': ['tel aviv'], mumbai: ['bombay'], kolkata: ['calcutta'], chennai: ['madras'], 'ho chi minh city': ['saigon']
}

// The endings that make a country's adjective from its name (`Iceland` -> `Icelandic`, `Slovenia`
// -> `Slovenian`, `Hungary` -> `Hungarian`, `Mexico` -> `Mexican`, `Nepal` -> `Nepalese`), where
// the package gives the noun for its people (`Icelander`, `Slovene`): a form counts only when
// the dictionary lists it with its capital, and no other place has it (`Niger` + `ian`).
function adjectivesOf(name: string, stems: ReadonlySet<string>): string[] {
  if (!/^\p{Lu}\p{Ll}+$/u.test(name)) return []
  const stem = name.replace(/[aeiouy]$/u, '')
  return [...new Set([name + 'ic', name + 'n', name + 'ian', name + 'ese', name + 'i', stem + 'ian', stem + 'an', stem + 'ese', stem + 'ish'])].filter((form) => form !== name && stems.has(form))
}

// The UK's nations are places of their own (a `Scottish` headline needs Scotland in the body,
// not London), each with its chief cities; the UK is mentioned by any of them.
const NATIONS: ReadonlyArray<{code: string; forms: readonly string[]}> = [
  {code: 'GB-SCT', forms: ['scotland', 'scottish', 'scot', 'scots', 'edinburgh', 'glasgow', 'aberdeen', 'dundee', 'holyrood']},
  {code: 'GB-WLS', forms: ['wales', 'welsh', 'cardiff', 'swansea', 'newport']},
  {code: 'GB-NIR', forms: ['northern ireland', 'belfast', 'ulster', 'stormont']}
]

/** The gazetteer as worked out from the data. */
export interface Gazetteer {
  places: Map<string, Place>
  byCountry: Map<string, string[]>
  /** A country's own forms (names, people, capital), by code: what stands for a city's country. */
  own: Map<string, readonly string[]>
  /** Countries' usual English names (`china`, `turkey`, `chad`, `us`, `britain`). */
  names: Set<string>
}

/**
 * What the rule asks of the gazetteer, by lower-cased form or country code: one worked out in
 * the process, or one read from the built files, which looks up only what it is asked.
 */
export interface Lookup {
  place(form: string): Place | undefined
  inCountry(country: string): readonly string[] | undefined
  own(country: string): readonly string[] | undefined
  readonly names: ReadonlySet<string>
}

let cache: Lookup | undefined

/** The place a form names, if any (case ignored). */
export function placeOf(form: string): Place | undefined {
  cache ??= load()
  return cache.place(form.toLowerCase())
}

/** Every form of every place in a country (its names and people, its cities and states), lower-cased. */
export function formsInCountry(country: string): readonly string[] {
  cache ??= load()
  return cache.inCountry(country) ?? []
}

/** A country's own forms, lower-cased: its names, its people and its capital, not its other cities. */
export function countryForms(country: string): readonly string[] {
  cache ??= load()
  return cache.own(country) ?? []
}

/**
 * Whether a form is a country's usual English name (`China`, `Chad`, `Turkey`, `US`, `Britain`):
 * enough to call it a place even where it is also a word. Official names, other spellings and
 * the names of cities are not (`Island`, Iceland's own name; `Reading`).
 */
export function isCountryName(form: string): boolean {
  cache ??= load()
  return cache.names.has(form.toLowerCase())
}

/** A gazetteer worked out in the process, as the rule asks it. */
export function lookupOf(gazetteer: Gazetteer): Lookup {
  const {places, byCountry, own, names} = gazetteer
  return {place: (form) => places.get(form), inCountry: (country) => byCountry.get(country), own: (country) => own.get(country), names}
}

// `Montréal` is written `Montreal` as often: a form without its accents is the same place.
function plain(form: string): string {
  return form.normalize('NFD').replace(/\p{M}/gu, '')
}

/**
 * Where `npm run build` writes the gazetteer: beside the built module. Run from the TypeScript
 * sources (the tests) there are no such files, and it is built in the process instead. The
 * forms of each country (a list of every city, state and people, half the data) are a file of
 * their own, read only for a headline whose place the body does not name itself.
 */
export const GAZETTEER_FILE = builtFile('rules/headline-mismatch/places.json')
export const BY_COUNTRY_FILE = builtFile('rules/headline-mismatch/places-by-country.json')

const require = createRequire(import.meta.url)

// What the gazetteer was made from (the packages' data and the dictionaries, whose entries make
// adjectives) and the layout it was written in (2: places sorted for a binary search, the
// countries' forms in a file of their own): a file made from other data, or by a build of
// another layout, is not used.
function gazetteerKey(): string {
  const size = (name: string) => statSync(require.resolve(name)).size
  // (the dictionaries' sizes from the file system: importing them reads 1.7 MB)
  const dic = (variety: Variety) => statSync(dictionaryFile(variety, 'index.dic')).size
  return `copydesk-gazetteer 2 ${size('world-countries/countries.json')} ${size('city-timezones/data/cityMap.json')} ${dic('dictionary-en')} ${dic('dictionary-en-gb')} ${dic('dictionary-en-au')}`
}

// The gazetteer as written to GAZETTEER_FILE: each group once, places pointing to it by number,
// sorted by form (in code-unit order) so that a form is found by binary search, with no map of
// four thousand places made in every process.
interface Stored {
  key: string
  groups: string[][]
  places: Array<[form: string, kind: PlaceKind, group: number, country: string]>
  own: Array<[code: string, group: number]>
  names: string[]
}

// As written to BY_COUNTRY_FILE.
interface StoredByCountry {
  key: string
  byCountry: Array<[code: string, forms: string[]]>
}

/** The gazetteer as the JSON of its two files, for `npm run build` to write beside this module. */
export function gazetteerTexts(): {places: string; byCountry: string} {
  const {places, byCountry, own, names} = buildGazetteer()
  const groups: Array<readonly string[]> = []
  const numbers = new Map<readonly string[], number>()
  const number = (group: readonly string[]) => {
    let at = numbers.get(group)
    if (at === undefined) {
      at = groups.push(group) - 1
      numbers.set(group, at)
    }
    return at
  }
  const key = gazetteerKey()
  const sorted = [...places].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const stored = {
    key,
    places: sorted.map(([form, place]) => [form, place.kind, number(place.group), place.country]),
    own: [...own].map(([code, group]) => [code, number(group)]),
    names: [...names],
    groups
  }
  return {places: JSON.stringify(stored), byCountry: JSON.stringify({key, byCountry: [...byCountry]})}
}

// The gazetteer: the files `npm run build` wrote if they match the data, else built now.
function load(): Lookup {
  let text: string | undefined
  try {
    text = readFileSync(GAZETTEER_FILE, 'utf8')
  } catch {
    // Not built: built below.
  }
  return (text !== undefined && readGazetteer(text)) || lookupOf(buildGazetteer())
}

function readByCountry(): string | undefined {
  try {
    return readFileSync(BY_COUNTRY_FILE, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * The gazetteer `gazetteerTexts` wrote (`byCountry` reads the second file when a country's forms
 * are first asked for), or undefined when it was made from other data or is not whole (a
 * truncated or damaged file is built again, never thrown out of the rule).
 */
export function readGazetteer(text: string, byCountry: () => string | undefined = readByCountry): Lookup | undefined {
  let stored: Stored
  try {
    stored = JSON.parse(text) as Stored
  } catch {
    return undefined
  }
  const lists = [stored?.groups, stored?.places, stored?.own, stored?.names]
  const key = gazetteerKey()
  if (stored?.key !== key || !lists.every((list) => Array.isArray(list))) return undefined
  const {groups, places} = stored
  // (the search below needs the places in order: a file in any other order is not used)
  for (let at = 1; at < places.length; at++) if (!(places[at - 1]?.[0] < places[at]?.[0])) return undefined
  let countries: Map<string, readonly string[]> | undefined
  let own: Map<string, readonly string[]> | undefined
  return {
    place(form) {
      let low = 0
      let high = places.length - 1
      while (low <= high) {
        const middle = (low + high) >>> 1
        const entry = places[middle]
        if (entry[0] === form) return {kind: entry[1], group: groups[entry[2]], country: entry[3]}
        if (entry[0] < form) low = middle + 1
        else high = middle - 1
      }
      return undefined
    },
    inCountry(country) {
      countries ??= readCountries(byCountry(), key)
      return countries.get(country)
    },
    own(country) {
      own ??= new Map(stored.own.map(([code, group]) => [code, groups[group]]))
      return own.get(country)
    },
    names: new Set(stored.names)
  }
}

// The forms of each country as stored, or worked out again when the file is missing or damaged.
function readCountries(text: string | undefined, key: string): Map<string, readonly string[]> {
  let stored: StoredByCountry | undefined
  try {
    stored = text === undefined ? undefined : (JSON.parse(text) as StoredByCountry)
  } catch {
    // Damaged: built below.
  }
  if (stored?.key === key && Array.isArray(stored.byCountry)) return new Map(stored.byCountry)
  return buildGazetteer().byCountry
}

/** The gazetteer worked out from the packages' data. */
export function buildGazetteer(): Gazetteer {
  // Sovereign countries first: a territory's form that a country already has (the `American` of
  // the US Minor Outlying Islands, the `Indian` of the British Indian Ocean Territory) stays the
  // country's, or every region holding a territory would be mentioned by `American`.
  const countries = (require('world-countries/countries.json') as CountryRecord[]).slice().sort((a, b) => Number(b.independent === true) - Number(a.independent === true))
  const cities = require('city-timezones/data/cityMap.json') as CityRecord[]
  const places = new Map<string, Place>()
  const byCountry = new Map<string, string[]>()
  const own = new Map<string, readonly string[]>()
  const names = new Set<string>()
  // a city's name is evidence for its country only when no other country has a city of that
  // name (`Chennai` is India's; `Manchester` and `Birmingham` are England's and America's)
  const countriesOf = new Map<string, Set<string>>()
  const add = (form: string, place: Place) => {
    if (place.kind === 'city') {
      const seen = countriesOf.get(form.toLowerCase()) ?? new Set()
      seen.add(place.country)
      countriesOf.set(form.toLowerCase(), seen)
    }
    const list = byCountry.get(place.country) ?? []
    list.push(...place.group)
    byCountry.set(place.country, list)
    const key = form.toLowerCase()
    const known = places.get(key)
    // a country's own name outranks a city of the same name (`Georgia`, `Mexico`)
    if (!known || rank(place.kind) < rank(known.kind)) places.set(key, place)
    else if (known.group !== place.group) places.set(key, {...known, group: [...new Set([...known.group, ...place.group])]})
  }
  const taken = new Set<string>()
  for (const country of countries) {
    const extra = EXTRA[country.name.common.toLowerCase()] ?? {}
    const free = (form: string) => country.independent === true || !taken.has(form.toLowerCase())
    const countryNames = [country.name.common, country.name.official, ...(country.altSpellings ?? []).filter((alt) => alt.length > 3 || /^[A-Z]{2,3}$/.test(alt) === false), ...(extra.names ?? [])].filter(free)
    // `Bosnian, Herzegovinian`: one field may hold two
    const demonyms = [country.demonyms?.eng?.m, country.demonyms?.eng?.f].flatMap((d) => d?.split(/\s*,\s*/u) ?? []).filter(Boolean)
    const people = [...demonyms, ...demonyms.map((d) => d + 's'), ...(extra.people ?? [])].filter(free)
    const seats = [...(country.capital ?? []), ...(extra.seats ?? [])].filter(free)
    const group = [...new Set([...countryNames, ...people, ...seats].flatMap((f) => [f.toLowerCase(), plain(f.toLowerCase())]))]
    const code = country.cca2
    for (const form of group) if (country.independent === true) taken.add(form)
    names.add(country.name.common.toLowerCase())
    for (const name of extra.names ?? []) names.add(name)
    own.set(code, group)
    for (const name of countryNames) add(name, {kind: 'country', group, country: code})
    for (const person of people) add(person, {kind: 'demonym', group, country: code})
    for (const seat of seats) add(seat, {kind: 'capital', group, country: code})
  }
  const stems = dictionaryStems()
  for (const country of countries) {
    if (country.independent !== true) continue
    const place = places.get(country.name.common.toLowerCase())
    if (!place || place.kind !== 'country') continue
    const adjectives = adjectivesOf(country.name.common, stems).filter((form) => !places.has(form.toLowerCase()))
    if (adjectives.length === 0) continue
    const group = [...place.group, ...adjectives.map((form) => form.toLowerCase())]
    own.set(country.cca2, group)
    for (const form of place.group) {
      const known = places.get(form)
      if (known?.country === country.cca2) places.set(form, {...known, group})
    }
    for (const form of adjectives) add(form, {kind: 'demonym', group, country: country.cca2})
  }
  for (const city of cities) {
    if (city.iso2 === 'US' && city.province) {
      add(city.province, {kind: 'state', group: [city.province.toLowerCase()], country: 'US'})
      // a state is mentioned by any of its cities (`Orlando` for Florida)
      const key = `state:${city.province.toLowerCase()}`
      const list = byCountry.get(key) ?? []
      list.push(city.city.toLowerCase(), plain(city.city_ascii.toLowerCase()))
      byCountry.set(key, list)
    }
    if (city.pop < 100000) continue
    const group = [...new Set([city.city, city.city_ascii].flatMap((f) => [f.toLowerCase(), plain(f.toLowerCase()), ...(CITY_FORMS[f.toLowerCase()] ?? [])]))]
    for (const form of group) add(form, {kind: 'city', group, country: city.iso2})
  }
  for (const nation of NATIONS) {
    const place: Place = {kind: 'country', group: nation.forms, country: nation.code}
    for (const form of nation.forms) places.set(form, form === 'scottish' || form === 'welsh' || form === 'scot' || form === 'scots' ? {...place, kind: 'demonym'} : place)
    byCountry.set(nation.code, [...nation.forms])
    own.set(nation.code, nation.forms)
  }
  for (const region of REGIONS) {
    // a region is mentioned when the body names one of its countries
    const key = `region:${region.forms[0]}`
    const members = countries.filter((country) => region.members?.includes(country.cca2) || region.covers.includes(country.region ?? '') || region.covers.includes(country.subregion ?? ''))
    byCountry.set(key, members.flatMap((member) => byCountry.get(member.cca2) ?? []))
    for (const form of region.forms) if (!places.has(form)) places.set(form, {kind: 'region', group: region.forms, country: key})
  }
  for (const [code, list] of byCountry) byCountry.set(code, [...new Set(list)].filter((form) => (countriesOf.get(form)?.size ?? 1) === 1))
  return {places, byCountry, own, names}
}

function rank(kind: PlaceKind): number {
  return ['country', 'state', 'demonym', 'capital', 'city'].indexOf(kind)
}
