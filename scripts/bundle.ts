// Part of `npm run build`: bundles the `copydesk` command (the tsc output under dist/src/cli) into
// dist/src/copydesk.js, the file package.json's "bin" runs. Loading one file instead of some 150
// ES modules (ours and unified's) saves the ESM loader's resolving and reading of each. The library
// (dist/src/index.js, the rule plugins) stays as tsc emits it, for people's own unified pipelines.
// - The bundle sits in dist/src/ beside the modules it was made from, so the data files they find
//   beside themselves (english-forms.txt, abbreviations.json) are beside it too; files elsewhere
//   are found through src/paths.ts.
// - The Markdown and HTML parsers, loaded only for such inputs (`import('./markup.js')`), become a
//   chunk of their own, loaded as lazily; code they share with the command goes into a shared
//   chunk, so there is one copy of each module (an error class is the same class everywhere).
// - Packages read at run time through `createRequire` (wink-nlp, yaml, picomatch, dictionaries)
//   stay where they are installed, and so do packages that find their own files from
//   `import.meta.url` (word-list's words.txt). The build fails when a bundled module would look for
//   a file beside itself and find it beside the bundle instead: a module outside dist/src/ that
//   reads `import.meta` other than to make a `require`, a package that reads it at all (add it to
//   `external`). A relative `require('./x')` from such a `createRequire` is not caught.
// - No source map (the package ships none): the bundle is not minified, so an internal error's
//   stack names the functions and the bundle's lines, and a comment above each module's code in
//   the bundle names the file of dist/ it came from.
// - Why ES modules and no V8 code cache (measured on Node 20.20, 293 news articles, valgrind
//   instruction counts, medians of 3 alternating runs): a one-file CommonJS bundle lints the
//   folder in more instructions than this bundle (8.20 G against 7.23 G; 8.30 against 7.92 with
//   the dynamic imports made static, so no lazy `__esm` wrappers), and a code cache made by a
//   training run (`vm.Script` `cachedData`) wins back only its start-up (1.49 -> 1.24 G on one
//   short file) and still ends behind (8.28 against 7.92 G). Node 20 has no code cache for ES
//   modules. Beware if this is retried: a banner put above esbuild's "use strict" turns the whole
//   CommonJS bundle sloppy, and a cache file of the right length with damaged contents crashes
//   Node (V8 release builds do not check its checksum), so a cache needs a checksum of its own.
//   Fewer chunks (the engine imported statically) or whitespace-minified chunks: no change in
//   the instructions of a one-file run (1.56 G each).
// - esbuild's tables call Unicode property escapes unsupported on Node 20, so with this target it
//   writes each literal that has one (`/^\p{Lu}/u`, 153 in the rules' chunk) as `new RegExp(...)`,
//   made again each time the expression runs. Kept as literals (`supported:
//   {'regexp-unicode-property-escapes': true}`), the bundle was no faster (main-thread CPU of a
//   cold run over 293 articles, 15 alternating runs: 687 ms against 683 ms): V8 checks every
//   literal as it parses the module and again as it compiles the function holding it, and each
//   check of a `\p{...}` asks ICU for the whole set, while `new RegExp` with the same source is
//   found in V8's cache of compiled expressions after its first run. So the rewriting stays.
import {readdirSync, readFileSync, rmSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {build, type Plugin} from 'esbuild'

const outdir = fileURLToPath(new URL('../src/', import.meta.url))
const external = ['word-list']

const lookingBeside: Plugin = {
  name: 'looking-beside',
  setup(context) {
    context.onLoad({filter: /\.js$/}, ({path}) => {
      const text = readFileSync(path, 'utf8')
      // Our modules in dist/src/ find their neighbours beside the bundle too; elsewhere only a
      // `createRequire(import.meta.url)` (which resolves packages, found from any folder) is safe.
      const found = path.includes('/node_modules/')
        ? text.includes('import.meta')
        : join(dirname(path), '/') !== outdir && text.replaceAll('createRequire(import.meta.url)', '').includes('import.meta')
      if (found) return {errors: [{text: `${path} finds files from import.meta.url: in the bundle that is the bundle's own URL (see scripts/bundle.ts)`}]}
      return {contents: text, loader: 'js'}
    })
  }
}

for (const name of readdirSync(outdir)) if (name.startsWith('copydesk')) rmSync(outdir + name)

await build({
  entryPoints: {copydesk: fileURLToPath(new URL('../src/cli/index.js', import.meta.url))},
  outdir,
  chunkNames: 'copydesk-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS packages inside an ES module bundle call `require` for Node's own modules.
  banner: {js: "import {createRequire as __copydeskRequire} from 'node:module'; const require = __copydeskRequire(import.meta.url);"},
  external,
  plugins: [lookingBeside],
  logLevel: 'warning'
})
