export type ExtractionResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly error: string };

/** Far above any real CV; keeps a stray multi-megabyte file from tying up the parser. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** Fewer letters than this across the document is not a CV's worth of text (a scan, a logo). */
const MIN_LETTERS = 20;

export function extractionFailed(error: string): ExtractionResult {
  return { ok: false, error };
}

/** Normalises line endings and trailing blanks, and refuses text with (almost) no letters. */
export function extracted(text: string, whenEmpty: string): ExtractionResult {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const letters = normalised.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return extractionFailed(whenEmpty);
  return { ok: true, text: normalised };
}

/** A parser's exception as a message for the user; it names the file type, never its content. */
export function unreadable(ext: string, error: unknown): ExtractionResult {
  const detail = error instanceof Error ? error.message : String(error);
  const kind = ext.replace('.', '').toUpperCase();
  return extractionFailed(`unreadable ${kind} file (corrupt or not really a ${kind}): ${detail}`);
}
