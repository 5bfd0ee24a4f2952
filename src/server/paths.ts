// Documents and workspace folders arrive as URIs; config files and linters are keyed by paths.
import type {WorkspaceFolder} from 'vscode-languageserver/node'
import {fileURLToPath} from 'node:url'

/** The file-system path of a `file:` URI, else undefined (untitled buffers, other schemes). */
export function fsPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

/** The workspace folders as paths: the client's list, else its root URI. */
export function foldersOf(list: readonly WorkspaceFolder[] | null | undefined, rootUri: string | null | undefined): string[] {
  const uris = list?.length ? list.map((folder) => folder.uri) : rootUri ? [rootUri] : []
  return uris.map(fsPath).filter((path): path is string => path !== undefined)
}
