// Tests that run the CLI as another user (nobody, 65534) to meet real permission errors. That user
// cannot read a clone inside a private folder (root's home is mode 700, as in CI), so they run a
// copy of the built CLI in a world-readable temporary folder; without root there is no other user
// to be, and such tests print why they are skipped.
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {BIN} from './bin.js'

export const NOBODY = 65534

let copy: {cli: string; root?: string} | {skip: string} | undefined

/** A copy of the CLI that nobody can run, or why there is none. Remove it with `removeCliCopy`. */
export function cliForNobody(): {cli: string} | {skip: string} {
  if (copy) return copy
  if (process.getuid?.() !== 0) return (copy = {skip: 'not run as root, so there is no other user to run the CLI as'})
  const root = mkdtempSync(join(tmpdir(), 'copydesk-readable-'))
  chmodSync(root, 0o755)
  cpSync(resolve('dist'), join(root, 'dist'), {recursive: true})
  cpSync(resolve('package.json'), join(root, 'package.json'))
  const cli = join(root, BIN)
  // Hard links cost nothing; where they cannot be made (another file system) or are not readable
  // by nobody (installed under umask 077), a copy made readable.
  const linked = spawnSync('cp', ['-al', resolve('node_modules'), join(root, 'node_modules')]).status === 0
  if (!linked || !runsAsNobody(cli)) {
    rmSync(join(root, 'node_modules'), {recursive: true, force: true})
    cpSync(resolve('node_modules'), join(root, 'node_modules'), {recursive: true})
    spawnSync('chmod', ['-R', 'a+rX', root])
  }
  if (!runsAsNobody(cli)) {
    rmSync(root, {recursive: true, force: true})
    return (copy = {skip: `uid ${NOBODY} cannot run a copy of the CLI in ${tmpdir()}`})
  }
  copy = {cli, root}
  return copy
}

export function removeCliCopy() {
  if (copy && 'root' in copy && copy.root) rmSync(copy.root, {recursive: true, force: true})
  copy = undefined
}

function runsAsNobody(cli: string): boolean {
  return spawnSync(process.execPath, [cli, '--version'], {uid: NOBODY, gid: NOBODY, cwd: '/'}).status === 0
}
