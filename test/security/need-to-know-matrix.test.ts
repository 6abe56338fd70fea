// Issue 11, "make it impossible to reintroduce": the need-to-know matrix. Items of every kind are planted
// with marker words in the format at 19 (without Russia), at 20, and at 20 marked public; then every
// reader (the admin token, the demo's secretariat, chair, auditor, heads of delegation of Poland and
// Russia, a plain delegate of Russia, the public) reads every GET route of the OpenAPI
// document and every GET route of the server's route table (pages, feeds, sitemap), expanded with the
// planted ids and codes and with missing ones. No marker of an item a reader may not see may appear in
// any answer, and every hidden item must answer exactly like a missing one (status, content type, and
// the body once the id and request id are set aside). Routes are discovered, so a new route is covered
// without editing this file. The live stream and the notifications are read the same way.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { DIALECTS } from '../support/databases.ts';
import { openSse, type SseStream } from '../live/sse-client.ts';
import {
  createSecurityApp,
  json,
  missingLike,
  normalise,
  openApi,
  plant,
  routeTable,
  send,
  signInRoles,
  type AccountsApp,
  type OpenApiDocument,
  type OpenApiParameter,
  type Planted,
  type PlantedValue,
  type Role,
  type Visibility,
} from './support.ts';

/** One request of the matrix; `pair` ties a hidden-item URL to the same URL with a missing value. */
interface Probe {
  url: string;
  html: boolean;
  /** The planted value in the URL (path or query), when there is one. */
  value?: PlantedValue;
  /** The same request with a missing value in place of `value`. */
  missing?: { url: string; value: string };
}

const hiddenFrom = (role: Role, visibility: Visibility) =>
  (visibility === 'narrow' && !role.seesNarrow) || (visibility !== 'public' && !role.seesWide);

/** Query values that make a list route show what it has: planted words, dates and filters. */
function queryValue(p: OpenApiParameter, planted: Planted): string | undefined {
  const pattern = p.schema?.pattern ?? '';
  const name = p.name;
  if (name === 'q') return planted.run;
  if (name === 'month' || pattern === '^\\d{4}-\\d{2}$') return '2026-01';
  if (name === 'from' && p.schema?.type === 'integer') return '1';
  if (name === 'to' && p.schema?.type === 'integer') return '2';
  if (name === 'from') return '2025-12-01';
  if (name === 'to') return '2026-02-28';
  if (name === 'on' || pattern === '^\\d{4}-\\d{2}-\\d{2}$') return '2026-01-20';
  if (p.schema?.type === 'integer') return String(p.schema.minimum ?? 1);
  if (p.schema?.enum) return String(p.schema.enum[0]);
  return undefined;
}

/** The collection a query parameter names items of (`body` → bodies), for hidden-versus-missing pairs. */
const QUERY_COLLECTIONS: Record<string, string> = {
  body: 'bodies',
  meeting: 'meetings',
  project: 'projects',
  event: 'events',
  text: 'texts',
  series: 'event-series',
};

