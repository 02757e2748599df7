import { extractTextItems, getDocumentProxy } from 'unpdf';
import { pageReadingOrder } from './pdf-layout.ts';
import { type ExtractionResult, extracted, extractionFailed, unreadable } from './result.ts';

const NO_TEXT =
  'the PDF has no extractable text (a scanned image?): export it from the original document, or run OCR first';

/** pdf.js throws these by name; the classes are not exported in a form worth importing. */
function describePdfError(error: unknown): ExtractionResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException')
    return extractionFailed('password-protected PDF: save a copy without a password');
  if (name === 'InvalidPDFException') return extractionFailed('unreadable PDF file (corrupt or truncated)');
  return unreadable('.pdf', error);
}

export async function extractPdfText(bytes: Uint8Array): Promise<ExtractionResult> {
  const header = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!header.includes('%PDF-')) return extractionFailed('unreadable PDF file: it does not start like a PDF');
  // A plain copy: pdf.js refuses Node Buffers and may detach the buffer it is given.
  const data = new Uint8Array(bytes);
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    document = await getDocumentProxy(data, { verbosity: 0, isEvalSupported: false });
  } catch (error) {
    return describePdfError(error);
  }
  try {
    const { items } = await extractTextItems(document);
    const pages = items.map((pageItems) => pageReadingOrder(pageItems));
    return extracted(pages.filter((p) => p !== '').join('\n\n'), NO_TEXT);
  } catch (error) {
    return describePdfError(error);
  } finally {
    await document.destroy();
  }
}
