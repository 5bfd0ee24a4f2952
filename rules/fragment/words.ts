// Word lists for telling a fragment from a short sentence.

/** Finite verbs and auxiliaries: a sentence with one of these is not verbless. */
export const FINITE = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'am', 'has', 'have', 'had', 'do', 'does', 'did', 'can',
  'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'ought', 'need', 'dare',
  'said', 'says', 'say', 'told', 'tell', 'tells', 'went', 'came', 'got', 'made', 'took', 'gave',
  'saw', 'knew', 'thought', 'felt', 'left', 'won', 'lost', 'let', 'put', 'set', 'cut', 'hit',
  'isn’t', "isn't", 'aren’t', "aren't", 'wasn’t', "wasn't", 'don’t', "don't", 'can’t', "can't",
  'won’t', "won't", 'it’s', "it's", 'that’s', "that's", 'there’s', "there's", 'he’s', "he's",
  'she’s', "she's", 'we’re', "we're", 'they’re', "they're", 'i’m', "i'm", 'you’re', "you're"
])

/**
 * Words that open a sentence and lead into it with a comma (`Overall, sales fell`): alone between
 * two sentences, one of these is the first word of a sentence cut off by a stray period.
 */
export const CONNECTIVES = new Set([
  'overall', 'however', 'meanwhile', 'moreover', 'furthermore', 'nevertheless', 'nonetheless',
  'consequently', 'therefore', 'thus', 'hence', 'additionally', 'also', 'instead', 'otherwise',
  'likewise', 'similarly', 'elsewhere', 'separately', 'previously', 'currently', 'today',
  'yesterday', 'besides', 'accordingly', 'alternatively', 'conversely', 'subsequently',
  'ultimately', 'initially', 'originally', 'eventually', 'meantime', 'further', 'still', 'yet',
  'then', 'now', 'later', 'earlier', 'recently', 'notably', 'importantly', 'specifically',
  'typically', 'generally', 'traditionally', 'historically', 'globally', 'domestically',
  'nationally', 'locally', 'officially', 'publicly', 'privately', 'financially', 'politically'
])

/** Adverbs writers use alone on purpose: `Sadly.`, `Absolutely.`, `Definitely.` */
export const RHETORICAL = new Set([
  'absolutely', 'certainly', 'definitely', 'exactly', 'finally', 'hardly', 'possibly', 'probably',
  'really', 'sadly', 'seriously', 'surely', 'thankfully', 'luckily', 'unfortunately', 'hopefully',
  'obviously', 'clearly', 'apparently', 'honestly', 'frankly', 'naturally', 'precisely', 'totally'
])

/**
 * Verbs of intent and speech that start a subjectless sentence in body copy, as headlines do:
 * `Aims to advance economic ties.`, `Says he will stay.`
 */
export const SUBJECTLESS = new Set([
  'aims', 'plans', 'hopes', 'wants', 'seeks', 'vows', 'says', 'urges', 'warns', 'claims', 'expects',
  'intends', 'tries', 'needs', 'refuses', 'agrees', 'promises', 'threatens', 'pledges', 'admits',
  'denies', 'insists', 'believes', 'fears', 'wishes', 'decides', 'chooses', 'vowed', 'pledged'
])
