// Part of `npm run build`: writes compromise's abbreviations beside the built abbreviation model
// (src/abbreviations.ts, `abbreviationsText`), so that no process loads compromise for them.
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {ABBREVIATIONS_FILE, abbreviationsText} from '../src/abbreviations.js'

writeFileSync(fileURLToPath(ABBREVIATIONS_FILE), abbreviationsText())
