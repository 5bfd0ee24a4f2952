import {fromMarkdown} from 'mdast-util-from-markdown'
import {gfm} from 'micromark-extension-gfm'
import {gfmFromMarkdown} from 'mdast-util-gfm'
import {frontmatter} from 'micromark-extension-frontmatter'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {fromHtml} from 'hast-util-from-html'
const F=['yaml','toml']
const md = (s) => fromMarkdown(s, {extensions:[gfm(), frontmatter(F)], mdastExtensions:[gfmFromMarkdown(), frontmatterFromMarkdown(F)]})
function depth(n){let d=0,stack=[[n,1]];while(stack.length){const [x,k]=stack.pop();d=Math.max(d,k);for(const c of x.children??[])stack.push([c,k+1])}return d}
for (const [name, f] of [['gt4000', ()=>md('>'.repeat(4000)+' hi')], ['gtsp4000', ()=>md('> '.repeat(4000)+'hi')], ['link40k', ()=>md('[a]('.repeat(40000))], ['gt1000', ()=>md('>'.repeat(1000)+' hi')], ['div2000', ()=>fromHtml('<div>'.repeat(2000)+'hi')], ['div5000', ()=>fromHtml('<div>'.repeat(5000)+'hi')], ['list', ()=>md(Array.from({length:3000},(_, i)=>' '.repeat(i*2)+'- a').join('\n'))], ['emph', ()=>md('*a '.repeat(20000))], ['brackets', ()=>md('['.repeat(40000)+'a'+']'.repeat(40000))]]) {
  try { const t=Date.now(); const tree=f(); console.log(name, 'ok depth', depth(tree), Date.now()-t,'ms') } catch(e) { console.log(name, 'THROWS', e.message, (e.stack||'').split('\n').slice(1,4).join(' | ')) }
}
