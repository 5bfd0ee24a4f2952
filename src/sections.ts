// A long plain text is linted in sections of whole paragraphs, one after the other, each tree
// dropped once its messages are made: a 5 MB file's tree alone held 420 MB. Rules compare
// evidence (names, repeated words) within a section, which holds thousands of words; the
// messages are moved to where their section sits, so nobody sees the seams but the rules.
import {getHeapStatistics, setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'
import {VFile} from 'vfile'
import {location} from 'vfile-location'
import type {VFileMessage} from 'vfile-message'
import {nextBlankLine} from './parse.js'

/** Texts longer than this are linted in sections. */
export const LONG_TEXT = 1_000_000
/** About how long a section is: dead trees of a few sections are what the heap holds at most. */
export const SECTION_LENGTH = 250_000

/**
 * The offsets where sections start: each at a blank line, about `size` characters apart; one
 * section for a text of at most `long` characters.
 */
export function sectionStarts(source: string, size = SECTION_LENGTH, long = LONG_TEXT): number[] {
  const starts = [0]
  if (source.length <= Math.max(long, 2 * size)) return starts
  // Where the parser cuts a text into pieces it parses alone, so a section's tree is the same
  // part of the whole text's tree; the blank line goes with the section after it.
  let from = size
  while (from < source.length - size) {
    const match = nextBlankLine(source, from)
    if (!match || source.length - match.index < size / 2) break
    starts.push(match.index)
    from = match.index + size
  }
  return starts
}

/** What a section of a longer file needs to be read as part of it. */
export interface SectionData {
  /** Whether the whole text is hard-wrapped (a line break there is a space). */
  wrapped: boolean
  /** Whether text comes before this section: its first line is then no headline. */
  continued: boolean
}

declare module 'vfile' {
  interface DataMap {
    copydeskSection: SectionData
  }
}

/**
 * Lints `file` section by section with `lintOne`, moving each section's messages to where it
 * sits in the whole text, and gives them to `file`.
 */
export function lintInSections(file: VFile, starts: readonly number[], wrapped: boolean, lintOne: (section: VFile) => void): void {
  const source = String(file.value)
  const place = location(source)
  starts.forEach((start, index) => {
    const end = index + 1 < starts.length ? starts[index + 1] : source.length
    const section = new VFile({path: file.path, cwd: file.cwd, value: source.slice(start, end)})
    section.data.copydeskSection = {wrapped, continued: start > 0}
    lintOne(section)
    const origin = place.toPoint(start)!
    for (const message of section.messages) {
      moveMessage(message, origin, start)
      file.messages.push(message)
    }
    if (index === 0 && section.data.copydesk) file.data.copydesk = section.data.copydesk
    if (getHeapStatistics().used_heap_size > HEAP_CEILING) collectGarbage()
  })
}

// V8 collects the dead trees of earlier sections only once its heap has grown well past what is
// alive: a 5 MB file peaked anywhere between 450 and 770 MB with some 30 MB alive per section
// (and ran in a heap capped at 200 MB). Past this ceiling a full collection between sections
// keeps the peak in bounds; it runs a few times per 5 MB, for some 50 ms each.
const HEAP_CEILING = 192 * 1024 * 1024
let collect: (() => void) | null | undefined

function collectGarbage(): void {
  if (collect === undefined) {
    try {
      setFlagsFromString('--expose-gc')
      collect = runInNewContext('gc') as () => void
    } catch {
      collect = null
    }
  }
  collect?.()
}

type Point = {line: number; column: number; offset?: number}

// Moves a message (and its evidence) made on a section to the same text in the whole file.
function moveMessage(message: VFileMessage, origin: Point, offset: number): void {
  const move = (point: Point): Point => ({
    line: point.line + origin.line - 1,
    column: point.line === 1 ? point.column + origin.column - 1 : point.column,
    offset: (point.offset ?? 0) + offset
  })
  const place = message.place
  if (place && 'start' in place) {
    message.place = {start: move(place.start), end: move(place.end)}
    message.line = message.place.start.line
    message.column = message.place.start.column
    // As vfile names a message: the file's path, if any, then the place.
    const {start, end} = message.place
    message.name = `${message.file ? `${message.file}:` : ''}${start.line}:${start.column}-${end.line}:${end.column}`
  }
  const cause = message.cause
  if (cause && typeof cause === 'object' && 'place' in cause) moveMessage(cause as VFileMessage, origin, offset)
}
