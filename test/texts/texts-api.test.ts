// The texts API on both real databases: drafting, versions and diffs, positions and reservations, the
// silence procedure through HTTP, the deadline runner, agreement at a meeting, need-to-know on every
// route, and the change hooks (outbox inside the transaction, listeners after the commit).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { verifyAuditChain } from '../../src/kernel/audit/audit.repository.ts';
import { demoUuid } from '../../src/demo/load-demo.ts';
import { runDueDeadlines } from '../../src/texts/deadline-runner.ts';
import { auditActions, createTextsApp, DEMO, json, signIn, type Client, type TextsApp } from './support.ts';

const MEETING_AT_20 = demoUuid('meeting:warsaw-2002-09-25-nrc');
const MISSING = '00000000-0000-4000-8000-000000000000';

for (const dialect of DIALECTS) {
  describe(`texts API on ${dialect}`, () => {
    let t: TextsApp;
    let secretariat: Client;
    let chair: Client;
    let headRu: Client;
    let headPl: Client;
    const send = (who: Client | null, method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...(payload !== undefined ? json : {}), ...(who?.headers ?? {}) },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      });
    const create = async (payload: Record<string, unknown>) => {
      const res = await send(secretariat, 'POST', '/texts', {
        body: 'nrc',
        kind: 'statement',
        title: 'Statement on terrorism (demo)',
        text: 'The NRC condemns terrorism.',
        ...payload,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json<{ id: string; [k: string]: unknown }>();
    };

    before(async () => {
      t = await createTextsApp(dialect);
      secretariat = await signIn(t.app, DEMO.secretariat);
      chair = await signIn(t.app, DEMO.chair);
      headRu = await signIn(t.app, DEMO.headRu);
      headPl = await signIn(t.app, DEMO.headPl);
    });
    after(async () => t?.close());

    test('the secretariat creates a text at 20 with version 1; one audit event; the outbox and listeners hear of it', async () => {
      t.changes.length = 0;
      t.enqueued.length = 0;
      const text = await create({ title: 'Joint statement on search and rescue at sea (demo)' });
      assert.equal(text.status, 'drafting');
      assert.deepEqual(text.format, { code: 'nrc-20', name: 'NRC (at 20)' });
      assert.deepEqual(text.current, { number: 1, text: 'The NRC condemns terrorism.' });
      assert.equal((text.versions as { authorName: string }[])[0]!.authorName, 'Secretariat Officer (demo)');
      assert.deepEqual(await auditActions(t, text.id), ['text.created']);
      assert.deepEqual(
        t.changes.map((c) => [c.kind, c.textId, c.version, c.formatCode]),
        [['version_created', text.id, 1, 'nrc-20']],
      );
      assert.equal(t.changes[0]!.formatMembers.length, 20);
      assert.deepEqual(t.enqueued, t.changes);
      const rus = await send(headRu, 'GET', `/texts/${text.id}`);
      assert.equal(rus.statusCode, 200);
      assert.equal(rus.json().abilities.placeReservation, true);
      assert.equal(rus.json().abilities.newVersion, false);
    });

    test('a delegate cannot create texts; the public must sign in; a format wider than its body is refused', async () => {
      assert.equal(
        (await send(headRu, 'POST', '/texts', { body: 'nrc', kind: 'statement', title: 'x', text: 'y' })).statusCode,
        403,
      );
      assert.equal(
        (await send(null, 'POST', '/texts', { body: 'nrc', kind: 'statement', title: 'x', text: 'y' })).statusCode,
        401,
      );
      const wide = await send(secretariat, 'POST', '/texts', {
        body: 'nac',
        format: 'nrc-20',
        kind: 'statement',
        title: 'x',
        text: 'y',
      });
      assert.equal(wide.statusCode, 400);
      assert.match(wide.json().error.message, /RUS/);
      const unknown = await send(secretariat, 'POST', '/texts', {
        body: 'no-such-body',
        kind: 'statement',
        title: 'x',
        text: 'y',
      });
      assert.equal(unknown.json().error.code, 'UNKNOWN_REFERENCE');
    });

    test('a text at 19 is hidden from Russia and the public on every route, exactly like a missing one', async () => {
      const at19 = await create({ body: 'nac', title: 'Allied line to take (demo)' });
      assert.equal((await send(headPl, 'GET', `/texts/${at19.id}`)).statusCode, 200);
      const list = (await send(headRu, 'GET', '/texts?limit=500')).json();
      assert.ok(!list.items.some((i: { id: string }) => i.id === at19.id));
      assert.ok(!(await send(null, 'GET', '/texts')).json().items.some((i: { id: string }) => i.id === at19.id));
      const routes: [Client | null, 'GET' | 'POST' | 'DELETE', string, unknown?][] = [
        [headRu, 'GET', ''],
        [null, 'GET', ''],
        [headRu, 'GET', '/versions/1'],
        [headRu, 'GET', '/diff?from=1&to=1'],
        [headRu, 'GET', '/language-versions'],
        [headRu, 'POST', '/positions', { kind: 'comment', statement: 'x' }],
        [headRu, 'POST', '/reservations', { reason: 'x' }],
        [headRu, 'DELETE', '/reservations/RUS'],
        [headRu, 'POST', '/silence/break', { statement: 'x' }],
      ];
      for (const [who, method, suffix, payload] of routes) {
        const hidden = await send(who, method, `/texts/${at19.id}${suffix}`, payload);
        const missing = await send(who, method, `/texts/${MISSING}${suffix}`, payload);
        assert.equal(hidden.statusCode, 404, `${method} ${suffix}: ${hidden.body}`);
        assert.equal(missing.statusCode, 404);
        assert.equal(
          hidden.json().error.message.replace(at19.id, 'ID'),
          missing.json().error.message.replace(MISSING, 'ID'),
          suffix,
        );
      }
    });

    test('versions: numbered, refused for delegates and for the same wording; a word-level diff between any two', async () => {
      const text = await create({ text: 'The Council agreed the concept.' });
      const v2 = await send(secretariat, 'POST', `/texts/${text.id}/versions`, {
        text: 'The Council endorsed the concept, today.',
        note: 'Russian proposal',
      });
      assert.equal(v2.statusCode, 201, v2.body);
      assert.equal(v2.json().current.number, 2);
      const delegate = await send(headRu, 'POST', `/texts/${text.id}/versions`, { text: 'Other words.' });
      assert.equal(delegate.statusCode, 403);
      assert.equal(delegate.json().error.code, 'NOT_DRAFTER');
      const same = await send(secretariat, 'POST', `/texts/${text.id}/versions`, {
        text: 'The Council endorsed the concept, today.',
      });
      assert.equal(same.statusCode, 400);
      assert.match(same.json().error.message, /same wording as version 2/);
      const diff = (await send(headRu, 'GET', `/texts/${text.id}/diff?from=1&to=2`)).json();
      assert.deepEqual(
        diff.segments.filter((s: { op: string }) => s.op !== 'equal'),
        [
          { op: 'delete', text: 'agreed' },
          { op: 'insert', text: 'endorsed' },
          { op: 'insert', text: ', today' },
        ],
      );
      assert.equal((await send(headRu, 'GET', `/texts/${text.id}/diff?from=1&to=3`)).statusCode, 404);
      // Found by the fuzzer: a version past the database's integers was a 500 on PostgreSQL.
      for (const path of [`/diff?from=9007199254740991&to=1`, `/versions/2147483648`]) {
        const huge = await send(headRu, 'GET', `/texts/${text.id}${path}`);
        assert.equal(huge.statusCode, 400, path);
        assert.equal(huge.json().error.code, 'VALIDATION_FAILED', path);
        assert.match(huge.json().error.message, /must be at most 1000000/, path);
      }
      assert.equal(
        (await send(headRu, 'GET', `/texts/${text.id}/versions/1`)).json().text,
        'The Council agreed the concept.',
      );
      assert.deepEqual(await auditActions(t, text.id), ['text.created', 'text.version_created']);
    });

    test('positions and reservations: comments by delegates, reservations by heads of delegation only, for their own member', async () => {
      const text = await create({});
      assert.equal(
        (await send(headRu, 'POST', `/texts/${text.id}/positions`, { kind: 'support', statement: '' })).statusCode,
        201,
      );
      assert.equal(
        (await send(secretariat, 'POST', `/texts/${text.id}/positions`, { kind: 'comment', statement: 'x' }))
          .statusCode,
        403,
      );
      const placed = await send(headPl, 'POST', `/texts/${text.id}/reservations`, {
        reason: 'Paragraph 2 needs the Warsaw wording.',
      });
      assert.equal(placed.statusCode, 201, placed.body);
      assert.deepEqual(
        placed.json().reservations.map((r: { member: { code: string } }) => r.member.code),
        ['POL'],
      );
      const forOther = await send(headRu, 'DELETE', `/texts/${text.id}/reservations/POL`);
      assert.equal(forOther.statusCode, 403);
      assert.equal(forOther.json().error.code, 'NOT_YOUR_MEMBER');
      const open = await send(chair, 'POST', `/texts/${text.id}/silence`, {
        version: 1,
        deadline: '2026-01-09T12:00',
        timeZone: 'Europe/Brussels',
      });
      assert.equal(open.statusCode, 409);
      assert.equal(open.json().error.code, 'RESERVATIONS_STAND');
      assert.match(open.json().error.message, /POL/);
      assert.deepEqual(open.json().error.details, [{ path: 'members', message: 'POL' }]);
      const lifted = await send(headPl, 'DELETE', `/texts/${text.id}/reservations/POL`);
      assert.equal(lifted.statusCode, 200);
      assert.deepEqual(lifted.json().reservations, []);
      const kinds = lifted
        .json()
        .positions.map((p: { member: { code: string }; kind: string }) => `${p.member.code}:${p.kind}`);
      assert.deepEqual(kinds, ['RUS:support', 'POL:reservation_placed', 'POL:reservation_lifted']);
      assert.deepEqual(await auditActions(t, text.id), [
        'text.created',
        'text.position_recorded',
        'text.reservation_placed',
        'text.reservation_lifted',
      ]);
    });

    test('silence: opened by the chair in a local time zone, blocks drafting, extended, broken by a head of delegation; refusals change nothing', async () => {
      const text = await create({});
      const url = `/texts/${text.id}`;
      assert.equal(
        (
          await send(secretariat, 'POST', `${url}/silence`, {
            version: 1,
            deadline: '2026-01-09T12:00',
            timeZone: 'Europe/Brussels',
          })
        ).json().error.code,
        'NOT_CHAIR',
      );
      const badZone = await send(chair, 'POST', `${url}/silence`, {
        version: 1,
        deadline: '2026-01-09T12:00',
        timeZone: 'Europe/Bruxelles',
      });
      assert.equal(badZone.statusCode, 422);
      assert.equal(badZone.json().error.code, 'INVALID_TIME_ZONE');
      assert.equal(
        (
          await send(chair, 'POST', `${url}/silence`, {
            version: 1,
            deadline: '2026-01-02T12:00',
            timeZone: 'Europe/Brussels',
          })
        ).json().error.code,
        'DEADLINE_IN_PAST',
      );
      const opened = await send(chair, 'POST', `${url}/silence`, {
        version: 1,
        deadline: '2026-01-09T12:00',
        timeZone: 'Europe/Brussels',
      });
      assert.equal(opened.statusCode, 200, opened.body);
      assert.equal(opened.json().procedure.deadline, '2026-01-09T11:00:00.000Z', 'Brussels is UTC+1 in January');
      assert.deepEqual(opened.json().procedure.deadlineLocal, { date: '2026-01-09', time: '12:00', offset: '+01:00' });
      assert.equal(opened.json().deadline, '2026-01-09T11:00:00.000Z');
      const before = await auditActions(t, text.id);
      const edit = await send(secretariat, 'POST', `${url}/versions`, { text: 'New words.' });
      assert.equal(edit.statusCode, 409);
      assert.equal(edit.json().error.code, 'VERSION_UNDER_SILENCE');
      assert.deepEqual(await auditActions(t, text.id), before, 'a refusal writes nothing');
      const extended = await send(chair, 'POST', `${url}/silence/extend`, { deadline: '2026-01-10T12:00' });
      assert.equal(extended.json().procedure.deadline, '2026-01-10T11:00:00.000Z');
      t.changes.length = 0;
      const broken = await send(headRu, 'POST', `${url}/silence/break`, {
        statement: 'Russia cannot agree to paragraph 3.',
      });
      assert.equal(broken.statusCode, 200, broken.body);
      assert.equal(broken.json().status, 'drafting');
      assert.equal(broken.json().history[0].outcome, 'failed');
      assert.equal(broken.json().history[0].brokenBy.member, 'RUS');
      // The history names the people: who spoke for Russia, who opened and extended the procedure.
      const told = broken.json().history[0];
      assert.deepEqual(
        [told.brokenBy.memberName, told.brokenBy.byName],
        ['Russia', 'Head of the Russian Delegation (demo)'],
      );
      assert.equal(told.openedByName, 'Lord Robertson of Port Ellen');
      assert.deepEqual(
        told.extensions.map((e: { byName: string }) => e.byName),
        ['Lord Robertson of Port Ellen'],
      );
      assert.deepEqual(
        t.changes.map((c) => c.kind),
        ['silence_broken', 'failed'],
      );
      assert.equal(t.changes[0]!.member, 'RUS');
      const again = await send(headRu, 'POST', `${url}/silence/break`, { statement: 'Again.' });
      assert.equal(again.json().error.code, 'ALREADY_BROKEN');
      assert.equal(
        (await send(headPl, 'POST', `${url}/silence/break`, { member: 'RUS', statement: 'x' })).json().error.code,
        'NOT_YOUR_MEMBER',
      );
      assert.deepEqual(await auditActions(t, text.id), [
        'text.created',
        'text.silence_opened',
        'text.deadline_extended',
        'text.silence_broken',
        'text.failed',
      ]);
      const events = broken.json().events.map((e: { type: string }) => e.type);
      assert.deepEqual(events, ['version_created', 'silence_opened', 'deadline_extended', 'silence_broken', 'failed']);
    });

    test('the deadline runner adopts at the deadline, once, with a decision reference; then everything is refused', async () => {
      const text = await create({ title: 'Statement adopted by silence (demo)' });
      const url = `/texts/${text.id}`;
      await send(chair, 'POST', `${url}/silence`, {
        version: 1,
        deadline: '2026-01-06T12:00',
        timeZone: 'Europe/Brussels',
      });
      assert.deepEqual(
        (await runDueDeadlines(t.deps, t.clock.now())).adopted.filter((a) => a.textId === text.id),
        [],
        'not before the deadline',
      );
      // The runner is called with a later time (the app's clock stays, so the sessions stay alive).
      const later = new Date('2026-01-06T15:30:00Z');
      const report = await runDueDeadlines(t.deps, later);
      const mine = report.adopted.find((a) => a.textId === text.id);
      assert.match(mine!.reference, /^NRC-20-D\(2026\)\d{4}$/);
      assert.deepEqual((await runDueDeadlines(t.deps, later)).adopted, [], 'a second run finds nothing to do');
      const adopted = (await send(headRu, 'GET', url)).json();
      assert.equal(adopted.status, 'adopted');
      assert.equal(adopted.deadline, null);
      assert.equal(adopted.decision.reference, mine!.reference);
      assert.equal(adopted.decision.adoptedAt, '2026-01-06T11:00:00.000Z', 'the deadline, not when it was noticed');
      assert.equal(adopted.decision.recordedAt, '2026-01-06T15:30:00.000Z');
      assert.equal(
        (await send(headRu, 'POST', `${url}/silence/break`, { statement: 'Too late.' })).json().error.code,
        'TEXT_ADOPTED',
      );
      assert.equal(
        (await send(headRu, 'POST', `${url}/positions`, { kind: 'comment', statement: 'x' })).json().error.code,
        'TEXT_ADOPTED',
      );
      assert.deepEqual(
        (await auditActions(t, text.id)).filter((a) => a === 'text.adopted'),
        ['text.adopted'],
      );
      const register = (await send(headRu, 'GET', '/decisions')).json();
      const entry = register.items.find((d: { reference: string }) => d.reference === mine!.reference);
      assert.equal(entry.how, 'silence');
      assert.equal(entry.wording, 'The NRC condemns terrorism.');
      assert.equal(entry.history[0].outcome, 'adopted');
      assert.equal((await send(null, 'GET', '/decisions')).json().total, 0, 'the register is not public');
      const one = await send(headRu, 'GET', `/decisions/${encodeURIComponent(mine!.reference)}`);
      assert.equal(one.statusCode, 200);
    });

    test('agreement at a meeting: only the chair, a meeting that exists; the decision joins the meeting outcome', async () => {
      const text = await create({ kind: 'concept', title: 'Concept of joint exercises (demo)' });
      const url = `/texts/${text.id}`;
      assert.equal(
        (await send(chair, 'POST', `${url}/agreement`, { version: 1, meeting: MISSING })).json().error.code,
        'UNKNOWN_REFERENCE',
      );
      assert.equal(
        (await send(secretariat, 'POST', `${url}/agreement`, { version: 1, meeting: MEETING_AT_20 })).json().error.code,
        'NOT_CHAIR',
      );
      const agreed = await send(chair, 'POST', `${url}/agreement`, { version: 1, meeting: MEETING_AT_20 });
      assert.equal(agreed.statusCode, 200, agreed.body);
      assert.equal(agreed.json().decision.how, 'meeting');
      const reference = agreed.json().decision.reference as string;
      const meeting = (await send(chair, 'GET', `/meetings/${MEETING_AT_20}`)).json();
      assert.ok(
        meeting.outcome.decisions.includes(`${reference}: Concept of joint exercises (demo)`),
        JSON.stringify(meeting.outcome.decisions),
      );
      const release = await send(secretariat, 'POST', `/decisions/${encodeURIComponent(reference)}/release`, {});
      assert.equal(release.statusCode, 409);
      assert.equal(release.json().error.code, 'NOT_RELEASABLE');
    });

    test('language versions link both ways; two versions in one language, or in another body or format, are refused', async () => {
      const en = await create({ title: 'Statement (demo)', language: 'en' });
      const ru = await create({ title: 'Заявление (demo)', language: 'ru' });
      const other = await create({ title: 'Another English (demo)', language: 'en' });
      const linked = await send(secretariat, 'POST', `/texts/${en.id}/language-versions`, { text: ru.id });
      assert.equal(linked.statusCode, 200, linked.body);
      assert.deepEqual(
        linked.json().items.map((i: { language: string }) => i.language),
        ['ru'],
      );
      assert.deepEqual(
        (await send(headRu, 'GET', `/texts/${ru.id}/language-versions`)).json().items.map((i: { id: string }) => i.id),
        [en.id],
      );
      assert.equal(
        (await send(secretariat, 'POST', `/texts/${other.id}/language-versions`, { text: ru.id })).statusCode,
        400,
      );
      assert.equal(
        (await send(headRu, 'POST', `/texts/${en.id}/language-versions`, { text: other.id })).statusCode,
        403,
      );
      // A version must share the body and format of the text it translates.
      const allied = await create({ title: 'Déclaration (demo)', language: 'fr', body: 'nac' });
      const elsewhere = await send(secretariat, 'POST', `/texts/${en.id}/language-versions`, { text: allied.id });
      assert.equal(elsewhere.statusCode, 400, elsewhere.body);
      assert.deepEqual(
        elsewhere.json().error.details.map((d: { path: string }) => d.path),
        ['text'],
      );
      assert.match(elsewhere.json().error.message, /share their body and format/);
    });

    test('the outbox runs inside the transaction: when it fails, the act is not committed and listeners hear nothing', async () => {
      const text = await create({});
      t.changes.length = 0;
      t.failOutbox.on = true;
      try {
        const res = await send(headRu, 'POST', `/texts/${text.id}/positions`, { kind: 'comment', statement: 'x' });
        assert.equal(res.statusCode, 500);
      } finally {
        t.failOutbox.on = false;
      }
      assert.deepEqual(t.changes, []);
      assert.deepEqual((await send(headRu, 'GET', `/texts/${text.id}`)).json().positions, []);
      assert.deepEqual(await auditActions(t, text.id), ['text.created']);
    });

    test('the audit chain is intact after all of it', async () => {
      assert.equal((await verifyAuditChain(t.db.database)).ok, true);
    });
  });
}
