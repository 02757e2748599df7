import { isIP, type LookupFunction } from 'node:net';
import { Agent, buildConnector } from 'undici';
import { isIpLiteral, refusedRange } from './address-policy.ts';
import { type ResolveHost, resolveHost } from './resolve-host.ts';

/** A delivery refused because the address it would reach is not public. */
export class WebhookAddressRefused extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
  constructor(host: string, address: string, range: string) {
    super(
      host === address
        ? `${host} is a private or reserved address (${range})`
        : `${host} resolves to a private or reserved address (${address}: ${range})`,
    );
    this.name = 'WebhookAddressRefused';
  }
}

export interface GuardedAgentOptions {
  /** APTLY_WEBHOOK_ALLOW_PRIVATE: local development and tests only. */
  readonly allowPrivate: boolean;
  readonly resolve?: ResolveHost;
  readonly connectTimeoutMs?: number;
}

/**
 * The dispatcher webhook deliveries go through. The submission-time check alone would let a name that
 * resolved to a public address then resolve to a private one at delivery (DNS rebinding), so the guard
 * sits where the connection is made: the resolved addresses are checked before connecting, literal IP
 * hosts too, and the socket's remote address once connected.
 */
export function createGuardedAgent(options: GuardedAgentOptions): Agent {
  const connect = buildConnector({
    lookup: checkedLookup(options.resolve ?? resolveHost, options.allowPrivate),
    ...(options.connectTimeoutMs === undefined ? {} : { timeout: options.connectTimeoutMs }),
  });
  return new Agent({ connect: options.allowPrivate ? connect : guardConnector(connect) });
}

/** Exported for tests: refuses literal private hosts, and sockets whose remote address is not public. */
export function guardConnector(connect: buildConnector.connector): buildConnector.connector {
  return (target, callback) => {
    const host = target.hostname;
    const literalRange = isIpLiteral(host) ? refusedRange(host) : undefined;
    if (literalRange !== undefined) {
      callback(new WebhookAddressRefused(host, host, literalRange), null);
      return;
    }
    connect(target, (...result) => {
      const [error, socket] = result;
      if (error !== null) {
        callback(error, null);
        return;
      }
      const remote = socket.remoteAddress ?? '';
      const range = refusedRange(remote);
      if (range !== undefined) {
        socket.destroy();
        callback(new WebhookAddressRefused(host, remote, range), null);
        return;
      }
      callback(null, socket);
    });
  };
}

/** A `net.connect` lookup that resolves through `resolve` and refuses any non-public answer. */
function checkedLookup(resolve: ResolveHost, allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (resolved) => {
        const wanted = options.family === 4 || options.family === 6 ? options.family : undefined;
        const entries = resolved
          .map((address) => ({ address, family: isIP(address) }))
          .filter((entry) => entry.family !== 0 && (wanted === undefined || entry.family === wanted));
        const first = entries[0];
        if (!first) {
          callback(Object.assign(new Error(`${hostname} did not resolve`), { code: 'ENOTFOUND' }), '', 0);
          return;
        }
        for (const entry of allowPrivate ? [] : entries) {
          const range = refusedRange(entry.address);
          if (range !== undefined) {
            callback(new WebhookAddressRefused(hostname, entry.address, range), '', 0);
            return;
          }
        }
        if (options.all) callback(null, entries);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), '', 0),
    );
  };
}
