// One app server for the live-update benchmark, in its own process (as in production): it builds
// the real app over the database named by argv, with the bus and the text hooks production would use
// (a position recorded over HTTP is published on the bus after its commit), listens on a free port,
// and takes orders from the benchmark over IPC: report the hub's counters, stop. The admin token
// (for the benchmark's setup: format, body, texts) comes from the ADMIN_TOKEN the benchmark sets.
//   BENCH_LIVE_TRACE=1: prints, for every event this server's bus hears, the time since the write's `at`.
import { loadConfig, type DatabaseConfig } from '../src/kernel/config.ts';
import { openConcordDatabase } from '../src/open-database.ts';
import { buildApp } from '../src/app.ts';
import { createLogger } from '../src/kernel/logger.ts';
import { createLiveBus } from '../src/live/create-live-bus.ts';
import { liveHubOf } from '../src/live/live.routes.ts';

type Order = { stats: true } | { stop: true };

const databaseConfig = JSON.parse(process.argv[2]!) as DatabaseConfig;
const config = { ...loadConfig({ LOG_LEVEL: 'warn', ADMIN_TOKEN: process.env.ADMIN_TOKEN }), database: databaseConfig };
const logger = createLogger(config);
const database = await openConcordDatabase(databaseConfig);
const bus = createLiveBus(databaseConfig, database, logger);
await bus.start();
const app = await buildApp({ config, database, logger, live: bus });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

if (process.env.BENCH_LIVE_TRACE) {
  bus.subscribe({
    onEvent: (e) =>
      process.stderr.write(`${port}: ${e.type} heard ${Date.now() - Date.parse(e.at)} ms after its write\n`),
  });
}
process.on('message', (order: Order) => {
  if ('stats' in order) {
    process.send!({ stats: liveHubOf(app)!.stats });
  } else {
    void (async () => {
      await app.close();
      await bus.close();
      await database.close();
      process.exit(0);
    })();
  }
});
process.send!({ ready: `http://127.0.0.1:${port}` });
