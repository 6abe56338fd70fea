// The live-update benchmark (issue 5): 1,000 SSE clients of 1,000 delegates spread over the 20
// members, half of whose members are in a restricted format; events about an item of that format are
// published on an app server, and we measure, in this process, the time from the publish order to
// the event's arrival at every entitled client. Also counted: deliveries to clients outside the format
// (must be 0) and entitled clients that never got an event. Baseline, in the same run: the same
// events to one client on an otherwise idle server.
//
// SQLite: one app server (in-process bus). PostgreSQL: two app servers on one database; events are
// published on A and the clients are connected to B, so every event crosses LISTEN/NOTIFY.
// The servers run in child processes; the clients all live in this process (raw HTTP, one socket each).
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import net from 'node:net';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freshDatabaseConfig } from '../test/support/databases.ts';
import { openDatabase, type Dialect } from '../src/platform/db/connect.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import type { DatabaseConfig } from '../src/platform/config.ts';

const SERVER = fileURLToPath(new URL('./live-server.ts', import.meta.url));
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_LIVE_EVENTS ?? 100);
const WARM_UP = 5;
const SPACING_MS = Number(process.env.BENCH_LIVE_SPACING_MS ?? 100);

export interface LiveBenchResult {
  setup: string;
  clients: number;
  entitled: number;
  events: number;
  p50: number;
  p99: number;
  max: number;
  baselineP50: number;
  baselineP99: number;
  wrong: number;
  missing: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  publish(event: { id: string; type: string; itemId: string; resource: { type: 'text'; formatMembers: string[]; part: 'draft' } }): void;
  stats(): Promise<{ streams: number; delivered: number; withheld: number }>;
  stop(): Promise<void>;
}

function startServer(config: DatabaseConfig): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER, [JSON.stringify(config)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`live bench server exited with ${code}`)));
    child.once('message', (message: { ready: string }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.ready,
        child,
        publish: (event) => child.send({ publish: event }),
        stats: () => new Promise((res) => {
          child.once('message', (m: { stats: { streams: number; delivered: number; withheld: number } }) => res(m.stats));
          child.send({ stats: true });
        }),
        stop: () => new Promise((res) => {
          child.once('exit', () => res());
          child.send({ stop: true });
        }),
      });
    });
  });
}

interface Client {
  entitled: boolean;
  received: Map<string, number>; // event id → arrival (ms, performance.now)
  close(): void;
}

