// Adding a member and creating a format in the workspace, in real Chromium against a real `concord serve`
// with the demo: the secretariat officer adds a member (a bad code is refused inline at once), then
// creates a format holding it — a name another format has is refused by the server and shown at the
// field — and finds it on the formats list and on the member's list of formats. A delegate gets neither
// the buttons nor the forms (the pages say who may), and the server refuses the write itself with 403.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from '../support/browser.ts';
import { noAxeViolations, pathOf, renderedWords as words, suiteJourney } from './journeys-support.ts';

describe('adding a member and creating a format in Chromium', () => {
  const journey = suiteJourney('sqlite');
  const { at, signedIn } = journey;

  test('the secretariat officer adds a member and creates a format with it', async () => {
    const { context, page } = await signedIn('secretariat@demo.concord', '/app/members');
    await page.getByRole('link', { name: 'New member' }).click();
    await page.getByRole('heading', { level: 1, name: 'New member' }).waitFor();
    const form = page.getByRole('form', { name: 'New member' });
    await noAxeViolations(page, 'the new member form');

    // A code the server would refuse is named at the field before anything is sent.
    await form.getByLabel('Code').fill('E5');
    await form.getByLabel('Name', { exact: true }).fill('Estonia (demo: created in a test)');
    await form.getByRole('button', { name: 'Add the member' }).click();
    await form.getByRole('alert').waitFor();
    assert.match(await words(form.getByRole('alert')), /The member was not added\. Correct the fields below\./);
    assert.equal(await form.getByLabel('Code').getAttribute('aria-invalid'), 'true');
    assert.match(
      await words(form.locator('.field-invalid').filter({ has: page.getByLabel('Code') })),
      /A code is 2 to 8 letters/,
    );
    assert.equal(
      await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'),
      null,
      'a correct field is not marked',
    );
    await noAxeViolations(page, 'the new member form with its errors');

    await form.getByLabel('Code').fill('est');
    await form.getByLabel('Sort name').fill('Estonia');
    await form.getByLabel('Groups').fill('Ally');
    await form.getByLabel('Joined on').fill('2004-03-29');
    await form.getByRole('button', { name: 'Add the member' }).click();
    await page.getByRole('heading', { level: 1, name: 'Estonia (demo: created in a test)' }).waitFor();
    assert.equal(pathOf(page), '/app/members/EST', 'the code is upper-cased and the member page opens');
    assert.match(await words(page.locator('.notice')), /is added to the council\. It is in no format yet/);

    // The members list holds it, in its seating place by sort name, with no format yet.
    await page.goto(at('/app/members'));
    const row = page.getByRole('row', { name: /^Estonia \(demo/ });
    await row.waitFor();
    assert.match(await words(row), /\(EST\) Ally 29 March 2004 None$/);
    const names = await page.locator('table.data tbody th a').allInnerTexts();
    assert.equal(
      names.indexOf('Estonia (demo: created in a test)'),
      names.indexOf('Denmark') + 1,
      'seated after Denmark',
    );

    // A format with the new member. The name of an existing format is refused by the server, at the field.
    await page.goto(at('/app/formats'));
    await page.getByRole('link', { name: 'New format' }).click();
    const formatForm = page.getByRole('form', { name: 'New format' });
    await formatForm.getByLabel('Code').fill('baltic-demo');
    await formatForm.getByLabel('Name', { exact: true }).fill('NRC (at 20)');
    await formatForm.getByLabel('Poland').check();
    await formatForm.getByLabel('Estonia (demo: created in a test)').check();
    await formatForm.getByRole('button', { name: 'Create the format' }).click();
    await formatForm.getByRole('alert').waitFor();
    assert.equal(
      await formatForm.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'),
      'true',
      'the server named the field',
    );
    assert.match(
      await words(formatForm.locator('.field-invalid').filter({ has: page.getByLabel('Name', { exact: true }) })),
      /Name is already used\./,
    );
    assert.match(await words(formatForm.getByRole('alert')), /Another format is already named "NRC \(at 20\)"\./);
    assert.equal(pathOf(page), '/app/formats/new', 'nothing was created');

    await formatForm.getByLabel('Name', { exact: true }).fill('Baltic and Polish consultations (demo)');
    await formatForm.getByRole('button', { name: 'Create the format' }).click();
    await page.getByRole('heading', { level: 1, name: 'Baltic and Polish consultations (demo)' }).waitFor();
    assert.equal(pathOf(page), '/app/formats/baltic-demo');
    assert.match(await words(page.locator('.notice')), /is created with 2 members\./);
    assert.match(await words(page.locator('.format-members')), /^Estonia \(demo: created in a test\) Poland$/);
    await screenshot(page, 'workspace-new-format-secretariat-1280');
    await noAxeViolations(page, 'the new format');

    await page.goto(at('/app/members'));
    await page.getByRole('row', { name: /^Estonia \(demo/ }).waitFor();
    assert.match(
      await words(page.getByRole('row', { name: /^Estonia \(demo/ })),
      /Baltic and Polish consultations \(demo\)$/,
    );
    await context.close();
  });

  test('a delegate sees neither button nor form, and the server refuses the write', async () => {
    const { context, page } = await signedIn('head.pl@demo.concord', '/app/members');
    await page.locator('table.data tbody tr').first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'New member' }).count(), 0);
    await page.goto(at('/app/members/new'));
    await page.getByRole('alert').waitFor();
    assert.match(await words(page.getByRole('alert')), /Only the secretariat adds members\./);
    assert.equal(await page.getByRole('form').count(), 0);

    await page.goto(at('/app/formats'));
    await page.getByRole('heading', { level: 2, name: 'NRC (at 20)' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'New format' }).count(), 0);
    await page.goto(at('/app/formats/new'));
    await page.getByRole('alert').waitFor();
    assert.match(await words(page.getByRole('alert')), /Only the secretariat creates formats\./);
    await noAxeViolations(page, 'the refused new format page');

    // The page only follows the server: the server itself refuses the delegate's write.
    const status = await page.evaluate(async () => {
      const { csrfToken } = (await (await fetch('/api/v1/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/v1/formats', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ code: 'pl-only', name: 'Poland alone', members: ['POL'] }),
      });
      return response.status;
    });
    assert.equal(status, 403);
    await context.close();
  });
});
