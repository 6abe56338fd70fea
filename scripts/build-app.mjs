#!/usr/bin/env node
// Builds the workspace app (app/ → dist/app) with Vite, unless the last build came from the same sources.
// `npm start` and `npm test` call it first, so a fresh clone needs nothing but `npm install`. The stamp is
// a SHA-256 of every source file of the app plus the lockfile, written after a successful build only: a
// failed build never leaves a stamp that would hide it.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const appDir = join(root, 'app');
const outDir = join(root, 'dist', 'app');
const stampFile = join(outDir, '.build-stamp');

function files(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...files(path));
    else out.push(path);
  }
  return out;
}

export function sourceStamp() {
  const hash = createHash('sha256');
  for (const path of [...files(appDir), join(root, 'package-lock.json')]) {
    hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex');
}

export async function buildApp({ force = false, quiet = false } = {}) {
  const stamp = sourceStamp();
  if (
    !force &&
    existsSync(stampFile) &&
    existsSync(join(outDir, 'index.html')) &&
    readFileSync(stampFile, 'utf8') === stamp
  ) {
    if (!quiet) process.stdout.write('Workspace app is up to date (dist/app).\n');
    return false;
  }
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(appDir, 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  writeFileSync(stampFile, stamp);
  if (!quiet)
    process.stdout.write(`Built the workspace app into dist/app in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    await buildApp({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`The workspace app (app/) did not build: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
