// Runtime dependencies are what runs: every package in `dependencies` is imported by a shipped
// file (the built library, CLI and server, or a shipped `.d.ts` for an `@types/*` package), and
// every package a shipped file imports is in `dependencies`. Imports are read with TypeScript's
// own pre-processor, so a `from` inside a string is not taken for one. `npm test` builds dist/.
import {describe, expect, test} from '@jest/globals'
import {readdirSync, readFileSync} from 'node:fs'
import {builtinModules} from 'node:module'
import {join} from 'node:path'
import ts from 'typescript'

interface Manifest {
  files: string[]
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
  peerDependencies?: Record<string, string>
}
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Manifest

// The shipped code: the folders of `files` that hold JavaScript and declarations.
const roots = manifest.files.filter((entry) => entry.startsWith('dist/')).map((entry) => entry.replace(/\/$/u, ''))
const shipped = roots.flatMap((root) => readdirSync(root, {recursive: true}).map((name) => join(root, String(name)))).filter((file) => /\.(?:js|d\.ts)$/u.test(file))

const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0])
const isBuiltin = (specifier: string) => specifier.startsWith('node:') || builtinModules.includes(packageOf(specifier))

function imports(kind: 'js' | 'dts'): Set<string> {
  const found = new Set<string>()
  for (const file of shipped.filter((name) => name.endsWith('.d.ts') === (kind === 'dts'))) {
    const text = readFileSync(file, 'utf8')
    const info = ts.preProcessFile(text, true, true)
    // A package read as data (a word list's files) is found by `require.resolve`, which the
    // pre-processor does not report.
    const resolved = [...text.matchAll(/\brequire\.resolve\(\s*['"]([^'"]+)['"]/gu)].map((match) => ({fileName: match[1], pos: match.index, end: match.index + match[0].length}))
    for (const reference of [...info.importedFiles, ...info.typeReferenceDirectives, ...resolved]) {
      const name = reference.fileName
      if (name.startsWith('.') || name.startsWith('/') || isBuiltin(name)) continue
      found.add(kind === 'dts' && info.typeReferenceDirectives.includes(reference) ? `@types/${name}` : packageOf(name))
    }
  }
  return found
}

describe('runtime dependencies are what runs', () => {
  const js = imports('js')
  const dts = imports('dts')

  test('the shipped code was found', () => {
    expect(shipped.length).toBeGreaterThan(50)
    expect(js.has('unified')).toBe(true)
  })

  test('every runtime dependency is imported by shipped code (an @types package by a shipped .d.ts)', () => {
    const unused = Object.keys(manifest.dependencies).filter((name) => {
      if (!name.startsWith('@types/')) return !js.has(name) && !dts.has(name)
      const typed = name.slice('@types/'.length)
      return !dts.has(typed) && !dts.has(name)
    })
    expect(unused).toEqual([])
  })

  test('every package shipped code imports is a runtime dependency (or, for types, one that brings them)', () => {
    expect([...js].filter((name) => !Object.hasOwn(manifest.dependencies, name)).sort()).toEqual([])
    const untyped = [...dts].filter((name) => !Object.hasOwn(manifest.dependencies, name) && !Object.hasOwn(manifest.dependencies, `@types/${name}`))
    expect(untyped.sort()).toEqual([])
  })

  test('no package is both a runtime and a development dependency', () => {
    expect(Object.keys(manifest.dependencies).filter((name) => Object.hasOwn(manifest.devDependencies, name))).toEqual([])
  })

  test("the design card's packages stay in package.json", () => {
    const all = {...manifest.dependencies, ...manifest.devDependencies, ...manifest.peerDependencies}
    for (const name of ['retext', 'retext-repeated-words', 'retext-spell', 'unified', 'vfile-reporter', 'jest']) expect([name, Object.hasOwn(all, name)]).toEqual([name, true])
  })
})
