import type { FastifyReply, FastifyRequest } from 'fastify';
import { type DestinationStream, type Logger, pino } from 'pino';

export interface LoggerOptions {
  readonly level: string;
  /** Where JSON lines go; stdout by default. Tests pass a memory stream. */
  readonly destination?: DestinationStream;
}

/**
 * Structured JSON logs. Requests are logged by method, path and status only: never headers (API keys,
 * JWTs), query strings or bodies (CV text, job specs, passwords). The redaction list catches the same
 * secrets should anything ever log them by field name.
 */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-api-key"]',
          'req.headers.cookie',
          'headers.authorization',
          'headers["x-api-key"]',
          'headers.cookie',
          'password',
          '*.password',
          'apiKey',
          '*.apiKey',
          'jwtSecret',
          '*.jwtSecret',
          'webhookSecret',
          '*.webhookSecret',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          path: request.url.split('?', 1)[0],
          remoteAddress: request.ip,
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
      },
    },
    options.destination,
  );
}
