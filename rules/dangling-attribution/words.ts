// Who news copy attributes things to: the nouns of an anonymous-source phrase (`the five people
// familiar with the conversations`) and of a speaker's role (`the minister`).
export const SOURCES = [
  'people', 'person', 'sources?', 'officials?', 'diplomats?', 'insiders?', 'aides?', 'analysts?',
  'executives?', 'advisers?', 'advisors?', 'negotiators?', 'investigators?', 'lawmakers?',
  'legislators?', 'members', 'employees', 'staff', 'witnesses', 'residents', 'experts',
  'spokes(?:man|woman|person)', 'minister', 'ministers', 'chairman', 'chairwoman', 'president',
  'director', 'chief executive', 'chief', 'secretary', 'senator', 'official'
].join('|')

// What follows the noun in an anonymous-source phrase: `familiar with`, `close to`, `briefed on`.
export const QUALIFIERS = [
  'familiar with', 'close to', 'briefed on', 'with knowledge of', 'knowledgeable about',
  'involved in', 'aware of', 'with direct knowledge of', 'in', 'at', 'from', 'for', 'of'
].join('|')

/** Titles that start a speaker's name in an attribution: `"...," Mr Smith.` */
export const TITLES = 'Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|Sen\\.|Rep\\.|Gov\\.|Gen\\.|President|Senator|Governor'
