// Reporters shared by the CLI and the benchmark scripts. The JSON report has the shape
// vfile-reporter-json prints (an array of {path, cwd, messages}), without syntax-tree ancestors.
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {fixLevel} from './engine.js'

export interface JsonMessage {
  reason: string
  ruleId: string | undefined
  source: string | undefined
  severity: 'error' | 'warning' | 'info'
  fatal: boolean | undefined
  line: number | undefined
  column: number | undefined
  place: VFileMessage['place']
  actual: string | undefined
  expected: string[] | undefined
  fix: 'safe' | 'suggestion' | 'none'
  url: string | undefined
  note: string | undefined
}

export interface JsonFile {
  path: string
  cwd: string
  messages: JsonMessage[]
}

export function toJson(files: readonly VFile[]): JsonFile[] {
  return files.map((file) => ({
    path: file.path,
    cwd: file.cwd,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      ruleId: message.ruleId,
      source: message.source,
      severity: message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info',
      fatal: message.fatal ?? undefined,
      line: message.line,
      column: message.column,
      place: message.place,
      actual: message.actual,
      expected: message.expected,
      fix: fixLevel(message),
      url: message.url,
      note: message.note
    }))
  }))
}
