// Releasing an adopted statement to the public record, on both databases: only the secretariat, only
// once; the item is then on /record/:slug, on the home page and in the Atom feed (read by a feed parser).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFeed } from '@rowanmanning/feed-parser';
import { DIALECTS } from '../support/databases.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';
import { auditActions, createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from './support.ts';

const MEETING_AT_20 = demoUuid('meeting:warsaw-2002-09-25-nrc');

for (const dialect of DIALECTS) {
  describe(`releasing a decision on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    let reference: string;
    const send = (who: Client | null, method: 'GET' | 'POST', url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: { ...(payload !== undefined ? json : {}), ...(who?.headers ?? {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });

    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
      const created = await send(secretariat, 'POST', '/api/v1/texts', {
        body: 'nrc',
        kind: 'chairmans_statement',
        title: 'Statement on the NRC crisis-management exercise (demo)',
        text: 'The NATO-Russia Council welcomed the exercise.\n\nIt looks forward to the next one. [Demo text]',
      });
      assert.equal(created.statusCode, 201, created.body);
      const agreed = await send(chair, 'POST', `/api/v1/texts/${created.json().id}/agreement`, {
        version: 1,
        meeting: MEETING_AT_20,
      });
      assert.equal(agreed.statusCode, 200, agreed.body);
      reference = agreed.json().decision.reference;
    });
    after(async () => t?.close());

    const releaseUrl = () => `/api/v1/decisions/${encodeURIComponent(reference)}/release`;
    const payload = () => ({
      speaker: demoUuid('person:robertson'),
      date: '2026-01-05',
      place: { city: 'Brussels', country: 'Belgium' },
    });

    test('a delegate who sees the decision may not release it; the public must sign in; an unknown reference is a 404', async () => {
      // The register says who may release, as the server will decide it.
      const ability = async (who: typeof headRu) =>
        (await send(who, 'GET', `/api/v1/decisions/${encodeURIComponent(reference)}`)).json().abilities;
      assert.deepEqual(await ability(secretariat), { release: true });
      assert.deepEqual(await ability(headRu), { release: false });
      assert.deepEqual(await ability(chair), { release: false });
      assert.equal((await send(headRu, 'POST', releaseUrl(), payload())).statusCode, 403);
      assert.equal((await send(chair, 'POST', releaseUrl(), payload())).statusCode, 403);
      assert.equal((await send(null, 'POST', releaseUrl(), payload())).statusCode, 401);
      assert.equal(
        (await send(secretariat, 'POST', '/api/v1/decisions/NRC-D(1999)0001/release', payload())).statusCode,
        404,
      );
      const badSpeaker = await send(secretariat, 'POST', releaseUrl(), {
        ...payload(),
        speaker: '00000000-0000-4000-8000-000000000000',
      });
      assert.equal(badSpeaker.json().error.code, 'UNKNOWN_REFERENCE');
    });

    test('the secretariat releases once: the item is published with the adopted wording, on the home page and in the feed', async () => {
      const released = await send(secretariat, 'POST', releaseUrl(), payload());
      assert.equal(released.statusCode, 201, released.body);
      const { slug, url } = released.json();
      assert.equal(url, `/record/${slug}`);
      assert.match(slug, /^2026-01-05-chairman-s-statement-lord-robertson/);

      const page = await send(null, 'GET', url);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /The NATO-Russia Council welcomed the exercise\./);
      assert.match(page.body, /Lord Robertson of Port Ellen/);
      const item = (await send(null, 'GET', `/api/v1/record/${slug}`)).json();
      assert.equal(item.reference, reference);
      assert.equal(item.kind, "Chairman's Statement");

      const home = await send(null, 'GET', '/');
      assert.match(home.body, /Statement on the NRC crisis-management exercise \(demo\)/);
      const feed = parseFeed((await send(null, 'GET', '/feed.atom')).body);
      const entry = feed.items.find((i) => i.url?.endsWith(`/record/${slug}`));
      assert.ok(entry, 'the released statement is in the feed');
      assert.equal(entry.title, 'Statement on the NRC crisis-management exercise (demo)');

      const decision = (await send(headRu, 'GET', `/api/v1/decisions/${encodeURIComponent(reference)}`)).json();
      assert.deepEqual(decision.released.slug, slug);
      const listed = (await send(secretariat, 'GET', '/api/v1/decisions'))
        .json()
        .items.find((d: { reference: string }) => d.reference === reference);
      assert.deepEqual(listed.abilities, { release: false }, 'released once: no longer releasable');
      assert.deepEqual(await auditActions(t, reference), ['decision.recorded', 'decision.released']);

      const again = await send(secretariat, 'POST', releaseUrl(), payload());
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.code, 'ALREADY_RELEASED');
      assert.match(again.json().error.message, new RegExp(slug));
      assert.deepEqual(
        t.changes.filter((c) => c.kind === 'released').map((c) => c.recordSlug),
        [slug],
      );
    });
  });
}
