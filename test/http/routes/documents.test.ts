import { expect, it } from 'vitest';
import { describeEachDialect } from '../../support/databases.ts';
import { CV_FACTS, cvDocx, cvPdf, scannedPdf } from '../../support/documents/cv-documents.ts';
import { seedOrphanUser, useAppWithTenant } from '../support/test-app.ts';

/** A multipart body as a browser's FormData sends it. */
async function multipart(fields: Record<string, Blob | string>, fileNames: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, fileNames[name] ?? 'file');
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type') ?? '',
  };
}

describeEachDialect('POST /api/v1/documents/extract', (database) => {
  const ctx = useAppWithTenant(database);

  const extract = async (bytes: Uint8Array | string, fileName: string, token = ctx.tenant.token) => {
    const body = await multipart({ file: new Blob([bytes]) }, { file: fileName });
    return ctx.app.inject({
      method: 'POST',
      url: '/api/v1/documents/extract',
      headers: { authorization: `Bearer ${token}`, 'content-type': body.contentType },
      payload: body.payload,
    });
  };

  it('reads a PDF, a DOCX and a text file', async () => {
    for (const [bytes, name] of [
      [cvPdf(), 'priya.pdf'],
      [cvDocx(), 'priya.docx'],
      ['Priya Natarajan. PostgreSQL for years, Node.js and TypeScript.', 'priya.txt'],
    ] as const) {
      const response = await extract(bytes, name);
      expect(response.statusCode, name).toBe(200);
      expect(response.json().file_name).toBe(name);
      expect(response.json().text).toContain(CV_FACTS.skill);
    }
  });

  it('explains a file without usable text or of another type (400)', async () => {
    const scanned = await extract(scannedPdf(), 'scan.pdf');
    expect(scanned.statusCode).toBe(400);
    expect(scanned.json().detail).toMatch(/^scan\.pdf: /);
    const other = await extract('x', 'cv.doc');
    expect(other.statusCode).toBe(400);
    expect(other.json().detail).toMatch(/unsupported file type/);
  });

  it('answers 400 without a file or without multipart', async () => {
    const fieldsOnly = await multipart({ note: 'no file' });
    const noFile = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/documents/extract',
      headers: { authorization: `Bearer ${ctx.tenant.token}`, 'content-type': fieldsOnly.contentType },
      payload: fieldsOnly.payload,
    });
    expect(noFile.statusCode).toBe(400);
    const json = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/documents/extract',
      headers: { authorization: `Bearer ${ctx.tenant.token}` },
      payload: { file: 'x' },
    });
    expect(json.statusCode).toBe(400);
  });

  it('answers 413 for a file over 20 MiB', async () => {
    const response = await extract(new Uint8Array(20 * 1024 * 1024 + 1), 'huge.pdf');
    expect(response.statusCode).toBe(413);
  });

  it('needs a dashboard JWT of a member: 401 with an API key or nothing, 403 without organisation', async () => {
    const body = await multipart({ file: new Blob(['text']) }, { file: 'a.txt' });
    for (const headers of [{}, { 'x-api-key': ctx.tenant.apiKey }]) {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/documents/extract',
        headers: { ...headers, 'content-type': body.contentType },
        payload: body.payload,
      });
      expect(response.statusCode).toBe(401);
    }
    const orphan = await seedOrphanUser(database().store.db);
    expect((await extract('Some CV text with plenty of letters in it.', 'a.txt', orphan)).statusCode).toBe(
      403,
    );
  });
});
