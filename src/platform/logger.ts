// pino is the only logger. Library code never writes to the console; the CLI prints on purpose.
// On a terminal the lines are made readable (pino-pretty); elsewhere they stay JSON for collectors.
import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

export type { Logger };

/** Builds the process logger: JSON lines on stdout, or readable lines on a terminal. */
export function createLogger(config: Pick<Config, 'logLevel'> & Partial<Pick<Config, 'logFormat'>>): Logger {
  const format = config.logFormat ?? 'json';
  const pretty = format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
  return pino({
    level: config.logLevel,
    base: { service: 'concord' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], remove: true },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service', singleLine: true } } } : {}),
  });
}
