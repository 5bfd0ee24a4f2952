// Reads the fenced examples of a rule README: `ok` blocks, and `input` blocks with the
// `messages`, `fixed` and `suggested` blocks that follow them.
import {readFileSync} from 'node:fs'

export interface Example {
  kind: 'ok' | 'input'
  text: string
  /** `line:column-line:column reason`, one per message, in order. */
  messages?: string[]
  /** The text after safe fixes; undefined means fix leaves the input unchanged. */
  fixed?: string
  /** `line:column-line:column ["a", "b"]` for each message that offers suggestions. */
  suggested?: string[]
  line: number
}

const FENCE = /^```(\w+) (ok|input|messages|fixed|suggested)\n([\s\S]*?)\n?```$/gmu

export function readExamples(path: string): Example[] {
  const markdown = readFileSync(path, 'utf8')
  const examples: Example[] = []
  for (const match of markdown.matchAll(FENCE)) {
    const [, , kind, body] = match
    const line = markdown.slice(0, match.index).split('\n').length
    const last = examples[examples.length - 1]
    if (kind === 'ok' || kind === 'input') {
      examples.push({kind, text: body, line})
    } else if (!last || last.kind !== 'input') {
      throw new Error(`${path}:${line}: a \`${kind}\` block must follow an \`input\` block`)
    } else if (kind === 'fixed') last.fixed = body
    else {
      const lines = body.split('\n').filter((entry) => entry.trim() !== '')
      if (kind === 'messages') last.messages = lines
      else last.suggested = lines
    }
  }
  return examples
}

/** `line:column-line:column` of a message. */
export function where(message: {place?: unknown}): string {
  const place = message.place as {start: {line: number; column: number}; end: {line: number; column: number}}
  return `${place.start.line}:${place.start.column}-${place.end.line}:${place.end.column}`
}
