// A line of page furniture left by scraping: share and print buttons, comment counts, related
// links, photo credits, subscription and cookie prompts. Inserted as its own paragraph, between
// paragraphs or at the end (seed: `Leave a Comment` as the last line). The lines are written
// here as a reader sees them on news and blog pages, with counts and case varied.
import type {DamageClass, Line, Rng} from '../core.js'

const fixed = [
  'Leave a Comment', 'Leave a reply', 'Post a comment', 'Add your comment', 'Comments', 'Print', 'Print this page',
  'Print this article', 'Email', 'E-mail this', 'Email this article', 'Share', 'Share this', 'Share this article',
  'Share this story', 'Share on Facebook', 'Share on Twitter', 'Tweet', 'Pin it', 'Read more', 'Read more:',
  'Continue reading', 'Related articles', 'Related stories', 'Related links', 'Related:', 'More on this story',
  'Advertisement', 'ADVERTISEMENT', 'Sponsored content', 'Subscribe', 'Subscribe to our newsletter',
  'Sign up for our newsletter', 'Sign up for our daily newsletter', 'Click here to subscribe', 'Follow us on Twitter',
  'Like us on Facebook', 'Back to top', 'Top of page', 'Skip to main content', 'Most popular', 'Most read',
  'Recommended for you', 'You may also like', 'Image caption', 'Media playback is unsupported on your device',
  'Photo: Getty Images', 'Photo: AP', 'Image: Reuters', '(Photo: AFP/Getty Images)', 'Photograph: Alamy',
  'Copyright © 2011 All rights reserved', 'All rights reserved.', 'This site uses cookies.',
  'We use cookies to improve your experience on our site.', 'Accept cookies', 'Report abuse', 'Permalink',
  'Bookmark', 'Save', 'Listen', 'Login to reply', 'Posted in Uncategorized', 'Filed under: News', 'Tags:'
]

function counted(rng: Rng): string {
  const n = 1 + rng.int(240)
  return rng.pick([`${n} comments`, `Comments (${n})`, `${n} Comments`, `View all ${n} comments`, `${n} responses`, `Show ${n} more comments`])
}

export const boilerplate: DamageClass = {
  id: 'boilerplate',
  about: 'A page-widget line left by scraping, inserted as its own paragraph.',
  apply(doc, rng) {
    const text = rng.chance(0.2) ? counted(rng) : rng.pick(fixed)
    // after a body paragraph (or the last line), never inside the headline block
    const body = doc.lines.map((line, i) => ({line, i})).filter(({line}) => line.kind === 'body' || line.kind === 'other')
    if (!body.length) return null
    // a lone one-word button (`Print`) stands at the article's edge, as pages put it; between
    // paragraphs it would read as a subheading
    const atEnd = rng.chance(0.3) || !/\s/.test(text)
    const after = atEnd ? doc.lines.length - 1 : rng.pick(body).i
    const line: Line = {text, kind: 'inserted', used: true}
    const inserted: Line[] = doc.blankSeparated ? [{text: '', kind: 'blank', used: true}, line] : [line]
    // keep a trailing newline where the file had one: insert before the final empty line
    let at = after + 1
    if (atEnd) while (at > 0 && doc.lines[at - 1].kind === 'blank') at--
    doc.lines.splice(at, 0, ...inserted)
    return {line, start: 0, end: text.length, shape: atEnd ? 'end' : 'between', why: 'Web-page residue left by scraping.', fix: ''}
  }
}
