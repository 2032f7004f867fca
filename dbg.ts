import { loadCorpus } from './src/core/corpus.js';
import { analyzeQuery } from './src/core/query.js';
import { Engine } from './src/core/engine.js';
const dir = process.env.C ?? 'corpus';
const c = loadCorpus(dir); const e = Engine.build(c);
for (const q of process.argv.slice(2)) {
  const a = analyzeQuery(q, c.lexicon);
  console.log(q, a.expects, a.measure, a.groups.map(g => `${g.focus?'*':''}${g.label}{${g.alternatives.map(x=>x.tokens.join('+')+'@'+x.weight).join('|')}}=${(e as any).importance(g).toFixed(1)}`).join('  '));
  const r = e.ask(q); console.log('  ->', r.found, r.coverage.toFixed(2), r.answer, r.passages.slice(0,3).map(p=>p.passage.id+':'+p.score.toFixed(2)).join(' '));
}
