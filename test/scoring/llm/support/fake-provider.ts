import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on loopback standing in for a language model provider (no internet in tests). Each
 * request is answered by the next scripted reply, else by the default one; the protocol-specific
 * envelopes (OpenAI chat completions, Anthropic messages) are built by the callers of this module.
 */
export type FakeReply =
  /** The model answers with this object as its JSON output. */
  | { readonly kind: 'answer'; readonly answer: unknown }
  /** The model answers with this raw text (e.g. not JSON at all). */
  | { readonly kind: 'text'; readonly text: string }
  /** An HTTP error, e.g. 429 with Retry-After, or a 500. */
  | { readonly kind: 'status'; readonly status: number; readonly headers?: Record<string, string> }
  /** Never answers (until the server closes). */
  | { readonly kind: 'hang' };

export interface RecordedRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: Record<string, unknown>;
  readonly raw: string;
}

export type Responder = (request: RecordedRequest) => FakeReply;
export type Envelope = (request: RecordedRequest, output: string, reply: FakeReply) => unknown;

export interface FakeProvider {
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** The most requests that were in flight at once. */
  readonly maxInFlight: () => number;
  script(...replies: FakeReply[]): void;
  respondWith(responder: Responder): void;
  close(): Promise<void>;
}

/**
 * `latencyMs`: a pause before each answer, so that concurrent calls overlap and the concurrency bound is
 * observable (tests); the overhead benchmark sets 0 to measure our side alone.
 */
export async function startFakeProvider(
  apiPath: string,
  envelope: Envelope,
  latencyMs = 15,
): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  const scripted: FakeReply[] = [];
  let responder: Responder = () => ({ kind: 'status', status: 500 });
  let inFlight = 0;
  let maxInFlight = 0;
  const hanging = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const request: RecordedRequest = {
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(raw || '{}'),
        raw,
      };
      requests.push(request);
      if (request.path !== apiPath) return send(res, 404, { error: { message: `no route ${request.path}` } });
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const reply = scripted.shift() ?? responder(request);
      const done = () => {
        inFlight -= 1;
      };
      if (reply.kind === 'hang') {
        hanging.add(res);
        res.on('close', () => {
          hanging.delete(res);
          done();
        });
        return;
      }
      const answer = () => {
        done();
        if (reply.kind === 'status')
          return send(
            res,
            reply.status,
            { error: { type: 'fake', message: `status ${reply.status}` } },
            reply.headers,
          );
        const output = reply.kind === 'answer' ? JSON.stringify(reply.answer) : reply.text;
        send(res, 200, envelope(request, output, reply));
      };
      if (latencyMs > 0) setTimeout(answer, latencyMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    script: (...replies) => void scripted.push(...replies),
    respondWith(next) {
      responder = next;
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
