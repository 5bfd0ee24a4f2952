// Where the files that the build writes beside its modules are (dictionaries, the gazetteer, the
// worker, package.json). The `copydesk` bin is one bundle (scripts/bundle.ts) whose modules all see
// the bundle's own `import.meta.url`, so a module cannot find its neighbours from its own URL; this
// module can, because it (dist/src/paths.js) and the bundle (dist/src/copydesk.js) both sit one
// folder below dist/. Run from the TypeScript sources (the tests), the root is the checkout.
import {existsSync} from 'node:fs'

const root = new URL('../', import.meta.url)

/** A file of the built tree, by its path below dist/ (`rules/headline-mismatch/places.json`). */
export function builtFile(path: string): URL {
  return new URL(path, root)
}

/** The folder holding package.json: dist/'s parent, or the checkout when run from the sources. */
export function packageRoot(): URL {
  return existsSync(new URL('package.json', root)) ? root : new URL('../', root)
}
