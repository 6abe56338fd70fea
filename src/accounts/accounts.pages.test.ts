import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACCOUNT_SLOT } from '../web/html.ts';
import { renderAccountLine, renderSetPasswordPage, renderSignInPage } from './accounts.pages.ts';

test('the sign-in page escapes what the user typed and ties the problem to its field', () => {
  const page = renderSignInPage({
    email: '"><script>x</script>',
    next: '/',
    csrf: 't',
    demoEmails: [],
    problem: { field: 'email', message: 'Enter <your> email.' },
  });
  assert.equal(page.includes('<script>x</script>'), false);
  assert.match(page, /value="&quot;&gt;&lt;script&gt;/);
  assert.match(page, /<p>Enter &lt;your&gt; email\.<\/p>/);
  assert.match(
    page,
    /id="email" name="email" type="email" autocomplete="username" required value="[^"]*" aria-describedby="problem" aria-invalid="true"/,
  );
  assert.match(page, /<title>Error: Sign in<\/title>/);
  assert.equal(page.includes('Demonstration accounts'), false, 'no demo list without the demo');
  assert.ok(page.includes(ACCOUNT_SLOT), 'the masthead keeps its account slot for the request to fill');
});

test('the set-password page names the account and hints the rule', () => {
  const page = renderSetPasswordPage({ token: 'tok', name: 'A & B', email: 'ab@example.org', csrf: 'c' });
  assert.match(page, /For A &amp; B \(ab@example\.org\)/);
  assert.match(page, /<p class="help" id="password-hint">At least 12 characters\./);
  assert.match(page, /<input type="hidden" name="token" value="tok">/);
});

test('the account line: "Signed in as NAME · Workspace · Sign out" (a form with the session token), or a sign-in link back here', () => {
  const signedIn = renderAccountLine({ name: 'Lord <Robertson>', csrfToken: 'abc' }, '/council').toString();
  assert.match(
    signedIn,
    /Signed in as <strong>Lord &lt;Robertson&gt;<\/strong><\/span> <span aria-hidden="true">·<\/span> <a href="\/app\/">Workspace<\/a> <span aria-hidden="true">·<\/span> <form method="post" action="\/sign-out"><input type="hidden" name="csrf" value="abc"><button type="submit" class="link-button">Sign out<\/button><\/form>/,
  );
  assert.match(renderAccountLine(null, '/search?q=a&b').toString(), /href="\/sign-in\?next=%2Fsearch%3Fq%3Da%26b"/);
  assert.match(renderAccountLine(null, '/').toString(), /href="\/sign-in"/);
});
