// A headline place swapped for one the article never names (seed: `Philippines, Japan move ...`
// over a story about Japan and South Korea). The generator keeps its own small list of places,
// written here apart from the rule's gazetteer, each with the other forms a body may use, so
// the new place is named nowhere in the article under any of them, nor its country (a city, a
// state, a province) or any of its countries (a world region): a body that names Switzerland
// does not leave `Zurich` unsupported. A country adjective is swapped for another adjective; an
// ALL-CAPS headline gets the place in capitals.
// A place that headlines use for an institution (`Brussels` for the EU, `Westminster`) is not put
// in: a reader takes it for the institution, so a desk would not call it a mismatch.
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
  ['city', 'Glasgow'], ['city', 'Edinburgh'], ['city', 'Liverpool'], ['city', 'Leeds'], ['city', 'Dublin'],
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
  ['country', 'Turkey', 'Turkish', 'Turk', 'Turks'], ['country', 'Jordan', 'Jordanian'], ['country', 'Iceland', 'Icelandic', 'Icelander'],
  ['country', 'Croatia', 'Croatian'], ['country', 'Serbia', 'Serbian'], ['country', 'Haiti', 'Haitian'], ['country', 'Jamaica', 'Jamaican'],
  ['country', 'Ghana', 'Ghanaian'], ['country', 'Uganda', 'Ugandan'], ['country', 'Tanzania', 'Tanzanian'], ['country', 'Nepal', 'Nepalese', 'Nepali'],
  ['country', 'Mongolia', 'Mongolian'], ['country', 'Qatar', 'Qatari'], ['country', 'Kuwait', 'Kuwaiti'], ['country', 'Bolivia', 'Bolivian'],
  ['country', 'Uruguay', 'Uruguayan'], ['country', 'Paraguay', 'Paraguayan'], ['country', 'Estonia', 'Estonian'], ['country', 'Latvia', 'Latvian'],
  ['country', 'Lithuania', 'Lithuanian'], ['country', 'Slovakia', 'Slovak'], ['country', 'Slovenia', 'Slovenian'], ['country', 'Cambodia', 'Cambodian'],
  ['city', 'New York', '', 'NYC', 'New Yorker'], ['city', 'Las Vegas'], ['city', 'San Diego'], ['city', 'Phoenix'], ['city', 'Baltimore'],
  ['city', 'Pittsburgh'], ['city', 'Cleveland'], ['city', 'Minneapolis'], ['city', 'Nashville'], ['city', 'New Orleans'], ['city', 'Portland'],
  ['city', 'Copenhagen'], ['city', 'Budapest'], ['city', 'Bucharest'], ['city', 'Kiev', '', 'Kyiv'], ['city', 'Tehran'], ['city', 'Baghdad'],
  ['city', 'Riyadh'], ['city', 'Jerusalem'], ['city', 'Tel Aviv'], ['city', 'Johannesburg'], ['city', 'Cape Town'], ['city', 'Buenos Aires'],
  ['city', 'Sao Paulo'], ['city', 'Rio de Janeiro', '', 'Rio'], ['city', 'Mexico City'], ['city', 'Lima'], ['city', 'Bogota'], ['city', 'Manila'],
  ['city', 'Hanoi'], ['city', 'Taipei'], ['city', 'Kuala Lumpur'], ['city', 'Auckland'], ['city', 'Perth'], ['city', 'Brisbane'], ['city', 'Ottawa'],
  ['city', 'Calgary'], ['city', 'Hamburg'], ['city', 'Cologne'], ['city', 'Naples'], ['city', 'Seville'], ['city', 'Marseille'], ['city', 'Lyon'],
  ['city', 'Bristol'], ['city', 'Sheffield'], ['city', 'Newcastle'], ['city', 'Cardiff'], ['city', 'Belfast'],
  ['state', 'New Jersey'], ['state', 'Georgia'], ['state', 'North Carolina'], ['state', 'South Carolina'], ['state', 'Maryland'],
  ['state', 'Missouri'], ['state', 'Indiana'], ['state', 'Washington State'], ['state', 'Connecticut'], ['state', 'Oklahoma'], ['state', 'Kansas'],
  ['state', 'Nebraska'], ['state', 'Arkansas'], ['state', 'Mississippi'], ['state', 'New Mexico'], ['state', 'Idaho'], ['state', 'Montana'],
  ['state', 'Wyoming'], ['state', 'Alaska', 'Alaskan'], ['state', 'Hawaii', 'Hawaiian'], ['state', 'Maine'], ['state', 'Vermont'], ['state', 'New Hampshire'],
  ['state', 'Delaware'], ['state', 'Rhode Island'], ['state', 'West Virginia'], ['state', 'North Dakota'], ['state', 'South Dakota'],
  ['region', 'Europe', 'European', 'EU'], ['region', 'Asia', 'Asian'], ['region', 'Africa', 'African'],
  ['region', 'Latin America', 'Latin American'], ['region', 'Middle East', 'Mideast'], ['region', 'Scandinavia', 'Scandinavian'],
  ['region', 'Siberia', 'Siberian'], ['region', 'Bavaria', 'Bavarian'], ['region', 'Catalonia', 'Catalan'], ['region', 'Tuscany'],
  ['region', 'Quebec'], ['region', 'Ontario'], ['region', 'Yorkshire'], ['region', 'Cornwall'], ['region', 'Kashmir'],
  ['region', 'Tibet', 'Tibetan'], ['region', 'Patagonia'], ['region', 'Balkans', 'Balkan'], ['region', 'Caribbean']
]

