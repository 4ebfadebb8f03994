/** `npm run migrate`: brings DATABASE_URL's schema up to date (serverless deployments run it once per deploy). */
import { readConfig } from './config.ts';
import { migrate } from './db/migrations.ts';
import { openPostgres } from './db/postgres.ts';

const { databaseUrl } = readConfig(process.env);
if (!databaseUrl) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
const db = openPostgres(databaseUrl, { max: 1 });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied migrations ${applied.join(', ')}` : 'schema up to date');
} finally {
  await db.close();
}
