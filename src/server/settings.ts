// The client's settings (`copydesk` section, or initializationOptions), asked per document where
// the client can answer, and never trusted: `null` (Emacs eglot) or a silent client means defaults.
import type {Connection} from 'vscode-languageserver/node'

/** Settings from the client (`copydesk` section, or initializationOptions). */
export interface ServerSettings {
  /** Lint at all. */
  enable: boolean
  /** Milliseconds to wait after the last change before linting. */
  debounce: number
}

export const DEFAULTS: ServerSettings = {enable: true, debounce: 200}
// A client that never answers a settings request must not stall linting.
const SETTINGS_TIMEOUT = 2000

/** Reads client settings; anything missing, `null` or of the wrong type keeps its default. */
export function readSettings(value: unknown, defaults: ServerSettings = DEFAULTS): ServerSettings {
  const raw = Array.isArray(value) ? value[0] : value
  if (typeof raw !== 'object' || raw === null) return {...defaults}
  const {enable, debounce} = raw as Record<string, unknown>
  return {
    enable: typeof enable === 'boolean' ? enable : defaults.enable,
    debounce: typeof debounce === 'number' && debounce >= 0 && debounce <= 10_000 ? debounce : defaults.debounce
  }
}

/** What a document remembers of its settings: the pending request, and the answer once given. */
export interface SettingsSlot {
  settings?: Promise<ServerSettings>
  /** The settings once answered, for the debounce of the next change. */
  resolved?: ServerSettings
}

/** Asks the client for a document's settings once, falling back to the global ones. */
export function askSettings(connection: Connection, uri: string, slot: SettingsSlot, global: ServerSettings, canAsk: boolean): Promise<ServerSettings> {
  if (!canAsk) return Promise.resolve(global)
  if (slot.settings) return slot.settings
  slot.settings = new Promise<ServerSettings>((resolve) => {
    const timer = setTimeout(() => resolve(global), SETTINGS_TIMEOUT)
    // Emacs eglot answers `null` for a section it has no value for: that means the defaults.
    connection.workspace.getConfiguration({scopeUri: uri, section: 'copydesk'}).then(
      (value: unknown) => {
        clearTimeout(timer)
        resolve(readSettings(value, global))
      },
      () => {
        clearTimeout(timer)
        resolve(global)
      }
    )
  })
  void slot.settings.then((settings) => (slot.resolved = settings))
  return slot.settings
}
