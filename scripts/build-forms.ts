// Part of `npm run build`: writes the dictionary's forms as nspell expands them beside the built
// lexicon (src/lexicon.ts, `formsText`), so that no process expands them again.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {FORMS_FILE, formsText} from '../src/lexicon.js'

writeFileSync(fileURLToPath(FORMS_FILE), formsText())
