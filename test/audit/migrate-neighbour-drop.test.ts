// Several installations share one PostgreSQL server, each in its own schema. Migrating one while another
// schema is being dropped must not fail: Kysely's check for its migration tables reads the whole catalog,
// which PostgreSQL can fail with "schema <the other one> does not exist" (src/platform/db/migrate.ts).
import { test } from 'node:test';
import pg from 'pg';
import { createTestDatabase, TEST_POSTGRES_URL } from '../support/databases.ts';

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
    for (let i = 0; i < 12; i += 1) {
      const db = await createTestDatabase('postgres');
      await db.dropAll();
    }
  } finally {
    churning = false;
    await churn;
    await client.end();
  }
});
