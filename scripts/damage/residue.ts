// An inventory of page residue: the lines a scraper carries from a web page into the copy, as
// readers meet them on news sites and blogs. Written for the damage generator, apart from the
// boilerplate rule's patterns (rules/boilerplate/phrases.ts), so that the rule is measured on
// shapes it was not written from. What goes in comes from public knowledge of page furniture:
//
// - the page parts that boilerplate removers name and drop (Readability's "unlikely candidates":
//   comment, community, disqus, footer, menu, rss, share, social, sidebar, sponsor, ad-break,
//   pagination, popup, related, tags, cookie; trafilatura's comment, share, newsletter, caption,
//   byline-and-date and copyright sections; jusText's short blocks dense with links);
// - how those parts are labelled on the page: buttons (`Share`, `Print`), counters (`12
//   Comments`, `Comments (12)`, `1.2K shares`), prompts (`Leave a reply`, `Subscribe to our
//   newsletter`), captions and credits (`Photo: Jane Doe/Agency`), consent banners, footers;
// - how a scrape flattens them: the label's own case (`READ MORE`, `read more`), the arrows,
//   bullets, pipes and brackets around it (`Read more »`, `• Share`, `[Print]`), a colon.
//
// Each shape is a family (for the breakdown in `eval:damage --shapes`) and a function of the
// random source, so names, counts, years and decoration vary from line to line. The names and
// organisations are invented.
import type {Rng} from './core.js'

export interface ResidueShape {
  family: string
  make(rng: Rng): string
}

const FIRST = ['Jane', 'Tom', 'Maria', 'Ahmed', 'Li', 'Sarah', 'Pete', 'Olga', 'Kwame', 'Rosa']
const LAST = ['Doe', 'Hollis', 'Marsh', 'Okafor', 'Brandt', 'Castro', 'Lund', 'Pryce', 'Tanaka', 'Webb']
const AGENCIES = ['Getty Images', 'AFP', 'Reuters', 'AP', 'EPA', 'PA', 'Shutterstock', 'Alamy', 'AFP/Getty Images', 'iStock']
const OUTLETS = ['The Daily Ledger', 'Northside Media', 'Harbour Post', 'City Wire', 'Metro Herald']
const TOPICS = ['politics', 'economy', 'health', 'travel', 'technology', 'sport', 'climate', 'education']
const SOCIAL = ['Facebook', 'Twitter', 'LinkedIn', 'WhatsApp', 'Pinterest', 'Reddit', 'Email']

const name = (rng: Rng) => `${rng.pick(FIRST)} ${rng.pick(LAST)}`
const count = (rng: Rng) => String(rng.chance(0.3) ? rng.int(10) : 1 + rng.int(rng.chance(0.2) ? 5000 : 300))
const pick = (...items: string[]) => (rng: Rng) => rng.pick(items)

