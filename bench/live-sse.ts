// The live-update benchmark (issue 5): the time from a position change to its delivery at every
// entitled client. 1,000 SSE clients of 1,000 delegates spread over the 20 members; a text lies in a
// restricted format that holds half the members. For each measured event a delegate of a member of
// that format records a position on the text over HTTP (POST /api/v1/texts/:id/positions, session
// cookie and CSRF token), one write every SPACING_MS, each sent when the previous one has answered.
// We measure, in this process, from just before the request is sent to the arrival of the resulting
// `text.position_recorded` event at each entitled client. The event is identified by what its data
// carries: the text's id and the position's recorded instant (`at`), which the write's response
// also lists against the write's unique statement. Also counted: deliveries to clients outside the
// format (must be 0), entitled clients that missed an event, and events received twice or out of
// order. Baselines, in the same run: the same writes with one client connected, and the write's own
// HTTP latency (request sent → response read), so the delivery cost reads as a ratio to it.
//
// SQLite: one app server (in-process bus). PostgreSQL: two app servers on one database; the writes
// go to A and the clients are connected to B, so every event crosses LISTEN/NOTIFY.
// The servers run in child processes; the clients all live in this process (raw HTTP, one socket each).
import { fork, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { fileURLToPath } from 'node:url';
import { freshDatabaseConfig } from '../test/support/databases.ts';
import { type Dialect } from '../src/kernel/db/connect.ts';
import { openConcordDatabase } from '../src/open-database.ts';
import { migrateToLatest } from '../src/kernel/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import type { DatabaseConfig } from '../src/kernel/config.ts';

const SERVER = fileURLToPath(new URL('./live-server.ts', import.meta.url));
const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 1000);
const EVENTS = Number(process.env.BENCH_LIVE_EVENTS ?? 100);
const WARM_UP = 5;
const SPACING_MS = Number(process.env.BENCH_LIVE_SPACING_MS ?? 100);
const EVENT_TYPE = 'text.position_recorded';

export interface LiveBenchResult {
  setup: string;
  clients: number;
  entitled: number;
  events: number;
  p50: number;
  p99: number;
  max: number;
  writeP50: number;
  writeP99: number;
  baselineP50: number;
  baselineP99: number;
  baselineWriteP50: number;
  baselineWriteP99: number;
  wrong: number;
  missing: number;
  /** Events an entitled client received twice, or after a later one. */
  disordered: number;
}

interface Server {
  url: string;
  child: ChildProcess;
  stats(): Promise<{ streams: number; delivered: number; withheld: number }>;
  stop(): Promise<void>;
}

function startServer(config: DatabaseConfig, adminToken: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = fork(SERVER, [JSON.stringify(config)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: { ...process.env, ADMIN_TOKEN: adminToken },
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`live bench server exited with ${code}`)));
    child.once('message', (message: { ready: string }) => {
      child.removeAllListeners('exit');
      resolve({
        url: message.ready,
        child,
        stats: () =>
          new Promise((res) => {
            child.once('message', (m: { stats: { streams: number; delivered: number; withheld: number } }) =>
              res(m.stats),
            );
            child.send({ stats: true });
          }),
        stop: () =>
          new Promise((res) => {
            child.once('exit', () => res());
            child.send({ stop: true });
          }),
      });
    });
  });
}

interface Client {
  entitled: boolean;
  /** Every `data:` line received, raw, with its arrival (ms, performance.now); parsed after the run. */
  frames: { data: string; at: number }[];
  close(): void;
}

// A raw socket per client rather than node's http client: the measuring process reads 1,000
// sockets, and the HTTP parser and stream layers per chunk would measure this process, not Concord.
// The arrival is taken when the chunk is read; lines are only split here (JSON is parsed later).
function connect(url: string, cookie: string, entitled: boolean): Promise<Client> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const frames: { data: string; at: number }[] = [];
    const socket = net.connect({ host: hostname, port: Number(port), noDelay: true });
    let head = true;
    let pending = '';
    socket.setEncoding('utf8');
    socket.once('error', reject);
    socket.on('connect', () =>
      socket.write(
        `GET /api/v1/live HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\nCookie: ${cookie}\r\n\r\n`,
      ),
    );
    socket.on('data', (chunk: string) => {
      const at = performance.now();
      if (head) {
        if (!chunk.startsWith('HTTP/1.1 200')) {
          reject(new Error(`stream refused: ${chunk.split('\r\n')[0]}`));
          socket.destroy();
          return;
        }
        head = false;
        resolve({ entitled, frames, close: () => socket.destroy() });
      }
      // SSE lines end with \n; the chunked-encoding size lines between frames are lines of their own.
      const text = pending + chunk;
      let from = 0;
      let end: number;
      while ((end = text.indexOf('\n', from)) >= 0) {
        if (text.startsWith('data: ', from)) frames.push({ data: text.slice(from + 6, end), at });
        from = end + 1;
      }
      pending = text.slice(from);
    });
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/** One JSON request over a kept-alive connection; answers the status, the body and when the response was read. */
function request(
  agent: http.Agent,
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Promise<{ status: number; json: unknown; sentAt: number; doneAt: number }> {
  const payload = JSON.stringify(body);
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: hostname,
        port: Number(port),
        method,
        path,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const doneAt = performance.now();
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'),
            sentAt,
            doneAt,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    const sentAt = performance.now();
    req.end(payload);
  });
}

