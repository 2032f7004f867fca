/**
 * Writes a small PDF for the importer's tests, made here: text lines at given positions on pages,
 * in a Type0 font whose character ids are the text's UTF-16 code units and whose ToUnicode map is
 * the identity, so any Chinese text can be written without embedding a font (a PDF reader draws
 * nothing, but extracts the text, which is all the importer reads).
 */
export interface PdfLine {
  x: number;
  y: number;
  text: string;
  size?: number;
  /** Set in a font whose name says Bold (TestCJK-Bold). */
  bold?: boolean;
}

function hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += text.charCodeAt(i).toString(16).padStart(4, '0');
  return out;
}

/** A bookmark of the PDF's outline: its title, the page (0-based) it points to, and the bookmarks under it. */
export interface PdfBookmark {
  title: string;
  page: number;
  children?: PdfBookmark[];
}

/** What else the PDF carries: bookmarks, or an /Encrypt dictionary whose password nobody knows. */
export interface PdfOptions {
  outline?: PdfBookmark[];
  locked?: boolean;
}

/** A PDF of `pages`, each a list of lines, with an Info dictionary. */
export function makePdf(pages: PdfLine[][], info: Record<string, string> = {}, options: PdfOptions = {}): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const toUnicode = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfrange <0000> <FFFF> <0000> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end';
  const catalog = add('');
  const pagesObj = add('');
  const cmap = add(`<< /Length ${toUnicode.length} >>\nstream\n${toUnicode}\nendstream`);
  const descendant = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /TestCJK /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >> /DW 1000 >>');
  const font = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK /Encoding /Identity-H /DescendantFonts [${descendant} 0 R] /ToUnicode ${cmap} 0 R >>`);
  const boldDescendant = add('<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TestCJK-Bold /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor << /Type /FontDescriptor /FontName /TestCJK-Bold /Flags 262148 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 160 >> /DW 1000 >>');
  const boldFont = add(`<< /Type /Font /Subtype /Type0 /BaseFont /TestCJK-Bold /Encoding /Identity-H /DescendantFonts [${boldDescendant} 0 R] /ToUnicode ${cmap} 0 R >>`);
  const pageIds: number[] = [];
  for (const lines of pages) {
    const content = lines.map((line) => `BT /${line.bold ? 'F2' : 'F1'} ${line.size ?? 12} Tf ${line.x} ${line.y} Td <${hex(line.text)}> Tj ET`).join('\n');
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${boldFont} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  // the outline: each bookmark an object linked to its parent, siblings and children
  let outlineRoot = 0;
  if (options.outline?.length) {
    outlineRoot = add('');
    const addLevel = (items: PdfBookmark[], parent: number): { first: number; last: number; count: number } => {
      const ids = items.map(() => add(''));
      let count = items.length;
      items.forEach((item, i) => {
        const kids = item.children?.length ? addLevel(item.children, ids[i]!) : null;
        if (kids) count += kids.count;
        objects[ids[i]! - 1] = `<< /Title <FEFF${hex(item.title)}> /Parent ${parent} 0 R${i > 0 ? ` /Prev ${ids[i - 1]} 0 R` : ''}${i < ids.length - 1 ? ` /Next ${ids[i + 1]} 0 R` : ''}${kids ? ` /First ${kids.first} 0 R /Last ${kids.last} 0 R /Count ${kids.count}` : ''} /Dest [${pageIds[item.page]} 0 R /XYZ 0 842 0] >>`;
      });
      return { first: ids[0]!, last: ids[ids.length - 1]!, count };
    };
    const top = addLevel(options.outline, outlineRoot);
    objects[outlineRoot - 1] = `<< /Type /Outlines /First ${top.first} 0 R /Last ${top.last} 0 R /Count ${top.count} >>`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${outlineRoot ? ` /Outlines ${outlineRoot} 0 R` : ''} >>`;
  // a standard security handler (RC4, revision 2) whose /U entry matches no password: a reader must ask for one
  const encrypt = options.locked ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> >>`) : 0;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoEntries = Object.entries(info).map(([key, value]) => `/${key} <FEFF${hex(value)}>`).join(' ');
  const infoId = add(`<< ${infoEntries} >>`);
  let pdf = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  const id = encrypt ? ` /Encrypt ${encrypt} 0 R /ID [<${'01'.repeat(16)}> <${'01'.repeat(16)}>]` : '';
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoId} 0 R${id} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A JPEG's size in pixels, from its start-of-frame marker (baseline or progressive). */
function jpegSize(jpeg: Buffer): { width: number; height: number } {
  for (let at = 2; at + 9 < jpeg.length; ) {
    if (jpeg[at] !== 0xff) throw new Error('not a JPEG');
    const marker = jpeg[at + 1]!;
    if (marker === 0xc0 || marker === 0xc2) return { height: jpeg.readUInt16BE(at + 5), width: jpeg.readUInt16BE(at + 7) };
    at += 2 + jpeg.readUInt16BE(at + 2);
  }
  throw new Error('no JPEG frame');
}

/**
 * A scanned document as a scanner writes it: each page one grey JPEG picture filling an A4-wide
 * page, and no text layer.
 */
export function scannedPdf(jpegs: Buffer[]): Buffer {
  const objects: Array<string | Buffer> = [];
  const add = (body: string | Buffer): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const pageIds: number[] = [];
  for (const jpeg of jpegs) {
    const { width, height } = jpegSize(jpeg);
    const pageHeight = Math.round((595 * height) / width);
    const image = add(Buffer.concat([Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n`), jpeg, Buffer.from('\nendstream')]));
    const content = `q 595 0 0 ${pageHeight} 0 0 cm /Im0 Do Q`;
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 ${pageHeight}] /Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, i) => {
    offsets.push(length);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), typeof body === 'string' ? Buffer.from(body) : body, Buffer.from('\nendobj\n')]);
    parts.push(part);
    length += part.length;
  });
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  return Buffer.concat([...parts, Buffer.from(xref)]);
}
