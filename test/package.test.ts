// The package as a user gets it: `npm pack`, then installed from the tarball into a fresh folder,
// where the README's library, plugin and command-line examples run as written. What ships is
// checked too: the licence and the READMEs, no scripts, no source maps without their sources.
import {afterAll, beforeAll, describe, expect, test} from '@jest/globals'
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {rules} from '../src/index.js'

const readme = readFileSync('README.md', 'utf8')
const examples = (language: string) => [...readme.matchAll(new RegExp(`\`\`\`${language} example\\n([\\s\\S]*?)\`\`\``, 'gu'))].map((match) => match[1])
const DIRTY = 'Officials met in Tokyo. he said the talks went well. .\n'

let root: string
let tarball: string
let files: string[]

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'copydesk-package-'))
  // `npm test` has just built dist/: pack it as it is.
  const name = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', root], {encoding: 'utf8'}).trim().split('\n').pop()!
  tarball = join(root, name)
  files = execFileSync('tar', ['-tzf', tarball], {encoding: 'utf8'}).split('\n').filter(Boolean).map((file) => file.replace(/^package\//u, ''))
  const project = join(root, 'project')
  mkdirSync(project)
  writeFileSync(join(project, 'package.json'), JSON.stringify({name: 'try-copydesk', private: true, type: 'module'}))
  // The tarball, and whatever else the README's examples import (the README says to install it).
  const imported = new Set(examples('js').flatMap((code) => [...code.matchAll(/from '([^'.][^']*)'/gu)].map((match) => match[1].split('/')[0])))
  imported.delete('retext-copydesk')
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball, ...imported], {cwd: project, stdio: 'pipe'})
}, 300_000)

afterAll(() => rmSync(root, {recursive: true, force: true}))

describe('the packed tarball', () => {
  test('ships the licence, the READMEs, the library and one plugin per rule; no scripts, tests or source maps', () => {
    expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/index.js', 'dist/src/copydesk.js', 'dist/src/server/bin.js']))
    for (const rule of rules) {
      expect(files).toEqual(expect.arrayContaining([`rules/${rule.id}/README.md`, `dist/rules/${rule.id}/plugin.js`, `dist/rules/${rule.id}/plugin.d.ts`]))
    }
    expect(files.filter((file) => /^dist\/scripts\/|^test\/|\.map$|^src\/|\.ts$/u.test(file) && !file.endsWith('.d.ts'))).toEqual([])
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as Record<string, unknown>
    for (const field of ['repository', 'homepage', 'bugs', 'keywords', 'engines', 'sideEffects', 'license']) expect(manifest[field]).toBeDefined()
    expect(manifest.keywords).toEqual(expect.arrayContaining(['unified', 'retext', 'retext-plugin', 'lint', 'prose']))
  })

  test.each(examples('js').map((code, index) => [index + 1, code]))('README example %i runs as written and prints what its comments say', (index, code) => {
    const file = join(root, 'project', `example-${index}.mjs`)
    writeFileSync(file, code as string)
    const run = spawnSync(process.execPath, [file], {cwd: join(root, 'project'), encoding: 'utf8'})
    expect(run.stderr.includes('Error')).toBe(false)
    expect(run.status).toBe(0)
    const promised = (code as string).split('\n').flatMap((line) => /\/\/ → (.*)$/u.exec(line)?.[1] ?? [])
    expect(promised.length).toBeGreaterThan(0)
    expect(run.stdout.trimEnd().split('\n')).toEqual(promised)
  })

  test('TypeScript sees the typed ESM package: rule ids are checked, and require() is refused', () => {
    const project = join(root, 'project')
    writeFileSync(join(project, 'typed.mts'), "import {lint, type Config} from 'retext-copydesk'\nconst config: Config = {rules: {'ly-hyphen': 'off'}}\nlint('Text.', config)\n")
    writeFileSync(join(project, 'typo.mts'), "import {lint} from 'retext-copydesk'\nlint('Text.', {rules: {'ly-hyphn': 'off'}})\n")
    writeFileSync(join(project, 'required.cts'), "import copydesk = require('retext-copydesk')\nvoid copydesk\n")
    const options = {module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: []}
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({compilerOptions: options, files: ['typed.mts', 'typo.mts', 'required.cts']}))
    const run = spawnSync(process.execPath, [resolve('node_modules/typescript/bin/tsc'), '-p', project], {cwd: project, encoding: 'utf8'})
    const errors = run.stdout.split('\n').filter((line) => /error TS/u.test(line)).map((line) => line.replace(/\(.*$/u, ''))
    expect(errors.sort()).toEqual(['required.cts', 'typo.mts'])
    expect(run.stdout).toMatch(/typo\.mts.*ly-hyphn.*does not exist/u)
  })

  test("the README's command-line examples run from the install, with the command's own exit codes", () => {
    const project = join(root, 'project')
    for (const [name, text] of Object.entries({'articles/a.txt': DIRTY, 'articles/b.md': '# Talks\n\nThe talks went well.\n', 'copy/c.txt': DIRTY, 'story.txt': DIRTY})) {
      mkdirSync(resolve(project, name, '..'), {recursive: true})
      writeFileSync(join(project, name), text)
    }
    const lines = examples('sh').flatMap((block) => block.split('\n')).map((line) => line.replace(/\s+#.*$/u, '').trim()).filter(Boolean)
    expect(lines.length).toBeGreaterThan(5)
    for (const line of lines) {
      const run = spawnSync('/bin/sh', ['-c', line], {cwd: project, encoding: 'utf8'})
      // 0 clean, 1 errors found; 2 would be a usage or input error in the README's own example.
      expect({line, status: run.status, stderr: run.status === 2 ? run.stderr : ''}).toEqual({line, status: expect.any(Number), stderr: ''})
      expect([0, 1]).toContain(run.status)
    }
    // --fix ran over articles/: the fixed copy is on disk.
    expect(readFileSync(join(project, 'articles/a.txt'), 'utf8')).toBe('Officials met in Tokyo. He said the talks went well.\n')
    expect(JSON.parse(readFileSync(join(project, 'report.json'), 'utf8'))).toHaveLength(2)
  })
})
