// Journey: an administrator keeps the accounts in the workspace, in Chromium, against a real `concord
// serve` process with the demo, on SQLite and on PostgreSQL. The administrator (created through the API
// with the admin token, password set through its one-time link) opens Accounts, sends an empty form
// (the server's errors at their fields, the summary focused), creates a delegate of Russia and sees the
// one-time link once; the new person opens the link, chooses a password, signs in and works as a
// delegate of Russia; the administrator disables the account and the person's session ends. Negative:
// the head of the Russian delegation has no Accounts link, the pages say "not available" and the API
// refuses; the secretariat reads the accounts but changes nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { DIALECTS } from '../support/databases.ts';
import {
  ADMIN_TOKEN,
  checkAtPhoneWidth,
  checkPage,
  DESKTOP,
  pathOf,
  settled,
  signedInAt,
  signInOnPage,
  startJourney,
  type Journey,
} from './journeys-support.ts';

const ADMIN = {
  email: 'alex.admin@example.org',
  name: 'Alex Administrator',
  password: 'the administrator chose this phrase',
};
const DELEGATE = {
  email: 'delegate.ru@example.org',
  name: 'Delegate of Russia (journey)',
  password: 'a delegate of Russia in 2002',
};

/** A fresh desktop browser context (generous timeouts: several browsers and servers may share the machine). */
async function newContext(j: Journey): Promise<{ context: BrowserContext; page: Page }> {
  const context = await j.browser.newContext({ viewport: DESKTOP });
  context.setDefaultTimeout(60_000);
  return { context, page: await context.newPage() };
}

/** The text of an element as the reader sees it (cells and terms apart), spaces collapsed. */
const seen = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** The path and query of a link the server built with PUBLIC_URL, opened on this test's server instead. */
const onServer = (j: Journey, link: string) => {
  const url = new URL(link);
  return j.at(`${url.pathname}${url.search}`);
};

