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
