import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/eval.js';
import { sink } from '../helpers/streams.js';
import { tempCorpus } from '../helpers/corpus.js';
import { join } from 'node:path';

describe('eval CLI', () => {
  it('GIVEN a question file THEN per-kind rows with the metrics are printed', () => {
    const out = sink();
    const code = main(['--corpus', 'test/fixtures/corpus', 'test/fixtures/questions.jsonl'], out, sink());
    expect(code).toBe(0);
    const text = out.text();
    expect(text).toMatch(/section@1\s+passage@1\s+passage@3\s+answer@1\s+abstained\s+false abst\.\s+mean len/);
    expect(text).toMatch(/numeric\s+2\s+1\.00\s+1\.00\s+1\.00\s+1\.00\s+-\s+0/);
    expect(text).toMatch(/unanswerable\s+1\s+.*1\/1/);
  });

  it('GIVEN --compare THEN each tokenizer variant gets a row of passage@1 by kind', () => {
    const out = sink();
    expect(main(['--corpus', 'test/fixtures/corpus', '--compare', 'test/fixtures/questions.jsonl'], out, sink())).toBe(0);
    for (const variant of ['minisearch-default', 'minisearch-bigram', 'minisearch-words', 'engine']) expect(out.text()).toMatch(new RegExp(`${variant}\\s+\\d\\.\\d\\d`));
    expect(out.text()).toMatch(/engine\s+1\.00 \(1\.00\)/);
  });

  it('GIVEN a bad line THEN the file, line and field are named and exit 1', () => {
    const dir = tempCorpus({ 'q.jsonl': '{"id":"a","q":"x","section":1,"answer":"y","kind":"direct"}\n{"id":"b","q":"x","section":"one","answer":"y","kind":"direct"}\n' });
    const err = sink();
    expect(main([join(dir, 'q.jsonl')], sink(), err)).toBe(1);
    expect(err.text()).toMatch(/q\.jsonl:2: field "section"/);
  });

  it('GIVEN any kinds, history and null answers THEN each kind gets a row and every null answer counts as unanswerable', () => {
    const out = sink();
    expect(main(['--corpus', 'test/fixtures/everyday', 'test/fixtures/everyday.jsonl'], out, sink())).toBe(0);
    const text = out.text();
    for (const kind of ['colloquial', 'typo', 'chitchat', 'english', 'followup', 'nearmiss']) expect(text).toMatch(new RegExp(`\\n${kind}\\s+\\d+`));
    // the follow-up without an answer is counted among the unanswerable questions, beside the near misses
    expect(text).toMatch(/unanswerable\s+6\s+.*6\/6/);
    expect(text).toMatch(/followup\s+3\s+(?:\S+\s+){3}1\.00\s+1\/1/);
  });

  it('GIVEN --sweep and --calibrate THEN the confidence thresholds and a fitted model with its reliability are printed', () => {
    const out = sink();
    expect(main(['--corpus', 'test/fixtures/everyday', '--sweep', '--calibrate', 'test/fixtures/everyday.jsonl'], out, sink())).toBe(0);
    expect(out.text()).toMatch(/confidence threshold\s+unanswerable abstaining\s+answerable answered right/);
    expect(out.text()).toMatch(/0\.50\s+\d+\/6\s+\d+\/17/);
    expect(out.text()).toMatch(/confidence model fitted on \d+ answers: \{"intercept":/);
  });
});
