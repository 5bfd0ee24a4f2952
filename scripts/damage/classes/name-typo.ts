// A name the article spells right at least twice, misspelt once: a letter doubled, two swapped,
// or one dropped, wherever the name stands (inside a multi-word name, at a sentence start, in
// the headline). The name must be written with a capital everywhere in the article (so not a
// common word at a sentence start). A name inside an e-mail address or a link is not damaged:
// the rules leave those verbatim, as a copy editor does.
import {edit, words, type DamageClass, type Line} from '../core.js'

function typos(name: string): string[] {
  const out = new Set<string>()
  // never the first letter: a reader's eye (and a capital) holds it
  for (let i = 1; i < name.length; i++) {
    out.add(name.slice(0, i) + name[i] + name.slice(i)) // doubled
    if (i < name.length - 1 && name[i] !== name[i + 1]) out.add(name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2)) // swapped
    if (name.length > 4) out.add(name.slice(0, i) + name.slice(i + 1)) // dropped
  }
  out.delete(name)
  return [...out]
}

export const nameTypo: DamageClass = {
  id: 'name-typo',
  about: 'A name the article spells right twice or more, misspelt once (letter doubled, swapped or dropped).',
  apply(doc, rng) {
    const places = new Map<string, Array<{line: Line; start: number; end: number}>>()
    const lower = new Set<string>()
    for (const line of doc.lines) {
      if (line.kind === 'blank') continue
      for (const token of words(line.text)) {
        // a name inside an e-mail address or a link (`Jane_Doe@example.com`) is not prose
        const chunk = /\S*$/u.exec(line.text.slice(0, token.start))![0] + /^\S*/u.exec(line.text.slice(token.start))![0]
        if (/@|:\/\/|www\./u.test(chunk)) continue
        if (/^\p{Lu}\p{Ll}{3,}$/u.test(token.word)) {
          const list = places.get(token.word) ?? []
          list.push({line, ...token})
          places.set(token.word, list)
        } else lower.add(token.word.toLowerCase())
      }
    }
    const text = doc.lines.map((line) => line.text).join('\n')
    const names = [...places].filter(([name, list]) => list.length >= 3 && !lower.has(name.toLowerCase()) && list.some((place) => !place.line.used))
    if (!names.length) return null
    const [name, list] = rng.pick(names)
    const place = rng.pick(list.filter((p) => !p.line.used))
    const choices = typos(name).filter((typo) => !text.includes(typo))
    if (!choices.length) return null
    const typo = rng.pick(choices)
    edit(place.line, place.start, place.end, typo)
    return {line: place.line, start: place.start, end: place.start + typo.length, shape: place.line.kind, why: `\`${name}\` appears ${list.length - 1} more times; \`${typo}\` is a one-off.`, fix: name}
  }
}
