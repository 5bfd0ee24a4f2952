// A headline place swapped for one the article never names (seed: `Philippines, Japan move ...`
// over a story about Japan and South Korea). The generator keeps its own small list of places,
// written here apart from the rule's gazetteer, each with the other forms a body may use, so
// the new place is named nowhere in the article under any of them. A country adjective is
// swapped for another adjective; an ALL-CAPS headline gets the place in capitals.
import {edit, escapeRegExp, type DamageClass} from '../core.js'

type Kind = 'country' | 'city' | 'state' | 'region'
// [kind, name, adjective or '', other forms...]
const places: Array<[Kind, string, string?, ...string[]]> = [
  ['country', 'United States', 'American', 'US', 'U.S.', 'USA', 'America', 'Americans'],
  ['country', 'Britain', 'British', 'UK', 'U.K.', 'United Kingdom', 'Briton', 'Britons', 'England', 'English'],
  ['country', 'France', 'French', 'Frenchman'], ['country', 'Germany', 'German', 'Germans'], ['country', 'Italy', 'Italian', 'Italians'],
  ['country', 'Spain', 'Spanish', 'Spaniard'], ['country', 'Portugal', 'Portuguese'], ['country', 'Japan', 'Japanese'],
  ['country', 'China', 'Chinese', 'Beijing'], ['country', 'India', 'Indian', 'Indians'], ['country', 'Brazil', 'Brazilian'],
  ['country', 'Mexico', 'Mexican'], ['country', 'Canada', 'Canadian'], ['country', 'Australia', 'Australian'],
  ['country', 'Russia', 'Russian', 'Moscow', 'Kremlin'], ['country', 'Ukraine', 'Ukrainian', 'Kiev', 'Kyiv'],
  ['country', 'Poland', 'Polish', 'Pole', 'Poles'], ['country', 'Sweden', 'Swedish', 'Swede'], ['country', 'Norway', 'Norwegian'],
  ['country', 'Denmark', 'Danish', 'Dane'], ['country', 'Finland', 'Finnish', 'Finn'], ['country', 'Netherlands', 'Dutch', 'Holland'],
  ['country', 'Belgium', 'Belgian'], ['country', 'Switzerland', 'Swiss'], ['country', 'Austria', 'Austrian'],
  ['country', 'Greece', 'Greek'], ['country', 'Ireland', 'Irish'], ['country', 'Scotland', 'Scottish', 'Scot', 'Scots'],
  ['country', 'Wales', 'Welsh'], ['country', 'Egypt', 'Egyptian'], ['country', 'Nigeria', 'Nigerian'],
  ['country', 'Kenya', 'Kenyan'], ['country', 'South Africa', 'South African'], ['country', 'Argentina', 'Argentine', 'Argentinian'],
  ['country', 'Chile', 'Chilean'], ['country', 'Peru', 'Peruvian'], ['country', 'Colombia', 'Colombian'],
  ['country', 'Venezuela', 'Venezuelan'], ['country', 'Iran', 'Iranian', 'Tehran'], ['country', 'Iraq', 'Iraqi', 'Baghdad'],
  ['country', 'Israel', 'Israeli'], ['country', 'Saudi Arabia', 'Saudi'], ['country', 'Pakistan', 'Pakistani'],
  ['country', 'Afghanistan', 'Afghan'], ['country', 'Indonesia', 'Indonesian'], ['country', 'Malaysia', 'Malaysian'],
  ['country', 'Philippines', 'Philippine', 'Filipino', 'Manila'], ['country', 'Thailand', 'Thai'], ['country', 'Vietnam', 'Vietnamese'],
  ['country', 'South Korea', 'South Korean', 'Seoul'], ['country', 'North Korea', 'North Korean', 'Pyongyang'],
  ['country', 'Taiwan', 'Taiwanese'], ['country', 'New Zealand', '', 'New Zealander'], ['country', 'Hungary', 'Hungarian'],
  ['country', 'Romania', 'Romanian'], ['country', 'Bulgaria', 'Bulgarian'], ['country', 'Czech Republic', 'Czech'],
  ['country', 'Morocco', 'Moroccan'], ['country', 'Algeria', 'Algerian'], ['country', 'Ethiopia', 'Ethiopian'],
  ['country', 'Bangladesh', 'Bangladeshi'], ['country', 'Sri Lanka', 'Sri Lankan'], ['country', 'Zimbabwe', 'Zimbabwean'],
  ['country', 'Ecuador', 'Ecuadorian'], ['country', 'Cuba', 'Cuban'], ['country', 'Syria', 'Syrian'], ['country', 'Lebanon', 'Lebanese'],
  ['city', 'London', '', 'Londoner'], ['city', 'Paris', '', 'Parisian'], ['city', 'Berlin'], ['city', 'Madrid'], ['city', 'Rome'],
  ['city', 'Tokyo'], ['city', 'Sydney'], ['city', 'Toronto'], ['city', 'Chicago'], ['city', 'Boston'], ['city', 'Houston'],
  ['city', 'Los Angeles', '', 'LA'], ['city', 'San Francisco'], ['city', 'Seattle'], ['city', 'Dallas'], ['city', 'Atlanta'],
  ['city', 'Miami'], ['city', 'Denver'], ['city', 'Detroit'], ['city', 'Philadelphia'], ['city', 'Manchester'], ['city', 'Birmingham'],
  ['city', 'Glasgow'], ['city', 'Edinburgh'], ['city', 'Liverpool'], ['city', 'Leeds'], ['city', 'Dublin'], ['city', 'Brussels'],
  ['city', 'Amsterdam'], ['city', 'Vienna'], ['city', 'Prague'], ['city', 'Warsaw'], ['city', 'Stockholm'], ['city', 'Oslo'],
  ['city', 'Helsinki'], ['city', 'Athens'], ['city', 'Istanbul'], ['city', 'Cairo'], ['city', 'Lagos'], ['city', 'Nairobi'],
  ['city', 'Mumbai', '', 'Bombay'], ['city', 'Delhi', '', 'New Delhi'], ['city', 'Shanghai'], ['city', 'Hong Kong'], ['city', 'Singapore'],
  ['city', 'Bangkok'], ['city', 'Jakarta'], ['city', 'Melbourne'], ['city', 'Montreal'], ['city', 'Vancouver'], ['city', 'Frankfurt'],
  ['city', 'Munich'], ['city', 'Milan'], ['city', 'Barcelona'], ['city', 'Lisbon'], ['city', 'Zurich'], ['city', 'Geneva'],
  ['city', 'Dubai'], ['city', 'Karachi'], ['city', 'Osaka'], ['city', 'Seoul'], ['city', 'Beijing'], ['city', 'Moscow'],
  ['state', 'California', 'Californian'], ['state', 'Texas', 'Texan'], ['state', 'Florida', 'Floridian'], ['state', 'Ohio'],
  ['state', 'Michigan'], ['state', 'Illinois'], ['state', 'Arizona'], ['state', 'Nevada'], ['state', 'Oregon'], ['state', 'Colorado'],
  ['state', 'Minnesota'], ['state', 'Wisconsin'], ['state', 'Pennsylvania'], ['state', 'Virginia'], ['state', 'Massachusetts'],
  ['state', 'Tennessee'], ['state', 'Kentucky'], ['state', 'Louisiana'], ['state', 'Alabama'], ['state', 'Iowa'], ['state', 'Utah'],
  ['region', 'Europe', 'European', 'EU'], ['region', 'Asia', 'Asian'], ['region', 'Africa', 'African'],
  ['region', 'Latin America', 'Latin American'], ['region', 'Middle East', 'Mideast'], ['region', 'Scandinavia', 'Scandinavian'],
  ['region', 'Siberia', 'Siberian'], ['region', 'Bavaria', 'Bavarian'], ['region', 'Catalonia', 'Catalan'], ['region', 'Tuscany'],
  ['region', 'Quebec'], ['region', 'Ontario'], ['region', 'Yorkshire'], ['region', 'Cornwall'], ['region', 'Kashmir'],
  ['region', 'Tibet', 'Tibetan'], ['region', 'Patagonia'], ['region', 'Balkans', 'Balkan'], ['region', 'Caribbean']
]

