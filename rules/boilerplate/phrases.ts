// Lines that web pages put around an article and scrapers carry into the copy. The kinds are
// those boilerplate removers single out (jusText drops short link-heavy blocks; Readability and
// trafilatura skip page parts named comment, share, social, related, footer, sponsor, cookie,
// newsletter, caption, pagination): comment prompts and counts, share, print and e-mail buttons,
// related links, navigation, advertising labels, subscription and cookie prompts, media labels
// and photo credits, copyright footers, blog tag lines. The words are written here.
//
// Every pattern is matched against a WHOLE line, normalized: lower case, each run of characters
// that are not letters or digits made one space (`Comments (12)` -> `comments 12`, `E-mail
// this »` -> `e mail this`). A phrase inside a sentence is prose, never residue.

const SOCIAL = '(?:facebook|twitter|x|linkedin|whatsapp|e ?mail|reddit|pinterest|instagram|tumblr|google|messenger|telegram|threads|bluesky|youtube|tiktok)'
const THING = '(?:article|story|post|page|video|link|gallery|item|entry|photo|image|report)'
const N = '\\d[\\d ]*' // `1 234` is `1,234` after normalizing

/** Buttons and labels: matched only when the line has no sentence end (`Print` but not `Print.`). */
export const BUTTONS: readonly RegExp[] = [
  // comments
  new RegExp(`^(?:${N} )?(?:comments?|responses?|replies|thoughts)(?: ${N})?$`, 'u'),
  new RegExp(`^(?:leave|post|add|write|submit|view|show|load|hide|read|see|join|open|close) (?:a |the |all |your |more |${N} |all ${N} |${N} more )?(?:comments?|replies|reply|responses?|discussion|conversation)(?: below)?$`, 'u'),
  /^(?:be the first to comment|no comments(?: yet)?|comments are closed|comments closed|have your say|join the discussion|join the conversation|comment|reply|cancel reply|report abuse|report this comment|report comment|comment policy|jump to comments|skip to comments)$/u,
  new RegExp(`^(?:log ?in|sign ?in|register) to (?:reply|comment|post a comment|leave a comment|join the discussion)$`, 'u'),
  new RegExp(`^${N} thoughts? on .{1,60}$`, 'u'),
  // sharing, printing, saving
  new RegExp(`^(?:click to )?(?:share|tweet|pin|post|send|e ?mail) (?:this|the|this ${THING}|the ${THING}|it)?(?: ?(?:on|via|to|with) (?:${SOCIAL}|a friend|friends))?$`, 'u'),
  new RegExp(`^(?:click to )?share (?:on|via|with) (?:${SOCIAL}|a friend|friends)(?: opens in new window)?$`, 'u'),
  /^(?:share|share this|sharing|share on|share via|tweet|pin it|e ?mail|print|save|bookmark|permalink|like|recommend|send|listen|audio|copy link|copy url|copy the link)$/u,
  // a share counter has its number: `Shares` alone may be a business subhead
  new RegExp(`^(?:${N} shares?|shares? ${N})$`, 'u'),
  new RegExp(`^(?:print|e ?mail|save|bookmark|download)(?: (?:this|the))?(?: ${THING})?(?: for later| to a friend| as pdf)?$`, 'u'),
  /^(?:download|save as|view|print) (?:a |the )?pdf$/u,
  new RegExp(`^(?:e ?mail|send) (?:this |the )?(?:${THING} )?to a friend$`, 'u'),
  /^(?:print|printer) (?:friendly|version)(?: version| page)?$/u,
  new RegExp(`^(?:follow|like|find|join) (?:us|@\\S+) on ${SOCIAL}$`, 'u'),
  new RegExp(`^(?:follow|like|find|connect with) us(?: on ${SOCIAL})?$`, 'u'),
  // related content and navigation
  /^(?:related|related (?:posts|articles|stories|content|coverage|topics|news|reading|links|items|videos|internet links|searches|tags|quotes))$/u,
  /^(?:read|see) (?:more|also|next|the full (?:story|article|report))$/u,
  /^(?:read|see) more (?:about|on|from) [\p{L} ]{1,30}$/u,
  /^(?:continue reading|continue reading the main story|full story|more stories|more news|more on this story|more on this topic|top stories|top of page|back to top|skip to (?:main )?content|skip navigation|main menu|menu|search)$/u,
  /^(?:you (?:may|might) also (?:like|be interested in|enjoy)|recommended(?: for you| stories| reading)?|most (?:read|popular|viewed|shared|emailed|commented)|trending(?: now| stories)?|editor s picks|don t miss|popular (?:posts|stories|now))$/u,
  new RegExp(`^(?:previous|next|older|newer) (?:${THING}|posts|entries|stories)?$`, 'u'),
  /^(?:previous|next|page \d+ of \d+)$/u,
  // advertising
  /^(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored (?:content|links|stories|post|by)|promoted(?: content| stories)?|paid (?:content|post)|partner content|ad feedback|skip advertisement|story continues below(?: advertisement)?|article continues below(?: advertisement)?|scroll (?:down )?to continue(?: with content)?|continue reading below)$/u,
  // subscription, account
  new RegExp(`^(?:subscribe|sign up|register|join)(?: now| today| here| free)?(?: (?:to|for) (?:our|the|a|my)? ?(?:[\\w-]+ ){0,3}(?:newsletters?|updates|alerts|channel|podcast|feed|rss feed|emails?|digest|briefing))?$`, 'u'),
  /^(?:click here|click here to (?:subscribe|read more|comment|continue|learn more|sign up|view|download|see more|enlarge|watch).*)$/u,
  /^(?:get|download) (?:our|the) (?:free )?(?:newsletter|app)$/u,
  /^(?:newsletter sign ?up|rss|rss feed|subscribe to rss|subscribe via rss|already a subscriber(?: log ?in| sign ?in)?|log ?in|sign ?in|log ?out|create an account|enter your e ?mail(?: address)?|your e ?mail(?: address)?)$/u,
  // media and captions
  /^(?:image caption|image copyright(?: [\p{L} ]{1,30})?|media caption|photo caption|caption|media playback is unsupported on your device|play video|watch video|watch|video|click to enlarge|enlarge this image|enlarge image|view gallery|view slideshow|view photos?|launch slideshow|hide caption|toggle caption|loading|loading comments|listen to this article(?: \d+ mins?)?|\d+ min read|reading time \d+ min(?:ute)?s?)$/u,
  new RegExp(`^(?:${N} )?(?:photos|images|pictures)$`, 'u'),
  // cookies and legal
  /^(?:accept|accept all|accept cookies|accept all cookies|reject all|manage cookies|cookie (?:policy|settings|preferences|consent)|privacy policy|terms of (?:use|service)|terms and conditions|terms conditions|contact us|about us|site map|sitemap)$/u,
  // blog meta
  /^(?:uncategorized|uncategorised|filed under|tags|tagged|labels|categories|topics)$/u
]

