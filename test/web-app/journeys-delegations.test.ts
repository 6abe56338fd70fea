// Journey: the secretariat keeps Poland's delegation and a format's members in the workspace, in
// Chromium against a real `concord serve` process with the demo, on SQLite and on PostgreSQL. A person
// is added to Poland's delegation after the form first refuses an incomplete entry (inline errors, a
// focused summary, nothing sent); the server's own refusal (a name already used) shows at its field;
// a function is changed, then ended, and moves to the former functions while staying in the record; a
// person still referred to cannot be deleted and the page says by what. NATO (at 19) loses Iceland: the
// confirmation names Iceland and what it would no longer see, a cancel changes nothing, a confirm saves.
// head.ru then finds no control to change anything, and no count of what is at 19.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { DIALECTS } from '../support/databases.ts';
import {
  checkAtPhoneWidth,
  checkPage,
  settled,
  signedInAt,
  startJourney,
  words,
  type Journey,
} from './journeys-support.ts';

interface PersonJson {
  id: string;
  name: string;
  honorific: string | null;
  functions: { title: string; member: string | null; startedOn: string | null; endedOn: string | null }[];
}
interface FormatJson {
  code: string;
  members: string[];
}

/** Waits until the element has the focus (the app moves it once the element is drawn); times out otherwise. */
async function focused(locator: Locator, what: string): Promise<void> {
  const handle = await locator.elementHandle();
  await locator
    .page()
    .waitForFunction((el) => el === document.activeElement, handle)
    .catch(() => assert.fail(`${what} has the focus`));
}

