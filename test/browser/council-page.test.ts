// The council page in real Chromium: readable without JavaScript, accessible, and looked at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../support/app.ts';
import { axeViolations, launchBrowser, screenshot } from '../support/browser.ts';

describe('council page in Chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  before(async () => {
    t = await createTestApp('sqlite');
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await t?.close();
  });

  test('without JavaScript, /council shows the council, its members grouped, formats, bodies and topics', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const response = await page.goto(new URL('/council', url).toString());
    assert.equal(response?.status(), 200);
    assert.equal(await page.title(), 'NATO-Russia Council (NRC)');
    assert.equal(await page.locator('h1').innerText(), 'NATO-Russia Council');
    assert.equal(await page.locator('ul.members li').count(), 20);
    assert.deepEqual(await page.locator('section[aria-labelledby="members-h"] h3').allInnerTexts(), [
      'ALLY 19',
      'PARTNER 1',
    ]);
    assert.match(await page.locator('.formats').innerText(), /NRC \(at 20\)[\s\S]*NATO \(at 19\)/);
    assert.equal(await page.locator('ol.topics li').count(), 9);
    const bodies = await page.locator('#bodies-h + ul').innerText();
    for (const name of [
      'NRC Preparatory Committee',
      'Working Group on Theatre Missile Defence',
      'Working Group on Peacekeeping',
      'Allied and Russian Experts on Defence Reform',
    ])
      assert.ok(bodies.includes(name), name);
    await screenshot(page, 'council-1280');
    await context.close();
  });

  test('no axe-core WCAG 2.1 AA violations, at desktop and phone width', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(new URL('/council', url).toString());
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `${viewport.width}px: ${JSON.stringify(violations, null, 1)}`);
      if (viewport.width < 500) await screenshot(page, 'council-390');
      await context.close();
    }
  });

  test('a missing page shows a readable 404 page, not JSON', async () => {
    const page = await browser.newPage();
    const response = await page.goto(new URL('/no-such-page', url).toString());
    assert.equal(response?.status(), 404);
    assert.equal(await page.locator('h1').innerText(), 'Page not found');
    assert.match(await page.locator('.lede').innerText(), /No such page or endpoint: GET \/no-such-page/);
    await page.close();
  });

  test('the interactive API documentation renders its operations under our Content Security Policy', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(new URL('/api/docs/', url).toString());
    // Swagger UI renders the whole document (now ~100 operations) in the browser: allow for a loaded machine.
    await page.locator('.opblock-summary-path', { hasText: '/api/v1/members' }).first().waitFor({ timeout: 45_000 });
    assert.match(await page.locator('.info .title').first().innerText(), /Concord API/);
    await screenshot(page, 'api-docs');
    await page.close();
  });
});
