// The `copydesk` command as users get it: the file package.json's "bin" names (the bundle that
// `npm run build` makes, scripts/bundle.ts), relative to the checkout.
import {readFileSync} from 'node:fs'

export const BIN = (JSON.parse(readFileSync('package.json', 'utf8')) as {bin: Record<string, string>}).bin.copydesk