for (const dialect of DIALECTS) {
  describe(`journey: the secretariat keeps delegations and formats (${dialect})`, () => {
    let j: Journey;
    before(async () => {
      j = await startJourney(dialect);
    });
    after(async () => {
      await j?.close();
    });
    const persons = async () => (await j.adminGet<{ items: PersonJson[] }>('/persons')).items;
    const nato19 = async () => j.adminGet<FormatJson>('/formats/nato-19');

    test('Poland’s delegation: a person added after inline errors, a function changed and ended, a delete refused with its reason', async () => {
      const { context, page } = await signedInAt(j, 'secretariat@demo.concord', '/app/members/POL');
      await settled(page, 'Poland');
      const delegation = page.getByRole('region', { name: 'Delegation' });
      assert.match(await words(delegation), /Jerzy Szmajdziński, Minister of National Defence/);
      await checkPage(page, 'member-secretariat');
      const before = (await persons()).length;

      // 1. The client's checks: no name, no function. Nothing is sent.
      await delegation.getByRole('button', { name: 'Add a person' }).click();
      const form = page.getByRole('form', { name: 'Add a person to the delegation of Poland' });
      await form.waitFor();
      await focused(form.getByLabel('Honorific'), "the form's first field");
      await form.getByLabel('Honorific').fill('Ambassador');
      await form.getByRole('button', { name: 'Add to the delegation' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor();
      await focused(alert, 'the summary');
      assert.match(
        await words(alert),
        /Nothing was saved\. Correct the fields below\..*Name: Enter the person’s name\..*Function: Enter the function/,
      );
      assert.equal(await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.equal(await form.getByLabel('Function').getAttribute('aria-invalid'), 'true');
      assert.equal(
        await form.getByLabel('Honorific').getAttribute('aria-invalid'),
        null,
        'a correct field is not marked',
      );
      assert.match(
        await words(form.locator('.field-invalid').filter({ has: page.getByLabel('Name', { exact: true }) })),
        /Enter the person’s name\./,
      );
      await checkPage(page, 'member-add-person-errors');
      assert.equal((await persons()).length, before, 'nothing was sent');

      // 2. A valid entry: the person joins the current delegation, and the API holds exactly that.
      await form.getByLabel('Name', { exact: true }).fill('Anna Kowalska');
      await form.getByLabel('Function').fill('Deputy Permanent Representative');
      await form.getByLabel('Started on').fill('2002-09-01');
      await form.getByRole('button', { name: 'Add to the delegation' }).click();
      const notice = page.getByRole('status').filter({ hasText: 'Anna Kowalska' });
      await notice.waitFor();
      assert.equal(await words(notice), 'Ambassador Anna Kowalska is added to the delegation of Poland.');
      const current = delegation.locator('ul.delegation:not(.former)');
      await current.getByText('Deputy Permanent Representative').waitFor();
      assert.match(
        await words(current),
        /Ambassador Anna Kowalska, Deputy Permanent Representative \(since 1 September 2002\)/,
      );
      const anna = (await persons()).find((p) => p.name === 'Anna Kowalska');
      assert.ok(anna, 'the person is in the API');
      assert.equal(anna.honorific, 'Ambassador');
      assert.deepEqual(
        anna.functions.map(({ title, member, startedOn, endedOn }) => ({ title, member, startedOn, endedOn })),
        [{ title: 'Deputy Permanent Representative', member: 'POL', startedOn: '2002-09-01', endedOn: null }],
      );

      // 3. The server's refusal at its field: another member is already named "Germany".
      await page.getByRole('button', { name: 'Change the member' }).click();
      const memberForm = page.getByRole('form', { name: 'Change Poland' });
      await memberForm.getByLabel('Name', { exact: true }).fill('Germany');
      await memberForm.getByRole('button', { name: 'Save the member' }).click();
      await memberForm
        .locator('.field-invalid')
        .filter({ has: page.getByLabel('Name', { exact: true }) })
        .waitFor();
      assert.equal(await memberForm.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'), 'true');
      assert.match(
        await words(memberForm.getByRole('alert')),
        /Another member is already named "Germany".*Name: Name is already used\./,
      );
      await checkPage(page, 'member-edit-server-error');
      await memberForm.getByLabel('Name', { exact: true }).fill('Poland');
      await memberForm.getByLabel('Joined on').fill('1999-03-12');
      await memberForm.getByLabel('Groups').fill('Ally, Visegrád Group');
      await memberForm.getByRole('button', { name: 'Save the member' }).click();
      await page.getByRole('status').filter({ hasText: 'Poland is saved.' }).waitFor();
      assert.match(
        (await page.locator('dl.facts').innerText()).replace(/\s+/g, ' '),
        /Groups Ally, Visegrád Group Joined 12 March 1999/,
      );
      assert.deepEqual((await j.adminGet<{ groups: string[] }>('/members/POL')).groups, ['Ally', 'Visegrád Group']);

      // 4. Change the function's title.
      await delegation.getByRole('button', { name: 'Change the function of Ambassador Anna Kowalska' }).click();
      const change = page.getByRole('form', { name: 'Change the function of Ambassador Anna Kowalska' });
      await change.getByLabel('Function').fill('Deputy Permanent Representative to NATO');
      await change.getByRole('button', { name: 'Save the function' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'The function of Ambassador Anna Kowalska is saved.' })
        .waitFor();
      await current.getByText('Deputy Permanent Representative to NATO').waitFor();

      // 5. End it: an empty day is refused, then the person moves to the former functions.
      await delegation.getByRole('button', { name: 'End the function of Ambassador Anna Kowalska' }).click();
      const end = page.getByRole('form', { name: /^End the function of Ambassador Anna Kowalska/ });
      await end.getByRole('button', { name: 'End the function' }).click();
      await end.getByRole('alert').waitFor();
      assert.match(await words(end.getByRole('alert')), /Ended on: Enter the last day the function was held\./);
      assert.equal(await end.getByLabel('Ended on').getAttribute('aria-invalid'), 'true');
      await end.getByLabel('Ended on').fill('2002-09-30');
      await end.getByRole('button', { name: 'End the function' }).click();
      await page.getByRole('status').filter({ hasText: 'until 30 September 2002' }).waitFor();
      const former = page.getByRole('region', { name: 'Former functions' });
      await former.waitFor();
      assert.match(
        await words(former),
        /Ambassador Anna Kowalska, Deputy Permanent Representative to NATO \(1 September 2002 – 30 September 2002\)/,
      );
      assert.doesNotMatch(await words(current), /Anna Kowalska/, 'no longer in the current delegation');
      assert.equal(
        await former.getByRole('button', { name: /End the function/ }).count(),
        0,
        'an ended function cannot be ended again',
      );
      const ended = (await persons()).find((p) => p.name === 'Anna Kowalska')!;
      assert.equal(ended.functions[0]!.endedOn, '2002-09-30');
      assert.equal(ended.functions[0]!.title, 'Deputy Permanent Representative to NATO');
      await checkPage(page, 'member-former-functions');
      await checkAtPhoneWidth(page, 'member-former-functions');

      // 6. A person the meetings still name cannot be deleted: the page says why, and he stays.
      await delegation.getByRole('button', { name: 'Delete Jerzy Szmajdziński' }).click();
      const confirm = delegation.getByRole('button', { name: 'Yes, delete Jerzy Szmajdziński from the record' });
      await focused(confirm, 'the confirmation');
      await confirm.click();
      const refusal = delegation.getByRole('alert');
      await refusal.waitFor();
      assert.equal(
        await words(refusal),
        'The person "Jerzy Szmajdziński" is still used by 2 meeting participant(s). Remove those references first.',
      );
      assert.ok((await persons()).some((p) => p.name === 'Jerzy Szmajdziński'));
      assert.equal(
        await delegation.getByRole('button', { name: 'Delete Jerzy Szmajdziński' }).count(),
        1,
        'the delete control is back at its first step',
      );
      await checkPage(page, 'member-delete-refused');
      // One nothing refers to can be deleted.
      await former.getByRole('button', { name: 'Delete Ambassador Anna Kowalska' }).click();
      await former.getByRole('button', { name: 'Yes, delete Ambassador Anna Kowalska from the record' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Ambassador Anna Kowalska is deleted from the record.' })
        .waitFor();
      assert.equal(
        (await persons()).some((p) => p.name === 'Anna Kowalska'),
        false,
      );
      await context.close();
    });

    test('NATO (at 19) loses Iceland: the confirmation names Iceland and what it loses; cancel changes nothing, confirm saves', async () => {
      const { context, page } = await signedInAt(j, 'secretariat@demo.concord', '/app/members');
      await settled(page, 'Members and delegations');
      await page.getByRole('link', { name: 'formats' }).click();
      await settled(page, 'Formats');
      assert.match(await words(page.locator('.format-list')), /NATO \(at 19\).*19 members: Belgium, Canada/);
      await checkPage(page, 'formats-secretariat');
      await page.getByRole('link', { name: 'NATO (at 19)' }).click();
      await settled(page, 'NATO (at 19)');
      const usage = page.getByRole('table', { name: 'Items in NATO (at 19)' });
      await usage.waitFor();
      assert.match(
        (await usage.innerText()).replace(/\s+/g, ' '),
        /Meetings 1 1 Projects 0 0 Events 0 0 Bodies 1 1 Texts 0 0/,
      );
      await checkPage(page, 'format-secretariat');

      await page.getByRole('button', { name: 'Change the format' }).click();
      const form = page.getByRole('form', { name: 'Change NATO (at 19)' });
      await form.getByRole('group', { name: 'Members' }).getByLabel('Iceland').uncheck();
      await form.getByRole('button', { name: 'Save the format' }).click();
      const confirmation = form.getByRole('region', { name: 'Confirm the change of members of NATO (at 19)' });
      await confirmation.waitFor();
      await focused(confirmation.getByRole('heading'), 'the confirmation');
      assert.match(
        await words(confirmation),
        /Iceland is removed: its delegation will no longer see the format’s 1 meeting, no projects, no events and 1 body that are not public\./,
      );
      assert.match(
        await words(confirmation),
        /Texts are not affected: a text keeps the members its format had when the text was created/,
      );
      await checkPage(page, 'format-confirm-members');
      await checkAtPhoneWidth(page, 'format-confirm-members');

      // Cancel: nothing is saved, the form is back with its Save button focused.
      await confirmation.getByRole('button', { name: 'Cancel' }).click();
      await confirmation.waitFor({ state: 'detached' });
      await focused(form.getByRole('button', { name: 'Save the format' }), 'after a cancel, the Save button');
      assert.equal((await nato19()).members.includes('ISL'), true, 'a cancelled change saves nothing');

      // Confirm: Iceland leaves the format.
      await form.getByRole('button', { name: 'Save the format' }).click();
      await confirmation.getByRole('button', { name: 'Yes, change the members' }).click();
      await page.getByRole('status').filter({ hasText: 'NATO (at 19) is saved: Iceland removed.' }).waitFor();
      const saved = await nato19();
      assert.equal(saved.members.length, 18);
      assert.equal(saved.members.includes('ISL'), false);
      assert.doesNotMatch(await words(page.getByRole('region', { name: 'Members' })), /Iceland/);

      // A format in use cannot be deleted: the page says what uses it, and the format stays.
      await page.getByRole('button', { name: 'Delete the format' }).click();
      await page.getByRole('button', { name: 'Yes, delete NATO (at 19)' }).click();
      const refusal = page.getByRole('alert');
      await refusal.waitFor();
      assert.match(
        await words(refusal),
        /The format "nato-19" is still used by body "nac", 1 meeting\(s\)\. Remove those references first\./,
      );
      assert.equal(
        await page.getByRole('button', { name: 'Delete the format' }).count(),
        1,
        'the delete control is back at its first step',
      );
      assert.equal((await nato19()).code, 'nato-19');
      await checkPage(page, 'format-delete-refused');
      await context.close();
    });

    test('head.ru sees no control to change Poland, its delegation or a format, and no count of what is at 19', async () => {
      const { context, page } = await signedInAt(j, 'head.ru@demo.concord', '/app/members/POL');
      // The app never asks for a format's usage on head.ru's behalf (the server would refuse it anyway).
      const usageRequests: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/usage')) usageRequests.push(request.url());
      });
      await settled(page, 'Poland');
      await page.getByRole('region', { name: 'Delegation' }).getByText('Jerzy Szmajdziński').waitFor();
      assert.equal(await page.locator('main button').count(), 0, 'no button at all on the member page');
      for (const name of ['Change the member', 'Add a person'])
        assert.equal(await page.getByRole('button', { name }).count(), 0, name);
      await checkPage(page, 'member-head-ru');
      await checkAtPhoneWidth(page, 'member-head-ru');

      for (const [code, heading] of [
        ['nrc-20', 'NRC (at 20)'],
        ['nato-19', 'NATO (at 19)'],
      ] as const) {
        await page.goto(j.at(`/app/formats/${code}`));
        await settled(page, heading);
        await page.getByRole('region', { name: 'Members' }).waitFor();
        assert.equal(await page.locator('main button').count(), 0, `no button on ${code}`);
        assert.equal(
          await page.getByRole('region', { name: 'In this format' }).count(),
          0,
          `no usage counts on ${code}`,
        );
        assert.doesNotMatch(await words(page.locator('main')), /Meetings|meeting/);
      }
      await checkPage(page, 'format-head-ru');
      assert.deepEqual(usageRequests, []);
      await context.close();
    });
  });
}
