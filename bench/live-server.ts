// One app server for the live-update benchmark, in its own process (as in production): it builds
// the real app over the database named by argv, with the bus production would use, listens on a free
// port, and takes orders from the benchmark over IPC: publish an event, report the hub's counters.
import { loadConfig, type DatabaseConfig } from '../src/platform/config.ts';
import { openDatabase } from '../src/platform/db/connect.ts';
import { buildApp } from '../src/platform/http/app.ts';
import { createLogger } from '../src/platform/logger.ts';
import { createLiveBus } from '../src/live/create-live-bus.ts';
import { liveEvent } from '../src/live/live-event.ts';
import { liveHubOf } from '../src/live/live.routes.ts';
import type { Resource } from '../src/access/can.ts';

type Order = { publish: { id: string; type: string; itemId: string; resource: Resource } } | { stats: true } | { stop: true };

const databaseConfig = JSON.parse(process.argv[2]!) as DatabaseConfig;
const config = { ...loadConfig({ LOG_LEVEL: 'warn' }), database: databaseConfig };
const logger = createLogger(config);
const database = await openDatabase(databaseConfig);
const bus = createLiveBus(databaseConfig, database, logger);
await bus.start();
const app = await buildApp({ config, database, logger, live: bus });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const port = typeof address === 'object' && address ? address.port : 0;

const sentAt = new Map<string, number>();
if (process.env.BENCH_LIVE_TRACE) {
  bus.subscribe({ onEvent: (e) => process.stderr.write(`deliver ${e.id} took ${(performance.now() - (sentAt.get(e.id) ?? 0)).toFixed(1)} ms\n`) });
}
process.on('message', (order: Order) => {
  if ('publish' in order) {
    sentAt.set(order.publish.id, performance.now());
    void bus.publish(liveEvent({ ...order.publish, at: new Date(), payload: { status: 'under_silence' } }));
  } else if ('stats' in order) {
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
