// Config files edited outside the editor (or under a client without file watching) still
// re-lint: the client watches where it offers to, and our own fs.watch covers the rest.
import {watch, type FSWatcher} from 'node:fs'
import {DidChangeWatchedFilesNotification, type Connection} from 'vscode-languageserver/node'
import {CONFIG_FILES} from '../config.js'

/** Asks the client to watch every config file of the workspace; a refusal is not an error. */
export function registerClientWatching(connection: Connection): void {
  connection.client
    .register(DidChangeWatchedFilesNotification.type, {watchers: [{globPattern: `**/{${CONFIG_FILES.join(',')}}`}]})
    .catch(() => undefined)
}

/** Folder watchers: `watchFolder` calls `changed(folder)` when a config file in it changes. */
export function createFolderWatchers(changed: (folder: string) => void) {
  const watchers = new Map<string, FSWatcher>()
  return {
    watchFolder(folder: string): void {
      if (watchers.has(folder)) return
      try {
        const watcher = watch(folder, {persistent: false}, (_event, name) => {
          if (name && !CONFIG_FILES.includes(String(name))) return
          changed(folder)
        })
        watcher.on('error', () => {
          watcher.close()
          watchers.delete(folder)
        })
        watchers.set(folder, watcher)
      } catch {
        // Some file systems cannot be watched: changes are still seen on the next edit.
      }
    },
    close(): void {
      for (const watcher of watchers.values()) watcher.close()
      watchers.clear()
    }
  }
}
