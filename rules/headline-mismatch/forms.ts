// Related forms of names that are not places and share too little spelling to be matched by
// prefix: parties and their people, bodies and their initials. Compared lower-cased. Places and
// their people (`US`/`American`, `Netherlands`/`Dutch`) come from the gazetteer (gazetteer.ts).
export const RELATED: ReadonlyArray<readonly string[]> = [
  ['un', 'united nations'],
  ['tory', 'tories', 'conservative', 'conservatives'],
  ['labour', 'labour party'],
  ['lib dem', 'lib dems', 'liberal democrat', 'liberal democrats']
]
