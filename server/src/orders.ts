/**
 * Orders and their payments in SQL. An order's status is derived from its payments on every read,
 * never stored beside them, so it cannot disagree with them.
 */
import type { Queryable } from './db/database.ts';

export interface OrderItem {
  id: string;
  title: string;
  quantity: number;
  unit_price: number;
  description?: string;
  picture_url?: string;
  category_id?: string;
}

export interface NewOrder {
  external_reference: string;
  amount: number;
  description?: string | null;
  items: OrderItem[];
}

/**
 * paid: a payment for the order's amount is approved or authorized (or disputed after approval);
 * pending: one is still being decided; review: a payment went through for another amount (made
 * outside this server), which a person must look at; refunded: the money went back.
 */
export type OrderStatus = 'open' | 'pending' | 'paid' | 'review' | 'refunded';

export interface StoredPayment {
  id: string;
  status: string;
  status_detail: string | null;
  transaction_amount: number;
  date_last_updated: string;
  idempotency_key: string | null;
}

export interface Order extends NewOrder {
  description: string | null;
  status: OrderStatus;
  payments: StoredPayment[];
}

/** What the server records of a Mercado Pago payment. */
export interface PaymentSnapshot {
  id: string;
  external_reference: string;
  status: string;
  status_detail: string | null;
  transaction_amount: number;
  /** ISO 8601; an update older than the stored one is ignored. */
  date_last_updated: string;
  idempotency_key?: string | null;
}

const PAID = ['approved', 'authorized', 'in_mediation'];
const PENDING = ['pending', 'in_process'];
const REFUNDED = ['refunded', 'charged_back'];

const cents = (n: number) => Math.round(n * 100);

function orderStatus(amount: number, payments: StoredPayment[]): OrderStatus {
  const has = (statuses: string[]) => payments.some((p) => statuses.includes(p.status));
  if (payments.some((p) => PAID.includes(p.status) && cents(p.transaction_amount) === cents(amount))) return 'paid';
  if (has(PAID)) return 'review';
  if (has(PENDING)) return 'pending';
  if (has(REFUNDED)) return 'refunded';
  return 'open';
}

const iso = (value: unknown): string => new Date(value as string | Date).toISOString();

interface PaymentRow {
  id: string;
  status: string;
  status_detail: string | null;
  transaction_amount: number;
  date_last_updated: string | Date;
  idempotency_key: string | null;
}

const PAYMENT_COLUMNS = 'id, status, status_detail, transaction_amount::float8 AS transaction_amount, date_last_updated, idempotency_key';

const toPayment = (row: PaymentRow): StoredPayment => ({ ...row, date_last_updated: iso(row.date_last_updated) });

export function orderStore(db: Queryable) {
  return {
    /** Inserts an order; false when the reference is already taken (the existing order is kept). */
    async create(order: NewOrder): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO orders (external_reference, amount, description, items) VALUES ($1, $2, $3, $4::jsonb)
         ON CONFLICT (external_reference) DO NOTHING RETURNING external_reference`,
        [order.external_reference, order.amount, order.description ?? null, JSON.stringify(order.items)],
      );
      return rows.length === 1;
    },

    async find(externalReference: string): Promise<Order | null> {
      const [row] = await db.query<{ external_reference: string; amount: number; description: string | null; items: OrderItem[] }>(
        'SELECT external_reference, amount::float8 AS amount, description, items FROM orders WHERE external_reference = $1',
        [externalReference],
      );
      if (!row) return null;
      const payments = (await db.query<PaymentRow>(
        `SELECT ${PAYMENT_COLUMNS} FROM payments WHERE external_reference = $1 ORDER BY created_at, id`,
        [externalReference],
      )).map(toPayment);
      return { ...row, status: orderStatus(row.amount, payments), payments };
    },

    async findPayment(id: string): Promise<(StoredPayment & { external_reference: string }) | null> {
      const [row] = await db.query<PaymentRow & { external_reference: string }>(
        `SELECT ${PAYMENT_COLUMNS}, external_reference FROM payments WHERE id = $1`,
        [id],
      );
      return row ? { ...toPayment(row), external_reference: row.external_reference } : null;
    },

    /**
     * Records a payment as Mercado Pago last described it. One statement, so concurrent writers
     * (webhooks, polls, the creating request, on any machine) cannot interleave: the row only moves
     * to a strictly newer date_last_updated, so a duplicate changes nothing and an older snapshot
     * never downgrades a newer status. Returns whether the stored row changed.
     */
    async recordPayment(p: PaymentSnapshot): Promise<boolean> {
      const rows = await db.query(
        `INSERT INTO payments (id, external_reference, idempotency_key, status, status_detail, transaction_amount, date_last_updated)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET
           status = EXCLUDED.status,
           status_detail = EXCLUDED.status_detail,
           transaction_amount = EXCLUDED.transaction_amount,
           date_last_updated = EXCLUDED.date_last_updated,
           idempotency_key = COALESCE(payments.idempotency_key, EXCLUDED.idempotency_key),
           updated_at = now()
         WHERE payments.date_last_updated < EXCLUDED.date_last_updated
         RETURNING id`,
        [p.id, p.external_reference, p.idempotency_key ?? null, p.status, p.status_detail, p.transaction_amount, p.date_last_updated],
      );
      return rows.length === 1;
    },

    /** True when this idempotency key already produced a payment for the order (a retry, not a new attempt). */
    async hasAttempt(externalReference: string, idempotencyKey: string): Promise<boolean> {
      const rows = await db.query('SELECT 1 FROM payments WHERE external_reference = $1 AND idempotency_key = $2 LIMIT 1', [externalReference, idempotencyKey]);
      return rows.length > 0;
    },

    /**
     * Remembers a webhook request id; false when it was already seen (a replay). Entries whose signed
     * ts left the window are dropped first: a replay of one fails the time check anyway.
     */
    async acceptDelivery(requestId: string, signedTs: number, dataId: string, forgetBefore: number): Promise<boolean> {
      await db.query('DELETE FROM webhook_deliveries WHERE signed_ts < $1', [forgetBefore]);
      const rows = await db.query(
        'INSERT INTO webhook_deliveries (request_id, signed_ts, data_id) VALUES ($1, $2, $3) ON CONFLICT (request_id) DO NOTHING RETURNING request_id',
        [requestId, signedTs, dataId],
      );
      return rows.length === 1;
    },
  };
}

export type OrderStore = ReturnType<typeof orderStore>;
