// When a word may rightly stand twice in a row, beyond what retext-repeated-words already allows
// (`had had`, `that that`, capitalized names such as `Girls Girls Girls`).

/** Words doubled for emphasis or sound: `so so much`, `far far away`, `bye bye`, `ha ha`. */
export const REDUPLICATED = new Set([
  'so', 'far', 'very', 'bye', 'yes', 'ha', 'hah', 'heh', 'ho', 'hi', 'hey', 'oh', 'ah', 'aah',
  'uh', 'tsk', 'shh', 'hush', 'tut', 'wink', 'nudge', 'knock', 'tick', 'ding', 'ring', 'beep',
  'bleep', 'honk', 'boom', 'bang', 'choo', 'chop', 'cha', 'la', 'ta', 'yum', 'yummy', 'woof', 'meow',
  'quack', 'squawk', 'woop', 'wop', 'whoa', 'aye', 'si', 'hip', 'wild', 'ok', 'okay', 'bla', 'blah',
  'yadda', 'mau', 'tse', 'sapiens', 'do', 'doo', 'boo', 'tuk', 'chow', 'chi',
  'paw', 'walla', 'sri', 'jay', 'x', 'o', 'omg', 'miu', 'fnar', 'fnarr', 'gout', 'ouh', 'brum',
  'lapu', 'santorio', 'twinkle', 'yeah', 'tut', 'pom', 'bora', 'baden', 'mahi', 'dum', 'tom'
])

/** Pronouns that are both object and possessive: `gave her her phone`. */
export const OBJECT_POSSESSIVE = new Set(['her'])

/** Verbs a preposition completes, so the next phrase may start with it again: `waiting for for years`, `log in in the morning`, `need to to stay`. */
export const PHRASAL = new Map<string, RegExp>([
  ['for', /^(?:wait|waited|waiting|waits|look|looked|looking|looks|ask|asked|asking|asks|hope|hoped|hoping|hopes|call|called|calling|calls|search|searched|searching|pay|paid|paying|pays|campaign|campaigned|campaigning|lobby|lobbied|lobbying|fight|fought|fighting|vote|voted|voting|apply|applied|applying|prepare|prepared|preparing|long|longed|longing|care|cared|caring|account|accounted|responsible|known|famous|used|thank|thanked)$/u],
  ['in', /^(?:log|logged|logging|logs|sign|signed|signing|signs|check|checked|checking|checks|plug|plugged|plugging|move|moved|moving|step|stepped|stepping|come|came|coming|set|setting|kick|kicked|kicking|dig|dug|digging|phone|phoned|phoning|call|called|calling|drop|dropped|dropping|sink|sank|sinking|them|it|him|her|us|me)$/u],
  ['to', /^(?:need|needs|needed|have|has|had|refer|refers|referred|referring|applied|apply|applying|connected|pray|prayed|used|listen|listened|listening|talk|talked|talking|due|object|objected|objecting|want|wants|wanted|going|got|ought|able|unable|appeared|seem|seems|seemed|tried|try|trying)$/u],
  ['on', /^(?:depend|depends|depended|depending|rely|relies|relied|relying|count|counted|counting|focus|focused|focusing|insist|insisted|insisting|carry|carried|carrying|going|went|moved|move)$/u]
])

/**
 * Words that are also given names or months, so a capitalized one before its lower-case twin is
 * a name, not a slip: `In May may we`, `Will will be here`.
 */
export const NAME_WORDS = new Set([
  'may', 'will', 'june', 'april', 'august', 'bill', 'mark', 'rob', 'sue', 'pat', 'jack', 'frank',
  'grant', 'don', 'ray', 'rose', 'hope', 'faith', 'joy', 'grace', 'dawn', 'guy', 'bob', 'art',
  'gene', 'max', 'sky', 'hunter', 'chase', 'wade', 'drew', 'carol', 'penny', 'amber', 'ruby'
])

/** Nouns that double as verbs, so `to record record profits` is a verb and its object. */
export const HOMOGRAPHS = new Set([
  'address', 'record', 'present', 'object', 'project', 'produce', 'contest', 'contract',
  'conduct', 'permit', 'progress', 'protest', 'export', 'import', 'increase', 'decrease',
  'conflict', 'suspect', 'reject', 'subject', 'refund', 'transfer', 'update', 'upgrade', 'rebel'
])

/** What follows a legitimate `to to`: not an article or a name (`refers to to a value` is a slip). */
export const NOT_AFTER_TO = /^(?:a|an|the|this|that|these|those|my|your|his|her|its|our|their|\p{Lu}.*|\d.*)$/u

/**
 * Interjections doubled in speech (`No no, not that`); before a word they are a slip (`no no
 * longer`), so they stand only before punctuation, the end, or themselves.
 */
export const INTERJECTIONS = new Set(['no', 'can'])

/**
 * Words after which `that that` opens a clause with a demonstrative (`He said that that was
 * wrong`, `I think that that plan works`, `it matters in that that poster stayed up`); after a noun (`a deal that that gives them`) the
 * second `that` is a slip.
 */
export const BEFORE_THAT_THAT = new Set(
  ('said says say saying think thinks thought believe believes believed know knows knew known show shows showed shown ' +
    'suggest suggests suggested mean means meant argue argues argued claim claims claimed insist insists insisted feel ' +
    'feels felt hope hoped hopes ensure ensured realise realised realize realized admit admitted agree agreed note noted ' +
    'notes add added state stated find found finds seem seems seemed is was are were be been so now given except but and ' +
    'because fact sure clear true likely possible aware glad told tell tells warn warned conclude concluded decide decided ' +
    'predict predicted expect expected confirm confirmed announce announced report reported prove proved proves doubt ' +
    'doubted hear heard see saw understand understood assume assumed guess guessed bet wish wished fear feared worry worried ' +
    'in such provided providing assuming considering seeing remember remembered forget forgot recognise recognised recognize recognized explain explained answer answered reply replied').split(' ')
)

/** Words that cannot follow a demonstrative `that`: `data show that that in March` is a slip. */
export const NOT_AFTER_THAT = /^(?:in|on|at|of|for|to|by|with|from|as|into|the|a|an|he|she|they|we|i|you|it|his|her|their|our|my|its|this|these|those|there|if|when|while|because|and|or|but|not|\d.*)$/u

/** What follows a past perfect `had had` that is a slip: `had had been`, `had had left the`. */
export const AFTER_PARTICIPLE = /^(?:the|a|an|to|in|on|at|for|by|with|from|it|him|her|them|us|me|that|this|his|their|its|our|up|out|off|down|over|back|away|into)$/u
