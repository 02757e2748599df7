import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, relative } from 'node:path';
import { extractDocumentText, isSupportedDocument } from '../../documents/extract-document-text.ts';

/** A file the user named cannot be used: reported as one line and exit code 2, not a stack trace. */
export class ScreenInputError extends Error {}

/** The job spec: plain text, or the text of a PDF or Word file. */
export async function readJobSpec(path: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ScreenInputError(`job spec not found: ${path}`);
    if (code === 'EISDIR')
      throw new ScreenInputError(`the job spec must be a file, not a directory: ${path}`);
    throw new ScreenInputError(`cannot read the job spec ${path}: ${(error as Error).message}`);
  }
  // Any other extension is read as text, as before documents were supported.
  const asName = isSupportedDocument(path) ? path : `${path}.txt`;
  const result = await extractDocumentText(asName, bytes);
  if (!result.ok) throw new ScreenInputError(`cannot use the job spec ${path}: ${result.error}`);
  return result.text;
}

export interface CvInput {
  readonly ref: string;
  readonly path: string;
}

export type CvDocument = CvInput &
  ({ readonly ok: true; readonly text: string } | { readonly ok: false; readonly error: string });

export interface ExpandedInputs {
  readonly cvs: CvInput[];
  /** Files found in directories and left out because of their type (named files are always tried). */
  readonly skipped: string[];
}

/**
 * Files, and directories searched recursively (hidden entries skipped), into CV inputs sorted by
 * path. The candidate_ref is the file name without its extension; when two files share one, their
 * paths relative to the argument that found them tell them apart.
 */
export async function expandCvPaths(paths: readonly string[]): Promise<ExpandedInputs> {
  const found = new Map<string, string>();
  const skipped: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new ScreenInputError(`CV file or directory not found: ${path}`);
    if (!info.isDirectory()) {
      found.set(path, basename(path));
      continue;
    }
    for (const file of await walk(path)) {
      if (isSupportedDocument(file)) found.set(file, relative(path, file));
      else skipped.push(file);
    }
  }
  const files = [...found.keys()].sort();
  const refOf = (file: string) => basename(file, extname(file));
  const counts = new Map<string, number>();
  for (const file of files) counts.set(refOf(file), (counts.get(refOf(file)) ?? 0) + 1);
  const cvs = files.map((path) => ({
    path,
    ref: (counts.get(refOf(path)) ?? 0) > 1 ? (found.get(path) ?? path) : refOf(path),
  }));
  return { cvs, skipped: skipped.sort() };
}

async function walk(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile()) files.push(path);
  }
  return files;
}

/** The CV's text, or why it has none; an unreadable file is an outcome, not an exception. */
export async function readCvDocument(input: CvInput): Promise<CvDocument> {
  let bytes: Buffer;
  try {
    bytes = await readFile(input.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return { ...input, ok: false, error: `cannot read the file (${code})` };
  }
  return { ...input, ...(await extractDocumentText(input.path, bytes)) };
}
