/**
 * Whether an error means the database cannot be reached or cannot answer now (down, restarting, out of
 * connections, locked) rather than a fault in our code or data. Such errors pass once the database is back,
 * so the API answers 503 for them and background loops retry.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some(isUnavailableCause);
}

/** Socket errors met while connecting to, or talking with, the database server. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * PostgreSQL SQLSTATEs: 57014 query_canceled (our statement_timeout), 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up), 53300 too_many_connections.
 */
const POSTGRES_STATES = new Set(['57014', '57P01', '57P02', '57P03', '53300']);

/** better-sqlite3's codes for a file that is locked past the busy timeout or cannot be opened. */
const SQLITE_CODES = /^SQLITE_(?:BUSY|LOCKED|CANTOPEN|IOERR)/;

/** node-postgres and pg-pool report these without a code. */
const DRIVER_MESSAGES = [
  /^Connection terminated/i,
  /^timeout exceeded when trying to connect/i,
  /^Query read timeout/i,
  /^Client has encountered a connection error/i,
];

function isUnavailableCause(error: object): boolean {
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code !== undefined) {
    if (NETWORK_CODES.has(code) || POSTGRES_STATES.has(code) || SQLITE_CODES.test(code)) return true;
    // Class 08: connection exceptions.
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  const message = error instanceof Error ? error.message : undefined;
  return message !== undefined && DRIVER_MESSAGES.some((pattern) => pattern.test(message));
}

/** The error, its `cause` chain and an AggregateError's members (Node's connect to several addresses). */
function causes(error: unknown, depth = 0): object[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const found: object[] = [error];
  if ('cause' in error) found.push(...causes(error.cause, depth + 1));
  if (error instanceof AggregateError)
    for (const member of error.errors) found.push(...causes(member, depth + 1));
  return found;
}
