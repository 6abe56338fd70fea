// The workspace's warning before an item of a narrow format is made public (issue 11, finding 7): it
// names the members the format leaves out, who will see the item once it is public. Pure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicReachWarning, wideningConfirmation } from '../../app/src/components/forms/public-reach.ts';

const all = [
  { code: 'BEL', name: 'Belgium' },
  { code: 'POL', name: 'Poland' },
  { code: 'RUS', name: 'Russia' },
  { code: 'UKR', name: 'Ukraine (demo)' },
];

test('a format at 19 leaving Russia out: the warning names Russia and says everyone will see it', () => {
  assert.equal(
    publicReachWarning({ name: 'NATO (at 19)', members: ['BEL', 'POL', 'UKR'] }, all, 'the meeting'),
    'NATO (at 19) leaves out Russia. Made public, the meeting is seen by everyone: the public, and its delegation too, signed in or not.',
  );
  assert.match(
    publicReachWarning({ name: 'Two', members: ['BEL', 'POL'] }, all, 'the event')!,
    /^Two leaves out Russia and Ukraine \(demo\)\. .*their delegations too/,
  );
});

test('no warning for a format of every member, or before a format is chosen', () => {
  assert.equal(publicReachWarning({ name: 'NRC (at 20)', members: all.map((m) => m.code) }, all, 'the body'), null);
  assert.equal(publicReachWarning(undefined, all, 'the project'), null);
});

// Issue 11, finding 6: widening a body's format is confirmed first, naming who will see the body.
test('widening a body from 19 to 20 is confirmed, naming Russia; narrowing or keeping asks nothing', () => {
  const at19 = { name: 'NATO (at 19)', members: ['BEL', 'POL', 'UKR'] };
  const at20 = { name: 'NRC (at 20)', members: all.map((m) => m.code) };
  assert.match(
    wideningConfirmation(at19, at20, all)!,
    /^NRC \(at 20\) admits Russia, who is not in NATO \(at 19\): its delegation will see this body .* stay hidden from them\.$/,
  );
  assert.equal(wideningConfirmation(at20, at19, all), null);
  assert.equal(wideningConfirmation(at19, at19, all), null);
  assert.equal(wideningConfirmation(undefined, at20, all), null);
});
