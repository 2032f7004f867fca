import { parseHTML } from 'linkedom';
import fs from 'node:fs';
const dir='../shared/import-dev/pages';
const gold=Object.fromEntries(fs.readFileSync('../shared/import-dev/gold.jsonl','utf8').trim().split('\n').map(l=>JSON.parse(l)).map(g=>[g.file,g]));
for (const f of fs.readdirSync(dir)) {
  const html=fs.readFileSync(dir+'/'+f,'utf8');
  const {document}=parseHTML(html);
  for (const s of document.querySelectorAll('script,style,noscript')) s.remove();
  const lines=[];
  const walk=(n)=>{ for (const c of n.childNodes){ if(c.nodeType===3){const t=c.textContent.replace(/\s+/g,' ').trim(); if(t) lines.push(t);} else if(c.nodeType===1) walk(c);} };
  walk(document.body||document);
  const g=gold[f]; const key=g.title.slice(0,8);
  const i=lines.findIndex(l=>l.includes(key));
  console.log('=====',f, 'title at', i, 'of', lines.length, '| pub', g.publisher, g.date);
  console.log('  before:', lines.slice(Math.max(0,i-4),i).join(' ¦ ').slice(0,300));
  console.log('  after:', lines.slice(i,i+10).join(' ¦ ').slice(0,400));
  console.log('  end:', lines.slice(-12).join(' ¦ ').slice(0,500));
}
