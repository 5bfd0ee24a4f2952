#!/usr/bin/env node
// `copydesk-language-server --stdio`: starts the language server on stdin/stdout (the default),
// or on whatever transport vscode-languageserver reads from the arguments (--node-ipc, --socket).
import {createConnection, ProposedFeatures} from 'vscode-languageserver/node'
import {startServer} from './index.js'

const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write('Usage: copydesk-language-server [--stdio | --node-ipc | --socket=PORT]\n')
} else {
  const transport = args.some((arg) => arg === '--node-ipc' || arg.startsWith('--socket') || arg.startsWith('--pipe'))
  if (!transport && !args.includes('--stdio')) process.argv.push('--stdio')
  const connection = createConnection(ProposedFeatures.all)
  // A bug must cost at most one answer, never the editor's server: log it and go on.
  process.on('uncaughtException', (error) => connection.console.error(`copydesk: ${error.stack ?? error}`))
  process.on('unhandledRejection', (error) => connection.console.error(`copydesk: ${(error as Error)?.stack ?? error}`))
  startServer(connection)
}
