// The one-time set-password link, as the server answers it once (at creation, or when a new link is
// issued): the address to copy, its expiry, and the warning that it will not be shown again. The
// heading takes the focus, so a keyboard or screen-reader user lands on the news.
import { useEffect, useId, useRef, useState } from 'react';
import { utcText, type SetupLink } from './model.ts';

export function SetupLinkPanel({ heading, name, link }: { heading: string; name: string; link: SetupLink }) {
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, [link.setupUrl]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(link.setupUrl);
      setCopied('yes');
    } catch {
      // Without clipboard access the address is selected, for the user to copy with the keyboard.
      inputRef.current?.select();
      setCopied('select');
    }
  }

  return (
    <section className="setup-link" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={headingRef} tabIndex={-1}>
        {heading}
      </h2>
      <p className="setup-link-warning">
        <strong>Shown only this once.</strong> Copy the link now and give it to {name} privately: whoever opens it
        chooses the password. Concord does not keep it; if it is lost, issue a new link from the account's page.
      </p>
      <div className="cal-copy">
        <label htmlFor={`${id}-url`}>One-time set-password link</label>
        <input
          id={`${id}-url`}
          ref={inputRef}
          readOnly
          value={link.setupUrl}
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" className="button secondary" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      <p>
        It works once, until <strong>{utcText(link.setupExpiresAt)}</strong>. A newer link replaces it.
      </p>
      <p role="status" className="setup-link-copied">
        {copied === 'yes'
          ? 'The link is copied to the clipboard.'
          : copied === 'select'
            ? 'The link is selected: copy it with Ctrl+C (⌘C on a Mac).'
            : ''}
      </p>
    </section>
  );
}
