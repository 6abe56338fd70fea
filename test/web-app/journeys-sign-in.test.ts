// Journey: signing in and out of the workspace in Chromium, against a real `concord serve` process with
// the demo, on SQLite and on PostgreSQL. A wrong password is refused with the sign-in page's message;
// the right one lands on the dashboard, which greets the user with role and member; signing out goes
// back to the sign-in page with its notice, and the workspace then sends the browser to sign in again.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import {
  checkAtPhoneWidth,
  checkPage,
  DEMO_PASSWORD,
  DESKTOP,
  pathOf,
  settled,
  signInOnPage,
  startJourney,
  words,
  type Journey,
} from './journeys-support.ts';

for (const dialect of DIALECTS) {
  describe(`journey: sign in and sign out (${dialect})`, () => {
    let j: Journey;
    before(async () => {
      j = await startJourney(dialect);
    });
    after(async () => {
      await j?.close();
    });

    test('the workspace asks for a sign-in; a wrong password is refused; the right one opens the dashboard; sign-out ends it', async () => {
      const context = await j.browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(60_000); // several browsers and servers may share the machine
      const page = await context.newPage();

      // Not signed in: the workspace sends the browser to the sign-in page, remembering where it was going.
      await page.goto(j.at('/app/'));
      await page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/app/');

      await signInOnPage(page, 'head.pl@demo.concord', 'not the password');
      assert.equal(pathOf(page), '/sign-in');
      assert.equal(
        await words(page.getByRole('alert')),
        'There is a problemThe email address or password is not correct. Check both and try again.',
      );
      assert.equal(await page.getByLabel('Email address').inputValue(), 'head.pl@demo.concord');
      await checkPage(page, 'sign-in-wrong-password');

      await signInOnPage(page, 'head.pl@demo.concord', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/app/');
      await settled(page, 'Welcome, Head of the Polish Delegation (demo)');
      assert.equal(await page.title(), 'Dashboard · Concord');
      assert.equal(
        await words(page.locator('.lede')),
        'You are signed in as head of delegation of Poland. You see what your delegation may see.',
      );
      assert.equal(
        await words(page.locator('.masthead .signed-in-as')),
        'Signed in as Head of the Polish Delegation (demo) (POL, head of delegation)',
      );
      // Poland sits at 19 and at 20: both Warsaw meetings are on its dashboard.
      const latest = page.getByRole('region', { name: 'Latest meetings' });
      assert.match(await words(latest), /NATO Defence Ministers, Warsaw.*Tue 24 Sep 2002, 09:00–18:00 \(Warsaw time\)/);
      assert.match(
        await words(latest),
        /NATO-Russia Council, Defence Ministers, Warsaw.*Wed 25 Sep 2002, 08:30–09:45 \(Warsaw time\)/,
      );
      await checkPage(page, 'dashboard-head-pl');
      await checkAtPhoneWidth(page, 'dashboard-head-pl');

      await page.locator('.masthead').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal(await words(page.getByRole('status')), 'You have signed out.');
      assert.equal(
        (await context.cookies()).some((c) => c.name === 'concord_session'),
        false,
        'the session cookie is gone',
      );
      await checkPage(page, 'signed-out');

      // The workspace is closed again: /app/ sends the browser back to the sign-in page.
      await page.goto(j.at('/app/meetings'));
      await page.waitForURL((u) => u.pathname === '/sign-in');
      assert.equal(new URL(page.url()).searchParams.get('next'), '/app/meetings');
      const session = await page.request.get(j.at('/api/v1/session'));
      assert.equal((await session.json()).user, null);
      await context.close();
    });

    test('a delegate changes their password from the account page: mistakes shown at their fields, then the new password works and the old one not', async () => {
      const context = await j.browser.newContext({ viewport: DESKTOP });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      const email = 'head.ru@demo.concord';
      const newPassword = 'a new password for Moscow 2002';
      await page.goto(j.at('/sign-in?next=/app/account'));
      await signInOnPage(page, email, DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/app/account');
      await settled(page, 'Your account');
      assert.match(await page.locator('dl.facts').innerText(), /Member\s+RUS \(head of delegation\)/);

      // Mistakes caught in the browser: nothing is sent.
      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByLabel('New password, again').fill('different');
      await page.getByRole('button', { name: 'Change password' }).click();
      assert.equal(
        await words(page.locator('.field-invalid').first().locator('.field-error')),
        `Choose a new password of at least 12 characters.`,
      );
      assert.equal(await page.getByLabel('New password, again').getAttribute('aria-invalid'), 'true');
      // A wrong current password is the server's to refuse, shown at its field.
      await page.getByLabel('Current password').fill('not my password at all');
      await page.getByLabel('New password', { exact: true }).fill(newPassword);
      await page.getByLabel('New password, again').fill(newPassword);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.locator('.field-error', { hasText: 'is not your current password' }).waitFor();
      assert.equal(await page.getByLabel('Current password').getAttribute('aria-invalid'), 'true');
      await checkPage(page, 'account-wrong-current-password');

      await page.getByLabel('Current password').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Change password' }).click();
      await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
      await checkPage(page, 'account-password-changed');

      // Signed out, the old password is refused and the new one opens the workspace.
      await page.locator('.masthead').getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL((u) => u.pathname === '/sign-in');
      await signInOnPage(page, email, DEMO_PASSWORD);
      assert.equal(pathOf(page), '/sign-in');
      await signInOnPage(page, email, newPassword);
      await page.waitForURL((u) => u.pathname === '/app/');
      await context.close();
    });
  });
}
