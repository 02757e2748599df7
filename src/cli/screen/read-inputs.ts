import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';

export const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.text', '.markdown']);

/** A file the user named cannot be used: reported as one line and exit code 2, not a stack trace. */
export class ScreenInputError extends Error {}

export async function readJobSpec(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ScreenInputError(`job spec not found: ${path}`);
    if (code === 'EISDIR')
      throw new ScreenInputError(`the job spec must be a file, not a directory: ${path}`);
    throw new ScreenInputError(`cannot read the job spec ${path}: ${(error as Error).message}`);
  }
}

export interface CvInput {
  readonly ref: string;
  readonly path: string;
}

export interface CvText extends CvInput {
  readonly text: string;
}

/** Files and directories (not recursive beyond one level of files) into CV inputs, sorted by path. */
export async function expandCvPaths(paths: readonly string[]): Promise<CvInput[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) throw new ScreenInputError(`CV file or directory not found: ${path}`);
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      for (const e of entries) if (e.isFile() && !e.name.startsWith('.')) files.push(join(path, e.name));
    } else files.push(path);
  }
  return [...new Set(files)].sort().map((path) => ({ path, ref: basename(path, extname(path)) }));
}

export async function readCvText(input: CvInput): Promise<CvText> {
  const ext = extname(input.path).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext)) {
    throw new Error(
      `unsupported file type "${ext || '(none)'}": use .txt or .md (PDF and Word support is planned)`,
    );
  }
  return { ...input, text: await readFile(input.path, 'utf8') };
}
