/**
 * The one database interface the server speaks: plain SQL with `$1` parameters, the same text on the
 * embedded PGlite and on a real PostgreSQL, so there is one set of queries and one set of migrations.
 */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Database extends Queryable {
  /** Runs `work` inside BEGIN … COMMIT on one connection (ROLLBACK when it throws). */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** 'pglite' or 'postgres', for logs and tests. */
  readonly kind: 'pglite' | 'postgres';
}
