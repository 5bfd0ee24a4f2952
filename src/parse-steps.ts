// More of parse-latin's and parse-english's merging steps, done in one pass. Each of them splices
// one token out of a sentence's (or a paragraph's) array per merge, which is quadratic when one
// sentence holds thousands of such merges: `ok. so ` 40,000 times took 4 s in the full-stop step,
// `a &b ` 40,000 times 3 s. They give the trees parse-english gives (test/parse.test.ts compares
// them on generated text); parse.ts finds the steps they replace by what those do.
import type {Node, Paragraph, Sentence, Word} from 'nlcst'
import {toString} from 'nlcst-to-string'
import {ownCopy} from './text.js'

type Step = (node: Paragraph) => void
type Token = Sentence['children'][number]

const isMark = (node: Node): node is Token & {value: string} => node.type === 'PunctuationNode' || node.type === 'SymbolNode'
const markOf = (node: Node | undefined) => (node && isMark(node) ? node.value : undefined)
const TERMINAL = /^[!.?\u2026\u203D]+$/u

/**
 * A full stop inside a sentence (not its last terminal mark) joins the word before it, or else the
 * word after it: `ok. so` is one sentence whose `ok.` is a word. Read from the end, as parse-latin
 * does; a full stop followed by a space and another full stop (`ok. .`) stays.
 */
export function mergeRemainingFullStops(paragraph: Paragraph): void {
  for (const sentence of paragraph.children) {
    if (!('children' in sentence)) continue
    const nodes = sentence.children as Token[]
    // Most sentences have no full stop before their last word or terminal mark: nothing to do,
    // and no arrays to make.
    if (!hasInnerFullStop(nodes)) continue
    // The tokens after the current one, last first.
    const after: Token[] = []
    // Full stops put before a word, last first, applied at the end (a run of them would unshift).
    const before = new Map<Word, Token[]>()
    let found = false
    for (let index = nodes.length - 1; index >= 0; index--) {
      const node = nodes[index]
      const value = markOf(node)
      if (value === undefined) {
        if (node.type === 'WordNode') found = true
      } else if (TERMINAL.test(value)) {
        if (!found) found = true
        else if (value === '.') {
          const previous = nodes[index - 1]
          const next = after[after.length - 1]
          if (previous?.type === 'WordNode') {
            const nextNext = after[after.length - 2]
            if (!(next?.type === 'WhiteSpaceNode' && nextNext && toString(nextNext) === '.')) {
              previous.children.push(node as Word['children'][number])
              if (node.position && previous.position) previous.position.end = node.position.end
              after.push(previous)
              index--
              continue
            }
          } else if (next?.type === 'WordNode') {
            const list = before.get(next)
            if (list) list.push(node)
            else before.set(next, [node])
            if (node.position && next.position) next.position.start = node.position.start
            continue
          }
        }
      }
      after.push(node)
    }
    if (after.length === nodes.length) continue
    for (const [word, marks] of before) word.children = [...(marks.reverse() as Word['children']), ...word.children]
    sentence.children = after.reverse() as Sentence['children']
  }
}

// Whether a full stop comes before a word or a terminal mark (read from the end as the step
// reads, up to where it would first act).
function hasInnerFullStop(nodes: readonly Token[]): boolean {
  let found = false
  for (let index = nodes.length - 1; index >= 0; index--) {
    const value = markOf(nodes[index])
    if (value === undefined) {
      if (nodes[index].type === 'WordNode') found = true
    } else if (value === '.' && found) return true
    else if (!found && TERMINAL.test(value)) found = true
  }
  return false
}

/** An `&` not after a word joins the word after it (`&b`); so does a run of them. */
export function mergeInitialAmpersands(sentence: Paragraph | Sentence): void {
  const nodes = sentence.children as Token[]
  const out: Token[] = []
  let index = 0
  let changed = false
  while (index < nodes.length) {
    if (markOf(nodes[index]) !== '&') {
      out.push(nodes[index++])
      continue
    }
    let end = index
    while (markOf(nodes[end + 1]) === '&') end++
    const word = nodes[end + 1]
    if (word?.type !== 'WordNode') {
      for (; index <= end; index++) out.push(nodes[index])
      continue
    }
    // The first of the run stays when a word comes right before it.
    const first = out.length > 0 && out[out.length - 1].type === 'WordNode' ? index + 1 : index
    for (; index < first; index++) out.push(nodes[index])
    if (first <= end) {
      const marks = nodes.slice(first, end + 1)
      word.children = [...(marks as Word['children']), ...word.children]
      const start = marks[0].position
      if (start && word.position) word.position.start = start.start
      changed = true
    }
    out.push(word)
    index = end + 2
  }
  if (changed) sentence.children = out as Sentence['children']
}

