/**
 * A real PostgreSQL through `pg` (node-postgres), for DATABASE_URL: every machine of a deployment
 * shares it. On Cloudflare Workers `pg` connects through `cloudflare:sockets` (nodejs_compat).
 */
import pg from 'pg';
import type { Database, Queryable } from './database.ts';

export interface PostgresOptions {
  /** Pool size; a serverless function wants 1 (one request at a time per instance). */
  max?: number;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Database {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10 });
  // An idle client that loses its connection emits 'error' on the pool; without a listener that
  // would crash the process. The next query simply opens a new connection.
  let closing = false;
  // (Closing cancels the sockets, which workerd reports as errors too: those are expected.)
  pool.on('error', (error) => {
    if (!closing) console.error(`postgres: idle client error: ${error.message}`);
  });
  const wrap = (q: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as Row[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}
