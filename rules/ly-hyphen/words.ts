// Words ending in -ly that are not adverbs (adjectives and nouns), so a hyphen after them is right:
// `family-owned`, `early-stage`, `friendly-fire`, `holy-war`, `fly-half`, `curly-coated`.
export const NOT_ADVERBS = new Set([
  'ally', 'anomaly', 'assembly', 'belly', 'bodily', 'brotherly', 'bubbly', 'bully', 'burly',
  'butterfly', 'chilly', 'comely', 'costly', 'courtly', 'cowardly', 'cuddly', 'curly', 'daily',
  'dally', 'dastardly', 'deadly', 'deathly', 'disorderly', 'dolly', 'dragonfly', 'early',
  'earthly', 'elderly', 'family', 'fatherly', 'firefly', 'fly', 'folly', 'friendly', 'gangly',
  'gentlemanly', 'ghastly', 'ghostly', 'giggly', 'godly', 'goodly', 'gravelly', 'grisly', 'grizzly',
  'gully', 'heavenly', 'hilly', 'holly', 'holy', 'homely', 'hourly', 'jelly', 'jolly', 'kindly',
  'kingly', 'leisurely', 'likely', 'lily', 'lively', 'lolly', 'lonely', 'lordly', 'lovely',
  'lowly', 'manly', 'masterly', 'melancholy', 'miserly', 'monopoly', 'monthly', 'motherly',
  'neighbourly', 'neighborly', 'nightly', 'oily', 'only', 'orderly', 'pebbly', 'pearly', 'portly',
  'prickly', 'quarterly', 'queenly', 'rally', 'saintly', 'scholarly', 'shapely', 'sickly',
  'silly', 'sisterly', 'slovenly', 'smelly', 'sparkly', 'sprightly', 'squiggly', 'stately',
  'steely', 'sully', 'supply', 'surly', 'tally', 'telly', 'timely', 'ugly', 'unfriendly',
  'ungodly', 'unlikely', 'unruly', 'unseemly', 'unsightly', 'untimely', 'weekly', 'wily',
  'wobbly', 'womanly', 'woolly', 'worldly', 'wrinkly', 'yearly', 'jelly', 'apply', 'reply',
  'imply', 'comply', 'rely', 'multiply', 'july', 'italy', 'sicily', 'bally', 'wally', 'golly'
])

/**
 * Endings that mark an adverb even when capitalized (`Highly-Available` in a title), where a
 * capitalized word could otherwise be a name (`Italy-based`, `Kelly-led`).
 */
export const ADVERB_ENDINGS = /(?:ally|ively|ously|ently|antly|ibly|ably|fully|lessly|edly|ingly|ately|ishly|ghly|wly|cly|sely|dely|tely|ply|ctly|etly|ftly)$/u