// Capitals and chief cities a body may name instead of the country.
const CITIES: Record<string, string[]> = {
  France: ['Paris'], Germany: ['Berlin', 'Frankfurt', 'Munich'], Italy: ['Rome', 'Milan'], Spain: ['Madrid', 'Barcelona'],
  Portugal: ['Lisbon'], Japan: ['Tokyo', 'Osaka'], India: ['Delhi', 'New Delhi', 'Mumbai', 'Bombay'], Brazil: ['Brasilia', 'Sao Paulo', 'Rio'],
  Mexico: ['Mexico City'], Canada: ['Ottawa', 'Toronto', 'Montreal', 'Vancouver', 'Ontario', 'Quebec'], Australia: ['Canberra', 'Sydney', 'Melbourne'],
  Poland: ['Warsaw'], Sweden: ['Stockholm'], Norway: ['Oslo'], Denmark: ['Copenhagen'], Finland: ['Helsinki'], Netherlands: ['Amsterdam', 'The Hague'],
  Belgium: ['Brussels'], Switzerland: ['Bern', 'Berne', 'Zurich', 'Geneva'], Austria: ['Vienna'], Greece: ['Athens'], Ireland: ['Dublin'],
  Scotland: ['Edinburgh', 'Glasgow'], Wales: ['Cardiff'], Egypt: ['Cairo'], Nigeria: ['Abuja', 'Lagos'], Kenya: ['Nairobi'],
  'South Africa': ['Pretoria', 'Cape Town', 'Johannesburg'], Argentina: ['Buenos Aires'], Chile: ['Santiago'], Peru: ['Lima'], Colombia: ['Bogota'],
  Venezuela: ['Caracas'], Israel: ['Jerusalem', 'Tel Aviv'], 'Saudi Arabia': ['Riyadh'], Pakistan: ['Islamabad', 'Karachi'], Afghanistan: ['Kabul'],
  Indonesia: ['Jakarta'], Malaysia: ['Kuala Lumpur'], Thailand: ['Bangkok'], Vietnam: ['Hanoi'], Taiwan: ['Taipei'], 'New Zealand': ['Wellington'],
  Hungary: ['Budapest'], Romania: ['Bucharest'], Bulgaria: ['Sofia'], 'Czech Republic': ['Prague'], Morocco: ['Rabat'], Algeria: ['Algiers'],
  Ethiopia: ['Addis Ababa'], Bangladesh: ['Dhaka'], 'Sri Lanka': ['Colombo'], Zimbabwe: ['Harare'], Ecuador: ['Quito'], Cuba: ['Havana'],
  Syria: ['Damascus'], Lebanon: ['Beirut'], Turkey: ['Ankara', 'Istanbul'], 'United States': ['Washington', 'New York'], Britain: ['London']
}

// The country of each city, state and province a body might name it by, and the countries of
// each world region: what else makes a body mention the place.
const US_PLACES = ['Chicago', 'Boston', 'Houston', 'Los Angeles', 'San Francisco', 'Seattle', 'Dallas', 'Atlanta', 'Miami', 'Denver', 'Detroit',
  'Philadelphia', 'New York', 'Las Vegas', 'San Diego', 'Phoenix', 'Baltimore', 'Pittsburgh', 'Cleveland', 'Minneapolis', 'Nashville', 'New Orleans', 'Portland']
