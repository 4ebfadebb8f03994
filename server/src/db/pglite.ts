/**
 * The embedded PostgreSQL (PGlite: Postgres compiled to WebAssembly), so `npm run server` needs nothing
 * installed. One process owns the data directory; for more than one machine use DATABASE_URL.
 */
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

/** `dataDir`: a directory to persist in, or `memory://` for a throwaway database. */
export async function openPglite(dataDir: string): Promise<Database> {
  const pg = await PGlite.create(dataDir);
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await q.query<Row>(sql, params)).rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    close: () => pg.close(),
  };
}
