import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChainVerifier, GENESIS_HASH, canonicalJson, hashAuditRecord, type ChainedAuditRecord } from './audit-chain.ts';

function chain(n: number): ChainedAuditRecord[] {
  const rows: ChainedAuditRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const record = {
      seq,
      occurredAt: `2002-09-25T08:00:0${seq % 10}.000Z`,
      actor: 'system:test',
      action: 'member.created',
      objectType: 'member',
      objectId: `M${seq}`,
      summary: canonicalJson({ n: seq }),
      requestId: null,
    };
    const hash = hashAuditRecord(prev, record);
    rows.push({ ...record, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

function verify(rows: ChainedAuditRecord[], head: { seq: number; hash: string }) {
  const verifier = new ChainVerifier();
  for (const row of rows) if (!verifier.push(row)) break;
  return verifier.finish(head);
}

const headOf = (rows: ChainedAuditRecord[]) => ({ seq: rows.at(-1)!.seq, hash: rows.at(-1)!.hash });

describe('audit hash chain', () => {
  test('an untouched chain verifies, and an empty one too', () => {
    const rows = chain(5);
    assert.deepEqual(verify(rows, headOf(rows)), { ok: true, rows: 5, headHash: rows[4]!.hash });
    assert.deepEqual(verify([], { seq: 0, hash: GENESIS_HASH }), { ok: true, rows: 0, headHash: GENESIS_HASH });
  });

  test('a changed field is reported as altered at that row', () => {
    const rows = chain(5);
    const head = headOf(rows);
    rows[2] = { ...rows[2]!, actor: 'someone-else' };
    const verdict = verify(rows, head);
    assert.equal(verdict.ok, false);
    assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['altered', 3]);
  });

  test('a row re-hashed after alteration breaks the link of the next row', () => {
    const rows = chain(5);
    const head = headOf(rows);
    const forged = { ...rows[1]!, summary: canonicalJson({ n: 99 }) };
    forged.hash = hashAuditRecord(forged.prevHash, forged);
    rows[1] = forged;
    const verdict = verify(rows, head);
    assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['relinked', 3]);
  });

  test('a deleted row in the middle is reported as missing', () => {
    const rows = chain(5);
    const head = headOf(rows);
    rows.splice(1, 1);
    const verdict = verify(rows, head);
    assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['missing', 2]);
    assert.match(!verdict.ok ? verdict.problem.message : '', /row 2 is missing/);
  });

  test('rows cut from the end are caught by the recorded head', () => {
    const rows = chain(5);
    const head = headOf(rows);
    const verdict = verify(rows.slice(0, 3), head);
    assert.deepEqual(!verdict.ok && [verdict.problem.kind, verdict.problem.seq], ['truncated', 4]);
  });

  test('canonical JSON does not depend on key order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 0 }] } }),
      canonicalJson({ a: { c: [3, { e: 0, f: 1 }], d: 2 }, b: 1 }),
    );
  });
});
