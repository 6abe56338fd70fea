// Journey: searching the workspace, in Chromium against a real `concord serve` with the demo (SQLite; the
// search API itself is tested on both databases in test/search/workspace-search.test.ts). The head of
// the Russian delegation searches from the masthead: the NRC meeting at 20 is found and opens; the
// Defence Ministers' meeting at 19 is neither listed nor counted. The secretariat, searching the same
// words, finds both. A search with no words says what to do, at the field.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkAtPhoneWidth,
  checkPage,
  pathOf,
  settled,
  signedInAt,
  startJourney,
  words,
  type Journey,
} from './journeys-support.ts';

const AT_20 = 'NATO-Russia Council, Defence Ministers, Warsaw';
const AT_19 = 'NATO Defence Ministers, Warsaw';

describe('journey: searching the workspace (sqlite)', () => {
  let j: Journey;
  before(async () => {
    j = await startJourney('sqlite');
  });
  after(async () => {
    await j?.close();
  });

  test('head.ru finds the meeting at 20 from the masthead and never the meeting at 19', async () => {
    const { context, page } = await signedInAt(j, 'head.ru@demo.concord', '/app/');
    await settled(page, /Welcome/);
    const box = page.getByRole('search').getByLabel('Search the workspace');
    await box.fill('Defence Ministers Warsaw');
    await box.press('Enter');
    await page.waitForURL((u) => u.pathname === '/app/search');
    await settled(page, 'Search the workspace');
    await page.locator('.results-count').waitFor();
    const hits = page.locator('ol.search-hits');
    const titles = await hits.getByRole('heading', { level: 3 }).allTextContents();
    assert.ok(titles.includes(AT_20), `the meeting at 20 is found: ${titles.join(' | ')}`);
    assert.equal(titles.includes(AT_19), false, 'the meeting at 19 is not listed');
    assert.equal((await page.locator('main').innerText()).includes(AT_19), false, 'nor named anywhere on the page');
    const kinds = page.getByRole('navigation', { name: 'Kinds of result' });
    assert.match(await words(kinds), /Meetings \(1\)/, 'the meeting at 19 is not counted');
    assert.equal(
      await words(page.locator('.results-count')),
      `${titles.length} result${titles.length === 1 ? '' : 's'} for “Defence Ministers Warsaw”.`,
    );
    assert.ok((await hits.locator('mark').count()) > 0, 'matching words are marked');
    await checkPage(page, 'search-head-ru');
    await checkAtPhoneWidth(page, 'search-head-ru');

    // Only meetings, then open the hit.
    await kinds.getByRole('link', { name: /^Meetings/ }).click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'meeting');
    await page.locator('.results-count').filter({ hasText: 'among meetings' }).waitFor();
    assert.deepEqual(await hits.getByRole('heading', { level: 3 }).allTextContents(), [AT_20]);
    await hits.getByRole('link', { name: AT_20 }).click();
    await settled(page, AT_20);
    assert.match(pathOf(page), /^\/app\/meetings\/[0-9a-f-]{36}$/);
    await context.close();
  });

  test('the secretariat finds both meetings; a search without words is refused at the field', async () => {
    const { context, page } = await signedInAt(
      j,
      'secretariat@demo.concord',
      '/app/search?q=Defence%20Ministers%20Warsaw&kind=meeting',
    );
    await settled(page, 'Search the workspace');
    await page.locator('.results-count').waitFor();
    const titles = await page.locator('ol.search-hits').getByRole('heading', { level: 3 }).allTextContents();
    assert.deepEqual([...titles].sort(), [AT_20, AT_19].sort());
    assert.match(await words(page.getByRole('navigation', { name: 'Kinds of result' })), /Meetings \(2\)/);

    const field = page.getByLabel('Meetings, events, projects and texts');
    await field.fill('!!');
    await field.press('Enter');
    const error = page.locator('#search-q-error');
    await error.waitFor();
    assert.match(await words(error), /at least one word/);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await checkPage(page, 'search-invalid');
    await context.close();
  });
});
