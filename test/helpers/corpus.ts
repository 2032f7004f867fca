import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
