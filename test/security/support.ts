// Test support for the security families (issue 11): an app over a real database with the demo and its
// accounts, a client per role (inject() from its own address, so the global rate limit of one address
// is not what a test measures), items planted through the API with marker words in both formats, and
// the server's own route table and OpenAPI document, so that new routes are covered without editing
// the tests.
import { randomBytes, randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Dialect } from '../../src/kernel/db/connect.ts';
import { createAccountsApp, DEMO, json, signIn, type AccountsApp } from '../accounts/helpers.ts';
import { ADMIN_TOKEN } from '../support/app.ts';

export { json };
export type { AccountsApp };

/** The app with the demo, its clock at 2026-01-01 09:00 UTC (items are planted in January 2026). */
export async function createSecurityApp(dialect: Dialect): Promise<AccountsApp> {
  return createAccountsApp(dialect);
}

let addressCounter = 0;
/** A fresh client address: @fastify/rate-limit counts 600 requests a minute per address. */
export function nextAddress(): string {
  addressCounter += 1;
  return `10.${(addressCounter >> 16) & 255}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

/** inject() from a fresh address. */
export function send(app: FastifyInstance, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ remoteAddress: nextAddress(), ...options });
}

/** Who reads: their headers for reads and for writes, and which planted classes they may see. */
export interface Role {
  name: string;
  /** Headers of a read (cookie or bearer; none for the public). */
  headers: Record<string, string>;
  /** Headers of a write (with the CSRF token for a session). */
  writeHeaders: Record<string, string>;
  /** Sees items of the format at 19 (without Russia). */
  seesNarrow: boolean;
  /** Sees non-public items of the format at 20. */
  seesWide: boolean;
  /** Session cookie, for the live stream. */
  cookie: string | null;
}

/** A delegate account that is not head of delegation, created by the admin with a set-password link. */
async function createDelegate(app: FastifyInstance, email: string, member: string): Promise<void> {
  const created = await send(app, {
    method: 'POST',
    url: '/api/v1/users',
    headers: { ...json, authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: { email, name: `Delegate ${member} (security test)`, roles: ['delegate'], member },
  });
  assert.equal(created.statusCode, 201, created.body);
  const token = new URL(created.json().setupUrl).searchParams.get('token');
  const setup = await send(app, {
    method: 'POST',
    url: '/api/v1/password-setup',
    headers: json,
    payload: { token, password: 'security-test-password-1' },
  });
  assert.ok(setup.statusCode < 300, setup.body);
}

/** Every reader of the matrix: admin token, the demo accounts, a plain delegate of RUS, the public. */
export async function signInRoles(app: FastifyInstance): Promise<Role[]> {
  await createDelegate(app, 'delegate.ru@security.test', 'RUS');
  const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const roles: Role[] = [
    { name: 'admin-token', headers: bearer, writeHeaders: bearer, seesNarrow: true, seesWide: true, cookie: null },
    { name: 'anonymous', headers: {}, writeHeaders: {}, seesNarrow: false, seesWide: false, cookie: null },
  ];
  const accounts: [string, string, string | undefined, boolean, boolean][] = [
    ['secretariat', DEMO.secretariat, undefined, true, true],
    ['chair', DEMO.chair, undefined, true, true],
    ['auditor', DEMO.auditor, undefined, true, true],
    ['head.pl (Ally, head of delegation)', DEMO.headPl, undefined, true, true],
    ['head.ru (RUS, head of delegation)', DEMO.headRu, undefined, false, true],
    ['delegate.ru (RUS)', 'delegate.ru@security.test', 'security-test-password-1', false, true],
  ];
  for (const [name, email, password, seesNarrow, seesWide] of accounts) {
    const client = await signIn(app, email, password, { 'x-forwarded-for': nextAddress() });
    roles.push({
      name,
      headers: { cookie: client.cookie },
      writeHeaders: client.headers,
      seesNarrow,
      seesWide,
      cookie: client.cookie,
    });
  }
  return roles;
}

/** Visibility class of a planted item: at 19 (not public), at 20 (not public), at 20 and public. */
export type Visibility = 'narrow' | 'wide' | 'public';

export interface PlantedValue {
  /** The collection the value addresses ('meetings', 'bodies', ...): the path segment before it. */
  collection: string;
  value: string;
  visibility: Visibility;
}

export interface Planted {
  /** The random word of this run; every marker and planted code contains it. */
  run: string;
  /** Marker words by visibility. */
  markers: Record<Visibility, string[]>;
  /** Ids and codes of planted items, by the collection that addresses them. */
  values: PlantedValue[];
  /** What became of each attempted link from an item at 20 to one at 19 (status of the write). */
  crossLinks: string[];
  /** All markers of one visibility class match this (case-insensitive). */
  markerPattern(visibility: Visibility): RegExp;
}

const PREFIX: Record<Visibility, string> = { narrow: 'MARKER19', wide: 'MARKER20', public: 'MARKERPUB' };

/**
 * Plants, through the API as the secretariat (and the delegates for positions), items of every kind in
 * the format at 19 (narrow), at 20 (wide) and at 20 marked public: a body, a meeting (agenda, outcome), an
 * event in a planted series, a project with a deliverable and a progress report, a text with two versions,
 * positions, a reservation, one text under silence and one agreed at a meeting (a decision).
 */
export async function plant(app: FastifyInstance, roles: Role[]): Promise<Planted> {
  const run = randomBytes(4).toString('hex');
  const role = (name: string) => roles.find((r) => r.name.startsWith(name))!;
  const staff = role('secretariat').writeHeaders;
  const chair = role('chair').writeHeaders;
  const planted: Planted = {
    run,
    markers: { narrow: [], wide: [], public: [] },
    values: [],
    crossLinks: [],
    markerPattern: (v) => new RegExp(`${PREFIX[v]}-[a-z-]+-${run}`, 'i'),
  };
  const marker = (v: Visibility, kind: string) => {
    const m = `${PREFIX[v]}-${kind}-${run}`;
    planted.markers[v].push(m);
    return m;
  };
  const post = async (url: string, payload: unknown, headers = staff, method: 'POST' | 'PUT' | 'PATCH' = 'POST') => {
    const res = await send(app, { method, url, headers: { ...json, ...headers }, payload: payload as object });
    assert.ok(res.statusCode < 300, `planting ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const keep = (collection: string, value: string, visibility: Visibility) =>
    planted.values.push({ collection, value, visibility });

  // A series without a format of its own (reference data): its events are filtered one by one.
  const series = `sec-series-${run}`;
  await post('/api/v1/event-series', { code: series, name: `Security test series ${run}` });
  keep('event-series', series, 'public');

  const classes: [Visibility, string, boolean][] = [
    ['narrow', 'nato-19', false],
    ['wide', 'nrc-20', false],
    ['public', 'nrc-20', true],
  ];
  for (const [v, format, isPublic] of classes) {
    const short = v === 'narrow' ? '19' : v === 'wide' ? '20' : 'pub';
    const body = `sec${short}-body-${run}`;
    await post('/api/v1/bodies', {
      code: body,
      name: marker(v, 'body'),
      kind: 'working_group',
      format,
      description: marker(v, 'body-description'),
      public: isPublic,
    });
    keep('bodies', body, v);

    const meeting = await post('/api/v1/meetings', {
      body,
      title: marker(v, 'meeting'),
      level: marker(v, 'level'),
      startsAt: '2026-01-20T10:00',
      endsAt: '2026-01-20T12:00',
      timeZone: 'Europe/Brussels',
      venue: { name: marker(v, 'venue'), city: 'Brussels', country: 'Belgium' },
      public: isPublic,
      agenda: [
        { subjectArea: marker(v, 'subject'), title: marker(v, 'agenda'), description: marker(v, 'agenda-note') },
      ],
      outcome: { summary: marker(v, 'outcome'), decisions: [marker(v, 'outcome-decision')] },
    });
    keep('meetings', meeting.id, v);

    const event = await post('/api/v1/events', {
      kind: 'conference',
      title: marker(v, 'event'),
      description: marker(v, 'event-description'),
      date: '2026-01-21',
      place: { name: marker(v, 'place'), city: 'Brussels', country: 'Belgium' },
      series: { code: series },
      body,
      public: isPublic,
    });
    keep('events', event.id, v);

    const project = await post('/api/v1/projects', {
      body,
      title: marker(v, 'project'),
      description: marker(v, 'project-description'),
      startsOn: '2026-01-01',
      public: isPublic,
      deliverables: [
        {
          title: marker(v, 'deliverable'),
          dueOn: '2026-01-22',
          status: 'agreed',
          result: marker(v, 'result'),
          achievedOn: '2026-01-01',
        },
      ],
    });
    keep('projects', project.id, v);
    for (const d of project.deliverables ?? []) keep('deliverables', d.id, v);
    await post(`/api/v1/projects/${project.id}/progress-reports`, {
      reportedOn: '2026-01-02',
      summary: marker(v, 'progress'),
    });

    // Texts are never public: the public class plants none.
    if (v === 'public') continue;
    const text = await post('/api/v1/texts', {
      body,
      kind: 'statement',
      title: marker(v, 'text'),
      text: `${marker(v, 'version1')} first wording`,
      note: marker(v, 'note1'),
    });
    keep('texts', text.id, v);
    await post(`/api/v1/texts/${text.id}/versions`, {
      text: `${marker(v, 'version2')} second wording`,
      note: marker(v, 'note2'),
    });
    // A delegate of a member of the format states a position and places a reservation.
    const delegate = role(v === 'narrow' ? 'head.pl' : 'head.ru').writeHeaders;
    await post(`/api/v1/texts/${text.id}/positions`, { kind: 'comment', statement: marker(v, 'position') }, delegate);
    await post(`/api/v1/texts/${text.id}/reservations`, { reason: marker(v, 'reservation') }, delegate);

    // A second text, put under silence by the chair (a procedure in progress).
    const silent = await post('/api/v1/texts', {
      body,
      kind: 'statement',
      title: marker(v, 'silence-text'),
      text: `${marker(v, 'silence-wording')} wording`,
    });
    keep('texts', silent.id, v);
    await post(
      `/api/v1/texts/${silent.id}/silence`,
      { version: 1, deadline: '2026-02-01T12:00', timeZone: 'Europe/Brussels' },
      chair,
    );

    // A third, agreed at a held meeting of the body: a decision in the register.
    const held = await post('/api/v1/meetings', {
      body,
      title: marker(v, 'held-meeting'),
      level: 'Ambassadors',
      startsAt: '2025-12-10T10:00',
      endsAt: '2025-12-10T12:00',
      timeZone: 'Europe/Brussels',
      status: 'held',
    });
    keep('meetings', held.id, v);
    const agreed = await post('/api/v1/texts', {
      body,
      kind: 'decision',
      title: marker(v, 'decision'),
      text: `${marker(v, 'decision-wording')} wording`,
    });
    keep('texts', agreed.id, v);
    const adopted = await post(`/api/v1/texts/${agreed.id}/agreement`, { version: 1, meeting: held.id }, chair);
    const reference = adopted.reference ?? adopted.decision?.reference;
    assert.ok(reference, `the agreed text has a decision reference: ${JSON.stringify(adopted)}`);
    keep('decisions', reference, v);
  }
  await crossLinks(app, planted, staff);
  return planted;
}

