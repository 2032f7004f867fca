import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpus } from '../../src/core/corpus/corpus.js';
import { Engine } from '../../src/core/engine.js';

/** A valid report, to be broken one way at a time by the tests. */
export const GOOD_REPORT = `---
title: 测试报告
publisher: 测试日报
date: 2022-01-02
url: https://example.org/a
language: zh-CN
---

导语一段。

## 关键词1 | 交通 | 地铁开通

地铁开通了。
`;

const created: string[] = [];

/** Removes every folder tempCorpus made (test/setup.ts calls it after each test file). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Writes files into a new temporary folder and returns its path (removed after the test file). */
export function tempCorpus(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'corpus-'));
  created.push(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

/**
 * A corpus too long for one page (made here, in a temporary folder): section 1 has 40 paragraphs
 * of some 180 characters (/section pages), and 44 more sections have figures enough for the
 * briefing of the whole report to page.
 */
export function pagedCorpus(): string {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `第${i + 1}段:${'新区今年推进民生工程,完成道路改造和绿化提升,居民满意度持续提高。'.repeat(5)}`);
  const sections = Array.from({ length: 44 }, (_, i) => {
    const n = i + 2;
    return `## 关键词${n} | 项目${n} | 第${n}批项目建成${n * 3}个\n\n第${n}批项目今年完成投资${n * 11}亿元,新建道路${n * 7}公里,新增绿地${n * 13}万平方米,带动就业${n * 100}人,服务居民${n * 2}万人次,群众满意度达${90 + (n % 9)}%。`;
  });
  const report = `---
title: 很长的报告
publisher: 测试日报
date: 2024-01-02
url: https://example.org/long
language: zh-CN
---

导语。

## 关键词1 | 民生 | 民生工程全面推进

${paragraphs.join('\n\n')}

${sections.join('\n\n')}
`;
  return tempCorpus({ 'long-2024.md': report });
}

/**
 * A made-up report: front matter (a sample publisher, `https://example.org/<slug>`) and the body
 * given, its sections written as `## label | keyword | headline`.
 */
export function madeUpReport(title: string, slug: string, body: string): string {
  return `---
title: ${title}
publisher: 示例晚报(虚构样本)
date: 2024-05-01
url: https://example.org/${slug}
language: zh-CN
---

${body.trim()}
`;
}

/** An engine over report files written to a temporary folder (removed by removeTempDirs). */
export function engineOf(files: Record<string, string>): Engine {
  return Engine.build(loadCorpus(tempCorpus(files)));
}