function formsOf(place: (typeof places)[number]): string[] {
  const [, name, adjective = '', ...rest] = place
  return [name, adjective, ...rest].filter(Boolean)
}

function named(text: string, form: string, caseless: boolean): RegExpExecArray | null {
  return new RegExp(`(?<![\\p{L}.])${escapeRegExp(form)}(?![\\p{L}])`, caseless ? 'iu' : 'u').exec(text)
}

export const headlinePlace: DamageClass = {
  id: 'headline-place',
  always: true,
  about: 'A place in the headline swapped for one the article never names.',
  apply(doc, rng) {
    const headline = doc.lines.find((line) => line.kind === 'headline')
    if (!headline || headline.used) return null
    const caps = !/\p{Ll}/u.test(headline.text)
    // the place in the headline, as a name or as an adjective, longest form first
    const found: Array<{at: number; form: string; kind: Kind; adjective: boolean}> = []
    for (const place of places) {
      for (const form of [place[1], place[2] ?? ''].filter(Boolean)) {
        const match = named(headline.text, form, caps)
        if (match && !found.some((f) => match.index < f.at + f.form.length && f.at < match.index + form.length))
          found.push({at: match.index, form: match[0], kind: place[0], adjective: form === place[2]})
      }
    }
    if (!found.length) return null
    const body = doc.lines.filter((line) => line !== headline).map((line) => line.text).join('\n')
    // only a place the body names too: a headline place the body never names is already a
    // mismatch (or a fact the body states otherwise), so swapping it would hide nothing
    const supported = found.filter((f) => {
      const place = places.find((p) => p[1] === f.form || p[2] === f.form || (caps && [p[1], p[2]].some((x) => x?.toUpperCase() === f.form)))
      return place && formsOf(place).some((form) => named(body, form, true))
    })
    if (!supported.length) return null
    const chosen = rng.pick(supported)
    const fresh = places.filter(
      (place) => place[0] === chosen.kind && (!chosen.adjective || Boolean(place[2])) && formsOf(place).every((form) => !named(body, form, true))
    )
    if (!fresh.length) return null
    const place = rng.pick(fresh)
    let replacement = (chosen.adjective ? place[2] : place[1]) ?? place[1]
    if (caps) replacement = replacement.toUpperCase()
    edit(headline, chosen.at, chosen.at + chosen.form.length, replacement)
    return {line: headline, start: chosen.at, end: chosen.at + replacement.length, shape: `${chosen.kind}${chosen.adjective ? '-adjective' : ''}`, why: `The headline names ${replacement}; the article never does.`, fix: null}
  }
}
