import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/core/corpus/corpus.js';
import { Engine } from '../../src/core/engine.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of a corpus folder to change. */
function copyOf(dir: string): string {
  const copy = mkdtempSync(join(tmpdir(), 'update-'));
  made.push(copy);
  cpSync(dir, copy, { recursive: true });
  return copy;
}

const QUESTIONS = ['成资S3线开工了吗', '社区医院新增了多少个就诊窗口', '18号线三期全长多少公里', '白鹭湾湿地观测到多少种鸟类', 'How long is the bridge?', '滨江大桥什么时候通车', '四川省省长是谁'];

/** What an engine answers, for comparing two engines. */
const answers = (engine: Engine) => QUESTIONS.map((question) => {
  const result = engine.ask(question);
  return { question, found: result.found, answer: result.answer, citation: result.citations[0]?.passageId ?? null, confidence: Math.round(result.confidence * 1000) };
});

describe('updating an engine in place', () => {
  it('GIVEN reports added, changed and removed THEN the engine answers as one built anew on the same folder', () => {
    const dir = copyOf('test/fixtures/corpus');
    const engine = Engine.build(loadCorpus(dir));
    cpSync('test/fixtures/everyday/binjiang-2024.md', join(dir, 'binjiang-2024.md'));
    let changes = engine.update(loadCorpus(dir));
    expect(changes).toEqual({ added: ['binjiang-2024'], changed: [], removed: [] });
    expect(answers(engine)).toEqual(answers(Engine.build(loadCorpus(dir))));
    expect(engine.ask('滨江大桥什么时候通车').answer).toContain('4月30日');

    writeFileSync(join(dir, 'binjiang-2024.md'), readFileSync(join(dir, 'binjiang-2024.md'), 'utf8').replace('4月30日', '5月1日'));
    rmSync(join(dir, 'parks-2023.md'));
    changes = engine.update(loadCorpus(dir));
    expect(changes).toEqual({ added: [], changed: ['binjiang-2024'], removed: ['parks-2023'] });
    expect(answers(engine)).toEqual(answers(Engine.build(loadCorpus(dir))));
    expect(engine.ask('滨江大桥什么时候通车').answer).toContain('5月1日');
    expect(engine.ask('白鹭湾湿地观测到多少种鸟类').found).toBe(false);
    expect(engine.passages.some((passage) => passage.documentId === 'parks-2023')).toBe(false);
    expect(engine.documents.has('parks-2023')).toBe(false);
  });
});
