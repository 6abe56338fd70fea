// The bodies and topics pages in real Chromium against a real `concord serve` with the demo. The
// secretariat officer creates a topic, then a working group under the council on that topic (a bad code
// is named at the field at once, a taken name by the server), finds it in the hierarchy and on its page,
// renames it, is refused deleting the topic while the group uses it (IN_USE, shown in an alert), deletes
// the group and then the topic; deleting the North Atlantic Council is refused naming its meetings. The
// head of the Russian delegation reads the bodies and topics without New, Change or Delete, does not
// find the North Atlantic Council (NATO at 19) in the list, and gets the same not-found page at its
// address as for a body that does not exist. axe-core on every page, at 1280×800 and at phone width.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot } from '../support/browser.ts';
import {
  checkAtPhoneWidth,
  noAxeViolations,
  pathOf,
  renderedWords as words,
  settled,
  suiteJourney,
} from './journeys-support.ts';

const TOPIC = 'Cyber defence (demo: created in a test)';
const GROUP = 'Working Group on Cyber Defence (demo)';
const RENAMED = 'Working Group on Cyber Security (demo)';

describe('bodies and topics pages in Chromium', () => {
  const journey = suiteJourney('sqlite');
  const { at, signedIn } = journey;

  test('the secretariat officer creates a working group under the council with a new topic, renames it and deletes both', async () => {
    const { context, page } = await signedIn('secretariat@demo.concord', '/app/topics');

    // A new topic.
    await settled(page, 'Topics');
    await page.getByRole('link', { name: 'New topic' }).click();
    await settled(page, 'New topic');
    const topicForm = page.getByRole('form', { name: 'New topic' });
    await topicForm.getByLabel('Code').fill('cyber-defence-demo');
    await topicForm.getByLabel('Name', { exact: true }).fill(TOPIC);
    await topicForm.getByLabel('Source').fill('Created in a browser test');
    await topicForm.getByRole('button', { name: 'Create the topic' }).click();
    await settled(page, TOPIC);
    assert.equal(pathOf(page), '/app/topics/cyber-defence-demo');
    assert.match(await words(page.locator('.notice')), /is created\./);
    assert.match(await words(page.locator('dl.facts')), /Source Created in a browser test Position 10/);

    // A new body: the list offers it to the secretariat, and shows the body at 19 too.
    await page.goto(at('/app/bodies'));
    await settled(page, 'Bodies');
    assert.equal(
      await page.getByRole('link', { name: 'North Atlantic Council' }).count(),
      1,
      'staff see the body at 19',
    );
    await page.getByRole('link', { name: 'New body' }).click();
    await settled(page, 'New body');
    const form = page.getByRole('form', { name: 'New body' });
    await noAxeViolations(page, 'the new body form');

    // A bad code is named at the field before anything is sent.
    await form.getByLabel('Code').fill('WG Cyber');
    await form.getByLabel('Name', { exact: true }).fill('Working Group on Peacekeeping');
    await form.getByRole('button', { name: 'Create the body' }).click();
    await form.getByRole('alert').waitFor();
    assert.match(await words(form.getByRole('alert')), /The body was not saved\. Correct the fields below\./);
    assert.equal(await form.getByLabel('Code').getAttribute('aria-invalid'), 'true');
    assert.match(
      await words(form.locator('.field-invalid').filter({ has: page.getByLabel('Code') })),
      /A code is lower-case letters, digits and single hyphens/,
    );
    assert.match(
      await words(form.locator('.field-invalid').filter({ has: page.getByLabel('Format') })),
      /Choose the format/,
    );
    assert.equal(
      await form.getByLabel('Name', { exact: true }).getAttribute('aria-invalid'),
      null,
      'a correct field is not marked',
    );
    assert.ok(
      await form.getByRole('alert').evaluate((el) => el === document.activeElement),
      'the summary takes the focus',
    );
    await noAxeViolations(page, 'the new body form with its errors');

    // A name another body has is refused by the server, at the field.
    await form.getByLabel('Code').fill('wg-cyber-demo');
    await form.getByLabel('Kind').selectOption({ label: 'Working group' });
    await form.getByLabel('Part of').selectOption({ label: 'NATO-Russia Council' });
    await form.getByLabel('Format').selectOption({ label: 'NRC (at 20)' });
    await form.getByLabel('Chair').selectOption({ label: 'Alessandro Minuto Rizzo' });
    await form.getByRole('checkbox', { name: /^Public/ }).check();
    await form.getByLabel(TOPIC).check();
    await form.getByLabel('Description').fill('Created in a browser test.');
    await form.getByRole('button', { name: 'Create the body' }).click();
    await form.getByLabel('Name', { exact: true }).and(page.locator('[aria-invalid="true"]')).waitFor();
    assert.match(
      await words(form.locator('.field-invalid').filter({ has: page.getByLabel('Name', { exact: true }) })),
      /Name is already used\./,
    );
    assert.match(
      await words(form.getByRole('alert')),
      /Another body is already named "Working Group on Peacekeeping"\./,
    );
    assert.equal(pathOf(page), '/app/bodies/new', 'nothing was created');

    await form.getByLabel('Name', { exact: true }).fill(GROUP);
    await form.getByRole('button', { name: 'Create the body' }).click();
    await settled(page, GROUP);
    assert.equal(pathOf(page), '/app/bodies/wg-cyber-demo');
    assert.match(await words(page.locator('.notice')), new RegExp(`${GROUP.replace(/[()]/g, '\\$&')} is created\\.`));
    const facts = page.locator('dl.facts');
    assert.match(
      await words(facts),
      /Kind Working group Format NRC \(at 20\) Who may see it Everyone \(public\); the body belongs to NRC \(at 20\) Part of NATO-Russia Council Bodies under it None Chair Alessandro Minuto Rizzo Topics Cyber defence \(demo: created in a test\)/,
    );
    assert.equal(
      await facts.getByRole('link', { name: 'NATO-Russia Council' }).getAttribute('href'),
      '/app/bodies/nrc',
    );
    assert.equal(await facts.getByRole('link', { name: 'NRC (at 20)' }).getAttribute('href'), '/app/formats/nrc-20');
    assert.equal(await facts.getByRole('link', { name: TOPIC }).getAttribute('href'), '/app/topics/cyber-defence-demo');
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Meetings' }) })),
      /No meetings of .* you may see\./,
    );
    assert.match(await words(page.locator('.wp-record')), /No achievements recorded yet\./);
    await noAxeViolations(page, 'the new body');

    // In the hierarchy, under the council.
    await page.goto(at('/app/bodies'));
    await settled(page, 'Bodies');
    const council = page.locator('li.cal-entry', {
      has: page.getByRole('heading', { level: 2, name: 'NATO-Russia Council' }),
    });
    const entry = council.locator('li.cal-entry', { has: page.getByRole('heading', { level: 3, name: GROUP }) });
    assert.match(await words(entry), /Working group · NRC \(at 20\) · Chair: Alessandro Minuto Rizzo · Public/);
    await noAxeViolations(page, 'the bodies with the new group');

    // Renamed.
    await entry.getByRole('link', { name: GROUP }).click();
    await settled(page, GROUP);
    await page.getByRole('link', { name: 'Change the body' }).click();
    await settled(page, `Change the body: ${GROUP}`);
    const edit = page.getByRole('form', { name: `Change the body: ${GROUP}` });
    assert.equal(await edit.getByLabel('Code').count(), 0, 'the code is not changed');
    assert.equal(await edit.getByLabel(TOPIC).isChecked(), true);
    assert.equal(
      await edit.getByLabel('Part of').locator('option', { hasText: GROUP }).count(),
      0,
      'a body cannot be put under itself',
    );
    await edit.getByLabel('Name', { exact: true }).fill(RENAMED);
    await edit.getByRole('button', { name: 'Save the body' }).click();
    await settled(page, RENAMED);
    assert.match(await words(page.locator('.notice')), /is saved\./);

    // The topic's page lists the group; the topic cannot be deleted while the group uses it.
    await page.locator('dl.facts').getByRole('link', { name: TOPIC }).click();
    await settled(page, TOPIC);
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Bodies on this topic' }) })),
      new RegExp(RENAMED.replace(/[()]/g, '\\$&')),
    );
    await page.getByRole('button', { name: 'Delete the topic' }).click();
    await page.getByRole('button', { name: `Yes, delete ${TOPIC}` }).click();
    const refused = page.getByRole('alert');
    await refused.waitFor();
    assert.match(
      await words(refused),
      /The topic "cyber-defence-demo" is still used by body "wg-cyber-demo"\. Remove those references first\./,
    );
    assert.ok(await refused.evaluate((el) => el === document.activeElement), 'the refusal takes the focus');
    await noAxeViolations(page, 'a topic whose delete was refused');

    // The group goes, after a confirmation.
    await page.goto(at('/app/bodies/wg-cyber-demo'));
    await settled(page, RENAMED);
    await page.getByRole('button', { name: 'Delete the body' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    assert.equal(pathOf(page), '/app/bodies/wg-cyber-demo', 'kept');
    await page.getByRole('button', { name: 'Delete the body' }).click();
    await page.getByRole('button', { name: `Yes, delete ${RENAMED}` }).click();
    await settled(page, 'Bodies');
    assert.equal(pathOf(page), '/app/bodies');
    assert.match(await words(page.locator('.notice')), /is deleted\./);
    assert.equal(await page.getByRole('link', { name: RENAMED }).count(), 0);
    assert.equal((await page.request.get(at('/api/v1/bodies/wg-cyber-demo'))).status(), 404);

    // Then the topic.
    await page.goto(at('/app/topics/cyber-defence-demo'));
    await settled(page, TOPIC);
    await page.getByRole('button', { name: 'Delete the topic' }).click();
    await page.getByRole('button', { name: `Yes, delete ${TOPIC}` }).click();
    await settled(page, 'Topics');
    assert.equal(await page.getByRole('link', { name: TOPIC }).count(), 0);

    // A body still referred to is refused, and the refusal says by what.
    await page.goto(at('/app/bodies/nac'));
    await settled(page, 'North Atlantic Council');
    await page.getByRole('button', { name: 'Delete the body' }).click();
    await page.getByRole('button', { name: 'Yes, delete North Atlantic Council' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await words(page.getByRole('alert')), /The body "nac" is still used by .*meeting\(s\)/);
    assert.equal(pathOf(page), '/app/bodies/nac');
    await screenshot(page, 'workspace-body-delete-refused-1280');
    await context.close();
  });

  test('head.ru reads bodies and topics without New, Change or Delete, and the body at 19 is not found', async () => {
    const { context, page } = await signedIn('head.ru@demo.concord', '/app/bodies');
    await settled(page, 'Bodies');
    const list = page.getByRole('main');
    await list.getByRole('heading', { level: 2, name: 'NATO-Russia Council' }).waitFor();
    assert.equal(await page.getByText('North Atlantic Council').count(), 0, 'the body at 19 is not listed');
    assert.equal(await page.getByRole('link', { name: 'New body' }).count(), 0);
    // The hierarchy: the council, its preparatory committee, and the groups under the committee.
    // A body's entry is the innermost one holding its heading (the entries above it hold it too).
    const entryOf = (name: string) =>
      page
        .locator('li.cal-entry')
        .filter({ has: page.getByRole('heading', { name, exact: true }) })
        .last();
    const prepcom = entryOf('NRC Preparatory Committee');
    assert.equal(await prepcom.getByRole('heading', { level: 3 }).count(), 1, 'the committee is under the council');
    assert.deepEqual(await prepcom.getByRole('heading', { level: 4 }).allInnerTexts(), [
      'Working Group on Peacekeeping',
      'Working Group on Theatre Missile Defence',
      'Allied and Russian Experts on Defence Reform',
    ]);
    assert.match(
      await words(entryOf('Working Group on Peacekeeping')),
      /^Working Group on Peacekeeping Working group · NRC \(at 20\) · No chair recorded · Public$/,
    );
    assert.match(
      await words(page.locator('li.cal-entry').first().locator('.cal-entry-meta').first()),
      /^Council · NRC \(at 20\) · Chair: Lord Robertson of Port Ellen · Public$/,
    );
    await screenshot(page, 'workspace-bodies-head-ru-1280');
    await noAxeViolations(page, 'the bodies');
    await checkAtPhoneWidth(page, 'bodies-head-ru');

    // A body's page: read only, with its record of achievements.
    await page.getByRole('link', { name: 'Working Group on Peacekeeping' }).click();
    await settled(page, 'Working Group on Peacekeeping');
    await page
      .locator('.wp-record')
      .getByText('Generic concept of joint NATO-Russia peacekeeping operations')
      .waitFor();
    assert.match(await words(page.locator('dl.facts')), /Part of NRC Preparatory Committee/);
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Projects' }) })),
      /Joint NATO-Russia peacekeeping operations/,
    );
    assert.equal(await page.getByRole('button', { name: /Delete/ }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /Change the body|Edit/ }).count(), 0);
    await noAxeViolations(page, 'a body');
    await checkAtPhoneWidth(page, 'body-head-ru');

    // The body at 19 answers exactly like a body that does not exist.
    await page.goto(at('/app/bodies/nac'));
    await settled(page, 'Body');
    const hidden = await words(page.getByRole('main'));
    await page.goto(at('/app/bodies/no-such-body'));
    await settled(page, 'Body');
    assert.equal(await words(page.getByRole('main')), hidden);
    assert.match(hidden, /This item does not exist, or it is not available to you\./);
    assert.equal(hidden.includes('North Atlantic'), false);
    await noAxeViolations(page, 'a body not found');

    // The forms say who may, and offer nothing to send.
    await page.goto(at('/app/bodies/nrc/edit'));
    await page.getByRole('alert').waitFor();
    assert.match(await words(page.getByRole('alert')), /Only the secretariat creates and changes bodies\./);
    assert.equal(await page.getByRole('form').count(), 0);

    // Topics: read only, each with its bodies and record.
    await page.goto(at('/app/topics'));
    await settled(page, 'Topics');
    assert.equal(await page.getByRole('link', { name: 'New topic' }).count(), 0);
    assert.equal(await page.getByRole('heading', { level: 2 }).count(), 9);
    await noAxeViolations(page, 'the topics');
    await page.getByRole('link', { name: 'Crisis management' }).click();
    await settled(page, 'Crisis management');
    await page
      .locator('.wp-record')
      .getByText('Generic concept of joint NATO-Russia peacekeeping operations')
      .waitFor();
    assert.match(
      await words(page.locator('section', { has: page.getByRole('heading', { name: 'Bodies on this topic' }) })),
      /Working Group on Peacekeeping \(Working group\)/,
    );
    assert.equal(await page.getByRole('button', { name: /Delete/ }).count(), 0);
    assert.equal(await page.getByRole('link', { name: /Change the topic|Edit/ }).count(), 0);
    await noAxeViolations(page, 'a topic');
    await checkAtPhoneWidth(page, 'topic-head-ru');
    await page.goto(at('/app/topics/crisis-management/edit'));
    await page.getByRole('alert').waitFor();
    assert.match(await words(page.getByRole('alert')), /Only the secretariat creates and changes topics\./);
    await context.close();
  });
});
