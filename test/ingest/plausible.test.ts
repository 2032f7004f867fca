import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/import.js';
import { refusal } from '../../src/ingest/plausible.js';
import { tempCorpus } from '../helpers/corpus.js';
import { makePdf } from '../helpers/pdf.js';
import { sink } from '../helpers/streams.js';
import { join } from 'node:path';

describe('what a file says about itself', () => {
  it('GIVEN a title holding control characters (UTF-16 written without its byte-order mark) THEN it is refused as no text', () => {
    expect(refusal('title', '\u0000g\u00004\u0000', true)).toBe('it holds control characters, not text');
  });

  it('GIVEN the names scanners and cameras give (Scan0001, IMG_2034, 扫描件3) THEN they are refused as titles; a real title is not', () => {
    for (const name of ['Scan0001', 'IMG_2034', 'scanned', '扫描件3', 'DSC 0042']) expect(refusal('title', name, true), name).toBe('it is a name a scanner or camera gives its files');
    expect(refusal('title', '青石镇推进老街改造', true)).toBeUndefined();
    expect(refusal('title', 'Scanning the Horizon', false)).toBeUndefined();
  });

  it('GIVEN PDFs whose Title is a name a scanner gives or holds control characters THEN the preview refuses each, the control characters shown escaped, never as raw bytes', async () => {
    const preview = async (title: string): Promise<string> => {
      const pdf = makePdf([[{ x: 72, y: 780, text: '青石镇推进老街改造' }, { x: 72, y: 750, text: '示例晚报 2024年5月1日' }, { x: 72, y: 700, text: '今年青石镇投入资金3200万元，完成老街路面改造2.4公里。' }]], { Title: title });
      const dir = tempCorpus({ 'x.pdf': new Uint8Array(pdf) });
      const stdout = sink();
      await main([join(dir, 'x.pdf'), '--out', tempCorpus({}), '--dry-run', '--url', 'https://example.org/x'], stdout, sink());
      return stdout.text();
    };
    expect(await preview('Scan0001')).toContain('refused from the file: title "Scan0001" (it is a name a scanner or camera gives its files)');
    const escaped = await preview('\u0000g\u00004');
    expect(escaped).toContain('refused from the file: title "\\u0000g\\u00004" (it holds control characters, not text)');
    expect(escaped).not.toContain('\u0000');
  });
});
