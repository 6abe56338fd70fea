import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { AppError } from '../../kernel/errors.ts';
import { parseSearch, toFts5Match, toWebsearch } from './search-query.ts';

describe('search text parsing', () => {
  test('words, phrases and exclusions', () => {
    const parsed = parseSearch('peacekeeping "joint operations" -Balkans -"civil emergency"');
    assert.deepEqual(parsed, {
      include: [['peacekeeping'], ['joint', 'operations']],
      exclude: [['balkans'], ['civil', 'emergency']],
    });
    assert.equal(toFts5Match(parsed), '("peacekeeping" AND "joint operations") NOT "balkans" NOT "civil emergency"');
    assert.equal(toWebsearch(parsed), 'peacekeeping "joint operations" -balkans -"civil emergency"');
  });

  test('operators and SQL are just words; an unbalanced quote still makes a phrase', () => {
    assert.deepEqual(parseSearch(`'; DROP TABLE record_items; --`).include, [
      ['drop'],
      ['table'],
      ['record'],
      ['items'],
    ]);
    assert.deepEqual(parseSearch('NEAR(a b) OR * ^x').include, [['near'], ['a'], ['b'], ['or'], ['x']]);
    assert.deepEqual(parseSearch('"Theatre Missile').include, [['theatre', 'missile']]);
    assert.deepEqual(parseSearch('мира 2002').include, [['мира'], ['2002']]);
    assert.deepEqual(parseSearch('"joint NATO-Russia peacekeeping" -x--y').include, [
      ['joint', 'nato-russia', 'peacekeeping'],
    ]);
  });

  test('nothing to search for, or too long, is a clear SEARCH_INVALID', () => {
    for (const text of ['', '   ', '🕊️ 🤝', '-peace', '"" -"x"', '*** ---']) {
      assert.throws(
        () => parseSearch(text),
        (e: unknown) => e instanceof AppError && e.code === 'SEARCH_INVALID' && /at least one word/.test(e.message),
        text,
      );
    }
    assert.throws(() => parseSearch('a'.repeat(10_000)), /10000 characters long; the limit is 500/);
  });

  test('any input either parses into quoted word terms only, or is refused with SEARCH_INVALID', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        try {
          const match = toFts5Match(parseSearch(text));
          // Only quoted runs of letters/digits/spaces, AND, NOT and parentheses.
          assert.match(match, /^\((?:"[\p{L}\p{N} -]+"(?: AND )?)+\)(?: NOT "[\p{L}\p{N} -]+")*$/u);
        } catch (error) {
          assert.ok(error instanceof AppError && error.code === 'SEARCH_INVALID', String(error));
        }
      }),
      { numRuns: 500 },
    );
  });
});
