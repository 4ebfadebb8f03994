/**
 * Re-pricing: the amount and items of a payment come from the server's order, never from the
 * browser. The browser's values are only compared, so a tampered page gets a clear refusal instead of
 * a payment for the wrong amount.
 */
import type { Order, OrderItem } from './orders.ts';

export type PriceCheck = { ok: true } | { ok: false; code: 'amount_mismatch' | 'items_mismatch'; message: string };

const cents = (n: number) => Math.round(n * 100);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Items compared by what sets the price: id, quantity and unit price (titles may be localized). */
function itemKey(item: unknown): string | null {
  if (!isRecord(item)) return null;
  const { id, quantity, unit_price: unitPrice } = item;
  if ((typeof id !== 'string' && typeof id !== 'number') || typeof quantity !== 'number' || typeof unitPrice !== 'number') return null;
  return `${String(id)}\u0000${quantity}\u0000${cents(unitPrice)}`;
}

const sameItems = (sent: unknown[], order: OrderItem[]) => {
  const a = sent.map(itemKey);
  if (a.includes(null)) return false;
  const b = order.map(itemKey);
  return a.length === b.length && JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
};

/** Compares what the widget sent with the order; items are optional, an amount is not. */
export function checkPrice(body: Record<string, unknown>, order: Order): PriceCheck {
  const amount = body['transaction_amount'];
  if (typeof amount !== 'number' || !Number.isFinite(amount) || cents(amount) !== cents(order.amount)) {
    return { ok: false, code: 'amount_mismatch', message: `The amount does not match order ${order.external_reference}: reload the page to see the current price.` };
  }
  const info = body['additional_info'];
  const items = isRecord(info) ? info['items'] : undefined;
  if (items !== undefined && (!Array.isArray(items) || !sameItems(items, order.items))) {
    return { ok: false, code: 'items_mismatch', message: `The items do not match order ${order.external_reference}: reload the page to see the current cart.` };
  }
  return { ok: true };
}

/** Sum of quantity × unit price, in cents precision. */
export function itemsTotal(items: OrderItem[]): number {
  return items.reduce((sum, item) => sum + cents(item.quantity * item.unit_price), 0) / 100;
}
