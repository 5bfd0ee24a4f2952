// Word lists that decide how a lower-case sentence start is repaired.

/** Words that only continue a clause: the period before them is spurious (`officials. there, including`). */
export const CONTINUATIONS = new Set([
  'including', 'excluding', 'unless', 'which', 'whom', 'whose', 'than', 'whereas', 'whereby',
  'respectively', 'thereby'
])

/** Subject pronouns: they start a new clause, so the period is right and the capital is missing. */
export const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'you', 'it'])

/** Verbs after an existential `there` (`there are`), which starts a sentence rather than continuing one. */
export const EXISTENTIAL_VERBS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'may', 'might',
  'must', 'could', 'should', 'can', 'seems', 'seem', 'seemed', 'appears', 'appear', 'appeared',
  'remains', 'remain', 'remained', 'exists', 'exist', 'existed', 'used', 'isn’t', "isn't",
  'aren’t', "aren't", 'wasn’t', "wasn't", 'weren’t', "weren't", 'won’t', "won't", '’s', "'s"
])

/** Verbs of attribution: `this." he added` lost the comma before the speaker. */
export const SPEECH_VERBS = new Set([
  'said', 'says', 'added', 'adds', 'told', 'tells', 'asked', 'asks', 'explained', 'explains',
  'continued', 'continues', 'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'noted',
  'notes', 'wrote', 'writes', 'claimed', 'claims', 'stressed', 'stresses', 'admitted', 'admits',
  'joked', 'jokes', 'replied', 'replies', 'recalled', 'recalls', 'suggested', 'suggests',
  'concluded', 'concludes', 'declared', 'declares', 'urged', 'urges', 'maintained', 'maintains',
  'commented', 'comments', 'observed', 'observes', 'acknowledged', 'acknowledges', 'conceded',
  'concedes', 'predicted', 'predicts', 'revealed', 'reveals', 'confirmed', 'confirms', 'announced',
  'announces', 'agreed', 'agrees', 'believes', 'believed', 'thinks', 'thought', 'explained'
])

/**
 * Function words: a sentence may start with one (capitalize it) or a stray period may have split
 * the clause before it (join). Both repairs are offered; a person picks.
 */
export const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'and', 'but', 'or', 'nor', 'so', 'yet', 'for',
  'in', 'on', 'at', 'by', 'with', 'from', 'to', 'of', 'as', 'if', 'when', 'while', 'after',
  'before', 'since', 'because', 'although', 'though', 'however', 'meanwhile', 'its', 'his', 'her',
  'their', 'our', 'my', 'your', 'some', 'many', 'most', 'all', 'both', 'each', 'every', 'no', 'not',
  'one', 'two', 'three', 'there', 'here', 'then', 'also', 'but', 'where', 'what', 'who', 'how',
  'why', 'now', 'still', 'even', 'only', 'just', 'such', 'other', 'another', 'over', 'under',
  'about', 'after', 'during', 'despite', 'without', 'within', 'into', 'across', 'among', 'between'
])

/** Interjections a writer sets after a period on purpose, in lower case: `I know. ha.`, `Just deal with it. xo!` */
export const INTERJECTIONS = new Set([
  'ha', 'haha', 'hah', 'heh', 'hehe', 'lol', 'lmao', 'rofl', 'omg', 'oh', 'ah', 'aha', 'wow', 'yay', 'ugh',
  'hmm', 'hm', 'meh', 'phew', 'oops', 'whoops', 'yikes', 'xo', 'xoxo', 'ok', 'okay', 'yeah', 'yep', 'nope',
  'sigh', 'duh', 'argh', 'eh', 'er', 'um', 'uh'
])

/**
 * Lower-case words that open a street or a name before a capital (`via Roma 12`, `rue de Rivoli`,
 * `van Persie`, `de Klerk`, `al-Assad` aside): not a sentence start that lost its capital.
 */
export const PARTICLES = new Set([
  'via', 'viale', 'piazza', 'strada', 'rue', 'calle', 'avenida', 'rua', 'chez', 'van', 'von', 'der',
  'den', 'de', 'di', 'da', 'du', 'del', 'della', 'des', 'ter', 'al', 'el', 'bin', 'ibn', 'le', 'la'
])

/** Brands written in lower case, even at the start of a sentence: `etsy sellers`, `reddit users`. */
export const LOWER_CASE_BRANDS = new Set([
  'etsy', 'reddit', 'tumblr', 'bitly', 'imgur', 'flickr', 'adidas', 'ebay',
  'iphone', 'ipad', 'ipod', 'itunes', 'icloud', 'imac', 'lastfm', 'craigslist', 'wikihow', 'thinkgeek'
])

/**
 * Words no sentence ends on: articles, possessive determiners, `of`, `and`, `than`. A period
 * after one (`the capacity of the. network`) split a clause.
 */
export const OPEN_ENDED = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'nor', 'my', 'your', 'our', 'their', 'its', 'into', 'onto',
  'than', 'whose', 'the’s'
])