interface Writer {
  url: string;
  agent: http.Agent;
  cookie: string;
  csrf: string;
}

interface Write {
  /** The position's recorded instant, from the write's response: what identifies its event. */
  at: string;
  sentAt: number;
  doneAt: number;
  measured: boolean;
}

/** Records WARM_UP + count positions on the text, one every SPACING_MS (each after the previous answered). */
async function writeAll(writer: Writer, textId: string, count: number, label: string): Promise<Write[]> {
  const writes: Write[] = [];
  for (let i = 0; i < WARM_UP + count; i++) {
    const started = performance.now();
    const statement = `bench ${label} ${i} ${randomBytes(6).toString('hex')}`;
    const r = await request(
      writer.agent,
      writer.url,
      'POST',
      `/api/v1/texts/${textId}/positions`,
      { cookie: writer.cookie, 'x-csrf-token': writer.csrf },
      { kind: 'comment', statement },
    );
    if (r.status !== 201) throw new Error(`position write ${i} answered ${r.status}: ${JSON.stringify(r.json)}`);
    const position = (r.json as { positions: { statement: string; at: string }[] }).positions.find(
      (p) => p.statement === statement,
    );
    if (!position) throw new Error(`position write ${i}: its statement is not among the text's positions`);
    writes.push({ at: position.at, sentAt: r.sentAt, doneAt: r.doneAt, measured: i >= WARM_UP });
    await new Promise((r) => setTimeout(r, Math.max(0, SPACING_MS - (performance.now() - started))));
  }
  await new Promise((r) => setTimeout(r, 2000)); // the last events' deliveries
  return writes;
}

/** Per client and per measured write: arrival − send for entitled clients; wrong, missing, duplicated or out-of-order deliveries. */
function measure(clients: Client[], textId: string, writes: Write[]) {
  const index = new Map(writes.map((w, i) => [w.at, i]));
  const latencies: number[] = [];
  let wrong = 0;
  let missing = 0;
  let disordered = 0;
  for (const client of clients) {
    const arrived = new Map<number, number>(); // write index → arrival
    let last = -1;
    for (const frame of client.frames) {
      let event: { type?: string; itemId?: string; at?: string };
      try {
        event = JSON.parse(frame.data) as typeof event;
      } catch {
        continue; // not ours (e.g. `end`, `resync`): they carry no such event
      }
      if (event.type !== EVENT_TYPE || event.itemId !== textId) continue;
      const i = index.get(event.at ?? '');
      if (i === undefined)
        throw new Error(`a client received a ${EVENT_TYPE} event at ${event.at} that no write of this phase made`);
      if (!writes[i]!.measured) continue;
      if (!client.entitled) {
        wrong += 1;
        continue;
      }
      if (arrived.has(i) || i < last) disordered += 1;
      else arrived.set(i, frame.at);
      last = Math.max(last, i);
    }
    if (!client.entitled) continue;
    writes.forEach((w, i) => {
      if (!w.measured) return;
      const at = arrived.get(i);
      if (at === undefined) missing += 1;
      else latencies.push(at - w.sentAt);
    });
  }
  latencies.sort((a, b) => a - b);
  if (process.env.BENCH_LIVE_TRACE) traceEvents(clients, writes, textId);
  const writeTimes = writes
    .filter((w) => w.measured)
    .map((w) => w.doneAt - w.sentAt)
    .sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    writeP50: percentile(writeTimes, 50),
    writeP99: percentile(writeTimes, 99),
    wrong,
    missing,
    disordered,
  };
}

