#!/usr/bin/env node
// The one test command (`npm test`). It finds every *.test.ts under src/ and test/, makes sure the
// parts the tests need are present (Chromium for browser tests; PostgreSQL is checked by the tests
// themselves with a clear message), and runs them with node's test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from './ensure-chromium.mjs';
import { buildApp } from './build-app.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function findTests(dir) {
  if (!existsSync(dir)) return [];
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findTests(path));
    else if (name.endsWith('.test.ts')) out.push(relative(root, path));
  }
  return out;
}

// Optional filter: `npm test -- audit` runs only files whose path contains "audit".
const filters = process.argv.slice(2);
let files = [...findTests(join(root, 'src')), ...findTests(join(root, 'test'))].sort();
if (filters.length > 0) files = files.filter((f) => filters.some((needle) => f.includes(needle)));
if (files.length === 0) {
  console.error(`No test files found${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);
  process.exit(1);
}

ensureChromium();
// The browser tests drive the built workspace app; build it if its sources changed since the last build.
await buildApp({ quiet: true });

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, TZ: 'UTC', NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
