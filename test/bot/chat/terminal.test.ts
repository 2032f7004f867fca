import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../../src/bot/commands/index.js';
import { answerLine, BANNER, parseLine, promptFor, runTerminal } from '../../../src/bot/chat/terminal.js';
import { Engine, loadCorpus, Suggester } from '../../../src/core/index.js';
import { sink } from '../../helpers/streams.js';

describe('terminal mode', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = Engine.build(loadCorpus('corpus'));
  });
  const context = () => ({ engine, suggester: new Suggester(engine) });
  /** What the terminal prints for lines piped into it, to their end. */
  const piped = async (lines: string): Promise<string> => {
    const input = new PassThrough();
    const out = sink();
    const done = runTerminal(createCommands(), context(), input, out, false);
    input.end(lines);
    await done;
    return out.text();
  };

  it('GIVEN /ask with named options THEN the question and options are parsed', () => {
    const commands = createCommands();
    expect(parseLine('/ask 成资S3线 开工了吗 private:true', commands)).toEqual({ name: 'ask', options: { question: '成资S3线 开工了吗', private: true } });
    expect(parseLine('川芎', commands)).toEqual({ name: 'ask', options: { question: '川芎' } });
    expect(parseLine('   ', commands)).toBeNull();
  });

  it('GIVEN piped commands THEN the banner, then each answer as the bot would send it, then the end', async () => {
    const text = await piped('/ask 成资S3线开工了吗\n/section 2\n/brief\n/nope\n');
    expect(text.startsWith(BANNER)).toBe(true);
    expect(text).toContain('> 目前,“两环三射”轨道交通骨架加快构建,市域铁路成资S3线开工,');
    expect(text).toContain('关键词2 · 交通 · `cdms-2021-04-15#2.2`');
    expect(text).toContain('── 关键词2 · 交通 ──');
    expect(text).toContain('简报');
    expect(text).toContain('Unknown command /nope');
  });

  it('GIVEN a paged section THEN every page is printed', () => {
    const text = answerLine('/section 2', createCommands(), context());
    expect(text).toContain('cdms-2021-04-15#2.2');
  });

  it('GIVEN a plain line after an answer THEN it is a follow-up; /new starts over', async () => {
    const text = await piped('农交所累计成交项目多少宗\n交易金额呢\n/new\n交易金额呢\n');
    const [, followUp, alone] = text.split(/\n\n(?=❓)/).filter((block) => block.startsWith('❓'));
    expect(followUp).toContain('56.31亿元');
    expect(followUp).toMatch(/沿用上文/);
    expect(text).toContain('Started over');
    expect(alone ?? '').not.toMatch(/沿用上文/);
  });

  it('GIVEN thanks after an answer, and a greeting THEN one friendly line each, no report sentence', async () => {
    const text = await piped('农交所累计成交项目多少宗\n谢谢!\n/ask 早上好\n');
    const afterAnswer = text.slice(text.indexOf('3714'));
    expect(afterAnswer).toMatch(/\n不客气![^\n]*\n\n👋 你好![^\n]*\n/);
    // one answer only: the two small-talk lines quote nothing of the report
    expect(text.match(/── 答案 ──/g)).toHaveLength(1);
  });

  it('GIVEN thanks between an answer and a follow-up THEN the follow-up still follows the answer', async () => {
    const text = await piped('农交所累计成交项目多少宗\n好的,谢谢\n交易金额呢\n');
    const followUp = text.split(/\n\n(?=❓)/).filter((block) => block.startsWith('❓'))[1] ?? '';
    expect(followUp).toContain('56.31亿元');
    expect(followUp).toMatch(/沿用上文/);
  });

  it('GIVEN a conversation THEN the prompt names the question it follows up', () => {
    expect(promptFor([])).toBe('> ');
    expect(promptFor([{ question: '农交所累计成交项目多少宗', passageIds: [] }])).toContain('follow-up of: 农交所累计成交项目多少宗');
  });

  it('GIVEN an answer THEN no dead button is printed; /passage and /more do what the buttons do', async () => {
    const text = await piped('成资S3线开工了吗\n/passage\n/more\n/help\n');
    expect(text).not.toContain('[查看段落]');
    expect(text).not.toContain('[更多结果]');
    expect(text).toContain('(more: /passage · /more · a plain line (follow-up))');
    // /passage: the whole passage of the last answer, with its id as title
    expect(text).toMatch(/── 关键词2 · 交通 · cdms-2021-04-15#2\.2 ──\n目前,“两环三射”轨道交通骨架加快构建/);
    // /more: the results after the first three, or a notice that there are none
    expect(text).toMatch(/── 更多结果 ──|没有更多结果了/);
    expect(text).toMatch(/\/quit/);
  });

  it('GIVEN two questions on one line THEN each answer under its question, and each command hint once', async () => {
    const text = await piped('一码通服务了多少人？川芎产值多少？\n');
    expect(text).toMatch(/❓ 一码通服务了多少人？\n── 答案 ──\n> .*1000余万人次/);
    expect(text).toMatch(/❓ 川芎产值多少？\n── 答案 ──\n> .*5\.75亿元/);
    expect(text).toContain('(more: /passage · a plain line (follow-up))');
  });
});
