// What one edit turns one name into another, and how much that edit looks like a slip of the
// keyboard rather than a different name.

export type EditKind = 'doubled' | 'undoubled' | 'transposed' | 'inserted' | 'dropped' | 'substituted' | 'joined'

/** A strong edit is a classic typing slip: a doubled or undoubled letter, two letters swapped. */
export const STRONG: ReadonlySet<EditKind> = new Set(['doubled', 'undoubled', 'transposed'])

/**
 * The edit that turns `right` into `wrong`, or undefined when they are not one edit apart.
 * `joined` is a missing space: `TimeWarner` for `Time Warner`.
 */
export function editBetween(wrong: string, right: string): {kind: EditKind; at: number} | undefined {
  if (right.includes(' ')) return right.replace(/ /gu, '') === wrong ? {kind: 'joined', at: right.indexOf(' ')} : undefined
  const difference = wrong.length - right.length
  if (Math.abs(difference) > 1 || wrong === right) return undefined
  let at = 0
  while (at < wrong.length && at < right.length && wrong[at] === right[at]) at++
  if (difference === 0) {
    if (wrong.slice(at + 1) === right.slice(at + 1)) return {kind: 'substituted', at}
    if (wrong[at] === right[at + 1] && wrong[at + 1] === right[at] && wrong.slice(at + 2) === right.slice(at + 2)) {
      return {kind: 'transposed', at}
    }
    return undefined
  }
  if (difference === 1) {
    // `wrong` has one letter more: `Bidenn` (doubled) or `Horgan` for `Horan` (inserted).
    if (wrong.slice(at + 1) !== right.slice(at)) return undefined
    const doubled = wrong[at] === wrong[at - 1] || wrong[at] === wrong[at + 1]
    return {kind: doubled ? 'doubled' : 'inserted', at}
  }
  // `wrong` has one letter less: `Barot` for `Barrot` (undoubled) or `Yuganskneftgas` (dropped).
  if (wrong.slice(at) !== right.slice(at + 1)) return undefined
  const undoubled = right[at] === right[at - 1] || right[at] === right[at + 1]
  return {kind: undoubled ? 'undoubled' : 'dropped', at}
}
