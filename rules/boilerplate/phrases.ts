// Lines that web pages put around an article and scrapers carry into the copy. Each pattern must
// match a whole line (case-insensitive, surrounding punctuation and arrows ignored), never a
// phrase inside a sentence: `Related posts` alone on a line is residue, in a sentence it is prose.
export const PHRASES: readonly RegExp[] = [
  /^leave a (?:comment|reply)(?: below)?$/u,
  /^(?:\d+ )?comments?(?: \(\d+\))?$/u,
  /^(?:no|view|show|load|add|post|write) (?:a |all |more )?comments?$/u,
  /^share (?:this|the) (?:article|story|post|page)(?: on (?:facebook|twitter|x|linkedin|whatsapp|email|reddit))?$/u,
  /^share (?:on|via) (?:facebook|twitter|x|linkedin|whatsapp|email|reddit|pinterest)$/u,
  /^(?:share|tweet|pin it|email|print|save)(?: (?:this|article|story|page))?$/u,
  /^(?:follow|like) (?:us|@\S+) on (?:twitter|x|facebook|instagram|linkedin|tiktok|youtube|threads|google news)$/u,
  /^click here(?: to (?:subscribe|read more|comment|continue|learn more|sign up|view|download|see more).*)?$/u,
  /^(?:subscribe|sign up)(?: now| today| here)?(?: (?:to|for) (?:our|the|a) (?:[\w-]+ )?(?:newsletter|updates|alerts|channel|podcast))?$/u,
  /^related (?:posts|articles|stories|content|coverage|topics|news|reading|links|items)$/u,
  /^(?:read|see) (?:more|also|next)(?: ?:.*)?$/u,
  /^continue reading(?: the main story)?$/u,
  /^(?:advertisement|advertising|sponsored|sponsored content|sponsored links|ad|ads|skip advertisement)$/u,
  /^story continues below(?: advertisement)?$/u,
  /^scroll (?:down )?to continue(?: with content)?$/u,
  /^(?:you (?:may|might) also like|recommended(?: for you| stories)?|most (?:read|popular|viewed)|trending(?: now)?)$/u,
  /^(?:back to top|skip to (?:main )?content|jump to comments)$/u,
  /^(?:previous|next) (?:article|post|story)$/u,
  /^listen to this article(?: \d+ min)?$/u,
  /^all rights reserved$/u,
  /^(?:copyright|©) ?(?:\(c\) ?)?\d{4}.*all rights reserved$/u,
  /^this (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in) .+$/u,
  /^loading(?: comments)?\.*$/u
]
