// Reporters for the CLI and the scripts: pretty (vfile-reporter), a flat JSON (the shape
// vfile-reporter-json prints, without syntax-tree ancestors), SARIF 2.1.0 for code scanning, and
// GitHub workflow commands. Every reporter reads the same messages.
import {createHash} from 'node:crypto'
import {relative, sep} from 'node:path'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {rules} from '../../rules/index.js'
import {fixLevel, HOMEPAGE, ruleUrl, SOURCE} from '../engine.js'

export const REPORTERS = ['pretty', 'json', 'sarif', 'github'] as const
export type ReporterName = (typeof REPORTERS)[number]

type Severity = 'error' | 'warning' | 'info'

export interface JsonMessage {
  ruleId: string | undefined
  source: string | undefined
  severity: Severity
  fatal: boolean | undefined
  reason: string
  line: number | undefined
  column: number | undefined
  endLine: number | undefined
  endColumn: number | undefined
  offset: number | undefined
  endOffset: number | undefined
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

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info'
}

function range(message: VFileMessage) {
  const place = message.place
  const start = place && 'start' in place ? place.start : place
  const end = place && 'end' in place ? place.end : place
  return {start, end}
}

/** The flat JSON report: one entry per file, every field a script needs, no syntax trees. */
export function toJson(files: readonly VFile[]): JsonFile[] {
  return files.map((file) => ({
    path: file.path,
    cwd: file.cwd,
    messages: file.messages.map((message) => {
      const {start, end} = range(message)
      return {
        ruleId: message.ruleId,
        source: message.source,
        severity: severityOf(message),
        fatal: message.fatal ?? undefined,
        reason: message.reason,
        line: start?.line,
        column: start?.column,
        endLine: end?.line,
        endColumn: end?.column,
        offset: start?.offset,
        endOffset: end?.offset,
        place: message.place,
        actual: message.actual,
        expected: message.expected,
        fix: fixLevel(message),
        url: message.url,
        note: message.note
      }
    })
  }))
}

/**
 * The pretty report of vfile-reporter; `quiet` leaves out files without messages. The reporter
 * and its modules (about 30 ms) are loaded only when this report is asked for.
 */
export async function toPretty(files: readonly VFile[], options: {quiet?: boolean} = {}): Promise<string> {
  const {reporter} = await import('vfile-reporter')
  return reporter([...files], {quiet: options.quiet})
}

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/**
 * SARIF 2.1.0: rule metadata with help links, one result per message with its region, a
 * fingerprint that survives edits elsewhere in the file (rule, text, and which occurrence of that
 * text it is), and safe fixes as SARIF fixes.
 */
export function toSarif(files: readonly VFile[], cwd: string, version: string): object {
  const ids = rules.map((rule) => rule.id)
  const results = files.flatMap((file) => {
    const uri = relative(cwd, file.path).split(sep).join('/')
    const seen = new Map<string, number>()
    return file.messages.map((message) => {
      const {start, end} = range(message)
      const region = {
        startLine: start?.line ?? 1,
        startColumn: start?.column ?? 1,
        endLine: end?.line ?? start?.line ?? 1,
        endColumn: end?.column ?? start?.column ?? 1,
        ...(start?.offset !== undefined && end?.offset !== undefined ? {charOffset: start.offset, charLength: end.offset - start.offset} : {})
      }
      const key = `${message.ruleId}\u0000${message.actual ?? ''}`
      const occurrence = seen.get(key) ?? 0
      seen.set(key, occurrence + 1)
      const fingerprint = createHash('sha256').update(`${uri}\u0000${key}\u0000${occurrence}`).digest('hex').slice(0, 32)
      const level = severityOf(message) === 'info' ? 'note' : severityOf(message)
      const index = (ids as readonly string[]).indexOf(message.ruleId ?? '')
      return {
        ruleId: message.ruleId,
        ...(index >= 0 ? {ruleIndex: index} : {}),
        level,
        message: {text: message.reason},
        locations: [{physicalLocation: {artifactLocation: {uri, uriBaseId: '%SRCROOT%'}, region}}],
        partialFingerprints: {'copydesk/v1': fingerprint},
        ...(message.autofix && message.expected
          ? {
              fixes: [
                {
                  description: {text: `Replace \`${message.actual}\` with \`${message.expected[0]}\``},
                  artifactChanges: [
                    {
                      artifactLocation: {uri, uriBaseId: '%SRCROOT%'},
                      replacements: [{deletedRegion: region, insertedContent: {text: message.expected[0]}}]
                    }
                  ]
                }
              ]
            }
          : {})
      }
    })
  })
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            version,
            informationUri: HOMEPAGE,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: {text: rule.summary},
              helpUri: ruleUrl(rule.id),
              properties: {fix: rule.fix}
            }))
          }
        },
        originalUriBaseIds: {'%SRCROOT%': {uri: `${pathToUri(cwd)}/`}},
        columnKind: 'utf16CodeUnits',
        results
      }
    ]
  }
}

/**
 * GitHub workflow commands, one annotation per message, then a summary: GitHub shows only the
 * first few dozen annotations of a step, so the count must be said in words too.
 */
export function toGithub(files: readonly VFile[], cwd: string): string {
  const lines: string[] = []
  const count = {error: 0, warning: 0, info: 0}
  for (const file of files) {
    const path = relative(cwd, file.path).split(sep).join('/')
    for (const message of file.messages) {
      const severity = severityOf(message)
      count[severity]++
      const {start, end} = range(message)
      const properties = [
        `file=${property(path)}`,
        `line=${start?.line ?? 1}`,
        `col=${start?.column ?? 1}`,
        `endLine=${end?.line ?? start?.line ?? 1}`,
        `endColumn=${end?.column ?? start?.column ?? 1}`,
        `title=${property(`${SOURCE}(${message.ruleId})`)}`
      ]
      const command = severity === 'info' ? 'notice' : severity
      lines.push(`::${command} ${properties.join(',')}::${data(message.reason)}`)
    }
  }
  const total = count.error + count.warning + count.info
  lines.push(
    `${SOURCE}: ${total} ${total === 1 ? 'message' : 'messages'} (${count.error} ${count.error === 1 ? 'error' : 'errors'}, ${count.warning} ${count.warning === 1 ? 'warning' : 'warnings'}, ${count.info} info) in ${files.length} ${files.length === 1 ? 'file' : 'files'}`
  )
  return lines.join('\n')
}

// Escaping of workflow commands: data escapes %, CR and LF; properties also `:` and `,`.
function data(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A')
}

function property(text: string): string {
  return data(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C')
}

function pathToUri(path: string): string {
  return `file://${path.split(sep).map(encodeURIComponent).join('/')}`
}
