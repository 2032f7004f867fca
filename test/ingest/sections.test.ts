import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/core/corpus/document.js';
import type { Block } from '../../src/ingest/extract.js';
import { buildReport } from '../../src/ingest/report.js';
import { detectSections } from '../../src/ingest/sections.js';

const p = (text: string, strong = false): Block => ({ kind: 'paragraph', text, ...(strong ? { strong } : {}) });
const h = (text: string, level: number): Block => ({ kind: 'heading', text, level });
/** A paragraph of about `chars` characters of made-up text. */
const text = (chars: number, topic = '社区'): Block => p(`${topic}工作稳步推进，${'各项任务按计划完成，群众满意度持续提升'.repeat(Math.ceil(chars / 20))}。`.slice(0, chars));

const FLAGS = { title: '示例报告', publisher: '示例日报', date: '2024-01-01', url: 'https://example.org/r' };

describe('sections from any numbering', () => {
  it('GIVEN headings written partly as <h2> and partly as a bold paragraph (<p><strong>三、…</strong></p>) THEN all are sections of one level', () => {
    const report = detectSections([h('一、交通建设', 2), text(120), h('二、民生服务', 2), text(120), p('三、生态环境', true), text(120)]);
    expect(report.sections.map((section) => `${section.label}|${section.keyword}`)).toEqual(['一、|交通建设', '二、|民生服务', '三、|生态环境']);
  });

  it('GIVEN 一、 parts with （一） items of a few lines each THEN the parts are the sections, and the items stay their text', () => {
    const report = detectSections([p('一、总体要求'), p('（一）指导思想'), text(60), p('（二）基本原则'), text(60), p('二、主要任务'), p('（一）交通'), text(60)]);
    expect(report.sections.map((section) => section.label)).toEqual(['一、', '二、']);
    expect(report.sections[0]!.paragraphs).toContain('（一）指导思想');
  });

  it('GIVEN （一） items long enough to stand alone, whose numbering restarts in every 一、 part THEN the items are the sections, numbered in sequence, with their part in the label, and the file loads', () => {
    const blocks = [p('一、总体要求'), p('（一）指导思想'), text(400), p('（二）基本原则'), text(400), p('二、主要任务'), p('（一）交通建设'), text(400), p('（二）产业发展'), text(400)];
    const report = detectSections(blocks);
    expect(report.sections.map((section) => `${section.number} ${section.label} ${section.keyword}`)).toEqual(['1 1. 一、 （一） 指导思想', '2 2. 一、 （二） 基本原则', '3 3. 二、 （一） 交通建设', '4 4. 二、 （二） 产业发展']);
    const built = buildReport({ blocks, meta: {} }, FLAGS, {});
    expect(() => parseReport(built.markdown, 'r.md', 'r')).not.toThrow();
    expect(built.sections).toHaveLength(4);
  });

  it('GIVEN a part with text of its own before its first item THEN it is a section too', () => {
    const report = detectSections([p('一、总体要求'), text(400), p('（一）指导思想'), text(400), p('（二）基本原则'), text(400)]);
    expect(report.sections.map((section) => section.label)).toEqual(['一、', '2. 一、 （一）', '3. 一、 （二）']);
  });

  it('GIVEN 第X条 articles, short or long THEN they are text, never headings', () => {
    const report = detectSections([p('第一章 总则'), p('第一条 为了规范管理，制定本办法。'), p('第二条 本办法适用于本市。'), p('第二章 附则'), p('第三条 本办法自公布之日起施行。')]);
    expect(report.sections.map((section) => section.keyword)).toEqual(['总则', '附则']);
    expect(report.sections[0]!.paragraphs).toEqual(['第一条 为了规范管理，制定本办法。', '第二条 本办法适用于本市。']);
  });

  it('GIVEN a table of contents before the text THEN its entries are no sections, and the headings of the text are', () => {
    const report = detectSections([
      h('示例管理办法', 1),
      p('目录'),
      p('第一章 总则……1'),
      p('第二章 管理……3'),
      p('第三章 监督……5'),
      p('第四章 附则……7'),
      p('第一章 总则'),
      text(200),
      p('第二章 管理'),
      text(200),
      p('第三章 监督'),
      text(200),
      p('第四章 附则'),
      text(200),
    ]);
    expect(report.lead).toEqual([]);
    expect(report.sections.map((section) => section.keyword)).toEqual(['总则', '管理', '监督', '附则']);
  });

  it('GIVEN a heading with nothing under it at the end THEN its heading is its text, so the report still loads', () => {
    const blocks = [p('一、甲'), text(50), p('二、乙')];
    const built = buildReport({ blocks, meta: {} }, FLAGS, {});
    expect(built.sections.map((section) => section.keyword)).toEqual(['甲', '乙']);
  });

  it('GIVEN no heading at all THEN the text is one section', () => {
    const report = detectSections([text(100), text(100)]);
    expect(report.sections).toHaveLength(1);
    expect(report.sections[0]!.paragraphs).toHaveLength(2);
  });
});