/**
 * Single words that are buttons on a page but can also be a subheading of the article: a list of
 * tips may run `Listen` / `Save` / `Comment` as heads over paragraphs. As jusText judges short
 * blocks by their neighbours, these count only beside other residue or at the article's edge.
 */
export const AMBIGUOUS = new Set(
  'comment reply print email e mail save listen audio video watch search menu like recommend send caption loading related previous next'.split(' ')
)

/** Whole lines that are residue even with a sentence end (`This site uses cookies.`). */
export const PHRASES: readonly RegExp[] = [
  /^all rights reserved$/u,
  /^(?:copyright|c)? ?(?:\d{4}(?: \d{4})? )?(?:[\w ]{0,40} )?all rights reserved$/u,
  /^(?:this|our) (?:site|website) uses cookies(?: .{0,120})?$/u,
  /^we use cookies(?: .{0,120})?$/u,
  /^by (?:continuing to (?:use|browse)|using) (?:this|our|the) (?:site|website)(?: .{0,120})?$/u,
  /^this (?:article|story) (?:was )?(?:originally )?(?:appeared|published) (?:on|in) .+$/u,
  /^comments are closed$/u,
  /^you must be (?:logged in|signed in|registered|a subscriber) to (?:post a |leave a |add a )?(?:comment|reply)$/u,
  // a footer without `All rights reserved`: `Copyright © 2012 Example Media`, the year first
  // (`Copyright law changed in 2012` is prose)
  /^copyright \d{4}(?: \d{4})?(?: [\p{L}\p{N} ]{1,40})?$/u
]

/** Lines that are residue however long (a cookie banner's two sentences), up to this many words. */
export const MAX_PHRASE_WORDS = 30

/** Label lines whose label the raw text must show with its colon: `Tags: politics, Iran`. */
export const LABELS: readonly RegExp[] = [
  /^(?:tags?|tagged(?: with)?|filed under|categories|category|labels?|topics|related|read more|see also)\s*:/iu,
  /^posted in [^.!?]{1,60}$/iu,
  // a footer by its sign: `© 2012 Example Media`
  /^(?:©|\(c\))\s*\d{4}\b[^.!?]{0,60}$/iu
]