const COUNTRY_OF: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CITIES).flatMap(([country, cities]) => cities.map((city) => [city, country]))),
  ...Object.fromEntries(US_PLACES.map((city) => [city, 'United States'])),
  ...Object.fromEntries(['Manchester', 'Birmingham', 'Liverpool', 'Leeds', 'Bristol', 'Sheffield', 'Newcastle', 'Yorkshire', 'Cornwall'].map((city) => [city, 'Britain'])),
  Glasgow: 'Scotland', Edinburgh: 'Scotland', Cardiff: 'Wales', Belfast: 'Britain', Istanbul: 'Turkey', Dubai: 'United Arab Emirates',
  Shanghai: 'China', 'Hong Kong': 'China', Singapore: 'Singapore', Copenhagen: 'Denmark', Budapest: 'Hungary', Bucharest: 'Romania', Kiev: 'Ukraine',
  Tehran: 'Iran', Baghdad: 'Iraq', Riyadh: 'Saudi Arabia', Jerusalem: 'Israel', 'Tel Aviv': 'Israel', Johannesburg: 'South Africa', 'Cape Town': 'South Africa',
  'Buenos Aires': 'Argentina', 'Sao Paulo': 'Brazil', 'Rio de Janeiro': 'Brazil', 'Mexico City': 'Mexico', Lima: 'Peru', Bogota: 'Colombia', Manila: 'Philippines',
  Hanoi: 'Vietnam', Taipei: 'Taiwan', 'Kuala Lumpur': 'Malaysia', Auckland: 'New Zealand', Perth: 'Australia', Brisbane: 'Australia', Ottawa: 'Canada',
  Calgary: 'Canada', Hamburg: 'Germany', Cologne: 'Germany', Naples: 'Italy', Seville: 'Spain', Marseille: 'France', Lyon: 'France', Seoul: 'South Korea',
  Beijing: 'China', Moscow: 'Russia', Siberia: 'Russia', Bavaria: 'Germany', Catalonia: 'Spain', Tuscany: 'Italy', Quebec: 'Canada', Ontario: 'Canada',
  Kashmir: 'India', Tibet: 'China', Patagonia: 'Argentina'
}
const EUROPE = ['Britain', 'France', 'Germany', 'Italy', 'Spain', 'Portugal', 'Poland', 'Sweden', 'Norway', 'Denmark', 'Finland', 'Netherlands', 'Belgium',
  'Switzerland', 'Austria', 'Greece', 'Ireland', 'Scotland', 'Wales', 'Hungary', 'Romania', 'Bulgaria', 'Czech Republic', 'Ukraine', 'Russia', 'Turkey',
  'Iceland', 'Croatia', 'Serbia', 'Estonia', 'Latvia', 'Lithuania', 'Slovakia', 'Slovenia']
const ASIA = ['Japan', 'China', 'India', 'Indonesia', 'Malaysia', 'Philippines', 'Thailand', 'Vietnam', 'South Korea', 'North Korea', 'Taiwan', 'Pakistan',
  'Afghanistan', 'Bangladesh', 'Sri Lanka', 'Nepal', 'Mongolia', 'Cambodia', 'Russia', 'Turkey', 'Iran', 'Iraq', 'Israel', 'Saudi Arabia', 'Syria', 'Lebanon',
  'Jordan', 'Qatar', 'Kuwait', 'Singapore', 'United Arab Emirates']
const AFRICA = ['Egypt', 'Nigeria', 'Kenya', 'South Africa', 'Morocco', 'Algeria', 'Ethiopia', 'Zimbabwe', 'Ghana', 'Uganda', 'Tanzania']
const AMERICAS = ['Mexico', 'Brazil', 'Argentina', 'Chile', 'Peru', 'Colombia', 'Venezuela', 'Ecuador', 'Cuba', 'Bolivia', 'Uruguay', 'Paraguay', 'Haiti', 'Jamaica']
const MEMBERS: Record<string, string[]> = {
  Europe: EUROPE, Asia: ASIA, Africa: AFRICA, 'Latin America': AMERICAS,
  'Middle East': ['Egypt', 'Iran', 'Iraq', 'Israel', 'Saudi Arabia', 'Syria', 'Lebanon', 'Jordan', 'Qatar', 'Kuwait', 'Turkey', 'United Arab Emirates'],
  Scandinavia: ['Sweden', 'Norway', 'Denmark', 'Finland', 'Iceland'], Balkans: ['Greece', 'Bulgaria', 'Romania', 'Croatia', 'Serbia', 'Slovenia'],
  Caribbean: ['Cuba', 'Haiti', 'Jamaica']
}

function formsOf(place: (typeof places)[number]): string[] {
  const [, name, adjective = '', ...rest] = place
  return [name, adjective, ...rest, ...(CITIES[name] ?? [])].filter(Boolean)
}

/** Every form that would make a body mention a place: its own, its country's, its countries'. */
function mentionsOf(place: (typeof places)[number]): string[] {
  const related = [COUNTRY_OF[place[1]], ...(MEMBERS[place[1]] ?? [])].filter(Boolean)
  return [...formsOf(place), ...related.flatMap((country) => {
    const entry = places.find((other) => other[0] === 'country' && other[1] === country)
    return entry ? formsOf(entry) : [country]
  })]
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
      (place) => place[0] === chosen.kind && (!chosen.adjective || Boolean(place[2])) && mentionsOf(place).every((form) => !named(body, form, true))
    )
    if (!fresh.length) return null
    const place = rng.pick(fresh)
    let replacement = (chosen.adjective ? place[2] : place[1]) ?? place[1]
    if (caps) replacement = replacement.toUpperCase()
    edit(headline, chosen.at, chosen.at + chosen.form.length, replacement)
    return {line: headline, start: chosen.at, end: chosen.at + replacement.length, shape: `${chosen.kind}${chosen.adjective ? '-adjective' : ''}`, why: `The headline names ${replacement}; the article never does.`, fix: null}
  }
}
