// Where an item of the modules built on the council model sits (meetings, projects, events): in a body
// (optional for events) and in a format. The same reference checks and the same body rule for each.
import type { Tx } from '../kernel/audit/audited-write.ts';
import type { Body, Format } from '../council/model.ts';
import { findBody } from '../council/repositories/bodies.repository.ts';
import { findFormat } from '../council/repositories/formats.repository.ts';
import type { ErrorDetail } from '../kernel/errors.ts';
import { formatWithinBody } from '../kernel/access/visibility.ts';

export interface Placement {
  body: Body | null;
  format: Format | null;
}

/** The item's body and format, each read once; a code that names none is added to `problems`. */
export async function findPlacement(
  tx: Tx,
  item: { bodyCode: string | null; formatCode: string },
  problems: (ErrorDetail | null)[],
): Promise<Placement> {
  const body = item.bodyCode ? await findBody(tx, item.bodyCode) : null;
  if (item.bodyCode && !body) problems.push({ path: 'body', message: `no body "${item.bodyCode}"` });
  const format = await findFormat(tx, item.formatCode);
  // An empty format code comes from an unknown body, which is named already.
  if (item.formatCode && !format) problems.push({ path: 'format', message: `no format "${item.formatCode}"` });
  return { body, format };
}

/** The body rule (formatWithinBody): the refusal when the item's format admits members its body's format does not. */
export async function formatBeyondBody(tx: Tx, { body, format }: Placement): Promise<ErrorDetail | null> {
  const bodyFormat = body ? await findFormat(tx, body.formatCode) : null;
  return formatWithinBody(format?.members, bodyFormat?.members, 'format');
}
