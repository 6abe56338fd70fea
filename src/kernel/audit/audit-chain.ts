// The tamper-evident chain, pure: each row's hash covers its own content and the previous row's hash,
// so changing, removing or reordering any row breaks every hash after it. No I/O here; the
// repository feeds rows in order and the verifier says where the chain first goes wrong.
import { createHash } from 'node:crypto';

/** The hash that the first row links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** The content of one audit row, as stored. */
export interface AuditRecord {
  seq: number;
  occurredAt: string;
  actor: string;
  action: string;
  objectType: string;
  objectId: string;
  summary: string; // canonical JSON text
  requestId: string | null;
}

export interface ChainedAuditRecord extends AuditRecord {
  prevHash: string;
  hash: string;
}

/** SHA-256 over the previous hash and the row's fields, in a fixed order (a JSON array, so no field can bleed into the next). */
export function hashAuditRecord(prevHash: string, record: AuditRecord): string {
  const content = JSON.stringify([
    prevHash,
    record.seq,
    record.occurredAt,
    record.actor,
    record.action,
    record.objectType,
    record.objectId,
    record.summary,
    record.requestId,
  ]);
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** JSON with object keys sorted, so the same summary always yields the same text and hash. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export type ChainProblem =
  | { kind: 'altered'; seq: number; message: string }
  | { kind: 'missing'; seq: number; message: string }
  | { kind: 'relinked'; seq: number; message: string }
  | { kind: 'truncated'; seq: number; message: string };

export type ChainVerdict =
  { ok: true; rows: number; headHash: string } | { ok: false; rows: number; problem: ChainProblem };

/** Checks rows fed in ascending seq order, one at a time, so a chain of any length verifies in constant memory. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private problem: ChainProblem | null = null;
  private rows = 0;

  /** Feeds the next row; returns false once a problem is found (later rows no longer matter). */
  push(row: ChainedAuditRecord): boolean {
    if (this.problem) return false;
    this.rows += 1;
    if (row.seq !== this.expectedSeq) {
      const missing =
        row.seq > this.expectedSeq
          ? `rows ${this.expectedSeq}–${row.seq - 1} are`
          : `row ${row.seq} is out of order and`;
      this.problem = {
        kind: 'missing',
        seq: this.expectedSeq,
        message: `Audit row ${this.expectedSeq} is missing: ${missing} not where the chain expects them.`,
      };
      return false;
    }
    if (row.prevHash !== this.prevHash) {
      this.problem = {
        kind: 'relinked',
        seq: row.seq,
        message: `Audit row ${row.seq} does not link to row ${row.seq - 1}: its previous-hash field was changed.`,
      };
      return false;
    }
    const expected = hashAuditRecord(this.prevHash, row);
    if (expected !== row.hash) {
      this.problem = {
        kind: 'altered',
        seq: row.seq,
        message: `Audit row ${row.seq} was altered: its content no longer matches its hash.`,
      };
      return false;
    }
    this.prevHash = row.hash;
    this.expectedSeq += 1;
    return true;
  }

  /** Final verdict, comparing the last row with the recorded head (catches rows cut from the end). */
  finish(head: { seq: number; hash: string }): ChainVerdict {
    if (this.problem) return { ok: false, rows: this.rows, problem: this.problem };
    const lastSeq = this.expectedSeq - 1;
    if (head.seq !== lastSeq || head.hash !== this.prevHash) {
      const seq = Math.min(head.seq, lastSeq) + 1;
      return {
        ok: false,
        rows: this.rows,
        problem: {
          kind: 'truncated',
          seq,
          message:
            head.seq > lastSeq
              ? `Audit rows ${lastSeq + 1}–${head.seq} are missing: the chain head records ${head.seq} rows but only ${lastSeq} remain.`
              : `The chain head does not match row ${lastSeq}: the head or the last rows were changed.`,
        },
      };
    }
    return { ok: true, rows: this.rows, headHash: this.prevHash };
  }
}
