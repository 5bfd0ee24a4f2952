// What the part-of-speech tags cannot tell: which nouns name someone who can be quoted. A bare
// noun phrase after a reported statement is an attribution only when its head is one of these
// (`..., the group.`, `..., two officials.`); any other is an apposition or an afterthought
// (`..., the highest since 2001.`, `..., a record.`).

/** People quoted by role or as anonymous sources: `..., the five people familiar with the talks.` */
export const PERSONS = new Set([
  'people', 'person', 'source', 'sources', 'official', 'officials', 'diplomat', 'diplomats',
  'insider', 'insiders', 'aide', 'aides', 'analyst', 'analysts', 'executive', 'executives',
  'adviser', 'advisers', 'advisor', 'advisors', 'negotiator', 'negotiators', 'investigator',
  'investigators', 'lawmaker', 'lawmakers', 'legislator', 'legislators', 'member', 'members',
  'employee', 'employees', 'staff', 'witness', 'witnesses', 'resident', 'residents', 'expert',
  'experts', 'spokesman', 'spokeswoman', 'spokesperson', 'spokesmen', 'spokeswomen', 'minister',
  'ministers', 'chairman', 'chairwoman', 'chair', 'president', 'director', 'chief', 'secretary',
  'senator', 'governor', 'mayor', 'manager', 'boss', 'coach', 'founder', 'owner', 'leader',
  'leaders', 'economist', 'economists', 'strategist', 'strategists', 'trader', 'traders',
  'dealer', 'dealers', 'banker', 'bankers', 'lawyer', 'lawyers', 'attorney', 'attorneys',
  'prosecutor', 'prosecutors', 'police', 'officer', 'officers', 'researcher', 'researchers',
  'scientist', 'scientists', 'doctor', 'doctors', 'campaigner', 'campaigners', 'activist',
  'activists', 'critic', 'critics', 'supporter', 'supporters', 'partner', 'partners', 'commissioner',
  'ambassador', 'envoy', 'general', 'commander', 'judge', 'professor', 'teacher', 'author',
  'representative', 'representatives', 'candidate', 'head', 'deputy', 'counsel', 'inspector',
  'superintendent', 'sheriff', 'colleague', 'colleagues', 'friend', 'friends', 'relative',
  'relatives', 'neighbour', 'neighbours', 'neighbor', 'neighbors', 'delegate', 'organiser',
  'organizer', 'investor', 'worker', 'farmer', 'player', 'fan', 'voter', 'shareholder', 'creditor',
  'broker', 'observer', 'monitor', 'rescuer', 'medic', 'paramedic', 'firefighter', 'soldier',
  'man', 'woman', 'agent', 'consultant', 'specialist', 'director', 'trustee'
])

/** Bodies that speak as one: `..., the Treasury Department.`, `..., the city's planning board.` */
export const BODIES = new Set([
  'group', 'company', 'firm', 'department', 'ministry', 'board', 'council', 'committee', 'agency',
  'bank', 'government', 'administration', 'commission', 'union', 'association', 'office', 'party',
  'court', 'authority', 'authorities', 'institute', 'organisation', 'organization', 'federation',
  'bureau', 'service', 'regulator', 'watchdog', 'body', 'panel', 'team', 'club', 'league',
  'charity', 'foundation', 'trust', 'campaign', 'coalition', 'alliance', 'network', 'airline',
  'carrier', 'retailer', 'insurer', 'lender', 'manufacturer', 'maker', 'producer', 'operator',
  'developer', 'publisher', 'broadcaster', 'newspaper', 'website', 'magazine', 'spokesman', 'police', 'army', 'military', 'navy',
  'parliament', 'congress', 'senate', 'cabinet', 'embassy', 'consulate', 'university', 'school',
  'hospital', 'centre', 'center', 'fund', 'exchange', 'corporation', 'conglomerate', 'subsidiary',
  'unit', 'division', 'industry', 'sector', 'opposition', 'state', 'county', 'city', 'registry',
  'daily', 'journal'
])

/** Papers that speak for their authors: `..., the proxy.`, `..., the communique.` */
export const PAPERS = new Set([
  'report', 'study', 'survey', 'poll', 'statement', 'filing', 'proxy', 'prospectus', 'communique',
  'announcement', 'edition', 'paper', 'review', 'analysis', 'document', 'letter', 'ruling', 'data',
  'figures', 'index', 'release'
])

/** Person nouns before a comma make what follows an apposition: `... met the chairman, Mr Smith.` */
export const ROLES = PERSONS

/** Titles that start a speaker's name: `"...," Mr Smith.` */
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'sen',
  'senator', 'rep', 'gov', 'governor', 'gen', 'general', 'president', 'judge', 'mayor', 'rev',
  'father', 'chancellor', 'minister', 'secretary', 'lt', 'col', 'capt', 'sgt', 'det', 'insp'
])

/** Nouns of time: `"...," this time.` and `..., next year.` are not speakers. */
export const TIMES = new Set([
  'time', 'times', 'year', 'years', 'month', 'months', 'week', 'weeks', 'day', 'days', 'today',
  'tonight', 'yesterday', 'tomorrow', 'morning', 'afternoon', 'evening', 'night', 'hour', 'hours',
  'minute', 'minutes', 'decade', 'decades', 'century', 'season', 'weekend', 'moment', 'period',
  'quarter', 'half', 'term', 'spring', 'summer', 'autumn', 'winter', 'fall'
])

/** Verbs of saying: one earlier in the sentence makes a later phrase an apposition to its speaker. */
export const SPEECH = /\b(?:said|says|say|told|tells|added|adds|according|explained|explains|warned|warns|argued|argues|insisted|insists|wrote|writes|claimed|claims|asked|asks|stated|states|noted|notes|replied|replies)\b/u
