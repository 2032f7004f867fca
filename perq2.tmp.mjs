const dist = process.argv[2];
const { loadCorpus } = await import(dist + '/dist/core/corpus.js');
const { Engine } = await import(dist + '/dist/core/engine.js');
const { readEvalFile } = await import(dist + '/dist/cli/evaluate.js');
const engine = Engine.build(loadCorpus(dist + '/corpus'));
const items = ['/work/shared/eval/dev.jsonl','/work/main/eval/extra.jsonl'].flatMap(f=>readEvalFile(f));
for (let r=0;r<20;r++) for (const it of items) engine.ask(it.q);
const out={};
for (let rep=0;rep<5;rep++) for (const it of items){ const t=performance.now(); for(let r=0;r<40;r++) engine.ask(it.q); const d=(performance.now()-t)/40*1000; out[it.q]=Math.min(out[it.q]??1e9,d); }
console.log(JSON.stringify(out));
