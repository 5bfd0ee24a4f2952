// nspell ships no types; this is the part of its API the project uses.
declare module 'nspell' {
  interface Dictionary {
    aff: Uint8Array | string
    dic?: Uint8Array | string
  }
  interface NSpell {
    correct(word: string): boolean
    suggest(word: string): string[]
    spell(word: string): {correct: boolean; forbidden: boolean; warn: boolean}
    add(word: string, model?: string): NSpell
    remove(word: string): NSpell
    personal(dic: string): NSpell
    dictionary(dic: string | Uint8Array): NSpell
  }
  export default function nspell(dictionary: Dictionary | Dictionary[]): NSpell
}
