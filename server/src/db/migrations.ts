/**
 * Schema migrations, applied in order and recorded in `schema_migrations`. They live in code rather
 * than .sql files so a Worker bundle carries them (it has no file system). Append, never edit: a
 * deployed database has already run the old text.
 */
import type { Database } from './database.ts';

export const MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      -- An order is what the merchant sells; its amount and items are the only prices the server trusts.
      CREATE TABLE orders (
        external_reference text PRIMARY KEY CHECK (length(external_reference) BETWEEN 1 AND 256),
        amount numeric(16, 2) NOT NULL CHECK (amount > 0),
        description text,
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      -- Mercado Pago's payments for an order, as last seen; date_last_updated orders the updates.
      CREATE TABLE payments (
        id text PRIMARY KEY,
        external_reference text NOT NULL REFERENCES orders (external_reference),
        idempotency_key text,
        status text NOT NULL,
        status_detail text,
        transaction_amount numeric(16, 2) NOT NULL,
        date_last_updated timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX payments_by_order ON payments (external_reference);
      CREATE INDEX payments_by_idempotency_key ON payments (idempotency_key);
      -- Accepted webhook request ids, kept while their signed ts is inside the window: a replay of one is refused.
      CREATE TABLE webhook_deliveries (
        request_id text PRIMARY KEY,
        signed_ts bigint NOT NULL,
        data_id text NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX webhook_deliveries_by_ts ON webhook_deliveries (signed_ts);
    `,
  },
];

// Any constant works; it only has to be the same for every server sharing the database.
const MIGRATION_LOCK = 7_150_015;

/**
 * Brings the schema up to date. Safe when several machines start at once: they queue on an advisory
 * lock held for the transaction, and each re-reads what is applied once it holds the lock.
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return;
      // Statements one by one: the extended protocol that carries parameters takes a single statement.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version) VALUES ($1)', [migration.version]);
      applied.push(migration.version);
    });
  }
  return applied;
}

/** Splits on semicolons at line ends; the migrations above keep to that so no SQL parser is needed. */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}
