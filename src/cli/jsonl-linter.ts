// The linter of a --jsonl run, in the main thread or a worker: records have no path, so the
// config file is the one named by --config, else the one found from the working folder.
import {findConfigFile, loadConfigFile} from '../config.js'
import {createLinter, loadMarkup, type Linter} from '../index.js'
import type {VFile} from 'vfile'
import {toJson} from './report.js'
import type {JsonlOptions} from './jsonl.js'

export async function jsonlLinter(options: Pick<JsonlOptions, 'config' | 'noConfig' | 'cwd'>): Promise<Linter> {
  // Records may be Markdown or HTML, which is only known as they arrive.
  await loadMarkup()
  const path = options.noConfig ? undefined : options.config ?? findConfigFile(options.cwd)
  const loaded = path ? loadConfigFile(path) : {config: {}, path: undefined}
  return createLinter(loaded.config, loaded.path)
}

/** A record's messages, as the JSON report writes a file's. */
export function recordJson(file: VFile): unknown {
  return toJson([file])[0].messages
}