/** A `-` after a word and not before one joins the word before it (`ab-`); so does a run of them. */
export function mergeFinalHyphens(sentence: Paragraph | Sentence): void {
  const nodes = sentence.children as Token[]
  // Made at the first join: most sentences with a hyphen have it between words, and keep their array.
  let out: Token[] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]
    const previous = out ? out[out.length - 1] : nodes[index - 1]
    if (markOf(node) === '-' && previous?.type === 'WordNode' && nodes[index + 1]?.type !== 'WordNode') {
      out ??= nodes.slice(0, index)
      previous.children.push(node as Word['children'][number])
      if (previous.position && node.position) previous.position.end = node.position.end
    } else out?.push(node)
  }
  if (out) sentence.children = out as Sentence['children']
}

/** A `/` between short words makes one word (`an/or`, `w/o`); after a short word and before no word, it joins that word. */
export function mergeSlashes(sentence: Paragraph | Sentence): void {
  const nodes = sentence.children as Token[]
  const out: Token[] = []
  let changed = false
  let index = 0
  while (index < nodes.length) {
    const node = nodes[index]
    const previous = out[out.length - 1]
    if (markOf(node) === '/' && previous?.type === 'WordNode' && shorterThanThree(previous)) {
      const next = nodes[index + 1]
      if (next?.type !== 'WordNode' || shorterThanThree(next)) {
        const tail = next?.type === 'WordNode' ? next : node
        previous.children.push(node as Word['children'][number])
        if (next?.type === 'WordNode') for (const child of next.children) previous.children.push(child)
        if (previous.position && tail.position) previous.position.end = tail.position.end
        index += next?.type === 'WordNode' ? 2 : 1
        changed = true
        continue
      }
    }
    out.push(node)
    index++
  }
  if (changed) sentence.children = out as Sentence['children']
}

// Whether a word's text is shorter than three characters, without joining a long word's text.
function shorterThanThree(word: Word): boolean {
  let length = 0
  for (const child of word.children) {
    length += toString(child).length
    if (length >= 3) return false
  }
  return true
}

/**
 * parse-english's step that makes `Mr.` (and its other abbreviations) one word and joins the next
 * sentence to the one that ends with it; parse-latin's does the same for `etc.`, `a.` and `12.`
 * (`symbols`: its full stop may be a symbol node). Whether a word is such an abbreviation is asked of the
 * original step, on a copy of the word; the joining is done here, in one pass.
 */
export function prefixExceptions(original: Step, symbols = false): (paragraph: Paragraph) => void {
  // The answer by the word's text, which is all that both steps read of it: a probe is built for
  // each new word, not for each sentence that ends on a word and a period.
  const known = new Map<string, boolean>()
  const abbreviates = (word: Word) => {
    const text = word.children.length === 1 && word.children[0].type === 'TextNode' ? word.children[0].value : toString(word)
    let answer = known.get(text)
    if (answer === undefined) {
      answer = ask(word)
      if (known.size >= 10_000) known.clear()
      // (a copy: a word cut from the text would keep the whole text alive as a key)
      known.set(ownCopy(text), answer)
    }
    return answer
  }
  const ask = (word: Word) => {
    const probe: Paragraph = {
      type: 'ParagraphNode',
      children: [
        {type: 'SentenceNode', children: [{type: 'WordNode', children: [...word.children]}, {type: 'PunctuationNode', value: '.'}]},
        {type: 'SentenceNode', children: []}
      ]
    }
    original(probe)
    return probe.children.length === 1
  }
  return (paragraph) => {
    const nodes = paragraph.children
    // Made at the first merge: most paragraphs have none, and keep their array.
    let out: Paragraph['children'] | undefined
    for (let index = 0; index < nodes.length; index++) {
      const sentence = nodes[index]
      out?.push(sentence)
      if (sentence.type !== 'SentenceNode') continue
      for (;;) {
        const children = sentence.children
        const period = children[children.length - 1]
        const word = children[children.length - 2]
        const mark = period?.type === 'PunctuationNode' || (symbols && period?.type === 'SymbolNode')
        if (!mark || period.value !== '.' || word?.type !== 'WordNode' || !abbreviates(word)) break
        word.children.push(period)
        children.pop()
        if (period.position && word.position) word.position.end = period.position.end
        const next = nodes[index + 1]
        if (next?.type !== 'SentenceNode') break
        for (const child of next.children) children.push(child)
        if (next.position && sentence.position) sentence.position.end = next.position.end
        out ??= nodes.slice(0, index + 1)
        index++
      }
    }
    if (out) paragraph.children = out
  }
}

type Parent = {children: Node[]; position?: Node['position']}
const isWhiteSpace = (node: Node | undefined) => node?.type === 'WhiteSpaceNode'

/** White space at the start of a sentence (or paragraph) becomes the sibling before it. */
export function makeInitialWhiteSpaceSiblings(parent: Parent): void {
  const nodes = parent.children
  // (made at the first move, as in the step below: most parents have none, and keep their array)
  let out: Node[] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const child = nodes[index]
    const children = (child as Partial<Parent>).children
    let count = 0
    if (children) {
      while (isWhiteSpace(children[count])) {
        // parse-latin moves them one at a time, each time starting the node at what is then first.
        const next = children[count + 1]
        if (next?.position && child.position) child.position.start = next.position.start
        count++
      }
    }
    if (count > 0) {
      out ??= nodes.slice(0, index)
      for (const node of children!.splice(0, count)) out.push(node)
    }
    out?.push(child)
  }
  if (out) parent.children = out
}

