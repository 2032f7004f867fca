import { describe, expect, it } from 'vitest';
import { greyMap, ocrLineText } from '../../src/ingest/ocr.js';

describe('reading a scan: the picture and the text', () => {
  it('GIVEN a 1-bit picture as pdf.js decodes it (rows padded to whole bytes, 1 for white) THEN the grey map has black and white where they stand', () => {
    // 10 × 2 pixels: first row black, white, black…; second row all white
    const picture = { width: 10, height: 2, kind: 1, data: new Uint8Array([0b01010101, 0b01000000, 0b11111111, 0b11000000]) };
    const map = greyMap(picture);
    const header = 'P5\n10 2\n255\n';
    expect(new TextDecoder().decode(map.slice(0, header.length))).toBe(header);
    const pixels = [...map.slice(header.length)];
    expect(pixels.slice(0, 10)).toEqual([0, 255, 0, 255, 0, 255, 0, 255, 0, 255]);
    expect(pixels.slice(10)).toEqual(new Array(10).fill(255));
  });

  it('GIVEN RGB and RGBA pictures THEN each pixel is the mean of its colours', () => {
    const rgb = greyMap({ width: 2, height: 1, kind: 2, data: new Uint8Array([0, 0, 0, 30, 60, 90]) });
    expect([...rgb.slice(-2)]).toEqual([0, 60]);
    const rgba = greyMap({ width: 1, height: 1, kind: 3, data: new Uint8Array([255, 255, 255, 0]) });
    expect([...rgba.slice(-1)]).toEqual([255]);
  });

  it('GIVEN a line as Tesseract reads Chinese (a space between every two characters, ASCII commas) THEN it is written as Chinese is; Latin words keep their spaces', () => {
    expect(ocrLineText('今 年 投 入 资 金 3200 万 元 , 完 成 改 造 2.4 公 里 。')).toBe('今年投入资金3200万元，完成改造2.4公里。');
    expect(ocrLineText('示 例 晚 报  2024 年 5 月 1 日')).toBe('示例晚报2024年5月1日');
    expect(ocrLineText('使 用 Python and Go 语 言 : 见 附 表')).toBe('使用Python and Go语言：见附表');
    expect(ocrLineText('完 成 改 造 2.4 公 里 . 镇 政 府 表 示')).toBe('完成改造2.4公里。镇政府表示');
  });
});
