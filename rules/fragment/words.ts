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

/** One- and two-word sentences writers use on purpose: `Indeed.`, `Not yet.`, `Perhaps.` */
export const RHETORICAL = new Set([
  'yes', 'no', 'indeed', 'exactly', 'absolutely', 'perhaps', 'maybe', 'nothing', 'never', 'hardly',
  'sure', 'fine', 'true', 'wrong', 'correct', 'right', 'agreed', 'ok', 'okay', 'thanks', 'well',
  'so', 'again', 'still', 'anyway', 'nonetheless', 'however', 'not', 'hello', 'goodbye', 'please',
  'sorry', 'why', 'how', 'what', 'who', 'when', 'where', 'certainly', 'definitely', 'quite',
  'enough', 'gone', 'done', 'finally', 'unbelievable', 'incredible', 'amazing', 'fair', 'good',
  'great', 'bad', 'oh', 'ah', 'wow', 'alas', 'cheers', 'sadly', 'thankfully', 'luckily', 'unfortunately'
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
