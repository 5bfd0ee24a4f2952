#!/usr/bin/env node
// `copydesk-language-server --stdio`: starts the language server on stdin/stdout (the default),
// or on whatever transport vscode-languageserver reads from the arguments (--node-ipc, --socket).
// `--help` and `--version` answer and exit without starting a server.
import {readFileSync} from 'node:fs'

const USAGE = `Usage: copydesk-language-server [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]

The retext-copydesk language server: diagnostics and quick fixes for news and web copy in any
editor with a Language Server Protocol client. Talks over standard input and output by default.

Options:
  --stdio           talk over standard input and output (the default)
  --node-ipc        talk over Node's IPC channel
  --socket=PORT     talk over a TCP socket
  --pipe=NAME       talk over a named pipe
  -h, --help        show this help
  -v, --version     show the version`

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`)
} else if (args.includes('--version') || args.includes('-v')) {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {version: string}
  process.stdout.write(`${manifest.version}\n`)
} else {
  const transport = args.some((arg) => arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))
  if (!transport && !args.includes('--stdio')) process.argv.push('--stdio')
  // The server (and the engine behind it) loads only when a server is asked for.
  const [{createConnection, ProposedFeatures}, {startServer}] = await Promise.all([import('vscode-languageserver/node'), import('./index.js')])
  const connection = createConnection(ProposedFeatures.all)
  // A bug must cost at most one answer, never the editor's server: log it and go on.
  process.on('uncaughtException', (error) => connection.console.error(`copydesk: ${error.stack ?? error}`))
  process.on('unhandledRejection', (error) => connection.console.error(`copydesk: ${(error as Error)?.stack ?? error}`))
  startServer(connection)
}
