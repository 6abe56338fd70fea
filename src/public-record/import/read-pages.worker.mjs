// The importer's page reader thread (read-pages.ts): registers tsx, then serves read-and-parse jobs.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { serveReader } = await import('./read-pages.ts');
serveReader(parentPort);
