import {lint} from './dist/src/index.js'
const [name, n] = process.argv.slice(2)
const shapes = {
  mdwords: () => 'a '.repeat(+n), mdcomma: () => 'a,'.repeat(+n), mdlinks: () => '[a]('.repeat(+n), mdsym: () => '# '.repeat(+n),
  htmlwords: () => '<p>' + 'a '.repeat(+n), htmlb: () => '<b>a</b>'.repeat(+n),
}
const value = shapes[name]()
const t = Date.now()
try { const r = lint({path: name.startsWith('md') ? 'x.md' : 'x.html', value}); console.log(name, n, 'ok', r.messages.length, Date.now()-t) }
catch (e) { console.log(name, n, 'THROWS', Date.now()-t, e.name, e.message.slice(0,120)) }
