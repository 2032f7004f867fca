import { describe, expect, it } from 'vitest';
import { addLexiconFile, emptyLexicon, EXPANSION_WEIGHT } from '../../../src/core/corpus/lexicon.js';
import { CorpusError } from '../../../src/core/errors.js';
import { analyzeQuery } from '../../../src/core/language/query.js';

function lexicon(text: string) {
  const into = emptyLexicon();
  addLexiconFile(into, text, 'x.lexicon.yaml');
  return into;
}

function errorOf(text: string): CorpusError {
  try {
    lexicon(text);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return error as CorpusError;
  }
  throw new Error('expected the lexicon to be rejected');
}

describe('lexicon', () => {
  it('GIVEN synonyms THEN each word expands to the others, both ways', () => {
    const lex = lexicon('synonyms:\n  - [看病, 就医]\n');
    expect([...lex.expansions.get('看病')!]).toEqual(['就医']);
    expect([...lex.expansions.get('就医')!]).toEqual(['看病']);
  });

  it('GIVEN an expansion THEN it is one way, and its words are normalized (traditional to simplified)', () => {
    const lex = lexicon('expansions:\n  高鐵: [動車]\n');
    expect([...lex.expansions.get('高铁')!]).toEqual(['动车']);
    expect(lex.expansions.has('动车')).toBe(false);
  });

  it('GIVEN a glossary phrase THEN it is stored by its stems', () => {
    const lex = lexicon('glossary:\n  bullet trains: [动车]\n');
    expect([...lex.glossary.get('bullet train')!]).toEqual(['动车']);
  });

  it('GIVEN a bad entry THEN the error names the file, the line and the entry', () => {
    const error = errorOf('synonyms:\n  - [看病, 就医]\n  - [孤单]\n');
    expect(error.message).toMatch(/^corpus: x\.lexicon\.yaml:3: "synonyms" entry 2: /);
    const empty = errorOf('expansions:\n  高铁: []\n');
    expect([empty.line, empty.field]).toEqual([2, '"expansions" entry "高铁"']);
    const glossary = errorOf('glossary:\n  成都: [成都]\n');
    expect([glossary.line, glossary.field]).toEqual([2, '"glossary" entry "成都"']);
  });

  it('GIVEN an unknown section or broken YAML THEN it is rejected with its line', () => {
    expect(errorOf('synonym:\n  - [a, b]\n').field).toBe('"synonym"');
    expect(errorOf('synonyms: [\n').field).toBe('lexicon');
  });

  it('GIVEN a glossary phrase of stop words only THEN it is rejected', () => {
    expect(errorOf('glossary:\n  the: [的]\n').message).toMatch(/only of stop words/);
  });

  it('GIVEN a one-character lexicon word THEN it expands too', () => {
    const query = analyzeQuery('投资的钱是多少', lexicon('expansions:\n  钱: [金额]\n'));
    expect(query.terms.get('金额')).toBe(EXPANSION_WEIGHT);
    expect(query.groups.find((group) => group.label === '钱')?.focus).toBe(true);
  });

  it('GIVEN a question with an expanded word THEN the expansion weighs less than the user word', () => {
    const query = analyzeQuery('高铁多少对', lexicon('expansions:\n  高铁: [动车]\n'));
    expect(query.terms.get('高铁')).toBe(1);
    expect(query.terms.get('动车')).toBe(EXPANSION_WEIGHT);
    expect(EXPANSION_WEIGHT).toBeLessThan(1);
  });

  it('GIVEN an English question THEN glossary phrases map to Chinese, stop words drop, numbers become digits', () => {
    const lex = lexicon('glossary:\n  school: [学校]\n  pair up: [结对]\n  chengdu: [成都]\n');
    const query = analyzeQuery('How many schools in Chengdu pair up with three cities?', lex);
    expect(query.groups.map((group) => group.label)).toEqual(['schools', 'chengdu', 'pair', 'three', 'cities']);
    expect(query.terms.has('学校')).toBe(true);
    expect(query.terms.has('结对')).toBe(true);
    expect(query.terms.has('3')).toBe(true);
    expect(query.expects).toBe('amount');
    expect(query.groups[0]?.focus).toBe(true);
  });
});
