import { beforeAll, describe, expect, it } from 'vitest';
import { contextWords, marksFollowUp, topicAlone, withContext, type Turn } from '../../../src/core/language/conversation.js';
import { bareMessage, cleanQuestion } from '../../../src/core/language/cleanup.js';
import { normalizeText } from '../../../src/core/language/normalize.js';
import { emptyLexicon } from '../../../src/core/corpus/lexicon.js';
import { analyzeQuery } from '../../../src/core/language/query.js';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { Engine } from '../../../src/core/engine.js';

// the made-up report of test/fixtures/everyday (no lexicon)
let engine: Engine;
beforeAll(() => {
  engine = Engine.build(loadCorpus('test/fixtures/everyday'));
});

/** The turns of questions asked one after another. */
function turns(...questions: string[]): Turn[] {
  const out: Turn[] = [];
  for (const question of questions) {
    const result = engine.ask(question, { history: out });
    out.push({ question, passageIds: result.found ? [result.citations[0]!.passageId] : [] });
  }
  return out;
}

describe('follow-up questions', () => {
  it('GIVEN openings, 呢, pronouns and comparisons THEN they mark a follow-up; a plain question does not', () => {
    for (const question of ['那技能培训呢', '口袋公园呢?', '它全长多少', '和滨江大桥一样吗', 'What about the park?']) expect(marksFollowUp(question), question).toBe(true);
    expect(marksFollowUp('社区医院新增了多少个就诊窗口')).toBe(false);
  });

  it('GIVEN a demonstrative before a noun (那个座谈会, 那些学校) THEN no follow-up is marked; standing alone (这个多少钱, 那些呢) THEN it points back', () => {
    for (const question of ['那个座谈会在哪里举行', '那些学校什么时候开学', '这个停车场收费吗', '那个审核流程要多久']) expect(marksFollowUp(question), question).toBe(false);
    for (const question of ['这个多少钱', '那些呢', '那个怎么申请']) expect(marksFollowUp(question), question).toBe(true);
    // 该 opens a question as a demonstrative; inside 应该 it is no pointer
    expect(marksFollowUp('应该去哪里办理')).toBe(false);
  });

  it('GIVEN a message that is a topic and 呢 (口袋公园呢, 那技能培训的情况呢, what about the bridge?) THEN topicAlone is the topic; a question, a pointer or a going-on is none', () => {
    const alone = (message: string): string | undefined => topicAlone(message, bareMessage(cleanQuestion(normalizeText(message)).text));
    expect(alone('口袋公园呢')).toBe('口袋公园');
    expect(alone('那技能培训的情况呢?')).toBe('技能培训');
    expect(alone('What about the bridge?')).toBe('bridge');
    for (const message of ['口袋公园', '口袋公园在哪里呢', '那它全长多少', '还有呢', '然后呢', '那个呢', '这些呢', '你们呢', '自己呢', '和滨江大桥一样吗']) expect(alone(message), message).toBeUndefined();
  });

  it('GIVEN a full new question with a demonstrative after an answer THEN it is answered on its own, not with the earlier question', () => {
    const result = engine.ask('那个社区医院新增了多少个就诊窗口', { history: turns('新区今年新增就业岗位多少个') });
    expect(result.answer).toContain('12个');
    expect(result.context).toEqual([]);
  });

  it('GIVEN an ellipsis THEN the earlier question supplies what it lacks, and says so', () => {
    const result = engine.ask('那技能培训呢', { history: turns('新区今年新增就业岗位多少个') });
    expect(result.answer).toContain('1.2万人次');
    expect(result.context.length).toBeGreaterThan(0);
  });

  it('GIVEN an ellipsis whose unit differs from the earlier question\'s THEN it is still answered', () => {
    expect(engine.ask('口袋公园呢', { history: turns('沿江绿道完成造林多少亩') }).answer).toContain('9个');
  });

  it('GIVEN a pronoun THEN it stands for the earlier question\'s subject', () => {
    expect(engine.ask('它全长多少', { history: turns('滨江大桥什么时候通车') }).answer).toContain('2.4公里');
  });

  it('GIVEN a question with its subject left out THEN the subject comes from the earlier question', () => {
    const result = engine.ask('几号通车的', { history: turns('滨江大桥全长多少公里') });
    expect(result.answer).toContain('4月30日');
  });

  it('GIVEN a follow-up answered with the earlier question\'s words THEN its context gives them as that question says them, side by side as one phrase, never a single character', () => {
    // 个 of 多少个 is matched in the answer too, and is no word a reader checks
    const result = engine.ask('那技能培训呢', { history: turns('新区今年新增就业岗位多少个') });
    expect(result.answer).toContain('个');
    expect(result.context).toEqual(['新区今年新增就业岗位']);
  });

  it('GIVEN earlier words that segmentation cut across a word (都市 · 圈日开 · 行动 of 都市圈日开行动车) THEN the context is the earlier phrase, not the cuts', () => {
    expect(contextWords(['都市圈日开行动车多少对'], ['都市', '圈日开', '行动', '车'])).toEqual(['都市圈日开行动车']);
    // words apart in the question stay apart; a word only an older question says comes from it
    expect(contextWords(['眉山的学生有多少', '那资阳呢'], ['眉山', '学生'])).toEqual(['眉山', '学生']);
    expect(contextWords(['川芎产值多少', '那增长呢'], ['川芎', '个'])).toEqual(['川芎']);
  });

  it('GIVEN a question that stands on its own THEN the history is ignored', () => {
    const alone = engine.ask('社区医院新增了多少个就诊窗口');
    const after = engine.ask('社区医院新增了多少个就诊窗口', { history: turns('滨江大桥全长多少公里') });
    expect(after.answer).toBe(alone.answer);
    expect(after.context).toEqual([]);
  });

  it('GIVEN a follow-up the report does not answer THEN it abstains', () => {
    expect(engine.ask('那地铁呢', { history: turns('社区公交票价多少钱') }).found).toBe(false);
  });

  it('GIVEN a follow-up whose new word only the section headline names THEN the earlier answer is not given again', () => {
    // the made-up report of test/fixtures/farming: headline 茶叶和柑橘形成产业带, the area given for tea only
    const farming = Engine.build(loadCorpus('test/fixtures/farming'));
    const first = farming.ask('茶叶种植面积有多少');
    expect(first.answer).toContain('26万亩');
    const history: Turn[] = [{ question: '茶叶种植面积有多少', passageIds: [first.citations[0]!.passageId] }];
    const result = farming.ask('那柑橘呢', { history });
    expect(result.answer ?? '').not.toContain('26万亩');
  });

  it('GIVEN a chain of follow-ups THEN the first question\'s topic carries through', () => {
    const history = turns('滨江大桥什么时候通车', '它全长多少');
    expect(history[1]!.passageIds).toEqual(['binjiang-2024#3.1']);
    expect(engine.ask('那社区公交呢', { history }).answer).toMatch(/公交/);
  });
});

describe('the kind a follow-up asks for', () => {
  const followUp = (previous: string, current: string) => withContext(analyzeQuery(current, emptyLexicon()), analyzeQuery(previous, emptyLexicon()));

  it('GIVEN a which-question, then 那X呢 THEN the follow-up asks for one of the same noun', () => {
    expect(followUp('哪个港口吞吐量最大', '那第二呢')).toMatchObject({ expects: 'which', measure: '港口', strict: false });
  });

  it('GIVEN a what-is question, then 那Y呢 THEN the earlier term is not what the follow-up asks to have defined', () => {
    expect(followUp('什么是浮标站', '那潮位站呢')).toMatchObject({ expects: null, measure: null });
  });

  it('GIVEN a when-question, then 那Y呢 THEN the follow-up still asks when, without being strict', () => {
    expect(followUp('浮标站什么时候建成', '那潮位站呢')).toMatchObject({ expects: 'time', strict: false });
  });
});
