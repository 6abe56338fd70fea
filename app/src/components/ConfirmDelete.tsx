// Deleting in two steps: "Delete …" turns into "Yes, delete …" / "Keep it", with the focus moved to the
// confirmation so a keyboard user lands on the choice just offered.
import { useRef, useState } from 'react';

export function ConfirmDelete({
  label,
  confirmLabel,
  onConfirm,
}: {
  label: string;
  confirmLabel: string;
  onConfirm: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  if (!confirming)
    return (
      <button
        type="button"
        className="button secondary"
        onClick={() => {
          setConfirming(true);
          requestAnimationFrame(() => confirmRef.current?.focus());
        }}
      >
        {label}
      </button>
    );
  return (
    <>
      <button type="button" ref={confirmRef} className="button danger" onClick={onConfirm}>
        {confirmLabel}
      </button>
      <button type="button" className="button secondary" onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </>
  );
}
