// pino is the only logger. Library code never writes to the console; the CLI prints on purpose.
// On a terminal the lines are made readable (pino-pretty); elsewhere they stay JSON for collectors.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

const SECRET_URL = /(\/calendar\/feeds\/)[^/?#.]+|([?&]token=)[^&#]+/g;

/** A URL with the secrets it may carry replaced by [redacted]. */
export function redactUrl(url: string | undefined): string | undefined {
  return url?.replace(
    SECRET_URL,
    (_match, feed: string | undefined, query: string | undefined) => `${feed ?? query}[redacted]`,
  );
}

interface LoggableRequest {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

/** The fields of a request worth logging, with secrets in the URL redacted. */
export function serializeRequest(req: LoggableRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host ?? req.headers?.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

/** Builds the process logger: JSON lines on stdout, or readable lines on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>): Logger {
  const format = config.logFormat ?? 'json';
  const pretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  return pino({
    level: config.logLevel,
    base: { service: 'concord' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'], remove: true },
    // Secrets that travel in URLs (personal calendar feeds, set-password links) never reach the logs.
    // Explicit fields (as Fastify's default serializer has): a request object spread here would dump
    // its params, query and socket, secrets included.
    serializers: { req: serializeRequest },
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true },
          },
        }
      : {}),
  });
}
