import { lookup } from 'node:dns/promises';

/** A host name to every address it resolves to; injectable so tests need no DNS. */
export type ResolveHost = (host: string) => Promise<string[]>;

const RESOLVE_TIMEOUT_MS = 5_000;

/** The system resolver (what a connection would use), bounded in time: a hung resolver is a failure. */
export const resolveHost: ResolveHost = async (host) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`resolving ${host} timed out`)), RESOLVE_TIMEOUT_MS);
  });
  try {
    const addresses = await Promise.race([lookup(host, { all: true, verbatim: true }), timeout]);
    return addresses.map((entry) => entry.address);
  } finally {
    clearTimeout(timer);
  }
};
