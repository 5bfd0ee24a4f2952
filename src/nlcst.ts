// Small helpers over nlcst trees shared by the engine and the rules: where a node, or a
// character of a word, sits in the source.
import type {Node} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {Span} from './rule.js'

export {toString}

/** The offsets of a node; throws on a node without them (every node the engine parses has them). */
export function spanOf(node: Node): Span {
  const start = node.position?.start.offset
  const end = node.position?.end.offset
  if (start === undefined || end === undefined) throw new Error(`A ${node.type} has no offsets`)
  return {start, end}
}

/**
 * The source offset of a character of a word's text: a word split by markup (`*Bide*nn`) is one
 * word whose characters are not contiguous in the source. `index` may be the text's length (the
 * word's end).
 */
export function offsetInWord(word: Node & {children?: Node[]}, index: number): number {
  // Most words are one text node: no walk.
  const only = word.children?.length === 1 ? (word.children[0] as Node & {value?: string}) : undefined
  const start = only?.position?.start.offset
  if (typeof only?.value === 'string' && start !== undefined && only.position!.end.offset !== undefined && word.position?.start.offset !== undefined && word.position.end.offset !== undefined) {
    return start + Math.min(index, only.value.length)
  }
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
