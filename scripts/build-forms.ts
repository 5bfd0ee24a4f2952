// Part of `npm run build`: writes the dictionary's forms as nspell expands them beside the built
// lexicon (src/lexicon.ts, `formsText`), the sketch of their hashes (`sketchBytes`), the numerals'
// lines of the American word list (`numeralsText`), and the places of headline-mismatch's
// gazetteer, and the data of dangling-attribution's tagger (`winkTagsBytes`), so that no process
// works them out again.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {WINK_TAGS_FILE, winkTagsBytes} from '../rules/dangling-attribution/wink-tags.js'
import {BY_COUNTRY_FILE, GAZETTEER_FILE, gazetteerTexts} from '../rules/headline-mismatch/gazetteer.js'
import {FORMS_FILE, formsText, NUMERALS_FILE, numeralsText, SKETCH_FILE, sketchBytes} from '../src/lexicon.js'

writeFileSync(fileURLToPath(FORMS_FILE), formsText())
writeFileSync(fileURLToPath(SKETCH_FILE), sketchBytes())
writeFileSync(fileURLToPath(NUMERALS_FILE), numeralsText())
const gazetteer = gazetteerTexts()
writeFileSync(fileURLToPath(GAZETTEER_FILE), gazetteer.places)
writeFileSync(fileURLToPath(BY_COUNTRY_FILE), gazetteer.byCountry)
writeFileSync(fileURLToPath(WINK_TAGS_FILE), winkTagsBytes())
