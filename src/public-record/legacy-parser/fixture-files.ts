// Reads the legacy fixtures for the tests (test/fixtures/legacy), as the importer would: as bytes.
import { readFileSync } from 'node:fs';

const FIXTURES = new URL('../../../test/fixtures/legacy/', import.meta.url);

/** The bytes of one fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}
