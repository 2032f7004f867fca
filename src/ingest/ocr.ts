import { createRequire } from 'node:module';
import { DocumentError } from './extract.js';

/**
 * Reading a scanned PDF: each page's picture is read by OCR (tesseract.js, the Tesseract engine in
 * WebAssembly, with Tesseract's simplified- and traditional-Chinese models, @tesseract.js-data/chi_sim
 * and chi_tra, all from npm: no download at run time). The first page with a picture is read with
 * both models and the one more confident of what it read reads the rest (each model misreads the
 * other script: 舊街 as 艺街, 镇 as 犒). Lines come back where they stand on the page, so the PDF
 * reader treats them as it treats a text layer's (headers, headings, paragraphs).
 */

/** The most pages of one scan that are read: a page takes about a second (more for dense type). */
export const MAX_OCR_PAGES = 60;

/** A line read off a page's picture: its text, its baseline and its height in page units (from the bottom, as PDF places text). */
export interface ScannedLine {
  text: string;
  y: number;
  height: number;
}

/** A page's picture as pdf.js decodes it: 1 bit, 8-bit RGB or 8-bit RGBA per pixel (pdf.js ImageKind 1, 2, 3). */
interface PageImage {
  width: number;
  height: number;
  kind: number;
  data: Uint8Array | Uint8ClampedArray;
}

/** What the reader needs of a pdf.js page. */
export interface ScannedPage {
  view: number[];
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[][] }>;
  objs: { get(id: string, callback: (value: unknown) => void): void };
  /** Frees the page's decoded pictures (a scanned page's is tens of megabytes). */
  cleanup(): unknown;
}

/** A picture as a binary PGM (P5): grey levels, which Tesseract's image reader takes from memory. */
export function greyMap(image: PageImage): Uint8Array {
  const { width, height, kind, data } = image;
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header);
  const rowBytes = Math.ceil(width / 8);
  const channels = kind === 2 ? 3 : 4;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let grey: number;
      // pdf.js's 1-bit pictures hold 1 for white, as its canvas paints them
      if (kind === 1) grey = (data[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1 ? 255 : 0;
      else {
        const at = (y * width + x) * channels;
        grey = Math.round((data[at]! + data[at + 1]! + data[at + 2]!) / 3);
      }
      out[header.length + y * width + x] = grey;
    }
  }
  return out;
}

/** Chinese text's full-width marks, which Tesseract reads as their ASCII look-alikes. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

/**
 * The lines' text as a reader writes it: Tesseract sets a space between every two Chinese
 * characters and around figures (3200 万 元 ,); none is kept next to a Chinese character or a mark,
 * and a comma, colon, full stop or other mark after a Chinese character is the full-width one
 * Chinese text uses.
 */
export function ocrLineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+(?=[\p{Script=Han}\p{P}])|(?<=[\p{Script=Han}\p{P}])\s+/gu, '')
    .replace(/(?<=\p{Script=Han})[,;:?!]/gu, (mark) => FULL_WIDTH[mark]!)
    // a full stop read as a dot: after a Chinese character, not inside a figure (2.4)
    .replace(/(?<=\p{Script=Han})\.(?!\d)/gu, '。')
    .trim();
}

/** The largest picture a page paints (a scanned page is one picture), or undefined. */
async function pagePicture(page: ScannedPage, paintImage: number): Promise<PageImage | undefined> {
  const { fnArray, argsArray } = await page.getOperatorList();
  let best: PageImage | undefined;
  for (let i = 0; i < fnArray.length; i++) {
    if (fnArray[i] !== paintImage) continue;
    const id = argsArray[i]![0] as string;
    const image = await new Promise<unknown>((resolve) => page.objs.get(id, resolve));
    const picture = image as Partial<PageImage> | null;
    if (!picture?.data || !picture.width || !picture.height || ![1, 2, 3].includes(picture.kind ?? 0)) continue;
    if (!best || picture.width * picture.height > best.width * best.height) best = picture as PageImage;
  }
  return best;
}

/** The Chinese models, simplified first: the name Tesseract knows each by. */
const MODELS = ['chi_sim', 'chi_tra'] as const;

/** A model's folder and whether its file is gzipped, as its @tesseract.js-data package gives them. */
function modelFiles(model: (typeof MODELS)[number]): { langPath: string; gzip: boolean } {
  const require = createRequire(import.meta.url);
  return require(`@tesseract.js-data/${model}`) as { langPath: string; gzip: boolean };
}

/**
 * Reads the pages' pictures by OCR, at most MAX_OCR_PAGES of them: the lines of each page, top to
 * bottom, placed on the page as a text layer's would be.
 *
 * @param paintImage - pdf.js's operator that paints a picture (OPS.paintImageXObject)
 * @throws DocumentError 'no-text' when the OCR engine cannot start
 */
export async function readScannedPages(pages: AsyncIterable<ScannedPage>, paintImage: number): Promise<ScannedLine[][]> {
  const { createWorker } = await import('tesseract.js');
  type OcrWorker = Awaited<ReturnType<typeof createWorker>>;
  const started = await Promise.allSettled(MODELS.map((model) => createWorker(model, 1, { ...modelFiles(model), cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined })));
  let workers: OcrWorker[] = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw new DocumentError('no-text', `this PDF has no text layer, and the OCR engine could not start (${(failed.reason as Error)?.message ?? String(failed.reason)})`);
  }
  try {
    const read: ScannedLine[][] = [];
    for await (const page of pages) {
      if (read.length >= MAX_OCR_PAGES) break;
      const picture = await pagePicture(page, paintImage);
      if (!picture) {
        page.cleanup();
        read.push([]);
        continue;
      }
      const image = Buffer.from(greyMap(picture));
      page.cleanup();
      const readings = await Promise.all(workers.map((worker) => worker.recognize(image, {}, { blocks: true, text: false })));
      // the first page read tells the script: the more confident model reads the rest alone
      const best = readings.reduce((chosen, reading, i) => (reading.data.confidence > readings[chosen]!.data.confidence ? i : chosen), 0);
      if (workers.length > 1) {
        await Promise.all(workers.filter((_, i) => i !== best).map((worker) => worker.terminate()));
        workers = [workers[best]!];
      }
      const { data } = readings[best]!;
      const pageHeight = (page.view[3] ?? 0) - (page.view[1] ?? 0);
      const scale = pageHeight / picture.height;
      const lines: ScannedLine[] = [];
      for (const block of data.blocks ?? []) {
        for (const paragraph of block.paragraphs) {
          for (const line of paragraph.lines) {
            const text = ocrLineText(line.text);
            if (text) lines.push({ text, y: Math.round(pageHeight - line.bbox.y1 * scale), height: Math.max(1, (line.bbox.y1 - line.bbox.y0) * scale) });
          }
        }
      }
      read.push(lines.sort((a, b) => b.y - a.y));
    }
    return read;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
