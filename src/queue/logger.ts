import type { Logger } from 'pino';

/** What the queue needs of a logger (pino's). Log ids and counts only: never CV text or job specs. */
export type QueueLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** An error's class and first line, short: engine and driver messages are not trusted to be free of input. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const firstLine = text.split('\n', 1)[0] ?? '';
  return firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine;
}
