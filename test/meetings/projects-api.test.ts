// The work programme on both real databases: projects with deliverables and progress reports, the
// record of achievements per body and per topic, need-to-know, and refusals that change nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS } from '../support/databases.ts';
import { auth, createTestApp, type TestApp } from '../support/app.ts';
import { auditCount, DEMO, IDS, json, lastAudit, signIn } from './support.ts';

const write = { ...json, ...auth };

for (const dialect of DIALECTS) {
  describe(`work programme API on ${dialect}`, () => {
    let t: TestApp;
    before(async () => {
      t = await createTestApp(dialect);
    });
    after(async () => t?.close());

    test('the record of the Peacekeeping working group: the generic concept of joint NATO-Russia peacekeeping operations, agreed', async () => {
      const record = (await t.app.inject({ url: '/api/v1/bodies/wg-peacekeeping/achievements' })).json();
      assert.equal(record.total, 1);
      assert.equal(record.items[0].deliverable.title, 'Generic concept of joint NATO-Russia peacekeeping operations');
      assert.equal(record.items[0].deliverable.status, 'agreed');
      const byTopic = (await t.app.inject({ url: '/api/v1/topics/theatre-missile-defence/achievements' })).json();
      assert.equal(byTopic.subject.name, 'Theatre missile defence');
      assert.equal(byTopic.items[0].project.body.code, 'wg-theatre-missile-defence');
      const titles = (await t.app.inject({ url: '/api/v1/projects' }))
        .json()
        .items.map((p: { title: string }) => p.title);
      assert.deepEqual(titles, [
        'Civil emergency preparedness',
        'Defence reform',
        'Joint NATO-Russia peacekeeping operations',
        'Theatre missile defence cooperation',
      ]);
      const project = (await t.app.inject({ url: `/api/v1/projects/${IDS.peacekeeping}` })).json();
      assert.match(project.progressReports[0].summary, /generic concept/);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/bodies/nac/achievements' })).statusCode,
        404,
        'a body the reader may not see has no record for them',
      );
    });

    test('a project at 19: Allies and staff see it and its achievements; Russia sees neither, nor counts them', async () => {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/v1/projects',
        headers: write,
        payload: {
          body: 'nac',
          title: 'Allied air policing (demo)',
          topics: ['new-threats'],
          leadMembers: ['POL'],
          deliverables: [{ title: 'Concept of operations', status: 'agreed', achievedOn: '2002-09-24' }],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id;
      assert.equal(created.json().format.code, 'nato-19');
      const ru = await signIn(t.app, DEMO.headRu);
      const pl = await signIn(t.app, DEMO.headPl);
      assert.equal((await t.app.inject({ url: `/api/v1/projects/${id}`, headers: ru.headers })).statusCode, 404);
      assert.equal((await t.app.inject({ url: `/api/v1/projects/${id}`, headers: pl.headers })).statusCode, 200);
      assert.equal((await t.app.inject({ url: '/api/v1/projects', headers: ru.headers })).json().total, 4);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/topics/new-threats/achievements', headers: ru.headers })).json().total,
        0,
      );
      assert.equal(
        (await t.app.inject({ url: '/api/v1/topics/new-threats/achievements', headers: pl.headers })).json().total,
        1,
      );
      assert.equal((await t.app.inject({ url: '/api/v1/dashboard', headers: ru.headers })).json().projects.total, 4);
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `/api/v1/projects/${id}`, headers: auth })).statusCode,
        204,
      );
    });

    test('deliverables and progress reports: each write one audit event; a repeated change writes none', async () => {
      const created = (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/projects',
          headers: write,
          payload: {
            body: 'wg-theatre-missile-defence',
            title: 'TMD interoperability study (demo)',
            leadMembers: ['RUS', 'USA'],
          },
        })
      ).json();
      const url = `/api/v1/projects/${created.id}`;
      const before = await auditCount(t);
      const added = await t.app.inject({
        method: 'POST',
        url: `${url}/deliverables`,
        headers: write,
        payload: { kind: 'milestone', title: 'Terms of reference', dueOn: '2003-01-31' },
      });
      assert.equal(added.statusCode, 201, added.body);
      const deliverable = added.json().deliverables[0];
      assert.deepEqual([deliverable.status, deliverable.dueOn], ['planned', '2003-01-31']);
      const done = await t.app.inject({
        method: 'PATCH',
        url: `${url}/deliverables/${deliverable.id}`,
        headers: write,
        payload: { status: 'delivered', achievedOn: '2003-01-20', result: 'Agreed by the working group.' },
      });
      assert.equal(done.json().deliverables[0].status, 'delivered');
      await t.app.inject({
        method: 'PATCH',
        url: `${url}/deliverables/${deliverable.id}`,
        headers: write,
        payload: { status: 'delivered' },
      });
      const report = await t.app.inject({
        method: 'POST',
        url: `${url}/progress-reports`,
        headers: write,
        payload: { reportedOn: '2003-01-21', summary: 'Terms of reference delivered.' },
      });
      assert.equal(report.statusCode, 201);
      assert.equal(report.json().progressReports.length, 1);
      assert.equal(await auditCount(t), before + 3);
      assert.deepEqual((await lastAudit(t, 'project.deliverable_updated')).summary, {
        deliverable: deliverable.id,
        changes: {
          status: { from: 'planned', to: 'delivered' },
          result: { from: '', to: 'Agreed by the working group.' },
          achievedOn: { from: null, to: '2003-01-20' },
        },
      });
      assert.equal(
        (await t.app.inject({ method: 'DELETE', url: `${url}/deliverables/${deliverable.id}`, headers: auth }))
          .statusCode,
        204,
      );
      assert.equal((await lastAudit(t, 'project.deliverable_removed')).object_id, created.id);
    });

    test('refusals name the field and change nothing', async () => {
      const before = await auditCount(t);
      const cases: [string, string, Record<string, unknown>, number, string[]][] = [
        ['POST', '/api/v1/projects', { body: 'wg-peacekeeping' }, 400, ['title']],
        [
          'POST',
          '/api/v1/projects',
          { body: 'wg-peacekeeping', title: 'X', leadMembers: ['POL', 'POL'], status: 'finished' },
          400,
          ['status', 'leadMembers'],
        ],
        [
          'POST',
          '/api/v1/projects',
          { body: 'wg-peacekeeping', title: 'X', startsOn: '2003-01-02', endsOn: '2003-01-01' },
          400,
          ['endsOn'],
        ],
        ['POST', '/api/v1/projects', { body: 'nac', format: 'nrc-20', title: 'X' }, 400, ['format']],
        ['POST', '/api/v1/projects', { body: 'nac', title: 'X', leadMembers: ['RUS'] }, 400, ['leadMembers[0]']],
        [
          'POST',
          '/api/v1/projects',
          { body: 'wg-nothing', title: 'X', topics: ['gardening'], leadMembers: ['ATL'] },
          422,
          ['body', 'topics[0]', 'leadMembers[0]'],
        ],
        [
          'POST',
          `/api/v1/projects/${IDS.peacekeeping}/deliverables`,
          { title: 'Y', status: 'agreed' },
          400,
          ['achievedOn'],
        ],
        [
          'POST',
          `/api/v1/projects/${IDS.peacekeeping}/deliverables`,
          { title: 'Y', status: 'delivered', achievedOn: '2030-01-01' },
          400,
          ['achievedOn'],
        ],
        [
          'POST',
          `/api/v1/projects/${IDS.peacekeeping}/progress-reports`,
          { reportedOn: '2002-13-01', summary: '' },
          400,
          ['reportedOn', 'summary'],
        ],
      ];
      for (const [method, url, payload, status, paths] of cases) {
        const res = await t.app.inject({ method: method as 'POST', url, headers: write, payload });
        assert.equal(res.statusCode, status, `${url} ${JSON.stringify(payload)}: ${res.body}`);
        assert.deepEqual(
          res.json().error.details.map((d: { path: string }) => d.path),
          paths,
          res.body,
        );
      }
      assert.equal(await auditCount(t), before);
      assert.equal(
        (await t.app.inject({ url: '/api/v1/projects', headers: auth }))
          .json()
          .items.filter((p: { title: string }) => p.title === 'X').length,
        0,
      );
      const linked = await t.app.inject({
        method: 'DELETE',
        url: `/api/v1/projects/${IDS.civilEmergencies}`,
        headers: auth,
      });
      assert.equal(linked.statusCode, 409);
      assert.equal(linked.json().error.code, 'IN_USE');
      assert.match(linked.json().error.message, new RegExp(`event "${IDS.bogorodsk}"`));
      assert.equal(await auditCount(t), before);
    });
  });
}
