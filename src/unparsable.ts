// A file whose structure no parser here can take (a block of some hundred thousand tokens,
// nesting past what the flattening keeps): that file's error, named with why, never a crash.
// Its own module so that plain text can raise it without loading the Markdown and HTML parsers.

/** Copy that cannot be parsed: a per-file input error, with the reason in the message. */
export class UnparsableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UnparsableError'
  }
}

/** Why a source is too large to parse: its nesting, if known, and its longest paragraph. */
export function tooLarge(source: string, depth?: number): string {
  let longest = 0
  for (const block of source.split(/\n[ \t]*\n/u)) longest = Math.max(longest, block.length)
  const nesting = depth === undefined ? '' : `nesting ${depth} levels deep, `
  return `too large to parse (${nesting}longest paragraph ${longest} characters): split it into smaller paragraphs`
}
