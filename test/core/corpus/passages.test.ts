import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../src/core/corpus/corpus.js';
import { chunkParagraph, earlierPartIds, MAX_PASSAGE_CHARS, passageId, splitClauses, splitSentences, toPassages } from '../../../src/core/corpus/passages.js';

describe('passages', () => {
  it('GIVEN a long paragraph THEN it is cut at sentence ends into parts of at most the limit that join back to it', () => {
    const sentence = '这是一个用于测试的句子,它有二十多个字符。';
    const paragraph = sentence.repeat(20);
    const parts = chunkParagraph(paragraph);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(paragraph);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
      expect(part.endsWith('。')).toBe(true);
    }
  });

  it('GIVEN a sentence longer than the limit THEN it is cut at clauses, and a run without any at the limit', () => {
    const clauses = '很长的分句没有句号'.repeat(3) + ',';
    expect(chunkParagraph(clauses.repeat(12)).every((part) => part.length <= MAX_PASSAGE_CHARS)).toBe(true);
    const solid = '字'.repeat(450);
    expect(chunkParagraph(solid).map((part) => part.length)).toEqual([200, 200, 50]);
  });

  it('GIVEN sentences and clauses THEN the pieces join back to the text and keep decimals whole', () => {
    const text = '日开行动车达107.5对、为3倍,客流量达3.8万余人次。下一句!';
    expect(splitSentences(text).join('')).toBe(text);
    expect(splitClauses(text)).toEqual(['日开行动车达107.5对、为3倍,', '客流量达3.8万余人次。', '下一句!']);
    expect(splitClauses('共1,000个,完')).toEqual(['共1,000个,', '完']);
  });

  it('GIVEN a title in book-title marks holding a sentence or clause mark THEN the title splits neither its sentence nor its clause', () => {
    const text = '2008年3月播放的《歌声！》节目中第一次演唱，他主演了《我，机器人》。后文。';
    expect(splitSentences(text)).toEqual(['2008年3月播放的《歌声！》节目中第一次演唱，他主演了《我，机器人》。', '后文。']);
    expect(splitClauses(text)).toEqual(['2008年3月播放的《歌声！》节目中第一次演唱，', '他主演了《我，机器人》。', '后文。']);
    // an unclosed mark is an ordinary character: the text still splits at its marks and joins back
    const unclosed = '他说《没有结尾！然后走了。';
    expect(splitSentences(unclosed)).toEqual(['他说《没有结尾！', '然后走了。']);
    expect(splitClauses(unclosed).join('')).toBe(unclosed);
  });

  it('GIVEN the same corpus loaded twice THEN the passage ids are the same and unique', () => {
    const ids = () => loadCorpus('corpus').documents.flatMap((document) => toPassages(document)).map((passage) => passage.id);
    const first = ids();
    expect(ids()).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    expect(first).toContain('cdms-2021-04-15#2.2');
  });

  it('GIVEN the real report THEN every passage is verbatim from a paragraph and tagged with its section', () => {
    const [document] = loadCorpus('corpus').documents;
    const passages = toPassages(document!);
    for (const passage of passages) {
      const paragraph = document!.paragraphs.find((p) => p.section === passage.section && p.ordinal === passage.paragraph);
      expect(paragraph?.text).toContain(passage.text);
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS);
    }
    expect(new Set(passages.map((p) => p.section.number))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7]));
  });
});

describe('the parts of a split paragraph', () => {
  it('GIVEN a later part\'s id THEN the ids of the parts before it, nearest first; a whole paragraph or a first part has none', () => {
    expect(earlierPartIds(passageId('doc.v2', 1, 2, 3))).toEqual([passageId('doc.v2', 1, 2, 2), passageId('doc.v2', 1, 2, 1)]);
    expect(earlierPartIds(passageId('doc', 1, 2, 1))).toEqual([]);
    expect(earlierPartIds(passageId('doc', 1, 2, 0))).toEqual([]);
  });
});
