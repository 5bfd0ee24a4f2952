// Places, from two well-kept packages: world-countries (names, official names, other spellings,
// demonyms and capitals of 250 countries and territories) and city-timezones (7,300 cities with
// population, country and province: the cities of 100,000 people or more, and the US states).
// Loaded on the first headline that needs it (about 90 ms, measured), then kept. Every form of a
// place leads to its group, so `US`, `United States`, `American` and `Washington` are one place.
import {createRequire} from 'node:module'

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
const REGIONS: ReadonlyArray<{forms: readonly string[]; covers: readonly string[]}> = [
  {forms: ['europe', 'european', 'europeans', 'eu', 'eurozone', 'euro zone'], covers: ['Europe']},
  {forms: ['asia', 'asian', 'asians'], covers: ['Asia']},
  {forms: ['africa', 'african', 'africans'], covers: ['Africa']},
  {forms: ['latin america', 'latin american', 'south america', 'south american'], covers: ['South America', 'Central America', 'Caribbean']},
  {forms: ['middle east', 'mideast', 'middle eastern', 'gulf', 'arab'], covers: ['Western Asia', 'Northern Africa']},
  {forms: ['scandinavia', 'scandinavian', 'nordic'], covers: ['Northern Europe']},
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

// Forms every desk uses that the packages spell otherwise.
const EXTRA: ReadonlyArray<readonly string[]> = [
  ['united states', 'us', 'u.s.', 'usa', 'u.s.a.', 'america', 'american', 'americans', 'washington'],
  ['united kingdom', 'uk', 'u.k.', 'britain', 'great britain', 'british', 'briton', 'britons', 'london', 'england', 'english', 'scotland', 'scottish', 'wales', 'welsh'],
  ['netherlands', 'holland', 'dutch'],
  ['south korea', 'korea', 'korean', 'seoul'],
  ['north korea', 'pyongyang'],
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

// The UK's nations are places of their own (a `Scottish` headline needs Scotland in the body,
// not London), each with its chief cities; the UK is mentioned by any of them.
const NATIONS: ReadonlyArray<{code: string; forms: readonly string[]}> = [
  {code: 'GB-SCT', forms: ['scotland', 'scottish', 'scot', 'scots', 'edinburgh', 'glasgow', 'aberdeen', 'dundee', 'holyrood']},
  {code: 'GB-WLS', forms: ['wales', 'welsh', 'cardiff', 'swansea', 'newport']},
  {code: 'GB-NIR', forms: ['northern ireland', 'belfast', 'ulster', 'stormont']}
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
    if (city.iso2 === 'US' && city.province) {
      add(city.province, {kind: 'state', group: [city.province.toLowerCase()], country: 'US'})
      // a state is mentioned by any of its cities (`Orlando` for Florida)
      const key = `state:${city.province.toLowerCase()}`
      const list = byCountry.get(key) ?? []
      list.push(city.city.toLowerCase(), city.city_ascii.toLowerCase())
      byCountry.set(key, list)
    }
    if (city.pop < 100000) continue
    const group = [...new Set([city.city, city.city_ascii].map((f) => f.toLowerCase()))]
    for (const form of group) add(form, {kind: 'city', group, country: city.iso2})
  }
  for (const nation of NATIONS) {
    const place: Place = {kind: 'country', group: nation.forms, country: nation.code}
    for (const form of nation.forms) places.set(form, form === 'scottish' || form === 'welsh' || form === 'scot' || form === 'scots' ? {...place, kind: 'demonym'} : place)
    byCountry.set(nation.code, [...nation.forms])
  }
  for (const region of REGIONS) {
    // a region is mentioned when the body names one of its countries
    const key = `region:${region.forms[0]}`
    const members = countries.filter((country) => region.covers.includes(country.region ?? '') || region.covers.includes(country.subregion ?? ''))
    byCountry.set(key, members.flatMap((member) => byCountry.get(member.cca2) ?? []))
    for (const form of region.forms) if (!places.has(form)) places.set(form, {kind: 'region', group: region.forms, country: key})
  }
  for (const [code, list] of byCountry) byCountry.set(code, [...new Set(list)].filter((form) => (countriesOf.get(form)?.size ?? 1) === 1))
  return {places, byCountry}
}

function rank(kind: PlaceKind): number {
  return ['country', 'state', 'demonym', 'capital', 'city'].indexOf(kind)
}
