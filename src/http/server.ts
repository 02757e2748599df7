import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  /** How long close() waits for in-flight requests before cutting their connections. */
  readonly closeGraceMs?: number;
}

export interface HttpServer {
  /** e.g. http://127.0.0.1:8080 (the real port when 0 was asked for). */
  readonly url: string;
  /** Stops accepting connections, lets in-flight requests finish (up to the grace), closes the app. */
  close(): Promise<void>;
}

export async function listen(app: FastifyInstance, options: ListenOptions): Promise<HttpServer> {
  const url = await app.listen({ host: options.host, port: options.port });
  const graceMs = options.closeGraceMs ?? 10_000;
  return {
    url,
    async close() {
      const cut = setTimeout(() => app.server.closeAllConnections(), graceMs);
      cut.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}
