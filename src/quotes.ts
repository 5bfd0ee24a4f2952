// Where quotations open and close in a block's text, for the rules that treat quoted words as the
// speaker's own (a quoted statement's spelling of a name) or read a quotation's attribution.

export interface QuoteMark {
  index: number
  open: boolean
}

/**
 * The double quotation marks of a text, each an opener or a closer: curly marks say which they
 * are; a straight one opens after white space, a bracket or a dash and before a non-space, and
 * closes otherwise (`outmoded".` closes).
 */
export function quoteMarks(text: string): QuoteMark[] {
  const marks: QuoteMark[] = []
  for (const match of text.matchAll(/["“”]/gu)) {
    const index = match.index
    const before = index === 0 ? '' : text[index - 1]
    const open = match[0] === '“' || (match[0] === '"' && (before === '' || /[\s([{—–-]/u.test(before)) && /\S/u.test(text[index + 1] ?? ''))
    marks.push({index, open})
  }
  return marks
}

/** Whether a quotation is open at an index of the text the marks were read from. */
export function quoteOpen(marks: readonly QuoteMark[], index: number): boolean {
  let open = false
  for (const mark of marks) {
    if (mark.index >= index) break
    open = mark.open
  }
  return open
}

/** Where the quotation that closes at an index opened: the last opener before it; -1 if none. */
export function openerOf(marks: readonly QuoteMark[], close: number): number {
  let opener = -1
  for (const mark of marks) {
    if (mark.index >= close) break
    if (mark.open) opener = mark.index
  }
  return opener
}
