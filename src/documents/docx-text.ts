import mammoth from 'mammoth';
import { type ExtractionResult, extracted, extractionFailed } from './result.ts';

/** Word's encrypted files (and old .doc files) are OLE compound files, not zip archives. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP_SIGNATURE = [0x50, 0x4b];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

export async function extractDocxText(bytes: Uint8Array): Promise<ExtractionResult> {
  if (startsWith(bytes, OLE_SIGNATURE)) {
    return extractionFailed(
      'password-protected Word document (or an old .doc renamed .docx): save it without a password as .docx',
    );
  }
  if (!startsWith(bytes, ZIP_SIGNATURE)) return extractionFailed('unreadable DOCX file: not a Word document');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const result = await mammoth.extractRawText({ buffer });
  // mammoth ends every paragraph with a blank line; one line per paragraph reads like a text CV.
  return extracted(result.value.replace(/\n\n/g, '\n'), 'the Word document holds no text');
}