/**
 * Links from items at 20 to items at 19, where the API takes them (a refusal is a fine answer and is
 * not asserted here): a body under a body at 19, an event of a project at 19, a language version that
 * is a text at 19. The matrix then checks that reading the item at 20 names nothing at 19.
 */
async function crossLinks(app: FastifyInstance, planted: Planted, staff: Record<string, string>): Promise<void> {
  const of = (collection: string, visibility: Visibility) =>
    planted.values.filter((v) => v.collection === collection && v.visibility === visibility).map((v) => v.value);
  const tryWrite = (method: 'POST' | 'PATCH', url: string, payload: object) =>
    send(app, { method, url, headers: { ...json, ...staff }, payload });
  for (const wide of ['wide', 'public'] as Visibility[]) {
    const short = wide === 'wide' ? '20' : 'pub';
    const child = `sec${short}-child-${planted.run}`;
    const created = await tryWrite('POST', '/api/v1/bodies', {
      code: child,
      name: `Child body ${short} ${planted.run}`,
      kind: 'ad_hoc_group',
      format: 'nrc-20',
      parent: of('bodies', 'narrow')[0],
      public: wide === 'public',
    });
    if (created.statusCode === 201) planted.values.push({ collection: 'bodies', value: child, visibility: wide });
    planted.crossLinks.push(`body at 20 under a body at 19: ${created.statusCode}`);
    const linked = await tryWrite('PATCH', `/api/v1/events/${of('events', wide)[0]}`, {
      projects: of('projects', 'narrow'),
    });
    planted.crossLinks.push(`event at 20 (${wide}) of a project at 19: ${linked.statusCode}`);
  }
  const [wideText] = of('texts', 'wide');
  const [narrowText] = of('texts', 'narrow');
  const language = await tryWrite('POST', `/api/v1/texts/${wideText}/language-versions`, { text: narrowText });
  planted.crossLinks.push(`text at 20 with a language version at 19: ${language.statusCode}`);
}

