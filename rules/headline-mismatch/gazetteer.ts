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
}

interface CountryRecord {
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
  ['myanmar', 'burma', 'burmese']
]

let cache: Map<string, Place> | undefined

/** The place a lower-cased form names, if any. */
export function placeOf(form: string): Place | undefined {
  cache ??= build()
  return cache.get(form.toLowerCase())
}

function build(): Map<string, Place> {
  const require = createRequire(import.meta.url)
  const countries = require('world-countries/countries.json') as CountryRecord[]
  const cities = require('city-timezones/data/cityMap.json') as CityRecord[]
  const places = new Map<string, Place>()
  const add = (form: string, place: Place) => {
    const key = form.toLowerCase()
    const known = places.get(key)
    // a country's own name outranks a city of the same name (`Georgia`, `Mexico`)
    if (!known || rank(place.kind) < rank(known.kind)) places.set(key, place)
    else if (known.group !== place.group) places.set(key, {kind: known.kind, group: [...new Set([...known.group, ...place.group])]})
  }
  for (const country of countries) {
    const names = [country.name.common, country.name.official, ...(country.altSpellings ?? []).filter((alt) => alt.length > 3 || /^[A-Z]{2,3}$/.test(alt) === false)]
    const demonyms = [country.demonyms?.eng?.m, country.demonyms?.eng?.f].filter((d): d is string => Boolean(d))
    const capitals = country.capital ?? []
    const extra = EXTRA.find((forms) => forms.includes(country.name.common.toLowerCase()))
    const group = [...new Set([...names, ...demonyms, ...demonyms.map((d) => d + 's'), ...capitals, ...(extra ?? [])].map((f) => f.toLowerCase()))]
    for (const name of names) add(name, {kind: 'country', group})
    for (const demonym of demonyms) add(demonym, {kind: 'demonym', group})
    for (const capital of capitals) add(capital, {kind: 'capital', group})
    for (const form of extra ?? []) add(form, {kind: 'country', group})
  }
  for (const city of cities) {
    if (city.iso2 === 'US' && city.province) add(city.province, {kind: 'state', group: [city.province.toLowerCase()]})
    if (city.pop < 100000) continue
    const group = [...new Set([city.city, city.city_ascii].map((f) => f.toLowerCase()))]
    for (const form of group) add(form, {kind: 'city', group})
  }
  return places
}

function rank(kind: PlaceKind): number {
  return ['country', 'state', 'demonym', 'capital', 'city'].indexOf(kind)
}
