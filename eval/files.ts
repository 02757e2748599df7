import { readdir, readFile, stat } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';

/** A problem with the evaluation data itself, reported to the user as-is (no stack trace). */
export class DatasetError extends Error {
  override name = 'DatasetError';
}

/** Throws one DatasetError listing every problem found, so a broken dataset is fixed in one pass. */
export function failIfProblems(where: string, problems: readonly string[]): void {
  if (problems.length === 0) return;
  const shown = problems.slice(0, 20).map((p) => `  - ${p}`);
  if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
  throw new DatasetError(`${where}: ${problems.length} problem(s):\n${shown.join('\n')}`);
}

export async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

export async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

/** Names of the `.txt` files in a directory, without the extension, sorted. Empty when it does not exist. */
export async function listTextFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.txt'))
    .map((entry) => entry.name.slice(0, -'.txt'.length))
    .sort();
}

export async function readText(path: string): Promise<string> {
  return readFile(path, 'utf8');
}

/** Parses a CSV with a header row into records (BOM, CRLF and quoted multi-line fields handled). */
export async function readCsvRecords(path: string): Promise<Record<string, string>[]> {
  const text = await readFile(path, 'utf8');
  try {
    return parse(text, { columns: true, bom: true, skip_empty_lines: true, trim: true }) as Record<
      string,
      string
    >[];
  } catch (error) {
    throw new DatasetError(
      `${path}: not a valid CSV (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/** Parses `YYYY-MM-DD` strictly (the date must exist). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
