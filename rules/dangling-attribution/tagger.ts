// Part-of-speech tags for the few sentences that end in a possible bare speaker: wink-nlp with its
// light English model (about 0.1 s to load, some 270k words/s), loaded on first use only, so copy
// with no such sentence never pays for it.
import {createRequire} from 'node:module'
import type {ItsHelpers, WinkMethods} from 'wink-nlp'

export interface Token {
  text: string
  /** Universal POS tag: NOUN, PROPN, PRON, VERB, AUX, DET, ADP, ADJ, NUM, PART, PUNCT, ... */
  tag: string
}

let nlp: {methods: WinkMethods; its: ItsHelpers} | undefined

function load() {
  if (nlp) return nlp
  const require = createRequire(import.meta.url)
  const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods
  const methods = winkNLP(require('wink-eng-lite-web-model'), ['pos'])
  nlp = {methods, its: methods.its}
  return nlp
}

// Tags by text: an editor re-lints the same sentences after each keystroke, and tagging them was
// a sixth of a re-lint. The tags of a text never change; cleared when full, so memory stays flat.
const tagged = new Map<string, readonly Token[]>()
const MAX_TAGGED = 5_000

/** The tokens of a text with their tags. Immutable shared state: the model, loaded once a process. */
export function tag(text: string): readonly Token[] {
  let tokens = tagged.get(text)
  if (!tokens) {
    if (tagged.size >= MAX_TAGGED) tagged.clear()
    tokens = Object.freeze(read(text))
    tagged.set(text, tokens)
  }
  return tokens
}

function read(text: string): Token[] {
  const {methods, its} = load()
  const tokens = methods.readDoc(text).tokens()
  const words = tokens.out() as string[]
  const tags = tokens.out(its.pos) as string[]
  return words.map((word, index) => Object.freeze({text: word, tag: tags[index]}))
}
