// Several installations share one PostgreSQL server, each in its own schema. Migrating one while another
// schema is being dropped must not fail: Kysely's check for its migration tables reads the whole catalog,
// which PostgreSQL can fail with "schema <the other one> does not exist" (src/platform/db/migrate.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { isNeighbourSchemaRace } from '../../src/platform/db/migrate.ts';
import { createTestDatabase, TEST_POSTGRES_URL } from '../support/databases.ts';

test('only a missing schema of another installation counts as the catalog race', () => {
  const error = (message: string, code = '3F000') => Object.assign(new Error(message), { code });
  assert.equal(isNeighbourSchemaRace(error('schema "test_other" does not exist'), 'test_ours'), true);
  assert.equal(isNeighbourSchemaRace(error('schema "test_ours" does not exist'), 'test_ours'), false);
  assert.equal(isNeighbourSchemaRace(error('relation "x" does not exist', '42P01'), 'test_ours'), false);
  assert.equal(isNeighbourSchemaRace(error('schema "test_other" does not exist'), null), false);
});

test('migrating a new installation while neighbouring schemas are created and dropped succeeds', async () => {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  let churning = true;
  const churn = (async () => {
    for (let i = 0; churning; i += 1) {
      const name = `test_churn_${process.pid}_${i}`;
      await client.query(`CREATE SCHEMA "${name}"`);
      await client.query(`CREATE TABLE "${name}".t (id int primary key, v text)`);
      await client.query(`DROP SCHEMA "${name}" CASCADE`);
    }
  })();
  try {
    for (let i = 0; i < 6; i += 1) {
      const db = await createTestDatabase('postgres');
      await db.dropAll();
    }
  } finally {
    churning = false;
    await churn;
    await client.end();
  }
});