// A raw socket per client rather than node's http client: the measuring process reads 1,000
// sockets, and the HTTP parser and stream layers per chunk would measure this process, not Concord.
function connect(url: string, cookie: string, entitled: boolean): Promise<Client> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const received = new Map<string, number>();
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
    let head = true;
    let pending = '';
    socket.setEncoding('latin1');
    socket.once('error', reject);
    socket.on('connect', () => socket.write(`GET /api/v1/live HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`));
    socket.on('data', (chunk: string) => {
      const at = performance.now();
      if (head) {
        if (!chunk.startsWith('HTTP/1.1 200')) {
          reject(new Error(`stream refused: ${chunk.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        head = false;
        resolve({ entitled, received, close: () => socket.destroy() });
      }
      // Event ids are written as "id: bench-…\n"; chunked-encoding lines around them do not matter.
      const text = pending + chunk;
      let from = 0;
      let index: number;
      while ((index = text.indexOf('id: bench-', from)) >= 0) {
        const end = text.indexOf('\n', index);
        if (end < 0) break;
        received.set(text.slice(index + 4, end), at);
        from = end;
      }
      pending = text.slice(Math.max(from, text.length - 40));
    });
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** Publishes EVENTS events about an item of `restricted`, one every SPACING_MS; answers each event's id and publish time. */
async function publishAll(server: Server, restricted: string[], count: number): Promise<Map<string, number>> {
  const sent = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const id = `bench-${i}-${randomBytes(4).toString('hex')}`;
    sent.set(id, performance.now());
    server.publish({ id, type: 'procedure.position_changed', itemId: 'bench-text', resource: { type: 'text', formatMembers: restricted, part: 'draft' } });
    await new Promise((r) => setTimeout(r, SPACING_MS));
  }
  await new Promise((r) => setTimeout(r, 2000)); // the last events' deliveries
  return sent;
}

function measure(clients: Client[], sent: Map<string, number>) {
  const latencies: number[] = [];
  let wrong = 0;
  let missing = 0;
  for (const client of clients) {
    for (const [id, at] of sent) {
      const arrived = client.received.get(id);
      if (!client.entitled) {
        if (arrived !== undefined) wrong += 1;
      } else if (arrived === undefined) missing += 1;
      else latencies.push(arrived - at);
    }
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? NaN, wrong, missing };
}

/** Creates `count` delegate accounts over the members, with a live session each; answers their cookies and members. */
async function createDelegates(config: DatabaseConfig, count: number): Promise<{ members: string[]; delegates: { cookie: string; member: string }[] }> {
  const database = await openDatabase(config);
  try {
    await migrateToLatest(database);
    await loadDemo(database, new Date('2002-09-25T08:00:00Z'));
    const members = (await database.db.selectFrom('members').select('code').orderBy('code').execute()).map((r) => r.code);
    const now = new Date();
    const expires = new Date(now.getTime() + 12 * 3_600_000).toISOString();
    const delegates: { cookie: string; member: string }[] = [];
    const users = [];
    const sessions = [];
    for (let i = 0; i < count; i++) {
      const id = `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;
      const member = members[i % members.length]!;
      const token = randomBytes(32).toString('base64url');
      users.push({ id, email: `bench-${i}@bench.concord`, name: `Bench delegate ${i}`, password_hash: null, roles: '["delegate"]', member_code: member, head_of_delegation: 0, clearance: 'UNCLASSIFIED', demo: 0, failed_logins: 0, locked_until: null, disabled: 0, created_at: now.toISOString(), updated_at: now.toISOString() });
      sessions.push({ id: createHash('sha256').update(token).digest('hex'), user_id: id, csrf_token: randomBytes(16).toString('hex'), created_at: now.toISOString(), last_seen_at: now.toISOString(), expires_at: expires });
      delegates.push({ cookie: `concord_session=${token}`, member });
    }
    for (let i = 0; i < count; i += 200) {
      await database.db.insertInto('users').values(users.slice(i, i + 200)).execute();
      await database.db.insertInto('sessions').values(sessions.slice(i, i + 200)).execute();
    }
    return { members, delegates };
  } finally {
    await database.close();
  }
}

async function runSetup(dialect: Dialect): Promise<LiveBenchResult> {
  const { config, cleanup } = await freshDatabaseConfig(dialect);
  const servers: Server[] = [];
  const clients: Client[] = [];
  try {
    process.stderr.write(`  live ${dialect}: ${CLIENTS} delegates…\n`);
    const { members, delegates } = await createDelegates(config, CLIENTS + 1);
    // The restricted format: every other member, so half the delegates are in it.
    const restricted = members.filter((_m, i) => i % 2 === 0);
    const publisher = await startServer(config);
    servers.push(publisher);
    const receiver = dialect === 'postgres' ? await startServer(config) : publisher;
    if (receiver !== publisher) servers.push(receiver);

    // Baseline: one entitled client on an otherwise idle server.
    const lone = delegates.find((d) => restricted.includes(d.member))!;
    const baselineClient = await connect(receiver.url, lone.cookie, true);
    await publishAll(publisher, restricted, WARM_UP); // warm-up (not counted): JIT, first NOTIFYs
    const baseline = measure([baselineClient], await publishAll(publisher, restricted, EVENTS));
    baselineClient.close();

    process.stderr.write(`  live ${dialect}: connecting ${CLIENTS} clients…\n`);
    const fleet = delegates.filter((d) => d !== lone).slice(0, CLIENTS);
    for (let i = 0; i < fleet.length; i += 100) {
      clients.push(...(await Promise.all(fleet.slice(i, i + 100).map((d) => connect(receiver.url, d.cookie, restricted.includes(d.member))))));
    }
    while ((await receiver.stats()).streams < CLIENTS) await new Promise((r) => setTimeout(r, 50));
    process.stderr.write(`  live ${dialect}: publishing ${EVENTS} events…\n`);
    await publishAll(publisher, restricted, WARM_UP);
    const result = measure(clients, await publishAll(publisher, restricted, EVENTS));
    return {
      setup: dialect === 'postgres' ? 'PostgreSQL, published on server A, clients on server B (LISTEN/NOTIFY)' : 'SQLite, one server (in-process bus)',
      clients: clients.length,
      entitled: clients.filter((c) => c.entitled).length,
      events: EVENTS,
      ...result,
      baselineP50: baseline.p50,
      baselineP99: baseline.p99,
    };
  } finally {
    for (const c of clients) c.close();
    for (const s of servers) await s.stop().catch(() => undefined);
    await cleanup();
  }
}

/** Runs the benchmark on SQLite and (unless skipped) PostgreSQL; answers the results. */
export async function runLiveBench(options: { postgres: boolean }): Promise<LiveBenchResult[]> {
  const results = [await runSetup('sqlite')];
  if (options.postgres) results.push(await runSetup('postgres'));
  return results;
}

/** The Markdown section of docs/BENCHMARKS.md for these results. */
export function liveBenchLines(results: LiveBenchResult[], machine: string, when: string): string[] {
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  return [
    `## Live updates: ${CLIENTS.toLocaleString('en')} SSE clients — ${when}`,
    '',
    `Machine: ${machine}.`,
    `${CLIENTS.toLocaleString('en')} delegates (one stream each, one account each) spread over the 20 members; the item's format holds every other member, so half the clients are entitled. ${EVENTS} events (after ${WARM_UP} not counted), one every ${SPACING_MS} ms, published by the app server's bus; the latency is from the publish order to the event's arrival at each entitled client, measured in the one process that holds all the clients (so it includes that process reading 1,000 sockets). Baseline: the same events to one client, same run, same server.`,
    '',
    '| setup | entitled clients | p50 | p99 | max | baseline p50 / p99 (1 client) | p99 × baseline | wrongly delivered | missing |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map((r) => `| ${r.setup} | ${r.entitled} of ${r.clients} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.baselineP50)} / ${ms(r.baselineP99)} | ${(r.p99 / r.baselineP99).toFixed(1)} | ${r.wrong} | ${r.missing} |`),
    '',
    `Target (issue 5): p99 ≤ 250 ms with no wrongly delivered event — ${results.every((r) => r.p99 <= 250 && r.wrong === 0 && r.missing === 0) ? 'met' : 'NOT met'}.`,
    '',
  ];
}

/** `npm run bench`'s live part: runs, prints and appends the results to `resultsFile`. */
export async function runLiveBenchmark(resultsFile: string, postgres: boolean): Promise<void> {
  process.stderr.write('Live updates over SSE:\n');
  const results = await runLiveBench({ postgres });
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${loadavg()[0]!.toFixed(1)} at the start, ${osType()} ${release()}, Node ${process.version}`;
  const lines = liveBenchLines(results, machine, new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
  appendFileSync(resultsFile, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
