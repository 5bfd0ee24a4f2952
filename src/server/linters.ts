// One linter per config file, shared by every document under it and rebuilt when the file
// changes (its size, time or inode), so a config edit takes effect without a restart.
import {statSync} from 'node:fs'
import {loadConfigFile} from '../config.js'
import {createLinter, type Linter} from '../index.js'

/** A config file's linter, or why it could not be built. */
export interface LinterEntry {
  stamp: string
  linter?: Linter
  error?: Error
}

/** The linter cache: `linterFor` builds or reuses, `forget` drops a config's entry. */
export function createLinters() {
  const entries = new Map<string, LinterEntry>()
  return {
    linterFor(configPath: string | undefined): LinterEntry {
      const key = configPath ?? ''
      const stamp = configPath ? stampOf(configPath) : ''
      const cached = entries.get(key)
      if (cached && cached.stamp === stamp) return cached
      let entry: LinterEntry
      try {
        const loaded = configPath ? loadConfigFile(configPath) : undefined
        entry = {stamp, linter: createLinter(loaded?.config ?? {}, loaded?.path)}
      } catch (error) {
        entry = {stamp, error: error as Error}
      }
      entries.set(key, entry)
      return entry
    },
    forget(configPath: string): void {
      entries.delete(configPath)
    },
    /** The config paths with a cached linter (the defaults' entry has the key `''`). */
    keys(): string[] {
      return [...entries.keys()]
    }
  }
}

function stampOf(path: string): string {
  try {
    const stat = statSync(path)
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`
  } catch {
    return 'missing'
  }
}
