import { type ExtractionResult, extracted, extractionFailed } from './result.ts';

/**
 * Plain text as UTF-8 (the BOM dropped), or UTF-16 when a BOM says so. Bytes that are not UTF-8
 * are read as Windows-1252, the usual encoding of older text files; NUL bytes mean a binary file
 * that was given a text extension.
 */
export function decodePlainText(bytes: Uint8Array): ExtractionResult {
  const text = decode(bytes);
  if (text.includes('\u0000')) return extractionFailed('not a text file (it contains binary data)');
  return extracted(text, 'the file holds no text');
}

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
