// Places, from two well-kept packages: world-countries (names, official names, other spellings,
// demonyms and capitals of 250 countries and territories) and city-timezones (7,300 cities with
// population, country and province: the cities of 100,000 people or more, and the US states).
// Loaded on the first headline that needs it (about 90 ms, measured), then kept. Every form of a
// place leads to its group, so `US`, `United States`, `American` and `Washington` are one place.
import {createRequire} from 'node:module'

export type PlaceKind = 'country' | 'demonym' | 'capital' | 'city' | 'state'

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
}

interface CityRecord {
  city: string
  city_ascii: string
  pop: number
  iso2: string
  province: string
}

// Forms every desk uses that the packages spell otherwise.
const EXTRA: ReadonlyArray<readonly string[]> = [
  ['united states', 'us', 'u.s.', 'usa', 'u.s.a.', 'america', 'american', 'americans', 'washington'],
  ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain', 'british', 'briton', 'britons', 'london', 'england', 'english', 'scotland', 'scottish', 'wales', 'welsh'],
  ['netherlands', 'holland', 'dutch'],
  ['south korea', 'korea', 'korean', 'seoul'],
  ['north korea', 'korea', 'korean', 'pyongyang'],
  ['russia', 'russian', 'soviet', 'moscow', 'kremlin'],
  ['china', 'chinese', 'beijing', 'peking'],
  ['ivory coast', "cote d'ivoire", 'ivorian'],
  ['czech republic', 'czechia', 'czech'],
  ['myanmar', 'burma', 'burmese'],
  ['türkiye', 'turkey', 'turkish', 'turk', 'turks'],
  ['eswatini', 'swaziland'],
  ['czechia', 'czech republic', 'czech'],
  ['north macedonia', 'macedonia', 'macedonian']
]

let cache: {places: Map<string, Place>; byCountry: Map<string, string[]>} | undefined

/** The place a form names, if any (case ignored). */
export function placeOf(form: string): Place | undefined {
  cache ??= build()
  return cache.places.get(form.toLowerCase())
}

/** Every form of every place in a country (its names and people, its cities and states), lower-cased. */
export function formsInCountry(country: string): readonly string[] {
  cache ??= build()
  return cache.byCountry.get(country) ?? []
}

function build(): {places: Map<string, Place>; byCountry: Map<string, string[]>} {
  const require = createRequire(import.meta.url)
  const countries = require('world-countries/countries.json') as CountryRecord[]
  const cities = require('city-timezones/data/cityMap.json') as CityRecord[]
  const places = new Map<string, Place>()
  const byCountry = new Map<string, string[]>()
  const add = (form: string, place: Place) => {
    const list = byCountry.get(place.country) ?? []
    list.push(...place.group)
    byCountry.set(place.country, list)
    const key = form.toLowerCase()
    const known = places.get(key)
    // a country's own name outranks a city of the same name (`Georgia`, `Mexico`)
    if (!known || rank(place.kind) < rank(known.kind)) places.set(key, place)
    else if (known.group !== place.group) places.set(key, {...known, group: [...new Set([...known.group, ...place.group])]})
  }
  for (const country of countries) {
    const names = [country.name.common, country.name.official, ...(country.altSpellings ?? []).filter((alt) => alt.length > 3 || /^[A-Z]{2,3}$/.test(alt) === false)]
    const demonyms = [country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((d): d is string => Boolean(d))
    const capitals = country.capital ?? []
    const extra = EXTRA.find((forms) => forms.includes(country.name.common.toLowerCase()))
    const group = [...new Set([...names, ...demonyms, ...demonyms.map((d) => d + 's'), ...capitals, ...(extra ?? [])].map((f) => f.toLowerCase()))]
    const code = country.cca2
    for (const name of names) add(name, {kind: 'country', group, country: code})
    for (const demonym of demonyms) add(demonym, {kind: 'demonym', group, country: code})
    for (const capital of capitals) add(capital, {kind: 'capital', group, country: code})
    for (const form of extra ?? []) add(form, {kind: 'country', group, country: code})
  }
  for (const city of cities) {
    if (city.iso2 === 'US' && city.province) add(city.province, {kind: 'state', group: [city.province.toLowerCase()], country: 'US'})
    if (city.pop < 100000) continue
    const group = [...new Set([city.city, city.city_ascii].map((f) => f.toLowerCase()))]
    for (const form of group) add(form, {kind: 'city', group, country: city.iso2})
  }
  for (const [code, list] of byCountry) byCountry.set(code, [...new Set(list)])
  return {places, byCountry}
}

function rank(kind: PlaceKind): number {
  return ['country', 'state', 'demonym', 'capital', 'city'].indexOf(kind)
}
