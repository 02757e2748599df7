/**
 * A tiny writer of valid PDF 1.4 files for document tests: text in the standard Helvetica font at
 * given positions, optional image-only pages, and an encryption dictionary whose password nobody
 * knows. Offsets in the cross-reference table are exact, so pdf.js reads the files without repair.
 */

export interface PdfText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size?: number;
}

export type PdfPage =
  | { readonly kind: 'text'; readonly lines: readonly PdfText[] }
  | { readonly kind: 'image' };

export interface PdfOptions {
  /** Adds an /Encrypt dictionary with random O and U entries: opening it needs an unknown password. */
  readonly passwordProtected?: boolean;
}

const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;

function escapePdfString(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

function textContent(lines: readonly PdfText[]): string {
  return lines
    .map((l) => `BT /F1 ${l.size ?? 11} Tf ${l.x} ${l.y} Td (${escapePdfString(l.text)}) Tj ET`)
    .join('\n');
}

/** A grey 8×8 picture drawn over the page: what a scanned CV looks like to a text extractor. */
const IMAGE_CONTENT = `q ${PAGE_WIDTH - 100} 0 0 ${PAGE_HEIGHT - 100} 50 50 cm /Im1 Do Q`;
const IMAGE_PIXELS = 'A0'.repeat(64);

export function writePdf(pages: readonly PdfPage[], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObject = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const image = add(
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${IMAGE_PIXELS.length + 1} >>\nstream\n${IMAGE_PIXELS}>\nendstream`,
  );
  const pageIds = pages.map((page) => {
    const content = page.kind === 'text' ? textContent(page.lines) : IMAGE_CONTENT;
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    );
    return add(
      `<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 ${font} 0 R >> /XObject << /Im1 ${image} 0 R >> >> /Contents ${stream} 0 R >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const encrypt = options.passwordProtected
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -4 >>`)
    : undefined;

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const encryptEntry = encrypt
    ? ` /Encrypt ${encrypt} 0 R /ID [<${'11'.repeat(16)}> <${'11'.repeat(16)}>]`
    : '';
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encryptEntry} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/** Lines top to bottom from a start height, 16 points apart, at one x position. */
export function column(x: number, top: number, texts: readonly string[]): PdfText[] {
  return texts.map((text, i) => ({ x, y: top - i * 16, text }));
}
