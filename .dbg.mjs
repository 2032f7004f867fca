import { parseHTML } from 'linkedom';
import fs from 'node:fs';
import { pageFacts } from './dist/ingest/html.js';
const dir='../shared/import-dev/pages';
for (const f of fs.readdirSync(dir).filter(f=>!process.argv[2]||f.includes(process.argv[2]))) {
  const {document}=parseHTML(fs.readFileSync(dir+'/'+f,'utf8'));
  const r=pageFacts(document);
  console.log(f, JSON.stringify(r));
}