for (const dialect of DIALECTS) {
  describe(`journey: account administration (${dialect})`, () => {
    let j: Journey;
    let adminId: string;
    before(async () => {
      j = await startJourney(dialect);
      // The first administrator, as a script would make one: the admin token, then the one-time link.
      const created = await fetch(j.at('/api/v1/users'), {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN.email, name: ADMIN.name, roles: ['admin'] }),
      });
      assert.equal(created.status, 201, await created.clone().text());
      const answer = (await created.json()) as { user: { id: string }; setupUrl: string };
      adminId = answer.user.id;
      const token = new URL(answer.setupUrl).searchParams.get('token');
      const setup = await fetch(j.at('/api/v1/password-setup'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, password: ADMIN.password }),
      });
      assert.equal(setup.status, 204);
    });
    after(async () => {
      await j?.close();
    });

    test('an administrator creates a delegate of Russia and sees the link once; the delegate sets a password and signs in; disabling ends their session', async () => {
      const { context, page } = await newContext(j);
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(j.url).origin });
      await page.goto(j.at('/sign-in?next=/app/'));
      await signInOnPage(page, ADMIN.email, ADMIN.password);
      await page.waitForURL((u) => u.pathname === '/app/');
      await settled(page, `Welcome, ${ADMIN.name}`);

      // Accounts, from the masthead: every account with roles, member and status.
      await page.locator('.masthead').getByRole('link', { name: 'Accounts' }).click();
      await page.waitForURL((u) => u.pathname === '/app/accounts');
      await settled(page, 'Accounts');
      assert.equal(await page.title(), 'Accounts · Concord');
      const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
      assert.equal(
        await seen(row('Head of the Russian Delegation (demo)')),
        'Head of the Russian Delegation (demo) head.ru@demo.concord Delegate Russia (head of delegation) Active',
      );
      assert.equal(await seen(row(ADMIN.name)), `${ADMIN.name} ${ADMIN.email} Administrator — Active`);
      await checkPage(page, 'accounts-list');
      await checkAtPhoneWidth(page, 'accounts-list');

      // An empty form: the server's messages at their fields, and the summary takes the focus.
      await page.getByRole('link', { name: 'New account' }).click();
      await page.waitForURL((u) => u.pathname === '/app/accounts/new');
      await settled(page, 'New account');
      await checkPage(page, 'accounts-new');
      await page.getByRole('button', { name: 'Create the account' }).click();
      const summary = page.locator('.alert[role="alert"]');
      await summary.waitFor();
      await page.waitForFunction(() => document.activeElement?.matches('.alert[role="alert"]') === true);
      assert.match(
        await seen(summary),
        /^The account was not created\. Correct the fields below\. Name: Name must not be empty\. Email address: Email address must be an email address such as name@example\.org\. Roles: Roles must name at least one role\.$/,
      );
      assert.equal(await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByLabel('Email address').getAttribute('aria-invalid'), 'true');
      const errorOf = async (label: string) => {
        const describedBy = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
        const ids = describedBy.split(' ').filter((id) => id.endsWith('-error'));
        assert.equal(ids.length, 1, `${label} is tied to its error`);
        return seen(page.locator(`[id="${ids[0]}"]`));
      };
      assert.equal(await errorOf('Name'), 'Name must not be empty.');
      assert.equal(await errorOf('Email address'), 'Email address must be an email address such as name@example.org.');
      assert.equal(
        await seen(page.locator('fieldset.field-invalid').filter({ hasText: 'Roles' }).locator('.field-error')),
        'Roles must name at least one role.',
      );
      await checkPage(page, 'accounts-new-errors');

      // A delegate without a member: the member field appears for delegates, and the server asks for it.
      await page.getByLabel('Name', { exact: true }).fill(DELEGATE.name);
      await page.getByLabel('Email address').fill(DELEGATE.email);
      assert.equal(
        await page.getByLabel('Member', { exact: true }).count(),
        0,
        'no member field before the delegate role is chosen',
      );
      await page.getByRole('checkbox', { name: /^Delegate:/ }).check();
      await page.getByRole('button', { name: 'Create the account' }).click();
      await page.locator('.field-error', { hasText: 'Member is required for a delegate' }).waitFor();
      assert.equal(await page.getByLabel('Member', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(
        await page.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'),
        null,
        'the corrected fields are no longer marked',
      );

      await page.getByLabel('Member', { exact: true }).selectOption({ label: 'Russia' });
      await page.getByRole('button', { name: 'Create the account' }).click();
      await settled(page, 'Account created');
      const panelHeading = page.getByRole('heading', { level: 2, name: `Set-password link for ${DELEGATE.name}` });
      await panelHeading.waitFor();
      await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
      assert.match(
        await seen(page.locator('.setup-link-warning')),
        /^Shown only this once\. Copy the link now and give it to Delegate of Russia \(journey\) privately/,
      );
      const linkBox = page.getByRole('textbox', { name: 'One-time set-password link' });
      const link = await linkBox.inputValue();
      assert.match(link, /\/set-password\?token=[A-Za-z0-9_-]{43}$/);
      assert.match(
        await seen(page.locator('.setup-link')),
        /It works once, until \d\d:\d\d UTC on \d{1,2} \w+ \d{4}\./,
      );
      await page.getByRole('button', { name: 'Copy link' }).click();
      await page.getByRole('status').filter({ hasText: 'The link is copied to the clipboard.' }).waitFor();
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
      await checkPage(page, 'accounts-created-link');
      await checkAtPhoneWidth(page, 'accounts-created-link');

      // The link is shown once: the account's page has no trace of it, and says the password is awaited.
      await page.getByRole('link', { name: 'Open the account' }).click();
      await settled(page, DELEGATE.name);
      const delegateUrl = page.url();
      assert.equal(await page.getByRole('textbox', { name: 'One-time set-password link' }).count(), 0);
      assert.equal(
        (await page.content()).includes(new URL(link).searchParams.get('token')!),
        false,
        'the token is nowhere on the page',
      );
      assert.match(
        await seen(page.locator('dl.facts')),
        /Status Awaiting password .*Member Russia \(RUS\) Clearance RESTRICTED Password Not set yet/,
      );

      // The new person opens the link, chooses a password, and signs in as a delegate of Russia.
      const person = await newContext(j);
      await person.page.goto(onServer(j, link));
      await person.page.getByRole('heading', { level: 1, name: 'Choose your password' }).waitFor();
      await person.page.getByLabel('New password', { exact: true }).fill(DELEGATE.password);
      await person.page.getByLabel('New password again').fill(DELEGATE.password);
      await person.page.getByRole('button', { name: 'Set password' }).click();
      await person.page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal(await seen(person.page.getByRole('status')), 'Your password is set. Sign in with it.');
      await signInOnPage(person.page, DELEGATE.email, DELEGATE.password);
      await person.page.waitForURL((u) => u.pathname === '/app/');
      await settled(person.page, `Welcome, ${DELEGATE.name}`);
      assert.equal(
        await seen(person.page.locator('.lede')),
        'You are signed in as delegate of Russia. You see what your delegation may see.',
      );
      const latest = person.page.getByRole('region', { name: 'Latest meetings' });
      assert.match(await seen(latest), /NATO-Russia Council, Defence Ministers, Warsaw/);
      assert.doesNotMatch(await seen(latest), /NATO Defence Ministers, Warsaw/, 'the meeting at 19 is not for Russia');
      assert.equal(
        await person.page.locator('.masthead').getByRole('link', { name: 'Accounts' }).count(),
        0,
        'a delegate has no Accounts link',
      );
      // The link worked once: opening it again says so.
      const again = await person.page.request.get(onServer(j, link), { headers: { accept: 'text/html' } });
      assert.equal(again.status(), 400);

      // The administrator sees the account active, then disables it after confirming.
      await page.goto(delegateUrl);
      await settled(page, DELEGATE.name);
      assert.match(await seen(page.locator('dl.facts')), /^Status Active /);
      await page.getByRole('button', { name: 'Disable the account…' }).click();
      const confirm = page.getByRole('button', { name: 'Yes, disable the account' });
      await confirm.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Yes, disable the account');
      await checkPage(page, 'account-disable-confirm');
      await confirm.click();
      await page
        .getByRole('status')
        .filter({ hasText: `The account is disabled: ${DELEGATE.name} is signed out everywhere and cannot sign in.` })
        .waitFor();
      await page.waitForFunction(() => document.activeElement?.matches('p.notice[role="status"]') === true);
      assert.match(await seen(page.locator('dl.facts')), /^Status Disabled /);
      assert.equal(
        await page.getByRole('button', { name: 'Issue a new set-password link' }).count(),
        0,
        'no link for a disabled account',
      );
      await checkPage(page, 'account-disabled');

      // The person's session has ended: the workspace sends them to sign in, and signing in is refused.
      await person.page.goto(j.at('/app/meetings'));
      await person.page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal((await (await person.page.request.get(j.at('/api/v1/session'))).json()).user, null);
      await signInOnPage(person.page, DELEGATE.email, DELEGATE.password);
      assert.equal(pathOf(person.page), '/sign-in');
      assert.match(await seen(person.page.getByRole('alert')), /The email address or password is not correct/);

      // The administrator's own account: no disabling oneself.
      await page.goto(j.at(`/app/accounts/${adminId}`));
      await settled(page, ADMIN.name);
      assert.equal(await page.getByRole('button', { name: 'Disable the account…' }).count(), 0);
      assert.match(
        await seen(page.getByRole('region', { name: 'Disable the account' })),
        /You cannot disable your own account: another administrator can\./,
      );
      await person.context.close();
      await context.close();
    });

    test('the head of the Russian delegation has no Accounts link, the pages are not available and the API refuses; the secretariat reads but changes nothing', async () => {
      const ru = await signedInAt(j, 'head.ru@demo.concord', '/app/');
      await settled(ru.page, 'Welcome, Head of the Russian Delegation (demo)');
      assert.equal(await ru.page.locator('.masthead').getByRole('link', { name: 'Accounts' }).count(), 0);
      for (const [path, title] of [
        ['/app/accounts', 'Accounts'],
        ['/app/accounts/new', 'New account'],
        [`/app/accounts/${adminId}`, 'Account'],
      ] as const) {
        await ru.page.goto(j.at(path));
        await settled(ru.page, title);
        assert.match(await seen(ru.page.locator('main')), /This page is not available to you\./, path);
        assert.equal(await ru.page.getByRole('table').count(), 0);
        assert.equal((await ru.page.content()).includes(ADMIN.email), false, `${path} shows no account`);
      }
      await checkPage(ru.page, 'accounts-not-available-head-ru');
      const list = await ru.page.request.get(j.at('/api/v1/users'));
      assert.equal(list.status(), 403, 'listing accounts is refused');
      assert.equal((await list.json()).error.code, 'FORBIDDEN');
      const other = await ru.page.request.get(j.at(`/api/v1/users/${adminId}`));
      assert.equal(other.status(), 404, "another person's account reads like a missing one");
      await ru.context.close();

      const sec = await signedInAt(j, 'secretariat@demo.concord', '/app/accounts');
      await settled(sec.page, 'Accounts');
      assert.equal(
        await sec.page.getByRole('link', { name: 'New account' }).count(),
        0,
        'the secretariat creates no accounts',
      );
      assert.match(await seen(sec.page.locator('main')), /Only administrators change accounts\./);
      await sec.page.getByRole('link', { name: 'Head of the Russian Delegation (demo)' }).click();
      await settled(sec.page, 'Head of the Russian Delegation (demo)');
      assert.match(await seen(sec.page.locator('dl.facts')), /Member Russia \(RUS\), head of delegation/);
      assert.equal(
        await sec.page
          .getByRole('button')
          .filter({ hasText: /Disable|Save|Issue/ })
          .count(),
        0,
        'no controls to change the account',
      );
      await checkPage(sec.page, 'account-read-only-secretariat');
      await sec.page.goto(j.at('/app/accounts/new'));
      await settled(sec.page, 'New account');
      assert.match(await seen(sec.page.locator('main')), /This page is not available to you\./);
      const session = (await (await sec.page.request.get(j.at('/api/v1/session'))).json()) as { csrfToken: string };
      const create = await sec.page.request.post(j.at('/api/v1/users'), {
        headers: { 'x-csrf-token': session.csrfToken },
        data: { email: 'sneaky@example.org', name: 'Sneaky', roles: ['admin'] },
      });
      assert.equal(create.status(), 403);
      await sec.context.close();
    });
  });
}
