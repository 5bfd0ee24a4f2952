// Part of `npm run build`: writes the dictionary's forms as nspell expands them beside the built
// lexicon (src/lexicon.ts, `formsText`), and the places of headline-mismatch's gazetteer beside
// it, so that no process works them out again.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {GAZETTEER_FILE, gazetteerText} from '../rules/headline-mismatch/gazetteer.js'
import {FORMS_FILE, formsText} from '../src/lexicon.js'

writeFileSync(fileURLToPath(FORMS_FILE), formsText())
writeFileSync(fileURLToPath(GAZETTEER_FILE), gazetteerText())