/** White space at the end of a sentence (or paragraph) becomes the sibling after it. */
export function makeFinalWhiteSpaceSiblings(parent: Parent): void {
  const nodes = parent.children
  let out: Node[] | undefined
  for (let index = 0; index < nodes.length; index++) {
    const child = nodes[index]
    out?.push(child)
    const children = (child as Partial<Parent>).children
    if (!children) continue
    let from = children.length
    while (from > 0 && isWhiteSpace(children[from - 1])) {
      from--
      const previous = children[from - 1]
      if (previous?.position && child.position) child.position.end = previous.position.end
    }
    if (from === children.length) continue
    out ??= nodes.slice(0, index + 1)
    for (const node of children.splice(from)) out.push(node)
  }
  if (out) parent.children = out
}

/** A sentence or paragraph left without children is dropped. */
export function removeEmptyNodes(parent: Parent): void {
  if (parent.children.some((child) => (child as Partial<Parent>).children?.length === 0)) {
    parent.children = parent.children.filter((child) => (child as Partial<Parent>).children?.length !== 0)
  }
}

/**
 * A sentence is broken at white space that holds two or more line breaks (not its first or last
 * token): the white space becomes the paragraph's, the rest a sentence of its own, broken again
 * where it holds more. In one pass: parse-latin's step split the text of every white space of
 * every sentence to count its line breaks (a twentieth of the memory a lint allocates), and
 * spliced the paragraph at each break, quadratic in a paragraph the to-nlcst utilities make of a
 * whole Markdown or HTML document (16,000 headings: 7 s).
 */
export function breakImplicitSentences(paragraph: Paragraph): void {
  const children: Paragraph['children'] = []
  for (const child of paragraph.children) {
    children.push(child)
    if (child.type !== 'SentenceNode') continue
    const nodes = child.children
    let current: Sentence = child
    let from = 0
    // A sentence's first and last child never break it, nor does the first of each part.
    for (let position = 1; position < nodes.length - 1; position++) {
      const node = nodes[position]
      if (position === from || node.type !== 'WhiteSpaceNode' || !hasTwoLineBreaks(node.value)) continue
      const next: Sentence = {type: 'SentenceNode', children: []}
      const tail = nodes[position - 1]
      const head = nodes[position + 1]
      if (current.position && tail.position && head.position) {
        const end = current.position.end
        current.position.end = tail.position.end
        next.position = {start: head.position.start, end}
      }
      current.children = nodes.slice(from, position)
      children.push(node, next)
      current = next
      from = position + 1
    }
    if (from > 0) current.children = nodes.slice(from)
  }
  paragraph.children = children
}

// Whether a text holds two line breaks or more (`\r\n`, `\r` and `\n` each one).
function hasTwoLineBreaks(value: string): boolean {
  let breaks = 0
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index)
    if (code === 0x0a || (code === 0x0d && value.charCodeAt(index + 1) !== 0x0a)) breaks++
    if (breaks === 2) return true
  }
  return false
}

/**
 * A parent without a start (or end) takes its first (last) child's: parse-latin's step visited
 * every child of every sentence, paragraph and root to read the first and the last.
 */
export function patchPosition(parent: Parent): void {
  const nodes = parent.children
  const first = nodes[0]
  if (first?.position && !parent.position?.start) {
    parent.position ??= {} as NonNullable<Parent['position']>
    parent.position.start = first.position.start
  }
  const last = nodes[nodes.length - 1]
  if (last?.position && !parent.position?.end) {
    parent.position ??= {} as NonNullable<Parent['position']>
    parent.position.end = last.position.end
  }
}

/**
 * A full stop after a word that is an initialism (`U.S` of single characters and full stops, not
 * all digits) joins it. The few words of that shape are asked of the original step (`original`),
 * on a copy; the rest of the sentence is read once, without parse-latin's call per token.
 */
export function mergeInitialisms(original: (sentence: Sentence) => void): (sentence: Sentence) => void {
  const ask = (word: Word) => {
    const probe: Sentence = {type: 'SentenceNode', children: [{type: 'WordNode', children: [...word.children]}, {type: 'PunctuationNode', value: '.'}]}
    original(probe)
    return probe.children.length === 1
  }
  return (sentence) => {
    const nodes = sentence.children
    // Made at the first join: most sentences have none, and keep their array.
    let out: Sentence['children'] | undefined
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index]
      const previous = out ? out[out.length - 1] : nodes[index - 1]
      if (
        node.type === 'PunctuationNode' &&
        node.value === '.' &&
        previous?.type === 'WordNode' &&
        previous.children.length !== 1 &&
        previous.children.length % 2 !== 0 &&
        ask(previous)
      ) {
        out ??= nodes.slice(0, index)
        previous.children.push(node)
        if (previous.position && node.position) previous.position.end = node.position.end
      } else out?.push(node)
    }
    if (out) sentence.children = out
  }
}
