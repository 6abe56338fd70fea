// Which text changes notify and what they say; the live event of a change carries ids, not content.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextChange } from '../texts/text-change.ts';
import { textNotice } from './text-notices.ts';
import { textLiveEvent } from '../live/text-events.ts';

const change = (over: Partial<TextChange>): TextChange => ({
  kind: 'silence_broken',
  textId: 't-1',
  title: 'Statement on TMD',
  textKind: 'statement',
  bodyCode: 'wg-tmd',
  formatCode: 'nato-19',
  formatMembers: ['POL', 'USA'],
  at: '2026-01-02T10:00:00.000Z',
  recordedAt: '2026-01-02T10:00:01.000Z',
  by: 'user:u',
  status: 'drafting',
  ...over,
});

test('procedure opened, silence broken, adopted and failed notify the readers of the text; positions, versions and extensions do not', () => {
  assert.equal(
    textNotice(change({ kind: 'silence_opened', deadline: '2026-01-05T17:00:00.000Z', version: 3 }))!.kind,
    'procedure_opened',
  );
  assert.match(
    textNotice(change({ kind: 'silence_opened', deadline: '2026-01-05T17:00:00.000Z', version: 3 }))!.body,
    /until 2026-01-05 17:00 UTC/,
  );
  const broken = textNotice(change({ kind: 'silence_broken', member: 'POL', version: 3 }))!;
  assert.deepEqual(
    { kind: broken.kind, link: broken.link, resource: broken.resource, at: broken.at },
    {
      kind: 'silence_broken',
      link: '/app/texts/t-1',
      resource: { type: 'text', formatMembers: ['POL', 'USA'], part: 'draft' },
      at: '2026-01-02T10:00:01.000Z',
    },
  );
  assert.match(broken.body, /POL broke silence/);
  assert.match(
    textNotice(change({ kind: 'adopted', reference: 'NRC-D(2002)0007', how: 'silence' }))!.body,
    /adopted under the silence procedure, reference NRC-D\(2002\)0007/,
  );
  assert.equal(textNotice(change({ kind: 'failed' }))!.kind, 'failed');
  for (const kind of [
    'position_recorded',
    'version_created',
    'deadline_extended',
    'released',
    'reservation_placed',
  ] as const)
    assert.equal(textNotice(change({ kind })), null, kind);
});

test('the live event of a change: type text.<kind>, the text on its format for `can`, ids and statuses only', () => {
  const event = textLiveEvent(change({ kind: 'position_recorded', member: 'POL', position: 'support', version: 2 }));
  assert.equal(event.type, 'text.position_recorded');
  assert.equal(event.itemId, 't-1');
  assert.deepEqual(event.resource, { type: 'text', formatMembers: ['POL', 'USA'], part: 'draft' });
  assert.deepEqual(event.payload, { status: 'drafting', version: 2, member: 'POL', position: 'support' });
  assert.equal(JSON.stringify(event).includes('Statement on TMD'), false, 'no title or wording travels');
});
