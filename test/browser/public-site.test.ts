// The public website of the record in real Chromium: readable without JavaScript, every field of the
// seed item shown, search highlighting, accessibility (axe-core, WCAG 2.1 AA) and screenshots.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';

const SEED_SLUG = '2002-09-25-press-statement-nato-secretary-general';
const OCCASION = 'following the meeting of NATO Defence Ministers with the Russian Minister Sergei Ivanov';

// The text as written in the page, before CSS (small capitals are a style, not the words).
const words = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

describe('public website in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  let noScript: BrowserContext;
  const at = (path: string) => new URL(path, url).toString();

  before(async () => {
    t = await createTestApp('sqlite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  });
  after(async () => {
    await noScript?.close();
    await browser?.close();
    await t?.close();
  });

  test('without JavaScript, the homepage shows the seed item, the council and its 20 members', async () => {
    const page = await noScript.newPage();
    const response = await page.goto(at('/'));
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.title(), /NATO-Russia Council/);
    assert.equal(await page.locator('h1').innerText(), 'NATO-Russia Council');
    const latest = page.locator('#latest-h + ol .entry');
    assert.equal(await latest.count(), 1);
    assert.match(
      await words(latest.first()),
      /^Press Statement 25 September 2002 · Warsaw, Poland Press Statement by NATO Secretary General/,
    );
    assert.equal(await latest.first().locator('a').getAttribute('href'), `/record/${SEED_SLUG}`);
    assert.equal(await page.locator('.member-names li').count(), 20);
    for (const name of ['Belgium', 'Russia', 'United States'])
      assert.equal(await page.locator('.member-names li', { hasText: name }).count(), 1, name);
    assert.ok((await page.locator('meta[name="description"]').getAttribute('content'))!.length > 40);
    await page.close();
  });

  test('the item page of the seed shows every field, the whole body and no navigation chrome', async () => {
    const page = await noScript.newPage();
    const response = await page.goto(at(`/record/${SEED_SLUG}`));
    assert.equal(response?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(
      await page.title(),
      /^Press Statement by NATO Secretary General .* \(25 September 2002, Warsaw, Poland\)/,
    );
    const facts: Record<string, string> = {};
    for (const row of await page.locator('.item-facts dl > div').all())
      facts[await words(row.locator('dt'))] = await words(row.locator('dd'));
    assert.deepEqual(facts, {
      Date: '25 September 2002',
      Place: 'Warsaw, Poland',
      Kind: 'Press Statement',
      Speaker: 'NATO Secretary General',
      Occasion: OCCASION,
      Collection: 'NATO Speeches',
      Language: 'English',
      Updated: '25 September 2002',
    });
    assert.equal(await page.locator('.byline').innerText(), 'by the NATO Secretary General');
    assert.equal(await page.locator('.dateline').innerText(), 'Warsaw, Poland · 25 September 2002');
    const paragraphs = await page.locator('.item-body p').allInnerTexts();
    assert.equal(paragraphs[0], 'Good morning.');
    assert.equal(paragraphs.at(-1), 'Thank you Warsaw.');
    assert.equal(paragraphs.length, 13);
    const text = await page.locator('body').innerText();
    assert.equal(text.includes('Go to Homepage'), false);
    assert.equal(text.includes('Go to Index'), false);
    assert.equal(
      await page.locator('link[rel="canonical"]').getAttribute('href'),
      `${t.config.publicUrl.replace(/\/$/, '')}/record/${SEED_SLUG}`,
    );
    await page.close();
  });

  test('searching for peacekeeping with the GET form finds the seed with the word highlighted', async () => {
    const page = await noScript.newPage();
    await page.goto(at('/search'));
    assert.match(await page.locator('.hint').innerText(), /Type one or more words/);
    await page.fill('#q', 'peacekeeping');
    await Promise.all([page.waitForURL(/\/search\?q=peacekeeping/), page.click('.search-form button[type="submit"]')]);
    assert.match(await page.locator('#results-h').innerText(), /^1 result for “peacekeeping”/);
    const marks = await page.locator('.snippet mark').allInnerTexts();
    assert.ok(marks.length >= 1);
    for (const mark of marks) assert.match(mark, /^peacekeeping$/i);
    assert.equal(await page.locator('.entries .entry-title a').getAttribute('href'), `/record/${SEED_SLUG}`);
    await page.close();
  });

  test('filters narrow the search and an invalid search says why, with status 400', async () => {
    const page = await noScript.newPage();
    await page.goto(at('/search?q=peacekeeping'));
    await page.selectOption('#f-year', '2002');
    await page.selectOption('#f-kind', 'press-statement');
    await Promise.all([page.waitForURL(/year=2002/), page.click('.search-form button[type="submit"]')]);
    assert.match(await page.locator('#results-h').innerText(), /^1 result/);
    assert.equal(await page.locator('#f-year').inputValue(), '2002');
    const invalid = await page.goto(at('/search?q=%22%22'));
    assert.equal(invalid?.status(), 400);
    assert.match(await page.locator('.alert').innerText(), /at least one word/);
    assert.equal(await page.locator('#q').getAttribute('aria-invalid'), 'true');
    await page.close();
  });

  const AXE_PAGES: [string, string][] = [
    ['homepage', '/'],
    ['item page', `/record/${SEED_SLUG}`],
    ['record index', '/record'],
    ['year index', '/record/2002'],
    ['month index', '/record/2002/09'],
    ['kind index', '/record/kind/press-statement'],
    ['speaker index', '/record/speaker/nato-secretary-general'],
    ['search results', '/search?q=peacekeeping'],
    ['search with no results', '/search?q=zanzibar'],
    ['invalid search', '/search?q=-alone'],
    ['empty search', '/search'],
    ['404 page', '/record/no-such-item'],
  ];

  test('no axe-core WCAG 2.1 AA violations on any public page, at desktop and phone width', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      for (const [name, path] of AXE_PAGES) {
        await page.goto(at(path));
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], `${name} at ${viewport.width}px: ${JSON.stringify(violations, null, 1)}`);
      }
      await context.close();
    }
  });

  test('screenshots of the homepage, the item page and search results at 1280 and 390 wide', async () => {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({
        viewport: { width, height: width > 500 ? 800 : 844 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      for (const [name, path] of [
        ['home', '/'],
        ['item', `/record/${SEED_SLUG}`],
        ['search', '/search?q=peacekeeping'],
      ] as const) {
        await page.goto(at(path));
        await screenshot(page, `public-${name}-${width}`);
      }
      if (width === 1280) {
        await page.goto(at(`/record/${SEED_SLUG}`));
        await page.emulateMedia({ media: 'print' });
        await screenshot(page, 'public-item-print');
        assert.equal(await page.locator('.masthead nav').isVisible(), false, 'no navigation on paper');
      }
      await context.close();
    }
  });

  test('the 404 page of a missing item is a readable page', async () => {
    const page = await noScript.newPage();
    const response = await page.goto(at('/record/no-such-item'));
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    await page.close();
  });
});
