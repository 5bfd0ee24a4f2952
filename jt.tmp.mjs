const {englishJudge, englishDictionary, createLexicon, plainHash, sketchHas} = await import('./dist/src/lexicon.js')
const nspell = (await import('nspell')).default
const own = nspell(englishDictionary())
const forms = Object.keys(own.data)
const variants = (form) => [form, form.toLowerCase(), form.toUpperCase(), form.charAt(0).toUpperCase() + form.slice(1), `${form}x`, form.slice(1), form.replace(/'/gu, '’'), ` ${form}`]
const words = [...new Set(forms.flatMap(variants))]
const judge = englishJudge()
const lexicon = createLexicon({names: [], words: []})
let t = performance.now()
for (const w of words) own.correct(w)
console.log(words.length, 'own', (performance.now() - t).toFixed(0))
t = performance.now()
for (const w of words) judge(w)
console.log('judge', (performance.now() - t).toFixed(0))
t = performance.now()
for (const w of words) lexicon.probe(w)
console.log('probe', (performance.now() - t).toFixed(0))
t = performance.now()
for (const w of words) { const h = plainHash(w); if (h !== -1) sketchHas(h) }
console.log('sketch', (performance.now() - t).toFixed(0))
