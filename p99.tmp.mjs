import { PerformanceObserver } from 'node:perf_hooks';
const dist = process.argv[2];
const { loadCorpus } = await import(dist + '/dist/core/corpus.js');
const { Engine } = await import(dist + '/dist/core/engine.js');
const { readEvalFile } = await import(dist + '/dist/cli/evaluate.js');
const engine = Engine.build(loadCorpus(dist + '/corpus'));
const items = ['/work/shared/eval/dev.jsonl','/work/main/eval/extra.jsonl'].flatMap(f=>readEvalFile(f));
for (let r=0;r<10;r++) for (const it of items) engine.ask(it.q);
const gcs=[]; const obs = new PerformanceObserver(l=>{for(const e of l.getEntries()) gcs.push([e.startTime, e.duration, e.detail?.kind])}); obs.observe({entryTypes:['gc']});
const times=[];
for (let r=0;r<30;r++) for (const it of items){ const s=performance.now(); engine.ask(it.q); const d=performance.now()-s; times.push([d, s, it.q]); }
await new Promise(r=>setTimeout(r,50));
const sorted=[...times].sort((a,b)=>b[0]-a[0]);
console.log('p50', sorted[Math.floor(times.length/2)][0].toFixed(3), 'p99', sorted[Math.floor(times.length*0.01)][0].toFixed(3), 'gcs', gcs.length, 'gc total ms', gcs.reduce((a,g)=>a+g[1],0).toFixed(1), 'max gc', Math.max(0,...gcs.map(g=>g[1])).toFixed(2));
for (const [d,s,q] of sorted.slice(0,8)) { const gc = gcs.find(g=>g[0]>=s-0.01 && g[0]<=s+d); console.log(d.toFixed(3), gc? 'GC '+gc[1].toFixed(2)+' kind '+gc[2] : '', q.slice(0,30)); }
const slow = times.filter(t=>t[0]>1); const byQ={}; for (const [d,s,q] of slow) byQ[q]=(byQ[q]||0)+1;
console.log('>1ms', slow.length, Object.entries(byQ).sort((a,b)=>b[1]-a[1]).slice(0,10));
const idx = times.map((t,i)=>[i,t[0]]).filter(x=>x[1]>1).map(x=>x[0]+':'+x[1].toFixed(1));
console.log(idx.join(' '));
console.log('gc at', gcs.map(g=>times.findIndex(t=>t[1]>=g[0])+':'+g[1].toFixed(1)+'k'+g[2]).join(' '));
