// Server-rendered pages of signing in: the sign-in form, the set-password form, and the account line
// of the masthead. Pure functions of their data; they work without JavaScript. Errors are summarised
// at the top (role="alert", "Error:" in the title, which screen readers read first) and tied to their
// field with aria-describedby and aria-invalid.
import { html, layout, type SafeHtml } from '../web/html.ts';
import { PASSWORD_MIN_LENGTH } from './model.ts';

export interface FormProblem {
  message: string;
  /** The field at fault, if one is. */
  field?: string;
}

interface Common {
  councilName?: string;
  csrf: string;
  problem?: FormProblem | null;
  notice?: string | null;
}

function frame(title: string, description: string, common: Common, body: SafeHtml): string {
  return layout({
    title: `${common.problem ? 'Error: ' : ''}${title}`,
    description,
    ...(common.councilName ? { councilName: common.councilName } : {}),
    body,
  });
}

function summary(common: Common): SafeHtml {
  if (common.problem) {
    return html`<div class="alert" role="alert" id="problem"><h2>There is a problem</h2><p>${common.problem.message}</p></div>`;
  }
  return common.notice ? html`<div class="notice" role="status"><p>${common.notice}</p></div>` : html``;
}

function field(opts: {
  id: string;
  label: string;
  type: string;
  autocomplete: string;
  value?: string;
  hint?: string;
  problem?: FormProblem | null;
}): SafeHtml {
  const invalid = opts.problem?.field === opts.id;
  const described = [opts.hint ? `${opts.id}-hint` : '', invalid ? 'problem' : ''].filter(Boolean).join(' ');
  return html`<div class="field">
  <label for="${opts.id}">${opts.label}</label>
  ${opts.hint ? html`<p class="help" id="${opts.id}-hint">${opts.hint}</p>` : ''}
  <input id="${opts.id}" name="${opts.id}" type="${opts.type}" autocomplete="${opts.autocomplete}" required${opts.value !== undefined ? html` value="${opts.value}"` : ''}${described ? html` aria-describedby="${described}"` : ''}${invalid ? html` aria-invalid="true"` : ''}>
</div>`;
}

export interface SignInPageData extends Common {
  email: string;
  next: string;
  /** Accounts of the demo data set, listed when the demo is loaded. */
  demoEmails: string[];
}

/** The sign-in page: email and password, posted to /sign-in with the signed form token. */
export function renderSignInPage(data: SignInPageData): string {
  return frame(
    'Sign in',
    'Sign in to the council secretariat system.',
    data,
    html`<div class="auth">
<h1>Sign in</h1>
<p class="lede">For the secretariat, the chair, delegations and auditors. The public record needs no account.</p>
${summary(data)}
<form class="auth-form" method="post" action="/sign-in">
  <input type="hidden" name="csrf" value="${data.csrf}">
  <input type="hidden" name="next" value="${data.next}">
  ${field({ id: 'email', label: 'Email address', type: 'email', autocomplete: 'username', value: data.email, problem: data.problem })}
  ${field({ id: 'password', label: 'Password', type: 'password', autocomplete: 'current-password', problem: data.problem })}
  <button type="submit">Sign in</button>
</form>
<p class="help">Forgotten your password, or never set one? Ask an administrator of the secretariat for a new set-password link.</p>
${
  data.demoEmails.length
    ? html`<section class="demo-accounts" aria-labelledby="demo-h">
  <h2 id="demo-h">Demonstration accounts</h2>
  <p>This installation runs the demo council. Each of these accounts (demo data) has the password <code>concord-demo-2002</code>:</p>
  <ul>${data.demoEmails.map((e) => html`<li><code>${e}</code></li>`)}</ul>
</section>`
    : ''
}
</div>`,
  );
}

export interface SetPasswordPageData extends Common {
  token: string;
  name: string;
  email: string;
}

/** The set-password page of a one-time link: the new password twice. */
export function renderSetPasswordPage(data: SetPasswordPageData): string {
  return frame(
    'Choose your password',
    'Choose the password of your account.',
    data,
    html`<div class="auth">
<h1>Choose your password</h1>
<p class="lede">For ${data.name} (${data.email}). This link works once.</p>
${summary(data)}
<form class="auth-form" method="post" action="/set-password">
  <input type="hidden" name="csrf" value="${data.csrf}">
  <input type="hidden" name="token" value="${data.token}">
  ${field({ id: 'password', label: 'New password', type: 'password', autocomplete: 'new-password', hint: `At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`, problem: data.problem })}
  ${field({ id: 'confirm', label: 'New password again', type: 'password', autocomplete: 'new-password', problem: data.problem })}
  <button type="submit">Set password</button>
</form>
</div>`,
  );
}

/** The page of a set-password link that cannot be used (any more). */
export function renderLinkInvalidPage(message: string, councilName?: string): string {
  return layout({
    title: 'Error: this link cannot be used',
    description: message,
    ...(councilName ? { councilName } : {}),
    body: html`<div class="auth"><h1>This link cannot be used</h1><div class="alert" role="alert"><p>${message}</p></div><p><a href="/sign-in">Go to sign in</a></p></div>`,
  });
}

/** The account line of the masthead: "Signed in as NAME · Sign out", or a sign-in link. */
export function renderAccountLine(viewer: { name: string; csrfToken: string } | null, here: string): SafeHtml {
  if (!viewer)
    return html`<div class="account"><a href="/sign-in${here === '/' ? '' : `?next=${encodeURIComponent(here)}`}">Sign in</a></div>`;
  return html`<div class="account"><span>Signed in as <strong>${viewer.name}</strong></span> <span aria-hidden="true">·</span> <a href="/app/">Workspace</a> <span aria-hidden="true">·</span> <form method="post" action="/sign-out"><input type="hidden" name="csrf" value="${viewer.csrfToken}"><button type="submit" class="link-button">Sign out</button></form></div>`;
}
