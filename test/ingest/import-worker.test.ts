import { describe, expect, it } from 'vitest';
import { ImportFailure, importInWorker, ImportRunner } from '../../src/ingest/import-worker.js';
import { readFileSync } from 'node:fs';
import { lawPdf } from '../helpers/law.js';
import { scannedPdf } from '../helpers/pdf.js';

const encode = (text: string) => new TextEncoder().encode(text);
const REPORT = '示例新区工作简报\n\n2024年8月2日\n\n一、就业\n\n新区今年新增就业岗位4500个。\n\n二、教育\n\n新区新建学校3所,新增学位5400个。\n';
const FLAGS = { publisher: '示例日报', url: 'https://example.org/brief', id: 'brief' };

/** A web page of about `mb` megabytes of paragraphs. */
function bigPage(mb: number): Uint8Array {
  const paragraph = '<p>新区今年新增就业岗位4500个,技能培训覆盖1.2万人次,新建学校3所,新增学位5400个。</p>\n';
  return encode(`<!doctype html><html><head><title>大页面</title></head><body><article><h1>大页面</h1>${paragraph.repeat(Math.ceil((mb * 2 ** 20) / Buffer.byteLength(paragraph)))}</article></body></html>`);
}

describe('imports in a worker thread', () => {
  it('GIVEN a text document THEN a worker thread gives its corpus file, sections and passages', async () => {
    const report = await importInWorker({ kind: 'text', data: encode(REPORT), fileName: 'brief.txt', flags: FLAGS });
    expect(report.id).toBe('brief');
    expect(report.sections.map(({ keyword }) => keyword)).toEqual(['就业', '教育']);
    expect(report.markdown).toMatch(/^publisher: "示例日报"$/m);
  });

  it('GIVEN a document missing a field THEN the worker gives its preview with the missing field named; GIVEN a bad id THEN the failure names the option', async () => {
    const preview = await importInWorker({ kind: 'text', data: encode(REPORT), flags: { url: FLAGS.url } });
    expect(preview.missing).toEqual(['publisher']);
    expect(preview.sections.map(({ keyword }) => keyword)).toEqual(['就业', '教育']);
    expect(preview.guessed).toContainEqual({ field: 'date', value: '2024-08-02', how: 'a date by the title' });
    const badId = await importInWorker({ kind: 'text', data: encode(REPORT), flags: { ...FLAGS, id: '../escaped' } }).catch((error: unknown) => error);
    expect(badId).toBeInstanceOf(ImportFailure);
    expect(badId).toMatchObject({ kind: 'field', field: 'id' });
  });

  it('GIVEN a 234-page PDF THEN the worker imports it within its default time and memory limits', async () => {
    const report = await importInWorker({ kind: 'pdf', data: new Uint8Array(lawPdf({ targetPages: 234 }).pdf), flags: { ...FLAGS, date: '2020-05-28', id: 'code' } });
    expect(report.missing).toEqual([]);
    expect(report.sections.length).toBeGreaterThan(20);
  }, 60_000);

  it('GIVEN a scanned PDF THEN the worker reads it by OCR within its default limits (the OCR engine in a thread of its own) and notes it', async () => {
    const page = readFileSync(new URL('../fixtures/scan/old-street.jpg', import.meta.url));
    const report = await importInWorker({ kind: 'pdf', data: new Uint8Array(scannedPdf([page])), flags: { url: FLAGS.url, id: 'notice' } });
    expect(report.missing).toEqual([]);
    expect(report.front).toMatchObject({ title: '青石镇推进老街改造', publisher: '示例晚报', date: '2024-05-01' });
    expect(report.markdown).toContain('停车位180个');
    expect(report.notes).toEqual(['the text was read by OCR from 1 scanned page: check it']);
  }, 60_000);

  it('GIVEN a document that takes longer than the time limit THEN the worker is stopped and the failure says so', async () => {
    const started = performance.now();
    const error = await importInWorker({ kind: 'html', data: bigPage(4), flags: FLAGS }, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('GIVEN a document that needs more memory than the limit THEN the worker alone fails, with a memory failure', async () => {
    const error = await importInWorker({ kind: 'html', data: bigPage(12), flags: FLAGS }, { memoryMb: 24, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'memory' });
    // this thread is unharmed
    expect((await importInWorker({ kind: 'text', data: encode(REPORT), flags: FLAGS })).id).toBe('brief');
  }, 60_000);

  it('GIVEN an import running THEN a second one in the same process is refused as busy, and accepted once the first is done', async () => {
    const runner = new ImportRunner();
    const first = runner.run(() => runner.extract({ kind: 'text', data: encode(REPORT), flags: FLAGS }));
    await expect(runner.run(() => runner.extract({ kind: 'text', data: encode(REPORT), flags: FLAGS }))).rejects.toMatchObject({ kind: 'busy' });
    expect((await first).id).toBe('brief');
    expect(runner.busy).toBe(false);
    expect((await runner.run(() => runner.extract({ kind: 'text', data: encode(REPORT), flags: FLAGS }))).id).toBe('brief');
  });

  it('GIVEN a large page extracting in the worker THEN this thread\'s event loop keeps turning (no pause over 200 ms)', async () => {
    let longest = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 10);
    try {
      const report = await importInWorker({ kind: 'html', data: bigPage(4), flags: { ...FLAGS, title: '大页面', date: '2024-08-02' } });
      expect(report.passages).toBeGreaterThan(1000);
    } finally {
      clearInterval(timer);
    }
    expect(longest).toBeLessThan(200);
  }, 60_000);
});
