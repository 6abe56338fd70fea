// Journey: a silence procedure broken live, in Chromium against a real `concord serve` process with
// the demo, on SQLite and on PostgreSQL. The chair watches a draft under silence; in another browser
// the head of the Russian delegation breaks silence with a statement; the chair's page (never
// reloaded) shows the procedure failed and the text back in drafting. Also: the word diff between
// versions 1 and 2 shows insertions and deletions; an Allies-only text (NATO at 19) is not available
// to the Russian delegation, on its page or in the list; the list and the decision register pass axe.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { DIALECTS } from '../support/databases.ts';
import {
  checkAtPhoneWidth,
  checkPage,
  DEMO_PASSWORD,
  DESKTOP,
  settled,
  signInOnPage,
  startJourney,
  words,
  type Journey,
} from './journeys-support.ts';

interface ApiSession {
  call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }>;
}

/** Signs in through the API (cookie and CSRF token), for arranging data the journey then looks at. */
async function apiSession(j: Journey, email: string): Promise<ApiSession> {
  const response = await fetch(j.at('/api/v1/session'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200, `API sign-in of ${email}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    async call<T>(method: string, path: string, body?: unknown) {
      const r = await fetch(j.at(`/api/v1${path}`), {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      return { status: r.status, json: (await r.json()) as T };
    },
  };
}

/** "2026-12-01T15:00" in Europe/Brussels for an instant. */
function brusselsLocal(instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Brussels',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

interface Summary {
  id: string;
  title: string;
  currentVersion: number;
}

/**
 * The demo's draft under silence (with at least two versions); if the demo does not have one yet,
 * the secretariat drafts one in two versions and the chair puts it under silence for three hours.
 */
async function draftUnderSilence(j: Journey): Promise<Summary> {
  const found = await j.adminGet<{ items: Summary[] }>('/texts?status=under_silence&body=nrc');
  const existing = found.items.find((t) => t.currentVersion >= 2);
  if (existing) return existing;
  const secretariat = await apiSession(j, 'secretariat@demo.concord');
  const created = await secretariat.call<Summary>('POST', '/texts', {
    body: 'nrc',
    kind: 'statement',
    title: 'Statement on the fight against terrorism (journey)',
    text: 'The NATO-Russia Council condemns terrorism in all its forms.',
  });
  assert.equal(created.status, 201);
  const v2 = await secretariat.call('POST', `/texts/${created.json.id}/versions`, {
    text: 'The NATO-Russia Council firmly condemns terrorism in all its forms and manifestations.',
    note: 'Comments of the Allies',
  });
  assert.equal(v2.status, 201);
  const chair = await apiSession(j, 'chair@demo.concord');
  const opened = await chair.call('POST', `/texts/${created.json.id}/silence`, {
    version: 2,
    deadline: brusselsLocal(new Date(Date.now() + 3 * 3_600_000)),
    timeZone: 'Europe/Brussels',
  });
  assert.equal(opened.status, 200, JSON.stringify(opened.json));
  return { ...created.json, currentVersion: 2 };
}

async function signedIn(browser: Browser, j: Journey, email: string, path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: DESKTOP, timezoneId: 'Europe/Brussels' });
  const page = await context.newPage();
  await page.goto(j.at(path));
  await page.waitForURL((u) => u.pathname === '/sign-in');
  await signInOnPage(page, email, DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === path);
  return page;
}

for (const dialect of DIALECTS) {
  describe(`journey: texts and the silence procedure, live (${dialect})`, () => {
    let j: Journey;
    before(async () => {
      j = await startJourney(dialect);
    });
    after(async () => {
      await j?.close();
    });

    test('the chair watches a draft under silence; head.ru breaks silence in another browser; the chair sees it fail without reloading', async () => {
      const draft = await draftUnderSilence(j);

      // The chair: the texts list shows the draft under silence with its deadline, then its page.
      const chair = await signedIn(j.browser, j, 'chair@demo.concord', '/app/texts');
      await settled(chair, 'Texts');
      const silenced = chair.getByRole('region', { name: /^Under silence \(\d+\)$/ });
      const { procedure: open } = await j.adminGet<{ procedure: { timeZone: string } }>(`/texts/${draft.id}`);
      const zone = open.timeZone === 'UTC' ? 'UTC' : `${open.timeZone.split('/').pop()!.replace(/_/g, ' ')} time`;
      assert.match(
        await words(silenced),
        new RegExp(`${draft.title.replace(/[()]/g, '.')}.*\\(${zone}\\)in \\d+ hours?`),
      );
      await checkPage(chair, 'texts-list-chair');
      await checkAtPhoneWidth(chair, 'texts-list-chair');

      await chair.getByRole('link', { name: draft.title }).click();
      await settled(chair, draft.title);
      const procedure = chair.getByRole('region', { name: 'Procedure' });
      assert.match(
        await words(procedure),
        new RegExp(
          `Under silence Version ${draft.currentVersion} is under silence until .* \\(${zone}\\) \\(in \\d+ hours?\\)`,
        ),
      );
      assert.equal(
        await procedure.getByRole('form', { name: 'Extend the deadline' }).count(),
        1,
        'the chair may extend the deadline',
      );
      assert.equal(
        await procedure.getByRole('form', { name: 'Break silence' }).count(),
        0,
        'the chair does not break silence',
      );
      // The word diff between versions 1 and 2.
      await chair.getByLabel('From version').selectOption('1');
      await chair.getByLabel('To version').selectOption('2');
      await chair.locator('.diff-stats', { hasText: 'Version 1 to version 2' }).waitFor();
      assert.ok((await chair.locator('.diff ins').count()) > 0, 'insertions are shown');
      assert.ok((await chair.locator('.diff del').count()) > 0, 'deletions are shown');
      assert.match(
        await words(chair.locator('.diff-stats')),
        /Version 1 to version 2: \d+ words? inserted, \d+ deleted\./,
      );
      assert.match(
        await words(chair.locator('.diff-legend')),
        /inserted words are underlined and marked “\+”; deleted words are struck through/,
      );
      await checkPage(chair, 'text-under-silence-chair');
      await checkAtPhoneWidth(chair, 'text-under-silence-chair');
      // A marker in the page's memory: it survives only if the page is never reloaded.
      await chair.evaluate(() => ((window as unknown as { journeyMarker: string }).journeyMarker = 'still here'));

      // Head of the Russian delegation, in another browser: breaks silence with a statement.
      const ru = await signedIn(j.browser, j, 'head.ru@demo.concord', `/app/texts/${draft.id}`);
      await settled(ru, draft.title);
      const breakForm = ru.getByRole('form', { name: 'Break silence' });
      await breakForm.getByLabel('Statement of RUS').fill('The Russian delegation cannot accept the second sentence.');
      await breakForm.getByRole('button', { name: 'Break silence…' }).click();
      const confirm = ru.getByRole('form', { name: 'Confirm breaking silence' });
      assert.match(
        await words(confirm),
        /Break silence on behalf of RUS\?.*The Russian delegation cannot accept the second sentence\./,
      );
      await checkPage(ru, 'text-break-confirm-head-ru');
      await confirm.getByRole('button', { name: 'Yes, break silence' }).click();
      await ru.getByText('Procedure failed').first().waitFor();
      const saved = await j.adminGet<{
        status: string;
        procedure: { outcome: string; brokenBy: { member: string; statement: string } };
      }>(`/texts/${draft.id}`);
      assert.equal(saved.status, 'drafting');
      assert.equal(saved.procedure.outcome, 'failed');
      assert.deepEqual(
        [saved.procedure.brokenBy.member, saved.procedure.brokenBy.statement],
        ['RUS', 'The Russian delegation cannot accept the second sentence.'],
      );

      // The chair's page, never reloaded, hears of it and says so.
      await chair
        .locator('.live-news', {
          hasText: /Silence broken by Head of the Russian Delegation \(demo\) for Russia at \d\d:\d\d/,
        })
        .waitFor({ timeout: 5_000 });
      await procedure.getByText('Procedure failed').waitFor({ timeout: 5_000 });
      assert.match(
        await words(procedure),
        /Silence was broken by Head of the Russian Delegation \(demo\) for Russia .* The text is back in drafting\./,
      );
      assert.match(
        await words(procedure),
        /History.*Silence procedure 1 on version 2.*Failed Silence broken by Head of the Russian Delegation \(demo\) for Russia .*“The Russian delegation cannot accept the second sentence\.”/,
      );
      assert.equal(
        await chair.evaluate(() => (window as unknown as { journeyMarker?: string }).journeyMarker),
        'still here',
        'the chair page was not reloaded',
      );
      await checkPage(chair, 'text-failed-chair');
      await chair.context().close();
      await ru.context().close();
    });

    test('an Allies-only text (NATO at 19) is not available to the Russian delegation; the register passes axe', async () => {
      const secretariat = await apiSession(j, 'secretariat@demo.concord');
      const allies = await secretariat.call<Summary>('POST', '/texts', {
        body: 'nac',
        format: 'nato-19',
        kind: 'concept',
        title: 'Allied concept on missile defence (journey)',
        text: 'For the Allies only.',
      });
      assert.equal(allies.status, 201, JSON.stringify(allies.json));

      const ru = await signedIn(j.browser, j, 'head.ru@demo.concord', `/app/texts/${allies.json.id}`);
      await settled(ru, 'Text not available');
      assert.match(await words(ru.getByRole('alert')), /not available to you/);
      assert.equal(await ru.getByText('For the Allies only.').count(), 0);
      await checkPage(ru, 'text-not-available-head-ru');
      await ru.goto(j.at('/app/texts'));
      await settled(ru, 'Texts');
      assert.equal(
        await ru.getByText('Allied concept on missile defence (journey)').count(),
        0,
        'the list does not show it',
      );
      await ru.context().close();

      // The secretariat sees it, and the decision register.
      const sec = await signedIn(j.browser, j, 'secretariat@demo.concord', '/app/texts');
      await settled(sec, 'Texts');
      assert.equal(await sec.getByRole('link', { name: 'Allied concept on missile defence (journey)' }).count(), 1);
      await sec.getByRole('button', { name: 'New text' }).click();
      await sec.getByRole('button', { name: 'Create the draft' }).click();
      const form = sec.getByRole('form', { name: 'New text' });
      assert.match(await words(form.getByRole('alert')), /Choose the body the text belongs to\..*Enter a title\./);
      assert.equal(await form.getByLabel('Title').getAttribute('aria-invalid'), 'true');
      await checkPage(sec, 'texts-new-form-errors');
      await sec.goto(j.at('/app/decisions'));
      await settled(sec, 'Decision register');
      await checkPage(sec, 'decisions-secretariat');
      await checkAtPhoneWidth(sec, 'decisions-secretariat');
      await sec.context().close();
    });
  });
}
