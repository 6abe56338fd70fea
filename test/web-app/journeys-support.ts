// What the workspace journeys share: a real `concord serve` process with the demo on a fresh database
// of either dialect, signing in through the real sign-in page, and the checks every page gets (axe-core
// WCAG 2.1 AA, a screenshot, no horizontal page scroll) at 1280×800 and at phone width 390×844.
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { Dialect } from '../../src/kernel/db/connect.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';
import { freshDatabaseConfig } from '../support/databases.ts';
import { startConcord } from '../support/process.ts';

export const DEMO_PASSWORD = 'concord-demo-2002';
export const ADMIN_TOKEN = 'journeys-admin-token-0123456789abcdef';
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface Journey {
  url: string;
  browser: Browser;
  at(path: string): string;
  /** GET /api/v1/... with the admin token (to learn ids the journey then looks for or must not find). */
  adminGet<T>(path: string): Promise<T>;
  close(): Promise<void>;
}

/** A real server process with the demo loaded, on a brand-new database of `dialect`, and Chromium. */
export async function startJourney(dialect: Dialect): Promise<Journey> {
  const db = await freshDatabaseConfig(dialect);
  // Generous sign-in rate limit: the journeys sign in several times from one address.
  const server = await startConcord({ ...db.env, ADMIN_TOKEN, LOGIN_RATE_LIMIT: '1000' });
  const browser = await launchBrowser();
  const at = (path: string) => new URL(path, server.url).toString();
  return {
    url: server.url,
    browser,
    at,
    async adminGet<T>(path: string) {
      const response = await fetch(at(`/api/v1${path}`), { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      assert.equal(response.status, 200, `GET ${path} as admin`);
      return (await response.json()) as T;
    },
    async close() {
      await browser.close();
      await server.stop();
      await db.cleanup();
    },
  };
}

/** The words of an element as written, spaces collapsed. */
export const words = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** What a reader sees of an element (innerText: rendered text only, blocks separated, CSS upper-casing applied), on one line. */
export const renderedWords = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim();

/** axe-core (WCAG 2.1 AA) finds nothing on the page as it is now. */
export const noAxeViolations = async (page: Page, what: string) =>
  assert.deepEqual(await axeViolations(page), [], `axe on ${what}`);

/** Signs in through the server-rendered sign-in page (the browser must be on it). */
export async function signInOnPage(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the workspace page has its heading and no "Loading …" status is left. */
export async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page
    .locator('p.loading')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
  assert.equal(await page.locator('p.loading').count(), 0, 'the page finished loading');
}

/** axe-core finds nothing, the page does not scroll sideways, and a screenshot is kept. */
export async function checkPage(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize()!;
  assert.deepEqual(await axeViolations(page), [], `axe on ${name} at ${viewport.width}px`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= viewport.width, `${name} at ${viewport.width}px scrolls sideways (${scrollWidth}px wide)`);
  await screenshot(page, `journeys-${name}-${viewport.width}`);
}

/** The same checks at phone width, then back to the desktop size. */
export async function checkAtPhoneWidth(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await checkPage(page, name);
  await page.setViewportSize(DESKTOP);
}

export const pathOf = (page: Page) => new URL(page.url()).pathname;

/** A fresh browser context signed in as `email` through the real sign-in page, landed on `path`. */
export async function signedInAt(
  j: Journey,
  email: string,
  path: string,
  width = DESKTOP.width,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await j.browser.newContext({ viewport: width < 500 ? PHONE : { width, height: DESKTOP.height } });
  // Waits for the app's answers, not fixed sleeps; generous because CI machines run several browsers at once.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(j.at(`/sign-in?next=${encodeURIComponent(path)}`));
  await signInOnPage(page, email, DEMO_PASSWORD);
  await page.waitForURL((u) => u.pathname === path.split('?')[0]);
  return { context, page };
}

/**
 * The journey of one describe block: started before its tests and closed after them. Call it inside the
 * describe; `browser`, `at` and `signedIn` may be used once the tests run.
 */
export function suiteJourney(dialect: Dialect) {
  let j: Journey | undefined;
  before(async () => {
    j = await startJourney(dialect);
  });
  after(async () => {
    await j?.close();
  });
  const started = (): Journey => {
    assert.ok(j, 'the journey has started');
    return j;
  };
  return {
    get browser() {
      return started().browser;
    },
    at: (path: string) => started().at(path),
    signedIn: (email: string, path: string, width = DESKTOP.width) => signedInAt(started(), email, path, width),
  };
}
