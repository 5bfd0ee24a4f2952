// Parsing copy into nlcst. Plain text goes through parse-english with one extra step: a line
// break ends a block (a subheading has no period to end it), unless the text is hard-wrapped.
// Markdown and HTML keep their structure as hints for the article model.
import type {Paragraph, Root, RootContent, Sentence, SentenceContent, WhiteSpace} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ParseEnglish} from 'parse-english'
import type {Processor} from 'unified'
import type {VFile} from 'vfile'
import type {KindHint} from './article.js'
import type {Span} from './rule.js'
import {parseHtml, parseMarkdown, tooLarge, UnparsableError} from './markup.js'

export type Format = 'text' | 'markdown' | 'html'

/** What the parser leaves on `file.data.copydesk` for the engine. */
export interface ParseData {
  format: Format
  hints?: readonly KindHint[]
  /** Source ranges where no safe fix is ever made (an HTML `<head>`), beside what is not prose. */
  frozen?: readonly Span[]
}

declare module 'vfile' {
  interface DataMap {
    copydesk: ParseData
  }
}

const LINE_BREAK = /[\r\n]/u
// A line that ends like this is the end of a sentence or a heading, not a wrapped line.
const LINE_END = /[.!?…:;"'”’»)\]]\s*$/u

/** The extensions the CLI collects from folders; a file named explicitly is linted whatever it is. */
export const EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm']

/** The format of a file from its name: `.md`/`.markdown`, `.html`/`.htm`, else plain text. */
export function formatOf(path: string | undefined): Format {
  const name = (path ?? '').toLowerCase()
  if (/\.(?:md|markdown|mdown|mkd)$/u.test(name)) return 'markdown'
  if (/\.(?:html?|xhtml)$/u.test(name)) return 'html'
  return 'text'
}

/** Parses plain text into nlcst with one paragraph per line (or per paragraph, when wrapped). */
export function parseText(source: string): Root {
  const tree = new ParseEnglish().parse(source)
  normalizePlain(tree, source)
  return tree
}

/** Gives a plain-text tree (ours or retext-english's) one block per line; idempotent. */
export function normalizePlain(tree: Root, source: string): void {
  if (!isHardWrapped(source)) splitAtLineBreaks(tree)
}

/** The unified parser plugin: picks the format from the option, else the file name. */
export function copydeskParse(this: Processor, options?: {format?: Format}) {
  this.parser = (document: string, file: VFile) => {
    const format = options?.format ?? formatOf(file.path)
    if (format === 'text') {
      file.data.copydesk = {format}
      try {
        return parseText(document)
      } catch (error) {
        // parse-english spreads a sentence's tokens into one call: a stack overflow on a
        // sentence of some hundred thousand tokens is that file's error, not a crash.
        if (error instanceof RangeError) throw new UnparsableError(tooLarge(document))
        throw error
      }
    }
    const {tree, hints, frozen} = format === 'markdown' ? parseMarkdown(document, file) : parseHtml(document, file)
    file.data.copydesk = {format, hints, frozen}
    return tree
  }
}

/**
 * Makes every line break a block boundary, in place; idempotent. parse-english ends a paragraph at
 * a line break only after a sentence ends, so `Welcome sign\nIn Seoul, ...` would be one sentence.
 */
export function splitAtLineBreaks(tree: Root): void {
  const children: RootContent[] = []
  let current: Paragraph['children'] = []
  const flush = () => {
    if (current.length > 0) children.push(group<Paragraph>('ParagraphNode', current))
    current = []
  }
  for (const child of tree.children) {
    if (child.type !== 'ParagraphNode') {
      flush()
      children.push(child)
      continue
    }
    for (const node of child.children) {
      if (node.type === 'WhiteSpaceNode' && LINE_BREAK.test(node.value)) {
        flush()
        children.push(node)
      } else if (node.type === 'SentenceNode') {
        let part: SentenceContent[] = []
        for (const token of node.children) {
          if (token.type === 'WhiteSpaceNode' && LINE_BREAK.test(token.value)) {
            if (part.length > 0) current.push(group<Sentence>('SentenceNode', part))
            part = []
            flush()
            children.push(token as WhiteSpace)
          } else part.push(token)
        }
        if (part.length === node.children.length) current.push(node)
        else if (part.length > 0) current.push(group<Sentence>('SentenceNode', part))
      } else current.push(node)
    }
    flush()
  }
  tree.children = children
}

function group<T extends Paragraph | Sentence>(type: T['type'], nodes: T['children']): T {
  const first = nodes[0]
  const last = nodes[nodes.length - 1]
  const position =
    first.position && last.position ? {start: first.position.start, end: last.position.end} : undefined
  return {type, children: nodes, position} as T
}

/** Whether plain text is wrapped at a fixed width, so a line break is only a space. */
export function isHardWrapped(source: string): boolean {
  const lines = source.split(/\r\n|\r|\n/u)
  let pairs = 0
  let open = 0
  for (let i = 0; i + 1 < lines.length; i++) {
    if (lines[i].trim() === '' || lines[i + 1].trim() === '') continue
    pairs++
    if (!LINE_END.test(lines[i])) open++
  }
  return pairs >= 3 && open / pairs >= 0.5
}

/** Whether a tree is the plain parse of this text (not derived from Markdown or HTML). */
export function isPlainParse(tree: Root, source: string): boolean {
  return toString(tree) === source
}
