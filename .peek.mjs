import { parseHTML } from 'linkedom';
import fs from 'node:fs';
const dir='../shared/import-dev/pages';
for (const f of fs.readdirSync(dir)) {
  const html=fs.readFileSync(dir+'/'+f,'utf8');
  const {document}=parseHTML(html);
  console.log('=====',f,'| title:',document.querySelector('title')?.textContent?.trim());
  for (const m of document.querySelectorAll('meta')) { const n=m.getAttribute('name')||m.getAttribute('property')||m.getAttribute('itemprop')||m.getAttribute('http-equiv'); if(n && !/viewport|keywords|description|robots|renderer|X-UA|Content-Type|referrer|format-detection|apple|msapplication|baidu|360|shenma|mobile|applicable|Cache|Pragma|Expires/i.test(n)) console.log('  meta',n,'=',(m.getAttribute('content')||'').slice(0,80)); }
  for (const s of document.querySelectorAll('script[type="application/ld+json"]')) console.log('  ldjson', s.textContent.slice(0,300).replace(/\s+/g,' '));
  const hs=[...document.querySelectorAll('h1,h2')].map(h=>h.tagName+':'+h.textContent.trim().slice(0,40));
  console.log('  headings',hs.slice(0,6).join(' || '));
}
