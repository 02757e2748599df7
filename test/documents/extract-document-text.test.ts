import { describe, expect, it } from 'vitest';
import { type ExtractionResult, extractDocumentText } from '../../src/documents/extract-document-text.ts';
import {
  CV_FACTS,
  cvDocx,
  cvPdf,
  MAIN_COLUMN,
  passwordProtectedPdf,
  SIDEBAR,
  scannedPdf,
  truncatedPdf,
  twoColumnPdf,
} from '../support/documents/cv-documents.ts';
import { writePdf } from '../support/documents/pdf-writer.ts';
import { writeZip } from '../support/documents/zip-writer.ts';

function textOf(result: ExtractionResult): string {
  if (!result.ok) throw new Error(`expected text, got error: ${result.error}`);
  return result.text;
}

function errorOf(result: ExtractionResult): string {
  if (result.ok) throw new Error('expected an error, got text');
  return result.error;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('extractDocumentText: plain text', () => {
  it('reads UTF-8 and drops a byte-order mark', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('José Núñez\nSkills: PostgreSQL, Kafka\r\n')]);
    expect(textOf(await extractDocumentText('cv.txt', bytes))).toBe('José Núñez\nSkills: PostgreSQL, Kafka');
  });

  it('reads UTF-16 with a byte-order mark and falls back to Windows-1252 for other bytes', async () => {
    const utf16 = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Zoë Adams, TypeScript developer', 'utf16le'),
    ]);
    expect(textOf(await extractDocumentText('cv.md', utf16))).toBe('Zoë Adams, TypeScript developer');
    const latin = Buffer.from('Zoë Adams, TypeScript developer', 'latin1');
    expect(textOf(await extractDocumentText('cv.TXT', latin))).toBe('Zoë Adams, TypeScript developer');
  });

  it('refuses empty, blank and binary files and unsupported types', async () => {
    expect(errorOf(await extractDocumentText('cv.txt', new Uint8Array()))).toMatch(/empty/);
    expect(errorOf(await extractDocumentText('cv.txt', utf8('  \n\t\n')))).toMatch(/no text/);
    expect(errorOf(await extractDocumentText('cv.txt', new Uint8Array([0x41, 0, 0x42, 0])))).toMatch(
      /binary/,
    );
    expect(errorOf(await extractDocumentText('cv.doc', utf8('x')))).toMatch(
      /unsupported file type "\.doc".*\.docx/,
    );
    expect(errorOf(await extractDocumentText('photo', utf8('x')))).toMatch(
      /unsupported file type "\(none\)"/,
    );
  });
});

describe('extractDocumentText: PDF', () => {
  it('carries the key facts of a one-column CV, one line per line', async () => {
    const text = textOf(await extractDocumentText('cv.pdf', cvPdf()));
    for (const fact of Object.values(CV_FACTS)) expect(text).toContain(fact);
    expect(text).toContain(`Senior Backend Engineer, Brightpay Ltd, ${CV_FACTS.dates}`);
    expect(text.split('\n')[0]).toBe(CV_FACTS.name);
  });

  it('reads a two-column CV drawn row by row as header, then one column, then the other', async () => {
    const text = textOf(await extractDocumentText('two-column.pdf', twoColumnPdf()));
    const lines = text.split('\n').filter((l) => l !== '');
    expect(lines[0]).toContain(CV_FACTS.name);
    // Each column's lines stay whole and in order, never spliced with the other column's.
    const sidebarAt = SIDEBAR.map((l) => lines.indexOf(l));
    const mainAt = MAIN_COLUMN.map((l) => lines.indexOf(l));
    expect(sidebarAt.every((i) => i > 0)).toBe(true);
    expect(mainAt.every((i) => i > 0)).toBe(true);
    expect(sidebarAt).toEqual([...sidebarAt].sort((a, b) => a - b));
    expect(mainAt).toEqual([...mainAt].sort((a, b) => a - b));
    expect(Math.max(...sidebarAt)).toBeLessThan(Math.min(...mainAt));
  });

  it('reports a scanned (image-only) PDF as having no extractable text', async () => {
    expect(errorOf(await extractDocumentText('scan.pdf', scannedPdf()))).toMatch(
      /no extractable text.*scanned/,
    );
  });

  it('reads the text pages of a PDF that also has an image-only page', async () => {
    const pdf = writePdf([
      { kind: 'image' },
      { kind: 'text', lines: [{ x: 56, y: 700, text: `${CV_FACTS.name}, ${CV_FACTS.degree}` }] },
    ]);
    expect(textOf(await extractDocumentText('mixed.pdf', pdf))).toBe(`${CV_FACTS.name}, ${CV_FACTS.degree}`);
  });

  it('reports password-protected, truncated and fake PDFs clearly', async () => {
    expect(errorOf(await extractDocumentText('locked.pdf', passwordProtectedPdf()))).toMatch(
      /password-protected PDF/,
    );
    expect(errorOf(await extractDocumentText('cut.pdf', truncatedPdf()))).toMatch(/unreadable PDF/);
    expect(errorOf(await extractDocumentText('fake.pdf', utf8('Jane Doe, TypeScript')))).toMatch(
      /does not start like a PDF/,
    );
  });

  it('reads a Node Buffer as well as a Uint8Array', async () => {
    const text = textOf(await extractDocumentText('cv.pdf', Buffer.from(cvPdf())));
    expect(text).toContain(CV_FACTS.degree);
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = cvPdf();
    await extractDocumentText('cv.pdf', bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(textOf(await extractDocumentText('cv.pdf', bytes))).toContain(CV_FACTS.skill);
  });
});

describe('extractDocumentText: DOCX', () => {
  it('carries the key facts, one paragraph per line', async () => {
    const text = textOf(await extractDocumentText('cv.docx', cvDocx()));
    for (const fact of Object.values(CV_FACTS)) expect(text).toContain(fact);
    expect(text.split(/\n+/)).toContain('Education');
  });

  it('reports corrupt, password-protected and empty Word files clearly', async () => {
    expect(errorOf(await extractDocumentText('bad.docx', utf8('not a zip at all')))).toMatch(
      /not a Word document/,
    );
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(errorOf(await extractDocumentText('locked.docx', ole))).toMatch(
      /password-protected Word document/,
    );
    const zipWithoutDocument = writeZip({ 'hello.txt': 'hi' });
    expect(errorOf(await extractDocumentText('empty.docx', zipWithoutDocument))).toMatch(/unreadable DOCX/);
    const cut = cvDocx().subarray(0, 200);
    expect(errorOf(await extractDocumentText('cut.docx', cut))).toMatch(/unreadable DOCX/);
  });
});
