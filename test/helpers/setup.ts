// Jest cannot require() an ES module on Node 20, which is how the engine loads the Markdown and
// HTML parsers on first use when nobody loaded them ahead: load them ahead, as the CLI does.
import {loadMarkup} from '../../src/parse.js'

await loadMarkup()
