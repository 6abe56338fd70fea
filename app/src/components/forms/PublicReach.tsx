// The warning beside a "Public" check box when the item's format leaves members out (public-reach.ts).
import { publicReachWarning, type ReachFormat } from './public-reach.ts';

export function PublicReach({
  checked,
  format,
  members,
  what,
}: {
  checked: boolean;
  format: ReachFormat | undefined;
  members: readonly { code: string; name: string }[] | undefined;
  what: string;
}) {
  const warning = checked ? publicReachWarning(format, members ?? [], what) : null;
  return warning ? (
    <p className="notice public-reach" role="note">
      {warning}
    </p>
  ) : null;
}