/** BENCH_LIVE_TRACE=1: per measured write, its own latency and the first and last delivery (ms from send). */
function traceEvents(clients: Client[], writes: Write[], textId: string): void {
  const arrivals = writes.map(() => [] as number[]);
  const index = new Map(writes.map((w, i) => [w.at, i]));
  for (const client of clients) {
    for (const frame of client.frames) {
      const event = JSON.parse(frame.data) as { type?: string; itemId?: string; at?: string };
      const i = event.type === EVENT_TYPE && event.itemId === textId ? index.get(event.at ?? '') : undefined;
      if (i !== undefined) arrivals[i]!.push(frame.at - writes[i]!.sentAt);
    }
  }
  writes.forEach((w, i) => {
    const a = arrivals[i]!;
    if (w.measured)
      process.stderr.write(
        `    write ${i}: ${(w.doneAt - w.sentAt).toFixed(1)} ms; delivered ${Math.min(...a).toFixed(1)} … ${Math.max(...a).toFixed(1)} ms\n`,
      );
  });
}

interface Delegate {
  cookie: string;
  csrf: string;
  member: string;
}

/**
 * Creates `count` delegate accounts spread over the members, and `extra` more of the first member,
 * each with a live session; answers their cookies, CSRF tokens and members.
 */
async function createDelegates(
  config: DatabaseConfig,
  count: number,
  extra: number,
): Promise<{ members: string[]; delegates: Delegate[] }> {
  const database = await openConcordDatabase(config);
  try {
    await migrateToLatest(database);
    await loadDemo(database, new Date('2002-09-25T08:00:00Z'));
    const members = (await database.db.selectFrom('members').select('code').orderBy('code').execute()).map(
      (r) => r.code,
    );
    const now = new Date();
    const expires = new Date(now.getTime() + 12 * 3_600_000).toISOString();
    const delegates: Delegate[] = [];
    const users = [];
    const sessions = [];
    for (let i = 0; i < count + extra; i++) {
      const id = `00000000-0000-4000-8000-${i.toString().padStart(12, '0')}`;
      const member = members[i < count ? i % members.length : 0]!;
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(16).toString('hex');
      users.push({
        id,
        email: `bench-${i}@bench.concord`,
        name: `Bench delegate ${i}`,
        password_hash: null,
        roles: '["delegate"]',
        member_code: member,
        head_of_delegation: 0,
        clearance: 'UNCLASSIFIED',
        demo: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      sessions.push({
        id: createHash('sha256').update(token).digest('hex'),
        user_id: id,
        csrf_token: csrf,
        created_at: now.toISOString(),
        last_seen_at: now.toISOString(),
        expires_at: expires,
      });
      delegates.push({ cookie: `concord_session=${token}`, csrf, member });
    }
    for (let i = 0; i < count + extra; i += 200) {
      await database.db
        .insertInto('users')
        .values(users.slice(i, i + 200))
        .execute();
      await database.db
        .insertInto('sessions')
        .values(sessions.slice(i, i + 200))
        .execute();
    }
    return { members, delegates };
  } finally {
    await database.close();
  }
}

/** Through the API, as the administrator: a format of `members`, a body meeting in it, and two draft texts there (one per phase). */
async function createTexts(url: string, adminToken: string, members: string[]): Promise<[string, string]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const auth = { authorization: `Bearer ${adminToken}` };
  const call = async (path: string, body: unknown) => {
    const r = await request(agent, url, 'POST', `/api/v1${path}`, auth, body);
    if (r.status !== 201) throw new Error(`setup POST ${path} answered ${r.status}: ${JSON.stringify(r.json)}`);
    return r.json as { id: string };
  };
  try {
    await call('/formats', { code: 'bench-half', name: 'Bench: half the members', members });
    await call('/bodies', {
      code: 'bench-group',
      name: 'Bench working group',
      kind: 'working_group',
      format: 'bench-half',
    });
    const text = (title: string) =>
      call('/texts', {
        body: 'bench-group',
        kind: 'statement',
        title,
        text: 'The members of the bench format take note of the benchmark.',
      });
    return [(await text('Bench text: one client')).id, (await text('Bench text: all clients')).id];
  } finally {
    agent.destroy();
  }
}

async function runSetup(dialect: Dialect): Promise<LiveBenchResult> {
  const { config, cleanup } = await freshDatabaseConfig(dialect);
  const servers: Server[] = [];
  const clients: Client[] = [];
  const adminToken = randomBytes(24).toString('hex');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    process.stderr.write(`  live ${dialect}: ${CLIENTS} delegates…\n`);
    const { members, delegates } = await createDelegates(config, CLIENTS, 2);
    // The restricted format: every other member (the first among them), so half the clients are in it.
    const restricted = members.filter((_m, i) => i % 2 === 0);
    const entitled = (d: Delegate) => restricted.includes(d.member);
    const writes = await startServer(config, adminToken);
    servers.push(writes);
    const receiver = dialect === 'postgres' ? await startServer(config, adminToken) : writes;
    if (receiver !== writes) servers.push(receiver);
    const [loneText, fleetText] = await createTexts(writes.url, adminToken, restricted);

    // The writer (a delegate of a member of the format, with no stream of their own) and the baseline's client.
    const [writerDelegate, lone] = delegates.slice(CLIENTS);
    const writer: Writer = { url: writes.url, agent, cookie: writerDelegate!.cookie, csrf: writerDelegate!.csrf };

    // Baselines: one entitled client on an otherwise idle server; the write's own latency.
    const baselineClient = await connect(receiver.url, lone!.cookie, true);
    const baseline = measure([baselineClient], loneText, await writeAll(writer, loneText, EVENTS, 'one'));
    baselineClient.close();

    process.stderr.write(`  live ${dialect}: connecting ${CLIENTS} clients…\n`);
    const fleet = delegates.slice(0, CLIENTS);
    for (let i = 0; i < fleet.length; i += 100) {
      clients.push(
        ...(await Promise.all(fleet.slice(i, i + 100).map((d) => connect(receiver.url, d.cookie, entitled(d))))),
      );
    }
    while ((await receiver.stats()).streams < CLIENTS) await new Promise((r) => setTimeout(r, 50));
    process.stderr.write(`  live ${dialect}: recording ${WARM_UP} + ${EVENTS} positions…\n`);
    const result = measure(clients, fleetText, await writeAll(writer, fleetText, EVENTS, 'all'));
    return {
      setup:
        dialect === 'postgres'
          ? 'PostgreSQL, written on server A, clients on server B (LISTEN/NOTIFY)'
          : 'SQLite, one server (in-process bus)',
      clients: clients.length,
      entitled: clients.filter((c) => c.entitled).length,
      events: EVENTS,
      ...result,
      // Exactness is counted over both phases.
      wrong: result.wrong + baseline.wrong,
      missing: result.missing + baseline.missing,
      disordered: result.disordered + baseline.disordered,
      baselineP50: baseline.p50,
      baselineP99: baseline.p99,
      baselineWriteP50: baseline.writeP50,
      baselineWriteP99: baseline.writeP99,
    };
  } finally {
    agent.destroy();
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
    `## Live updates, end to end: ${CLIENTS.toLocaleString('en')} SSE clients — ${when}`,
    '',
    `Machine: ${machine}.`,
    `${CLIENTS.toLocaleString('en')} delegates (one stream each, one account each) spread over the 20 members; the text's format holds every other member, so half the clients are entitled. ${EVENTS} position changes (after ${WARM_UP} not counted), one every ${SPACING_MS} ms: a delegate of a member of the format records a comment over HTTP (POST /api/v1/texts/:id/positions, session cookie and CSRF token); the latency is from just before the request is sent to the arrival of its \`${EVENT_TYPE}\` event at each entitled client, measured in the one process that sends the writes and holds all the clients (so it includes that process reading 1,000 sockets). Write: the same requests' own latency (sent → response read; the response is the text with its positions). Baseline: the same writes with one client connected, same run, same servers. Events are identified by the text and the position's recorded instant; "dup./order" counts events an entitled client got twice or after a later one; the last three columns count both phases.`,
    '',
    '| setup | entitled clients | p50 | p99 | max | write p50 / p99 | p99 ÷ write p99 | baseline p50 / p99 (1 client) | baseline write p50 / p99 | p99 × baseline | wrongly delivered | missing | dup./order |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(
      (r) =>
        `| ${r.setup} | ${r.entitled} of ${r.clients} | ${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.max)} | ${ms(r.writeP50)} / ${ms(r.writeP99)} | ${(r.p99 / r.writeP99).toFixed(1)} | ${ms(r.baselineP50)} / ${ms(r.baselineP99)} | ${ms(r.baselineWriteP50)} / ${ms(r.baselineWriteP99)} | ${(r.p99 / r.baselineP99).toFixed(1)} | ${r.wrong} | ${r.missing} | ${r.disordered} |`,
    ),
    '',
    `Target (issue 5): p99 ≤ 250 ms from the position change to its delivery, with no wrongly delivered event — ${results.every((r) => r.p99 <= 250 && r.wrong === 0 && r.missing === 0 && r.disordered === 0) ? 'met' : 'NOT met'}.`,
    '',
  ];
}

/** `npm run bench`'s live part: runs, prints and appends the results to `resultsFile`. */
export async function runLiveBenchmark(resultsFile: string, postgres: boolean): Promise<void> {
  process.stderr.write('Live updates over SSE (position changes over HTTP):\n');
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${loadavg()[0]!.toFixed(1)} at the start, ${osType()} ${release()}, Node ${process.version}`;
  const results = await runLiveBench({ postgres });
  const lines = liveBenchLines(results, machine, new Date().toISOString().replace(/\.\d+Z$/, 'Z'));
  appendFileSync(resultsFile, `${lines.join('\n')}\n`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
