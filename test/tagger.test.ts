// The dangling-attribution rule loads only the parts of wink's model that tagging reads, and
// unpacks the core model itself: its tags must equal those of the package's own entry, word for
// word. wink-nlp's tokens depend on what the same instance read before (a possessive may be split
// after one text and not after another), so both read the same texts in the same order.
import {describe, expect, test} from '@jest/globals'
import {readFileSync, readdirSync} from 'node:fs'
import {createRequire} from 'node:module'
import type {WinkMethods} from 'wink-nlp'
import {taggingModel} from '../rules/dangling-attribution/tagger.js'

const require = createRequire(import.meta.url)
const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods

// Every line of every rule's README: invented copy of every shape the rules read (quotations,
// contractions, possessives, abbreviations, numbers, names the model has never seen).
function texts(): string[] {
  const lines: string[] = []
  for (const rule of readdirSync(new URL('../rules/', import.meta.url), {withFileTypes: true})) {
    if (!rule.isDirectory()) continue
    const readme = readFileSync(new URL(`../rules/${rule.name}/README.md`, import.meta.url), 'utf8')
    for (const line of readme.split('\n')) if (line.trim() !== '' && !line.startsWith('```')) lines.push(line)
  }
  return lines
}

function tagsOf(methods: WinkMethods, text: string): string {
  const tokens = methods.readDoc(text).tokens()
  const words = tokens.out() as string[]
  const tags = tokens.out(methods.its.pos) as string[]
  return words.map((word, index) => `${word}/${tags[index]}`).join(' ')
}

describe('the tagging model', () => {
  test('tags as the package entry does', () => {
    const own = winkNLP(taggingModel(require), ['pos'])
    const stock = winkNLP(require('wink-eng-lite-web-model'), ['pos'])
    const all = texts()
    expect(all.length).toBeGreaterThan(1_000)
    const differing = all.filter((text) => tagsOf(own, text) !== tagsOf(stock, text))
    expect(differing).toEqual([])
  })
})
