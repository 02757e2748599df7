import { extname } from 'node:path';
import { decodePlainText } from './plain-text.ts';
import { type ExtractionResult, extractionFailed, MAX_DOCUMENT_BYTES, unreadable } from './result.ts';

export type { ExtractionResult } from './result.ts';

/** File extensions (lower case, with the dot) whose text this module can extract. */
export const SUPPORTED_EXTENSIONS: ReadonlySet<string> = new Set([
  '.txt',
  '.text',
  '.md',
  '.markdown',
  '.pdf',
  '.docx',
]);

export function isSupportedDocument(fileName: string): boolean {
  return SUPPORTED_EXTENSIONS.has(extname(fileName).toLowerCase());
}

/**
 * The text of a CV document, chosen by the file name's extension. Never throws: a file that yields
 * no usable text (scanned PDF, corrupt or password-protected file, blank file) is an error result,
 * so a caller can report it per file and never score an empty or invented CV.
 */
export async function extractDocumentText(fileName: string, bytes: Uint8Array): Promise<ExtractionResult> {
  const ext = extname(fileName).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.has(ext)) {
    return extractionFailed(
      `unsupported file type "${ext || '(none)'}": use .txt, .md, .pdf or .docx${ext === '.doc' ? ' (save a .doc as .docx)' : ''}`,
    );
  }
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return extractionFailed(`file too large (${bytes.byteLength} bytes; the limit is ${MAX_DOCUMENT_BYTES})`);
  }
  if (bytes.byteLength === 0) return extractionFailed('the file is empty');
  try {
    // Loaded on first use: unpdf and mammoth are large, and most processes never read a PDF or Word file.
    if (ext === '.pdf') return await (await import('./pdf-text.ts')).extractPdfText(bytes);
    if (ext === '.docx') return await (await import('./docx-text.ts')).extractDocxText(bytes);
    return decodePlainText(bytes);
  } catch (error) {
    return unreadable(ext, error);
  }
}
