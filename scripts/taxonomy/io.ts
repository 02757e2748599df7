import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

export type Row = Readonly<Record<string, string>>;

/** An RFC 4180 CSV file with a header row (ESCO, Stack Overflow). Quoted fields may hold newlines. */
export function readCsv(path: string): Row[] {
  const records = parse(readFileSync(path), { bom: true, relax_column_count: true });
  return toRows(records);
}

/** A tab-delimited file with a header row and no quoting (O*NET, converted from Excel). */
export function readTsv(path: string): Row[] {
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((line) => line.length > 0);
  return toRows(lines.map((line) => line.split('\t')));
}

function toRows(records: readonly (readonly string[])[]): Row[] {
  const [header, ...body] = records;
  if (header === undefined) return [];
  return body.map((cells) => {
    const row: Record<string, string> = {};
    header.forEach((name, i) => {
      row[name] = cells[i] ?? '';
    });
    return row;
  });
}

export function field(row: Row, name: string): string {
  return row[name] ?? '';
}

/** A multi-valued ESCO label field: newline-separated, or " | "-separated in the collection files. */
export function splitLabels(value: string): string[] {
  return value
    .split(/\n| \| /)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