export const SHAPES: readonly ResidueShape[] = [
  // comments: prompts, counts, states
  {family: 'comments', make: pick('Leave a Comment', 'Leave a reply', 'Post a comment', 'Add a comment', 'Add your comment', 'Write a comment', 'Join the discussion', 'Join the conversation', 'Have your say', 'Be the first to comment', 'No comments yet', 'Comments are closed.', 'Show comments', 'Hide comments', 'Load more comments', 'Cancel reply', 'Reply', 'Report abuse', 'Report comment')},
  {family: 'comment-count', make: (rng) => rng.pick([`${count(rng)} Comments`, `${count(rng)} comments`, `Comments (${count(rng)})`, `Comments: ${count(rng)}`, `View all ${count(rng)} comments`, `Show ${count(rng)} more comments`, `${count(rng)} responses`, `${count(rng)} Replies`, `${count(rng)} thoughts on “${rng.pick(TOPICS)} today”`])},
  {family: 'comment-login', make: pick('Log in to comment', 'Login to reply', 'Sign in to comment', 'Register to post a comment', 'You must be logged in to post a comment.')},
  // sharing, printing, saving
  {family: 'share', make: (rng) => rng.pick(['Share', 'Share this', 'Share this:', 'Share this article', 'Share this story', 'Share this post', `Share on ${rng.pick(SOCIAL)}`, `Share via ${rng.pick(SOCIAL)}`, 'Tweet', 'Tweet this', 'Pin it', 'Email this', 'Email this article', 'Email to a friend', 'Send to a friend', 'Copy link', `Share ${count(rng)}`, `${count(rng)} shares`])},
  {family: 'print-save', make: pick('Print', 'Print this page', 'Print article', 'Print this article', 'Printer-friendly version', 'Save', 'Save for later', 'Save article', 'Bookmark', 'Permalink', 'Download PDF')},
  {family: 'follow', make: (rng) => rng.pick([`Follow us on ${rng.pick(SOCIAL.slice(0, 5))}`, `Like us on Facebook`, `Find us on ${rng.pick(SOCIAL.slice(0, 3))}`, 'Follow us', `Connect with us on LinkedIn`])},
  // related content and navigation
  {family: 'related', make: pick('Related', 'Related:', 'Related articles', 'Related stories', 'Related posts', 'Related content', 'Related coverage', 'Related links', 'More on this story', 'More stories', 'See also', 'You may also like', 'You might also like', 'Recommended for you', 'Recommended', 'Most popular', 'Most read', 'Most viewed', 'Trending now', 'Top stories', "Editor's picks", "Don't miss")},
  {family: 'read-more', make: (rng) => rng.pick(['Read more', 'Read more:', 'Continue reading', 'Continue reading the main story', 'Read the full story', 'Full story', `Read more: ${rng.pick(TOPICS)} news`, `Read more about ${rng.pick(TOPICS)}`])},
  {family: 'navigation', make: pick('Back to top', 'Top of page', 'Skip to main content', 'Skip to content', 'Skip navigation', 'Next article', 'Previous article', 'Next post', 'Previous post', 'Older posts', 'Newer posts', 'Main menu', 'Menu', 'Search')},
  // advertising
  {family: 'advertising', make: pick('Advertisement', 'Advertising', 'Sponsored', 'Sponsored content', 'Sponsored links', 'Promoted stories', 'Paid content', 'Partner content', 'Story continues below advertisement', 'Article continues below', 'Skip advertisement', 'Ad feedback')},
  // subscription and account
  {family: 'subscribe', make: (rng) => rng.pick(['Subscribe', 'Subscribe now', 'Subscribe today', 'Subscribe to our newsletter', 'Sign up for our newsletter', `Sign up for the daily ${rng.pick(TOPICS)} newsletter`, 'Sign up to our weekly newsletter', 'Get our free newsletter', 'Get the app', 'Click here to subscribe', 'Already a subscriber? Sign in', 'Newsletter sign-up', 'Enter your email address', 'Subscribe to RSS', 'RSS feed'])},
  // captions and credits
  {family: 'media', make: (rng) => rng.pick(['Image caption', 'Media caption', 'Image copyright', `Image copyright ${rng.pick(AGENCIES)}`, 'Media playback is unsupported on your device', 'Play video', 'Watch video', 'Click to enlarge', 'View gallery', 'View slideshow', `${count(rng)} photos`, 'Listen to this article', `${1 + rng.int(12)} min read`])},
  {family: 'credit', make: (rng) => rng.pick([`Photo: ${name(rng)}/${rng.pick(AGENCIES)}`, `Photo: ${rng.pick(AGENCIES)}`, `(Photo: ${rng.pick(AGENCIES)})`, `Photograph: ${name(rng)}/${rng.pick(AGENCIES)}`, `Image: ${rng.pick(AGENCIES)}`, `Picture: ${name(rng)}`, `Credit: ${rng.pick(AGENCIES)}`, `Photo credit: ${name(rng)}`, `(AP Photo/${name(rng)})`, `${name(rng)}/${rng.pick(AGENCIES)}`])},
  // consent, legal, footer
  {family: 'cookies', make: pick('This site uses cookies.', 'We use cookies to improve your experience on our site.', 'We use cookies to give you the best experience. By continuing to use this site you agree.', 'By using this site, you agree to our use of cookies.', 'Accept cookies', 'Accept all cookies', 'Accept all', 'Manage cookies', 'Cookie settings', 'Cookie policy', 'Privacy policy', 'Terms of use', 'Terms and conditions', 'Contact us', 'About us')},
  {family: 'copyright', make: (rng) => rng.pick([`© ${2005 + rng.int(15)} ${rng.pick(OUTLETS)}. All rights reserved.`, `Copyright © ${2005 + rng.int(15)} ${rng.pick(OUTLETS)}`, 'All rights reserved.', `Copyright ${2005 + rng.int(15)} ${rng.pick(OUTLETS)}. All Rights Reserved.`])},
  // blog meta lines
  {family: 'blog-meta', make: (rng) => rng.pick([`Tags: ${rng.pick(TOPICS)}, ${rng.pick(TOPICS)}`, `Filed under: ${rng.pick(TOPICS)}`, `Posted in ${rng.pick(TOPICS)}`, 'Posted in Uncategorized', `Categories: ${rng.pick(TOPICS)}`, `Labels: ${rng.pick(TOPICS)}`, `Tagged: ${rng.pick(TOPICS)}`])}
]

// How a scrape flattens a label: its case as the page's style sheet showed it, and the arrows,
// bullets, pipes and brackets the page drew around it.
const CASES: ReadonlyArray<(text: string) => string> = [
  (text) => text,
  (text) => text.toUpperCase(),
  (text) => text.toLowerCase(),
  (text) => text.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase())
]
const DECORATIONS: ReadonlyArray<(text: string) => string> = [
  (text) => `${text} »`,
  (text) => `${text} ›`,
  (text) => `${text} →`,
  (text) => `» ${text}`,
  (text) => `• ${text}`,
  (text) => `| ${text} |`,
  (text) => `[${text}]`,
  (text) => `${text} >>`
]

/** One residue line: a shape, in the page's case half the time, decorated a quarter of the time. */
export function residueLine(rng: Rng): {text: string; family: string} {
  const shape = rng.pick(SHAPES)
  let text = shape.make(rng)
  // credits and footers keep their names' case; a label may be in any case
  if (!['credit', 'copyright', 'blog-meta'].includes(shape.family) && rng.chance(0.5)) text = rng.pick(CASES)(text)
  if (!/[.!?]$/u.test(text) && rng.chance(0.25)) text = rng.pick(DECORATIONS)(text)
  return {text, family: shape.family}
}