/** A value shaped like `value` that names nothing: a fresh UUID, or the same text with its last characters changed. */
export function missingLike(value: string): string {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return randomUUID();
  const head = value.slice(0, Math.max(0, value.length - 4));
  const tail = value.slice(-4).replace(/[0-9]/g, '7').replace(/[a-z]/g, 'q').replace(/[A-Z]/g, 'Q');
  return head + tail;
}

/** One GET route of the server: its path template (Fastify syntax, `:param`) as the route table lists it. */
export interface RouteEntry {
  path: string;
  methods: string[];
}

/**
 * The server's route table, read from Fastify's printRoutes tree (every route, with or without an OpenAPI
 * entry), as full paths with their methods.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const lines = app.printRoutes({ commonPrefix: false }).split('\n');
  const stack: { depth: number; path: string }[] = [];
  const routes: RouteEntry[] = [];
  for (const line of lines) {
    const at = line.indexOf('── ');
    if (at < 0) continue;
    const depth = at;
    const rest = line.slice(at + 3);
    const open = rest.lastIndexOf(' (');
    const segment = open >= 0 ? rest.slice(0, open) : rest;
    const methods = open >= 0 ? rest.slice(open + 2, rest.lastIndexOf(')')).split(', ') : [];
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const path = (stack.length > 0 ? stack[stack.length - 1]!.path : '') + segment;
    stack.push({ depth, path });
    if (methods.length > 0) routes.push({ path, methods });
  }
  return routes;
}

/** The OpenAPI document the server publishes. */
export async function openApi(app: FastifyInstance): Promise<OpenApiDocument> {
  const res = await app.inject({ url: '/api/openapi.json' });
  assert.equal(res.statusCode, 200);
  return res.json<OpenApiDocument>();
}

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  default?: unknown;
  additionalProperties?: boolean | JsonSchema;
}

export interface OpenApiOperation {
  summary?: string;
  responses?: Record<string, { content?: Record<string, unknown> }>;
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** Removes what differs between two answers for reasons other than the item: the request id. */
export function normalise(res: LightMyRequestResponse, replace: [string, string][] = []): string {
  let body = res.body;
  const requestId = res.headers['x-request-id'];
  if (typeof requestId === 'string') body = body.split(requestId).join('<request-id>');
  for (const [from, to] of replace) {
    body = body.split(from).join(to);
    body = body.split(encodeURIComponent(from)).join(to);
  }
  return body.replace(/"requestId":"[^"]*"/g, '"requestId":"<request-id>"');
}