/** For a route whose collection is unknown: one id and one code of every visibility, not all of them. */
function representatives(planted: Planted): PlantedValue[] {
  const seen = new Set<string>();
  return planted.values.filter((v) => {
    const key = `${v.visibility} ${/^[0-9a-f-]{36}$/.test(v.value) ? 'id' : 'code'}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Every probe of the OpenAPI document's GET operations (the live stream aside: it never ends). */
function apiProbes(doc: OpenApiDocument, planted: Planted): Probe[] {
  const probes: Probe[] = [];
  for (const [template, operations] of Object.entries(doc.paths)) {
    const get = operations.get;
    if (!get) continue;
    const streams =
      /event-stream/.test(get.summary ?? '') ||
      Object.values(get.responses ?? {}).some((r) => Object.keys(r.content ?? {}).includes('text/event-stream'));
    if (streams) continue;
    const params = get.parameters ?? [];
    const query = params.filter((p) => p.in === 'query');
    const pathParams = params.filter((p) => p.in === 'path');
    const baseQuery = new URLSearchParams();
    for (const p of query) {
      const v = queryValue(p, planted);
      if (v !== undefined && (p.required || p.name === 'q' || p.name === 'month' || p.name === 'on'))
        baseQuery.set(p.name, v);
    }
    // Fills the path: the first parameter is the item; others (a version number, a member) by name.
    const fill = (value: string) => {
      let first = true;
      return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
        if (first) {
          first = false;
          return encodeURIComponent(value);
        }
        if (name === 'number') return '1';
        if (name === 'member') return 'RUS';
        return encodeURIComponent(value);
      });
    };
    const withQuery = (path: string, q: URLSearchParams) => (q.size > 0 ? `${path}?${q}` : path);
    if (pathParams.length === 0) {
      probes.push({ url: withQuery(template, baseQuery), html: false });
      // A list with every filter that names a planted item: a hidden one must filter like a missing one.
      for (const p of query) {
        const collection = QUERY_COLLECTIONS[p.name];
        if (!collection) continue;
        // One item of each visibility is enough for a filter (list routes are the slowest to read).
        const seen = new Set<Visibility>();
        const values = planted.values.filter(
          (v) => v.collection === collection && !seen.has(v.visibility) && seen.add(v.visibility),
        );
        for (const value of values) {
          const q = new URLSearchParams(baseQuery);
          q.set(p.name, value.value);
          const missing = missingLike(value.value);
          const m = new URLSearchParams(baseQuery);
          m.set(p.name, missing);
          probes.push({
            url: withQuery(template, q),
            html: false,
            value,
            missing: { url: withQuery(template, m), value: missing },
          });
        }
      }
      continue;
    }
    // The collection the first path parameter addresses: the segment before it (`/meetings/{id}`).
    const segments = template.split('/');
    const index = segments.findIndex((s) => s.startsWith('{'));
    const collection = segments[index - 1] ?? '';
    let values = planted.values.filter((v) => v.collection === collection);
    if (values.length === 0) values = representatives(planted); // an unknown route: a sample of every kind
    for (const value of values) {
      const missing = missingLike(value.value);
      probes.push({
        url: withQuery(fill(value.value), baseQuery),
        html: false,
        value,
        missing: { url: withQuery(fill(missing), baseQuery), value: missing },
      });
      if (template.includes('{number}'))
        probes.push({ url: withQuery(fill(value.value).replace(/\/1$/, '/2'), baseQuery), html: false, value });
    }
  }
  return probes;
}

/** Every probe of the route table's other GET routes: pages, feeds, the sitemap, the record's indexes. */
function pageProbes(
  routes: ReturnType<typeof routeTable>,
  planted: Planted,
  feedToken: string | null,
  record: { slugs: string[] },
): Probe[] {
  const probes: Probe[] = [];
  const extra = [
    `/search?q=${planted.run}`,
    '/search?q=MARKER19',
    '/search?q=MARKER20',
    `/calendar?month=2026-01`,
    `/calendar?month=2025-12`,
    `/record?q=${planted.run}`,
  ];
  for (const url of extra) probes.push({ url, html: true });
  for (const route of routes) {
    if (!route.methods.includes('GET')) continue;
    if (route.path.startsWith('/api/') || route.path.includes('*')) continue;
    const params = [...route.path.matchAll(/:([A-Za-z]+)(\([^)]*\))?/g)];
    if (params.length === 0) {
      probes.push({ url: route.path, html: true });
      probes.push({ url: `${route.path}?q=${planted.run}&month=2026-01`, html: true });
      continue;
    }
    // Fixed-shape parameters (year, month) take the month of the planted items.
    const fixed = (name: string, constraint: string | undefined) =>
      constraint?.includes('\\d{4}') ? '2026' : constraint?.includes('\\d{2}') ? '01' : name === 'year' ? '2026' : null;
    const fill = (value: string) =>
      route.path.replace(
        /:([A-Za-z]+)(\([^)]*\))?/g,
        (_m, name: string, constraint?: string) => fixed(name, constraint) ?? encodeURIComponent(value),
      );
    const free = params.filter(([, name, constraint]) => fixed(name!, constraint) === null);
    if (free.length === 0) {
      probes.push({ url: fill(''), html: true });
      continue;
    }
    const name = free[0]![1]!;
    if (name === 'token') {
      if (feedToken) probes.push({ url: fill(feedToken), html: true });
      probes.push({ url: fill(missingLike(feedToken ?? 'no-token-at-all-0000')), html: true });
      continue;
    }
    const segments = route.path.split('/');
    const collection = segments[segments.findIndex((s) => s.startsWith(':')) - 1] ?? '';
    let values = planted.values.filter((v) => v.collection === collection);
    if (values.length === 0) values = representatives(planted);
    for (const value of values) {
      const missing = missingLike(value.value);
      probes.push({ url: fill(value.value), html: true, value, missing: { url: fill(missing), value: missing } });
    }
    if (route.path.startsWith('/record/'))
      for (const slug of record.slugs) probes.push({ url: fill(slug), html: true });
  }
  return probes;
}

/** The markers and values a role may not see, found in an answer (a URL's own words set aside). */
function leaks(role: Role, planted: Planted, url: string, body: string): string[] {
  const found: string[] = [];
  for (const visibility of ['narrow', 'wide', 'public'] as Visibility[]) {
    if (!hiddenFrom(role, visibility)) continue;
    const match = body.match(new RegExp(planted.markerPattern(visibility).source, 'gi'));
    if (match) found.push(...new Set(match));
    for (const value of planted.values) {
      if (value.visibility !== visibility) continue;
      if (url.includes(value.value) || url.includes(encodeURIComponent(value.value))) continue;
      if (body.includes(value.value)) found.push(`${value.collection}:${value.value}`);
    }
  }
  return found;
}

const PROFILE = new Map<string, [number, number]>();
/** Runs `work` on every item, `width` at a time (PostgreSQL answers several connections at once). */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: width }, lane));
}

/** The answer around the first place a leaked word appears. */
function around(body: string, found: string): string {
  const word = found.includes(':') && !/^MARKER/i.test(found) ? found.slice(found.indexOf(':') + 1) : found;
  const at = body.toLowerCase().indexOf(word.toLowerCase());
  return at < 0 ? excerpt(body) : `…${body.slice(Math.max(0, at - 150), at + word.length + 100)}…`;
}

const excerpt = (body: string) => (body.length > 300 ? `${body.slice(0, 300)}…` : body);

for (const dialect of DIALECTS) {
  describe(`need-to-know matrix on ${dialect}`, () => {
    let t: AccountsApp;
    let roles: Role[];
    let planted: Planted;
    let doc: OpenApiDocument;
    const answers = new Map<string, Map<string, LightMyRequestResponse>>();
    const probesByRole = new Map<string, Probe[]>();
    let started = 0;

    before(async () => {
      started = Date.now();
      t = await createSecurityApp(dialect);
      roles = await signInRoles(t.app);
      planted = await plant(t.app, roles);
      doc = await openApi(t.app);
      const routes = routeTable(t.app);
      const record = (await send(t.app, { url: '/api/v1/record' })).json<{ items?: { slug: string }[] }>();
      const slugs = (record.items ?? []).slice(0, 3).map((i) => i.slug);
      const api = apiProbes(doc, planted);
      for (const role of roles) {
        // A personal calendar feed for every signed-in reader.
        let feedToken: string | null = null;
        if (role.name !== 'anonymous') {
          const res = await send(t.app, {
            method: 'POST',
            url: '/api/v1/calendar/feed-tokens',
            headers: { ...json, ...role.writeHeaders },
            payload: { label: 'security matrix' },
          });
          assert.equal(res.statusCode, 201, `${role.name}: ${res.body}`);
          feedToken = new URL(res.json().url).pathname.replace(/^.*\/feeds\//, '').replace(/\.ics$/, '');
        }
        const probes = [...api, ...pageProbes(routes, planted, feedToken, { slugs })];
        probesByRole.set(role.name, probes);
        const mine = new Map<string, LightMyRequestResponse>();
        // Nothing is hidden from staff: they need no missing twin of each request.
        const seesAll = role.seesNarrow && role.seesWide && role.name !== 'anonymous';
        const urls = [...new Set(probes.flatMap((p) => [p.url, ...(p.missing && !seesAll ? [p.missing.url] : [])]))];
        await inParallel(urls, 4, async (url) => {
          const html = probes.find((p) => p.url === url || p.missing?.url === url)!.html;
          const t0 = performance.now();
          mine.set(
            url,
            await send(t.app, {
              url,
              headers: { ...role.headers, accept: html ? 'text/html,*/*;q=0.8' : 'application/json' },
            }),
          );
          if (process.env.SECURITY_PROFILE) {
            const key = url.split('?')[0]!.replace(/[0-9a-f-]{36}|sec[a-z0-9]*-[a-z]+-[0-9a-f]{8}|NRC-D[^/]*/g, ':v');
            PROFILE.set(key, [(PROFILE.get(key)?.[0] ?? 0) + 1, (PROFILE.get(key)?.[1] ?? 0) + performance.now() - t0]);
          }
        });
        answers.set(role.name, mine);
      }
      const requests = [...answers.values()].reduce((n, m) => n + m.size, 0);
      if (process.env.SECURITY_PROFILE)
        console.log(
          [...PROFILE]
            .sort((a, b) => b[1][1] - a[1][1])
            .slice(0, 40)
            .map(([k, [n, ms]]) => `${k} ${n} ${Math.round(ms)}`)
            .join('\n'),
        );
      console.log(`# cross-format links on ${dialect}: ${planted.crossLinks.join('; ')}`);
      console.log(`# need-to-know matrix on ${dialect}: ${requests} requests in ${Date.now() - started} ms`);
    });
    after(async () => t?.close());

    test('the matrix reads every GET operation of the OpenAPI document and the pages of the route table', () => {
      const urls = [...answers.get('secretariat')!.keys()];
      for (const [template, ops] of Object.entries(doc.paths)) {
        if (!ops.get || template.endsWith('/live')) continue;
        const prefix = template.split('{')[0]!;
        assert.ok(
          urls.some((u) => u.startsWith(prefix)),
          `${template} is read`,
        );
      }
      for (const url of ['/', '/record', '/feed.atom', '/sitemap.xml', '/calendar.ics', '/council', '/calendar'])
        assert.ok(urls.includes(url), `${url} is read`);
    });

    test('the planting shows: staff and Allies find the markers at 19, everyone who may finds those at 20', () => {
      for (const role of roles) {
        const all = [...answers.get(role.name)!.values()].map((r) => r.body).join('\n');
        for (const visibility of ['narrow', 'wide', 'public'] as Visibility[]) {
          if (hiddenFrom(role, visibility)) continue;
          assert.match(all, planted.markerPattern(visibility), `${role.name} sees the ${visibility} markers somewhere`);
        }
      }
      const staff = [...answers.get('secretariat')!.values()].map((r) => r.body).join('\n');
      for (const kind of ['body', 'meeting', 'event', 'project', 'text', 'position', 'decision'])
        assert.ok(staff.includes(`MARKER19-${kind}-${planted.run}`), `the secretariat reads MARKER19-${kind}`);
    });

    for (const name of [
      'admin-token',
      'anonymous',
      'secretariat',
      'chair',
      'auditor',
      'head.pl (Ally, head of delegation)',
      'head.ru (RUS, head of delegation)',
      'delegate.ru (RUS)',
    ]) {
      test(`${name}: no answer of any GET route, page or feed carries a marker or id of an item hidden from them`, () => {
        const role = roles.find((r) => r.name === name)!;
        const failures: string[] = [];
        for (const [url, res] of answers.get(name)!) {
          const found = leaks(role, planted, url, res.body);
          if (found.length > 0)
            failures.push(
              `GET ${url} → ${res.statusCode} leaks ${[...new Set(found)].join(', ')}: ${around(res.body, found[0]!)}`,
            );
        }
        assert.equal(failures.length, 0, `${failures.length} leaks:\n${failures.join('\n')}`);
      });

      test(`${name}: every hidden item answers exactly like a missing one on every route that takes it`, () => {
        const role = roles.find((r) => r.name === name)!;
        const mine = answers.get(name)!;
        const failures: string[] = [];
        for (const probe of probesByRole.get(name)!) {
          if (!probe.value || !probe.missing || !hiddenFrom(role, probe.value.visibility)) continue;
          const hidden = mine.get(probe.url)!;
          const missing = mine.get(probe.missing.url)!;
          const differences: string[] = [];
          if (hidden.statusCode !== missing.statusCode)
            differences.push(`status ${hidden.statusCode} (missing: ${missing.statusCode})`);
          if (hidden.headers['content-type'] !== missing.headers['content-type'])
            differences.push(
              `content-type ${String(hidden.headers['content-type'])} (missing: ${String(missing.headers['content-type'])})`,
            );
          const a = normalise(hidden, [[probe.value.value, '<item>']]);
          const b = normalise(missing, [[probe.missing.value, '<item>']]);
          if (a !== b) differences.push(`body ${excerpt(a)} (missing: ${excerpt(b)})`);
          if (differences.length > 0) failures.push(`GET ${probe.url}: ${differences.join('; ')}`);
        }
        assert.equal(
          failures.length,
          0,
          `${failures.length} hidden items answer unlike missing ones:\n${failures.join('\n')}`,
        );
      });
    }

    test('every list counts what it lists: a total never counts items the reader was not shown', () => {
      // A list answer {total, items} read from offset 0 whose items fit on one page must list `total` items.
      const pageSize = new Map<string, number>();
      for (const [template, ops] of Object.entries(doc.paths)) {
        const limit = ops.get?.parameters?.find((p) => p.in === 'query' && p.name === 'limit');
        if (limit && typeof limit.schema?.default === 'number') pageSize.set(template, limit.schema.default);
      }
      const failures: string[] = [];
      for (const role of roles) {
        for (const [url, res] of answers.get(role.name)!) {
          const size = pageSize.get(url.split('?')[0]!);
          if (size === undefined || res.statusCode !== 200 || /[?&](offset|limit)=/.test(url)) continue;
          const body = res.json<{ total?: unknown; items?: unknown[] }>();
          if (typeof body.total !== 'number' || !Array.isArray(body.items) || body.items.length >= size) continue;
          if (body.total !== body.items.length)
            failures.push(`${role.name}: GET ${url} → total ${body.total} but ${body.items.length} items`);
        }
      }
      assert.equal(failures.length, 0, `${failures.length} totals differ from the list:\n${failures.join('\n')}`);
    });

    test('the live stream: a Russian delegate hears the change at 20 and nothing of the changes at 19; a Polish one hears both', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const address = t.app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const role = (n: string) => roles.find((r) => r.name.startsWith(n))!;
      const streams: [Role, SseStream][] = [];
      try {
        for (const reader of [role('head.ru'), role('delegate.ru'), role('head.pl')])
          streams.push([reader, await openSse(`${base}/api/v1/live`, { cookie: reader.cookie! })]);
        for (const [reader, stream] of streams) assert.equal(stream.status, 200, `${reader.name}: ${stream.body}`);
        const texts = (v: Visibility) => planted.values.filter((x) => x.collection === 'texts' && x.visibility === v);
        const [narrow] = texts('narrow');
        const [wide] = texts('wide');
        const write = async (url: string, payload: object, headers: Record<string, string>) => {
          const res = await send(t.app, { method: 'POST', url, headers: { ...json, ...headers }, payload });
          assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
        };
        const staff = role('secretariat').writeHeaders;
        // Changes at 19: a new version, a position of Poland, a new meeting and event of the body at 19.
        await write(`/api/v1/texts/${narrow!.value}/versions`, { text: `MARKER19-live-${planted.run} v3` }, staff);
        await write(
          `/api/v1/texts/${narrow!.value}/positions`,
          { kind: 'support', statement: `MARKER19-live-position-${planted.run}` },
          role('head.pl').writeHeaders,
        );
        const narrowBody = planted.values.find((v) => v.collection === 'bodies' && v.visibility === 'narrow')!.value;
        await write(
          '/api/v1/events',
          { kind: 'seminar', title: `MARKER19-live-event-${planted.run}`, date: '2026-01-23', body: narrowBody },
          staff,
        );
        // Then one change at 20: when it has arrived, everything before it has been sent or withheld.
        await write(`/api/v1/texts/${wide!.value}/versions`, { text: `MARKER20-live-${planted.run} v3` }, staff);
        for (const [reader, stream] of streams) {
          await stream.next((m) => m.data.includes(wide!.value), `${reader.name}: the change at 20`);
          await new Promise((r) => setTimeout(r, 200));
        }
        const [, pl] = streams[2]!;
        assert.ok(
          pl.messages.some((m) => m.data.includes(narrow!.value)),
          `the Polish delegate hears the change at 19: ${JSON.stringify(pl.messages)}`,
        );
        for (const [reader, stream] of streams.slice(0, 2)) {
          const heard = stream.messages.map((m) => `${m.event} ${m.data}`).join('\n');
          assert.deepEqual(leaks(reader, planted, '', heard), [], `${reader.name} heard: ${heard}`);
          assert.doesNotMatch(heard, /MARKER19/i, `${reader.name} heard: ${heard}`);
        }
        // And their notifications, after these changes, name nothing at 19 either.
        for (const reader of [role('head.ru'), role('delegate.ru')]) {
          const res = await send(t.app, { url: '/api/v1/notifications?limit=100', headers: reader.headers });
          assert.equal(res.statusCode, 200, res.body);
          assert.deepEqual(leaks(reader, planted, '', res.body), [], `${reader.name}'s notifications`);
          assert.doesNotMatch(res.body, /MARKER19/i, `${reader.name}'s notifications`);
        }
      } finally {
        for (const [, stream] of streams) stream.close();
      }
    });
  });
}
