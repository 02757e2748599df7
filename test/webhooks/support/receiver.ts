import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  /** performance.now() when the request arrived. */
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** How the receiver answers the n-th request (from 0): a status code, or 'hang' to never answer. */
export type Behaviour = (index: number) => number | 'hang';

export interface Receiver {
  readonly url: string;
  readonly port: number;
  readonly requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** A real HTTP webhook receiver on 127.0.0.1 recording every request it gets. */
export async function startReceiver(behaviour: Behaviour): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    const at = performance.now();
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const index = requests.length;
      requests.push({ at, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const answer = behaviour(index);
      // A hanging request is left open until close() ends every connection.
      if (answer !== 'hang') response.writeHead(answer, { 'content-type': 'text/plain' }).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/aptly?token=receiver-secret`,
    port,
    requests,
    async close() {
      if (!server.listening) return;
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/** Milliseconds between consecutive requests. */
export function gapsBetween(requests: readonly ReceivedRequest[]): number[] {
  return requests.slice(1).map((request, i) => request.at - (requests[i]?.at ?? request.at));
}
