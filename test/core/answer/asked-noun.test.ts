import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/core/engine.js';
import { engineOf, madeUpReport, removeTempDirs } from '../../helpers/corpus.js';

// made up: the answer to a which-question is a name ending in the noun asked for (青石湖 for 哪个湖),
// said sentences away from a sentence that repeats more of the question's words
const LAKES = madeUpReport('湖区渔业简报', 'lakes', `
## 第1段 | 渔业 | 湖区渔业

湖区渔业历史悠久，渔民世代以捕捞银鱼为生。银鱼产量最高的年份出现在2019年，当年雨水充沛。湖区共有渔船三百余艘，大多是木船，船坞设在北岸。产量最高的水域是青石湖，那里水深鱼肥。
`);

// made up: the subject of an answering sentence is named in the sentence before (他是…; 随后…)
const PEOPLE = madeUpReport('本县水利人物', 'people', `
## 第1段 | 人物 | 水利学者

1998年，地方志学者林秋岩在整理县档案馆的旧藏时，发现了一批记录明代水利工程的手抄文书，共计四十余册，其中多册保存完好。他是最早系统研究本县古代水利的学者，著有《清溪水利考》一书。

## 第2段 | 工程 | 潮汐试验站

2003年，工程师周明远带领团队在河口建成了第一座潮汐试验站，站内设有观测塔一座。随后测得了本地潮差的完整年际变化，数据沿用至今。
`);

// made up: a sentence of over 100 characters whose subject is named once, at its start
const CITY = madeUpReport('通安市概况', 'city', `
## 第1段 | 城市 | 城市概况

通安市属于东部沿海经济带的腹地，是全国重要的港口城市之一，海岸线长103.5公里，是国家批准的对外开放城市，为本省第五大城市，华东第十大城市，也是本省距离机场最近的城市，素有“渔米之乡”和“海上花园”的美称，每年吸引大批游客前来观光度假。
`);

// made up: one passage names the term again and again, another defines it
const TERMS = madeUpReport('海洋观测简报', 'terms', `
## 第1段 | 设备 | 浮标站

浮标站的数据每小时上传一次。浮标站由海洋局维护，浮标站共有十二座，浮标站去年更换了电池。

## 第2段 | 术语 | 术语说明

本文所称的浮标站是锚定在海面、自动观测水文气象的无人平台。
`);

// made up: what a question asks for (a year, a person) is said once, in the sentence before the one
// that answers (2016年，…。自此…); a person of another sentence stands right after the answer
const CANAL = madeUpReport('清河灌区纪事', 'canal', `
## 第1段 | 灌区 | 清河灌区

2016年，县水利局召开验收会议，宣布清河干渠全线贯通，沿线十二个村庄派代表参加。自此全县农田实现自流灌溉。

## 第2段 | 研究 | 苔藓研究

在1990年代，青年学者王建国在山区考察时采集了大量苔藓标本，记录了它们在各个山谷的分布和生长季节。首次证明了本地苔藓可以指示空气质量。这与李强的看法不同，李强认为苔藓只能反映土壤的湿度，与空气无关。

## 第3段 | 渠首 | 渠首工程

渠首工程于2012年动工。渠首的闸门由县水利局统一管理。

## 第4段 | 争论 | 轮作之争

2010年，农学家陈志强在著作《稻作新论》中提出了在灌区推行轮作休耕的主张。陈的这一主张遭到了多位水利学者的批评，上述著作一度停印。
`);

