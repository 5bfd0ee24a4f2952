// The registry of damage classes, in the order the generator tries them on an article. To add a
// class, write `classes/<id>.ts` exporting a DamageClass and list it here; its `id` becomes the
// `class` of its defects in the truth files and a row in `npm run eval:damage`.
import type {DamageClass} from './core.js'
import {accordingTo, attributionVerb} from './classes/attribution.js'
import {boilerplate} from './classes/boilerplate.js'
import {commaStart} from './classes/comma-start.js'
import {doubledPeriod} from './classes/doubled-period.js'
import {doubledWord} from './classes/doubled-word.js'
import {headlinePlace} from './classes/headline-place.js'
import {lyHyphen} from './classes/ly-hyphen.js'
import {nameTypo} from './classes/name-typo.js'
import {lowercaseStart, splitClause} from './classes/split-clause.js'
import {apostropheQuote} from './classes/apostrophe-quote.js'
import {apostropheSpace} from './classes/apostrophe-space.js'
import {characterReference} from './classes/character-reference.js'
import {mismatchedQuote} from './classes/mismatched-quote.js'
import {mojibake} from './classes/mojibake.js'
import {unclosedQuote} from './classes/unclosed-quote.js'
import {zeroWidth} from './classes/zero-width.js'

export const damageClasses: DamageClass[] = [
  headlinePlace,
  nameTypo,
  attributionVerb,
  accordingTo,
  doubledPeriod,
  commaStart,
  splitClause,
  lowercaseStart,
  lyHyphen,
  doubledWord,
  apostropheQuote,
  unclosedQuote,
  mismatchedQuote,
  apostropheSpace,
  mojibake,
  characterReference,
  zeroWidth,
  boilerplate
]

export type {DamageClass, Damage, Doc, Line, Rng} from './core.js'
