// Words that stand before a surname without being a given name: `Mr Barot`, `Commissioner
// Barrot`, `President Biden`. A title says nothing about which person a surname belongs to.
export const TITLES = new Set([
  'mr', 'mrs', 'ms', 'miss', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev',
  'president', 'vice', 'prime', 'minister', 'secretary', 'chancellor', 'senator', 'sen', 'rep',
  'governor', 'gov', 'mayor', 'judge', 'justice', 'commissioner', 'chairman', 'chairwoman', 'chief',
  'director', 'general', 'gen', 'colonel', 'col', 'captain', 'capt', 'sergeant', 'sgt', 'officer',
  'detective', 'inspector', 'king', 'queen', 'prince', 'princess', 'pope', 'bishop', 'father',
  'sister', 'brother', 'coach', 'manager', 'striker', 'midfielder', 'defender', 'goalkeeper',
  'winger', 'skipper', 'leader', 'boss', 'spokesman', 'spokeswoman', 'mp', 'mep', 'st', 'saint',
  // a headline's label for a person: `Singer Knight backs ...`, `Actor Smith wins ...`
  'singer', 'actor', 'actress', 'star', 'rapper', 'author', 'writer', 'artist', 'presenter',
  'comedian', 'chef', 'designer', 'producer', 'novelist', 'poet', 'model', 'dancer',
  'uncle', 'aunt', 'said', 'says', 'told', 'added', 'according', 'by', 'the', 'and', 'but', 'with'
])
