// The workspace app's shell under /app/: client routes get index.html (never cached), hashed assets are
// served with a year of caching, a missing asset is a 404 (not the shell), and a server without a build
// says how to build it instead of serving an empty page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { appShell } from '../../src/web/app-shell.ts';

async function shellOver(dist: string) {
  const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } });
  await app.register(appShell, { dist });
  await app.ready();
  return app;
}

test('serves the shell for client routes and hashed assets with long caching', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'concord-shell-')) + '/';
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell</title><div id="root"></div>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'export const built = 1;');
  const app = await shellOver(dist);
  t.after(() => app.close());

  for (const url of ['/app', '/app/', '/app/meetings/0192', '/app/calendar?view=month']) {
    const res = await app.inject(url);
    assert.equal(res.statusCode, 200, url);
    assert.match(res.headers['content-type'] as string, /^text\/html/);
    assert.equal(res.headers['cache-control'], 'no-cache', url);
    assert.match(res.body, /<div id="root">/);
  }
  // A rebuild while the server runs: the next request gets the new shell.
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>shell v2</title><div id="root"></div>');
  utimesSync(join(dist, 'index.html'), new Date(), new Date(Date.now() + 5_000));
  assert.match((await app.inject('/app/texts')).body, /shell v2/);
  const asset = await app.inject('/app/assets/index-abc123.js');
  assert.equal(asset.statusCode, 200);
  assert.match(asset.headers['cache-control'] as string, /max-age=31536000.*immutable|immutable.*max-age=31536000/);
  assert.equal(asset.body, 'export const built = 1;');
  assert.equal((await app.inject('/app/assets/index-old999.js')).statusCode, 404);
  // Nothing outside assets/ is served as a file, however the path is spelled.
  writeFileSync(join(dist, 'secret.txt'), 'not an asset');
  for (const url of ['/app/assets/..%2fsecret.txt', '/app/assets/%2e%2e/secret.txt', '/app/assets/..%5csecret.txt']) {
    const res = await app.inject(url);
    assert.doesNotMatch(res.body, /not an asset/, url);
  }
});

test('without a build, /app/ answers 503 with how to build it', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'concord-shell-empty-')) + '/';
  t.after(() => rmSync(dist, { recursive: true, force: true }));
  const app = await shellOver(dist);
  t.after(() => app.close());
  const res = await app.inject('/app/');
  assert.equal(res.statusCode, 503);
  assert.match(res.body, /npm run build/);
});
