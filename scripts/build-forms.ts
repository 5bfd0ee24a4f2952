// Part of `npm run build`: writes the dictionary's forms as nspell expands them beside the built
// lexicon (src/lexicon.ts, `formsText`), and the sketch of their hashes (`sketchBytes`), so that
// no process expands or hashes them again.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {FORMS_FILE, formsText, SKETCH_FILE, sketchBytes} from '../src/lexicon.js'

writeFileSync(fileURLToPath(FORMS_FILE), formsText())
writeFileSync(fileURLToPath(SKETCH_FILE), sketchBytes())
