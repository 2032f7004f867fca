import { afterEach, describe, expect, it, vi } from 'vitest';
import { addLexiconFile, emptyLexicon, type Lexicon } from '../../../src/core/corpus/lexicon.js';
import { analyzeQuery } from '../../../src/core/language/query.js';
import { segmenter } from '../../../src/core/language/tokenizer.js';

function lexicon(yaml: string): Lexicon {
  const lex = emptyLexicon();
  addLexiconFile(lex, yaml, 'test.lexicon.yaml');
  return lex;
}

describe('query analysis', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('GIVEN a question THEN each of its Han runs is segmented by ICU once, lexicon words included', () => {
    // each ICU segmentation leaves a native break iterator for the young-generation GC to free
    const lex = lexicon('expansions:\n  机场: [空港]\n  看病: [就医]\n');
    analyzeQuery('预热', lex);
    const segment = vi.spyOn(segmenter, 'segment');
    analyzeQuery('天府国际机场什么时候投运，异地看病能不能直接报销？', lex);
    expect(segment.mock.calls.map(([text]) => text)).toEqual(['天府国际机场什么时候投运', '异地看病能不能直接报销']);
  });

  it('GIVEN 哪一 that ICU keeps as one word (哪一级, 哪一物质) THEN it asks which one: it is no search word, and the noun after it is the focus', () => {
    for (const question of ['英国的哪一级战舰成为了护航舰艇', '这种工艺可以用于哪一物质的回收']) {
      const query = analyzeQuery(question, emptyLexicon());
      expect(query.groups.map((group) => group.label).filter((label) => label.includes('哪'))).toEqual([]);
    }
    expect(analyzeQuery('这种工艺可以用于哪一物质的回收', emptyLexicon()).groups.find((group) => group.focus)?.label).toBe('物质');
  });

  it('GIVEN 为什么 ending its clause after a verb (命名为什么, 被称为什么, 改编为什么及…) THEN it asks as what: no reason is expected and the verb is the focus; 这是为什么 and 为什么 before a verb ask why', () => {
    const naming = analyzeQuery('这种兰花最初被植物学家命名为什么？', emptyLexicon());
    expect(naming.expects).toBeNull();
    expect(naming.groups.find((group) => group.focus)?.label).toBe('命名');
    expect(analyzeQuery('这部小说后来被改编为什么及舞台剧？', emptyLexicon()).expects).toBeNull();
    expect(analyzeQuery('渔民为什么封锁了港口？', emptyLexicon()).expects).toBe('reason');
    expect(analyzeQuery('港口封锁了，这是为什么？', emptyLexicon()).expects).toBe('reason');
  });

  it('GIVEN 哪一年, 哪一天, 哪一届 (normalized to 哪1年…) THEN the 1 is which-one: no figure to search, no focus; the word the question asks about is', () => {
    for (const question of ['青石桥建于哪一年', '运动会在哪一天开幕', '张华在哪一届比赛中夺冠']) {
      const query = analyzeQuery(question, emptyLexicon());
      expect(query.groups.map((group) => group.label), question).not.toContain('1');
    }
    expect(analyzeQuery('运动会在哪一天开幕', emptyLexicon()).groups.find((group) => group.focus)?.label).toBe('开幕');
    expect(analyzeQuery('大桥是哪一年建成的', emptyLexicon()).groups.find((group) => group.focus)?.label).toBe('建成');
  });

  it('GIVEN a question word of the written register (何时, 因何, 何地, 何人, 第几) THEN it asks: no group holds it, though ICU cuts it into characters', () => {
    for (const question of ['茶园是何时开始种茶的', '这座桥是因何得名的', '县政府驻点在何地', '计划被何人告发', '该县的公路总长位居全省第几位']) {
      const labels = analyzeQuery(question, emptyLexicon()).groups.map((group) => group.label);
      expect(labels.filter((label) => /[何几]/u.test(label)), question).toEqual([]);
    }
  });

  it('GIVEN 几何 (geometry) THEN it is a word to search, not 几 asking how many', () => {
    expect(analyzeQuery('几何学中角是怎么定义的', emptyLexicon()).groups.map((group) => group.label).join(' ')).toContain('几何');
  });

  it('GIVEN a lexicon word inside a run THEN the rest of the run keeps its segmented words', () => {
    const query = analyzeQuery('天府国际机场什么时候投运', lexicon('expansions:\n  机场: [空港]\n'));
    expect(query.groups.map((group) => group.label)).toEqual(['天府', '国际', '机场', '投运']);
    expect(query.groups.find((group) => group.label === '机场')!.alternatives.map((alternative) => alternative.tokens)).toEqual([['机场'], ['空港']]);
  });

  it('GIVEN a name of single characters, one beyond the BMP THEN it stays one group', () => {
    // ICU cuts an unknown name into single characters; they are read as one name, not three words
    const query = analyzeQuery('𠀀丫口在哪里', emptyLexicon());
    expect(query.groups.map((group) => group.label)).toEqual(['𠀀丫口']);
  });

  it('GIVEN a figure with a measure word THEN the figure and the measure word are groups of their own', () => {
    const query = analyzeQuery('成资S3线开工了吗', emptyLexicon());
    expect(query.groups.map((group) => [group.label, group.alternatives[0]!.tokens])).toEqual([
      ['成资', ['成资']],
      ['s3', ['s3']],
      ['线', ['线']],
      ['开工', ['开工']],
    ]);
    expect(query.groups.find((group) => group.focus)?.label).toBe('开工');
  });
});

