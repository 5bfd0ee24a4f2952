// Brand names, which copy often writes in lower case or without their vowels (`etsy`, `reddit`,
// `tumblr`, `flickr`): cspell's company names list (@cspell/dict-companies, about 2,300 names),
// joined with web brands it lacks. Read on first use, so a file with no unknown word never loads it.
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {dirname, join} from 'node:path'

// Web brands the company list lacks (it has `Etsy`, `Reddit`, `Tumblr`, `Flickr`, `Imgur`).
const OWN = [
  'venmo', 'dropbox', 'yelp', 'evernote', 'trello', 'wikihow', 'thinkgeek', 'lastfm', 'craigslist',
  'deviantart', 'digg', 'stumbleupon', 'instapaper', 'squarespace', 'weebly', 'myspace', 'delicious',
  'bitly', 'tinyurl', 'iphone', 'ipad', 'ipod', 'itunes', 'icloud', 'imac', 'youtube', 'tiktok'
]

let brands: Set<string> | undefined

/** Whether a word, compared in lower case, is a brand name: `etsy`, `reddit`, `ebay`. */
export function isBrand(word: string): boolean {
  brands ??= load()
  return brands.has(word.toLowerCase())
}

function load(): Set<string> {
  const require = createRequire(import.meta.url)
  const manifest = require.resolve('@cspell/dict-companies/cspell-ext.json')
  const {dictionaryDefinitions} = JSON.parse(readFileSync(manifest, 'utf8')) as {dictionaryDefinitions: Array<{path: string}>}
  const names = new Set(OWN)
  for (const {path} of dictionaryDefinitions) {
    for (const line of readFileSync(join(dirname(manifest), path), 'utf8').split('\n')) {
      const name = line.trim()
      // Comments, and the list's few lower-case entries, which are words (`and`, `university`).
      if (name.startsWith('#') || !/\p{Lu}/u.test(name)) continue
      names.add(name.toLowerCase())
    }
  }
  return names
}
