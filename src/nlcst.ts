// Small helpers over nlcst trees shared by the engine and the rules: offsets of nodes, and a
// block's sentences flattened into one run of tokens.
import type {Node, Paragraph, Sentence, SentenceContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Span} from './rule.js'

export {toString}

/** One token of a block: a word, punctuation, symbol, white space or source node. */
export type Token = SentenceContent

/** The offsets of a node; throws on a node without them (every node the engine parses has them). */
export function spanOf(node: Node): Span {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) throw new Error(`A ${node.type} has no offsets`)
  return {start, end}
}

/** The sentences of a paragraph and the tokens between them, as one flat run. */
export function tokensOf(paragraph: Paragraph): Token[] {
  const tokens: Token[] = []
  for (const child of paragraph.children) {
    if (child.type === 'SentenceNode') tokens.push(...(child as Sentence).children)
    else tokens.push(child as Token)
  }
  return tokens
}

/** The index of the next token after `index` that is not white space, or -1. */
export function nextSolid(tokens: readonly Token[], index: number): number {
  for (let i = index + 1; i < tokens.length; i++) if (tokens[i].type !== 'WhiteSpaceNode') return i
  return -1
}

/** The index of the previous token before `index` that is not white space, or -1. */
export function previousSolid(tokens: readonly Token[], index: number): number {
  for (let i = index - 1; i >= 0; i--) if (tokens[i].type !== 'WhiteSpaceNode') return i
  return -1
}

/** Whether a token is a punctuation mark with exactly this text. */
export function isMark(token: Token | undefined, marks: string): boolean {
  return (
    token !== undefined &&
    (token.type === 'PunctuationNode' || token.type === 'SymbolNode') &&
    marks.includes(token.value) &&
    token.value.length === 1
  )
}

/** Opening and closing quotation marks (straight ones are both). */
export const OPENING_QUOTES = '"\'“‘«„‚‹'
export const CLOSING_QUOTES = '"\'”’»‹›'

/**
 * The source offset of a character of a word's text: a word split by markup (`*Bide*nn`) is one
 * word whose characters are not contiguous in the source. `index` may be the text's length (the
 * word's end).
 */
export function offsetInWord(word: Node & {children?: Node[]}, index: number): number {
  let seen = 0
  let end = spanOf(word).start
  const walk = (node: Node & {value?: string; children?: Node[]}): number | undefined => {
    if (typeof node.value === 'string') {
      const {start} = spanOf(node)
      if (index < seen + node.value.length) return start + (index - seen)
      seen += node.value.length
      end = start + node.value.length
      return undefined
    }
    for (const child of node.children ?? []) {
      const found = walk(child)
      if (found !== undefined) return found
    }
    return undefined
  }
  return walk(word) ?? end
}
