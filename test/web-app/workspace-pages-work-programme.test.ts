// The workspace's work programme and members pages in real Chromium against a real `concord serve`
// process with the demo: the Peacekeeping working group's record shows the agreed generic concept;
// the secretariat officer records a deliverable on a project (the server's rule on the achievement
// date shown inline first); the members page lists the 20 members with their formats; a member's page
// shows its delegation, and user accounts only to a reader the accounts API answers. axe-core on every
// page, at 1280×800 and once at phone width; screenshots kept in test-results/screenshots.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from '../support/browser.ts';
// words: what a reader sees of an element (rendered text; CSS upper-cases badges, hence /i below), on one line.
import { noAxeViolations, renderedWords as words, suiteJourney } from './journeys-support.ts';

describe('workspace work programme and members pages in Chromium', () => {
  const journey = suiteJourney('sqlite');
  const { at, signedIn } = journey;

  test('the head of the Russian delegation reads the work programme, its record, and the members with their delegations', async () => {
    const { context, page } = await signedIn('head.ru@demo.concord', '/app/work-programme');
    const peacekeeping = page.locator('section.wp-body', {
      has: page.getByRole('heading', { level: 2, name: 'Working Group on Peacekeeping' }),
    });
    const record = peacekeeping.locator('.wp-record');
    await record.getByText('Generic concept of joint NATO-Russia peacekeeping operations').waitFor();
    assert.match(
      await words(record),
      /^Record of achievements Generic concept of joint NATO-Russia peacekeeping operations Agreed on 25 September 2002 If the Allies and Russia were to decide on the joint conduct of a peacekeeping operation/i,
    );
    assert.match(
      await words(peacekeeping.getByRole('row', { name: /Joint NATO-Russia peacekeeping operations/ })),
      /Active Crisis management None named/i,
    );
    assert.equal(await page.getByRole('link', { name: 'New project' }).count(), 0, 'no create button for a delegate');
    await screenshot(page, 'workspace-work-programme-head-ru-1280');
    await noAxeViolations(page, 'the work programme');

    // The record by topic.
    await page.getByLabel('Topic', { exact: true }).last().selectOption({ label: 'Crisis management' });
    await page.getByRole('button', { name: 'Show the record' }).click();
    await page.getByRole('heading', { level: 3, name: 'Record of achievements: Crisis management' }).waitFor();

    // The project's own page.
    await peacekeeping
      .getByRole('row', { name: /Joint NATO-Russia/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 1, name: 'Joint NATO-Russia peacekeeping operations' }).waitFor();
    assert.match(
      await words(page.getByRole('row', { name: /Generic concept/ })),
      /Deliverable: Generic concept of joint NATO-Russia peacekeeping operations — Agreed 25 September 2002 If the Allies and Russia/i,
    );
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Progress reports' }) })),
      /25 September 2002 Reported to the Defence Ministers in Warsaw/,
    );
    assert.equal(await page.getByRole('button', { name: /Change|Add a milestone/ }).count(), 0);
    await noAxeViolations(page, 'a project');

    // Members: all twenty, with groups, date joined and formats.
    await page.getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members and delegations' }).waitFor();
    const rows = page.locator('table.data tbody tr');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 20);
    assert.match(
      await words(page.getByRole('row', { name: /^Poland/ })),
      /Poland \(POL\) Ally 12 March 1999 NRC \(at 20\), NATO \(at 19\)/,
    );
    assert.match(
      await words(page.getByRole('row', { name: /^Russia/ })),
      /Russia \(RUS\) Partner 28 May 2002 NRC \(at 20\)$/,
    );
    await screenshot(page, 'workspace-members-head-ru-1280');
    await noAxeViolations(page, 'the members');

    // A member's delegation; accounts are not for a delegate (the API refuses, the section is left out).
    await page.getByRole('main').getByRole('link', { name: 'Russia', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Delegation' }).waitFor();
    // The heading comes before the delegation's data: wait until it has loaded.
    await page.locator('p.loading').first().waitFor({ state: 'detached' });
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Delegation' }) })),
      /Sergei Ivanov, Minister of Defence/,
    );
    assert.equal(await page.getByRole('heading', { name: 'User accounts' }).count(), 0);
    await noAxeViolations(page, 'a member');

    const phone = await journey.browser.newContext({ viewport: { width: 390, height: 844 } });
    phone.setDefaultTimeout(60_000);
    await phone.addCookies(await context.cookies());
    const small = await phone.newPage();
    await small.goto(at('/app/work-programme'));
    await small.getByText('Generic concept of joint NATO-Russia peacekeeping operations').first().waitFor();
    assert.ok(
      (await small.evaluate(() => document.documentElement.scrollWidth)) <= 390,
      'no horizontal page scroll at 390 px',
    );
    await screenshot(small, 'workspace-work-programme-head-ru-390');
    await noAxeViolations(small, 'the work programme at phone width');
    await phone.close();
    await context.close();
  });

  test('the secretariat officer records a milestone on a project and sees the member accounts', async () => {
    const { context, page } = await signedIn('secretariat@demo.concord', '/app/work-programme');
    await page.getByRole('link', { name: 'Defence reform', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Defence reform' }).waitFor();
    await page.getByRole('button', { name: 'Add a milestone or deliverable' }).click();
    const form = page.getByRole('form', { name: 'Add a milestone or deliverable' });
    await form.getByLabel('Title').fill('Report of the experts to the Preparatory Committee (demo: created in a test)');
    await form.getByLabel('Status').selectOption('delivered');
    await form.getByRole('button', { name: 'Add' }).click();
    const achieved = form.getByLabel('Achieved on');
    assert.equal(await achieved.getAttribute('aria-invalid'), 'true');
    assert.match(await words(form.getByRole('alert')), /Achieved on: Enter the day it was delivered\./);
    await noAxeViolations(page, 'the deliverable form with an error');
    await achieved.fill('2002-10-10');
    await form.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('status').filter({ hasText: 'The item is added.' }).waitFor();
    assert.match(await words(page.getByRole('row', { name: /Report of the experts/ })), /Delivered 10 October 2002/i);
    const projectId = new URL(page.url()).pathname.split('/').pop()!;
    const saved = await (await page.request.get(at(`/api/v1/projects/${projectId}`))).json();
    const item = saved.deliverables.find((d: { title: string }) => d.title.startsWith('Report of the experts'));
    assert.deepEqual(
      { status: item.status, achievedOn: item.achievedOn, kind: item.kind },
      { status: 'delivered', achievedOn: '2002-10-10', kind: 'deliverable' },
    );
    await screenshot(page, 'workspace-project-deliverable-added-1280');
    await noAxeViolations(page, 'the project after adding a deliverable');

    // Now in the record of the experts' body.
    await page.getByRole('link', { name: 'Work programme' }).first().click();
    const experts = page.locator('section.wp-body', {
      has: page.getByRole('heading', { level: 2, name: 'Allied and Russian Experts on Defence Reform' }),
    });
    await experts.locator('.wp-record').getByText('Report of the experts to the Preparatory Committee').waitFor();

    await page.goto(at('/app/members/RUS'));
    const accounts = page.locator('section', { has: page.getByRole('heading', { name: 'User accounts' }) });
    await accounts.getByRole('row', { name: /head\.ru@demo\.concord/ }).waitFor();
    assert.match(
      await words(accounts),
      /Head of the Russian Delegation \(demo\) head\.ru@demo\.concord delegate, head of delegation Active/,
    );
    await screenshot(page, 'workspace-member-rus-secretariat-1280');
    await noAxeViolations(page, 'a member with accounts');
    await context.close();
  });
});