describe('an English what-is frame', () => {
  it('GIVEN what does X mean or what is meant by X THEN only X is searched: the frame (mean, meant) is no content', () => {
    expect(analyzeQuery('What does the 0130 mechanism mean?', emptyLexicon()).groups.map((group) => group.label)).toEqual(['0130', 'mechanism']);
    expect(analyzeQuery('What is meant by the 0130 mechanism?', emptyLexicon()).groups.map((group) => group.label)).toEqual(['0130', 'mechanism']);
  });
});

describe('the aspect a description is asked about', () => {
  const aspectOf = (question: string) => analyzeQuery(question, emptyLexicon()).groups.filter((group) => group.focus).map((group) => ({ label: group.label, aspect: group.aspect }));

  it('GIVEN 有什么特点 / 什么作用 / 什么职务 THEN the noun of 什么 is the focus, marked as the aspect asked about', () => {
    expect(aspectOf('青叶木的叶片有什么特点')).toEqual([{ label: '特点', aspect: true }]);
    expect(aspectOf('这座水库有什么作用')).toEqual([{ label: '作用', aspect: true }]);
    expect(aspectOf('他在省里担任什么职务')).toEqual([{ label: '职务', aspect: true }]);
  });

  it('GIVEN 什么样 (ICU cuts off its 样) THEN 样 is part of the question word: the noun after it is the focus', () => {
    expect(analyzeQuery('青石书院是一所什么样的学校', emptyLexicon()).groups.find((group) => group.focus)?.label).toBe('学校');
  });

  it('GIVEN a question that ends on 是? or 为? with no question word THEN its last word is the focus; a reason asked that way is an aspect', () => {
    const focusOf = (question: string) => analyzeQuery(question, emptyLexicon()).groups.find((group) => group.focus);
    expect(focusOf('这个共和国的首都为?')?.label).toBe('首都');
    expect(focusOf('这次事变爆发的原因是?')).toMatchObject({ label: '原因', aspect: true });
    expect(focusOf('这个共和国的首都为?')?.aspect).toBe(false);
    // with a question word, the question word decides as before
    expect(focusOf('这个共和国的首都是哪座城市?')?.label).not.toBe('首都');
  });

  it('GIVEN a which-question for a thing of a class (哪一种角色, 哪个部位) THEN the class noun is the focus, marked as an aspect: the answer names one of the class', () => {
    expect(aspectOf('科幻电影里最常出现哪一种角色')).toEqual([{ label: '角色', aspect: true }]);
    expect(aspectOf('青叶木的哪个部位可以提取染料')).toEqual([{ label: '部位', aspect: true }]);
  });

  it('GIVEN a question asking for a name, a time, a figure or which one THEN its focus is no aspect', () => {
    for (const question of ['示例公司是哪家公司开发的', '新馆什么时候开放', '步道有多少公里', '德国西边是哪一个国家', '青叶木是什么']) {
      expect(aspectOf(question).every((focus) => !focus.aspect), question).toBe(true);
    }
    // 是 between 什么 and the noun: the noun is what the question is about, not its kind
    expect(aspectOf('什么是棱柱')).toEqual([{ label: '棱柱', aspect: false }]);
  });
});