describe('the answer names what the question asks about', () => {
  let engine: Engine;
  beforeAll(() => {
    engine = engineOf({ 'lakes.md': LAKES, 'people.md': PEOPLE, 'terms.md': TERMS, 'city.md': CITY, 'canal.md': CANAL });
  });
  afterAll(removeTempDirs);

  it('GIVEN a which-question (哪个湖) THEN the sentence naming one of the kind answers, not the one that repeats more of its words', () => {
    expect(engine.ask('银鱼产量最高的是哪个湖').answer).toBe('产量最高的水域是青石湖，那里水深鱼肥。');
  });

  it('GIVEN a question asking for a subject (谁是…) and an answer opening on 他 THEN the sentence naming him comes along, though both pass 80 characters', () => {
    const answer = engine.ask('谁是最早系统研究本县古代水利的学者').answer!;
    expect(answer).toContain('林秋岩');
    expect(answer.endsWith('他是最早系统研究本县古代水利的学者，著有《清溪水利考》一书。')).toBe(true);
    expect([...answer].length).toBeGreaterThan(80);
  });

  it('GIVEN a question about something else of the same sentence THEN the long pair is not shown: the sentence answers alone', () => {
    expect(engine.ask('最早系统研究本县古代水利的学者著有什么书').answer).toBe('他是最早系统研究本县古代水利的学者，著有《清溪水利考》一书。');
  });

  it('GIVEN a who-question and an answer opening on an adverb (随后…) THEN the sentence before, which names who, comes along', () => {
    const answer = engine.ask('谁测得了本地潮差的完整年际变化').answer!;
    expect(answer).toContain('周明远');
    expect(answer).toContain('随后测得了本地潮差的完整年际变化');
  });

  it('GIVEN a question asking for the subject of a long sentence (哪个城市不仅是…) THEN the cut answer reaches back to the sentence\'s start, which names it', () => {
    const answer = engine.ask('哪个城市不仅是本省第五大城市，也是华东第十大城市').answer!;
    expect(answer.startsWith('通安市属于东部沿海经济带的腹地')).toBe(true);
    expect(answer).toContain('华东第十大城市');
    expect([...answer].length).toBeLessThanOrEqual(140);
  });

  it('GIVEN another question about that sentence THEN only the window around what it asks is shown', () => {
    const answer = engine.ask('通安市的海岸线有多长').answer!;
    expect(answer).toContain('海岸线长103.5公里');
    expect(answer).not.toContain('美称');
  });

  it('GIVEN a what-is question THEN the passage that defines the term answers, though another names it more often', () => {
    expect(engine.ask('什么是浮标站').answer).toBe('本文所称的浮标站是锚定在海面、自动观测水文气象的无人平台。');
    expect(engine.ask('浮标站是什么？').answer).toBe('本文所称的浮标站是锚定在海面、自动观测水文气象的无人平台。');
  });

  it('GIVEN a question about the term that is not a what-is question THEN the passage that answers it still does', () => {
    expect(engine.ask('浮标站由谁维护').answer).toContain('海洋局维护');
  });

  it('GIVEN a when-question (何年) answered by a sentence that holds no time (自此…) THEN the sentence before, which says the year, comes along', () => {
    const answer = engine.ask('全县农田于何年实现自流灌溉').answer!;
    expect(answer).toContain('2016年');
    expect(answer.endsWith('自此全县农田实现自流灌溉。')).toBe(true);
  });

  it('GIVEN an answer that holds what was asked THEN the sentence before does not come along', () => {
    expect(engine.ask('渠首工程于何年动工').answer).toBe('渠首工程于2012年动工。');
  });

  it('GIVEN a who-question THEN a person named after the answering clause is no subject of it: the sentence before, which names who, comes along', () => {
    const answer = engine.ask('谁首次证明了本地苔藓可以指示空气质量').answer!;
    expect(answer).toContain('王建国');
    expect(answer).toContain('首次证明了本地苔藓可以指示空气质量');
    expect(answer).not.toContain('李强');
  });

  it('GIVEN a question asking for the subject and an answer that points back to it (陈的这一主张…) THEN the sentence before, which names it in full, comes along', () => {
    const answer = engine.ask('哪一个人的著作遭到了多位水利学者的批评').answer!;
    expect(answer).toContain('陈志强');
    expect(answer).toContain('陈的这一主张遭到了多位水利学者的批评');
  });
});
