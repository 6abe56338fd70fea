// pino is the only logger. Library code never writes to the console; the CLI prints on purpose.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** Builds the process logger; JSON lines on stdout, one per event. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'concord' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
  });
}
