// Signing in and out in real Chromium: the name in the masthead, the Allies-only body appearing for the
// Polish head of delegation, the wrong-password and lockout messages, the set-password page; axe-core
// finds no WCAG 2.1 AA violation; screenshots are kept and looked at. The first flow runs with
// JavaScript off (the pages have none); axe itself needs it, so it checks the same pages in a second
// context holding the same cookies, and the other flows keep JavaScript on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { admin, createAccountsApp, DEMO, DEMO_PASSWORD, json, type AccountsApp } from './helpers.ts';

describe('sign-in pages in Chromium', () => {
  let t: AccountsApp;
  let browser: Browser;
  let url: string;
  const at = (path: string) => new URL(path, url).toString();
  // The words of an element as written (innerText follows the flex layout's line breaks).
  const words = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
  const noAxeViolations = async (page: Page, what: string) => assert.deepEqual(await axeViolations(page), [], what);
  /** axe on the page at `path`, seen with the cookies of `from` (a JavaScript-less context). */
  const noAxeViolationsAt = async (from: BrowserContext, path: string, what: string) => {
    const context = await fresh(true);
    await context.addCookies(await from.cookies());
    const page = await context.newPage();
    await page.goto(at(path));
    await noAxeViolations(page, what);
    await context.close();
  };

  before(async () => {
    t = await createAccountsApp('sqlite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  const fresh = (javaScriptEnabled = false, width = 1280): Promise<BrowserContext> =>
    browser.newContext({ javaScriptEnabled, viewport: { width, height: 800 } });
  const signInWith = async (page: Page, email: string, password: string) => {
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  };

  test('sign in from /council, see the name and the Allies-only body, sign out', async () => {
    const context = await fresh();
    const page = await context.newPage();
    await page.goto(at('/council'));
    assert.equal(
      await page
        .locator('#bodies-h + ul')
        .innerText()
        .then((s) => s.includes('North Atlantic Council')),
      false,
    );
    await page.locator('.masthead').getByRole('link', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    await screenshot(page, 'accounts-sign-in-1280');
    await noAxeViolationsAt(context, '/sign-in', 'sign-in page');

    await signInWith(page, DEMO.headPl, DEMO_PASSWORD);
    assert.equal(new URL(page.url()).pathname, '/council', 'back where the user came from');
    assert.equal(
      await words(page.locator('.masthead .account')),
      'Signed in as Head of the Polish Delegation (demo) · Workspace · Sign out',
    );
    assert.match(await page.locator('#bodies-h + ul').innerText(), /North Atlantic Council/);
    const cookie = (await context.cookies()).find((c) => c.name === 'concord_session')!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    await screenshot(page, 'accounts-council-signed-in-1280');
    await noAxeViolationsAt(context, '/council', 'council page, signed in');

    await page.locator('.masthead').getByRole('button', { name: 'Sign out' }).click();
    assert.equal(new URL(page.url()).pathname, '/sign-in');
    assert.equal(await words(page.getByRole('status')), 'You have signed out.');
    assert.equal(
      (await context.cookies()).some((c) => c.name === 'concord_session'),
      false,
    );
    await page.goto(at('/council'));
    assert.equal(await words(page.locator('.masthead .account')), 'Sign in');
    await context.close();
  });

  test('a wrong password is announced; after five in a row this browser waits, then the right password works', async () => {
    const context = await fresh(true);
    const page = await context.newPage();
    await page.goto(at('/sign-in'));
    await signInWith(page, DEMO.headRu, 'not the right one');
    assert.equal(await page.title(), 'Error: Sign in');
    assert.equal(
      await words(page.getByRole('alert')),
      'There is a problemThe email address or password is not correct. Check both and try again.',
    );
    assert.equal(await page.getByLabel('Email address').inputValue(), DEMO.headRu, 'the address is kept');
    await screenshot(page, 'accounts-wrong-password-1280');
    await noAxeViolations(page, 'wrong password');
    for (let i = 2; i <= 5; i += 1) await signInWith(page, DEMO.headRu, `not the right one ${i}`);
    await signInWith(page, DEMO.headRu, DEMO_PASSWORD);
    assert.match(
      await words(page.getByRole('alert')),
      /Too many failed sign-ins to this email address from your device\. Wait 1 second and try again; sign-in from other devices is not held back\./,
      'even the right password waits its turn',
    );
    await screenshot(page, 'accounts-locked-1280');
    await noAxeViolations(page, 'locked');
    t.clock.advanceMinutes(1);
    await signInWith(page, DEMO.headRu, DEMO_PASSWORD);
    // Signed in without a page to return to: the workspace, which names the user and their delegation.
    assert.equal(new URL(page.url()).pathname, '/app/');
    assert.equal(
      await words(page.locator('.masthead .signed-in-as')),
      'Signed in as Head of the Russian Delegation (demo) (RUS, head of delegation)',
    );
    t.clock.set('2026-01-01T09:00:00Z');
    await context.close();
  });

  test('the set-password page, then signing in with the new password, at phone width', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...json, ...admin },
      payload: { email: 'new.officer@example.org', name: 'New Officer', roles: ['secretariat'] },
    });
    const context = await fresh(true, 390);
    const page = await context.newPage();
    const link = new URL(created.json().setupUrl);
    await page.goto(at(link.pathname + link.search));
    assert.equal(await page.locator('h1').innerText(), 'Choose your password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    assert.match(await words(page.getByRole('alert')), /must be at least 12 characters long/);
    assert.equal(await page.getByLabel('New password', { exact: true }).getAttribute('aria-invalid'), 'true');
    await screenshot(page, 'accounts-set-password-390');
    await noAxeViolations(page, 'set-password with a problem');
    await page.getByLabel('New password', { exact: true }).fill('the officer chose this');
    await page.getByLabel('New password again').fill('the officer chose this');
    await page.getByRole('button', { name: 'Set password' }).click();
    assert.equal(await words(page.getByRole('status')), 'Your password is set. Sign in with it.');
    await signInWith(page, 'new.officer@example.org', 'the officer chose this');
    assert.match(await words(page.locator('.masthead .account')), /Signed in as New Officer/);
    await screenshot(page, 'accounts-home-signed-in-390');
    await noAxeViolations(page, 'home page, signed in, phone width');
    await context.close();
  });
});
