import type { Api } from '../api/client.ts';

export interface Candidate {
  readonly ref: string;
  readonly text: string;
  /** Where it came from, shown in the list: a file name or "pasted". */
  readonly source: string;
}

const PLAIN_TEXT = /\.(txt|md|markdown|text)$/i;
const DOCUMENTS = /\.(pdf|docx)$/i;

/** The file types the picker offers: plain text always, PDF and Word when the server can read them. */
export const ACCEPTED_FILES = '.txt,.md,.markdown,.text,.pdf,.docx';

/** Whether a file is one the workspace reads: a folder's other files (.DS_Store, images) are skipped. */
export function isCvFile(file: File): boolean {
  return PLAIN_TEXT.test(file.name) || DOCUMENTS.test(file.name);
}

/** A CV file's text: plain text read here; PDF and Word read by the server (the CLI's extraction). */
export async function readCvFile(api: Api, file: File): Promise<string> {
  if (PLAIN_TEXT.test(file.name) || file.type.startsWith('text/')) return file.text();
  if (DOCUMENTS.test(file.name)) return (await api.extractDocument(file)).text;
  throw new Error(`${file.name}: only .txt, .md, .pdf and .docx files can be read`);
}
