/**
 * Sandbox card tokens. A real token is an opaque id that Mercado Pago resolves server-side; the sandbox has
 * no server, so the id itself carries what the sandbox endpoint needs to decide the outcome (the cardholder
 * name, e.g. "APRO") — and, on purpose, nothing a real token would hide: never the full number, never the CVV.
 */

export interface SandboxTokenData {
  cardholderName: string;
  identificationType?: string;
  identificationNumber?: string;
  /** Brand guessed from the first digits ('visa', 'master', 'amex') or null. */
  paymentMethodId: string | null;
  firstSixDigits: string;
  lastFourDigits: string;
  expirationMonth: number;
  expirationYear: number;
}

const PREFIX = 'sbx_';

/** Short keys keep the id compact; `r` is randomness so two tokens for the same card never collide. */
interface Wire {
  v: 1;
  n: string;
  t?: string;
  i?: string;
  b: string | null;
  f: string;
  l: string;
  m: number;
  y: number;
  r: string;
}

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodeSandboxToken(data: SandboxTokenData): string {
  // Only the first six and last four digits ever enter the token, even if a caller passes more.
  const wire: Wire = {
    v: 1,
    n: data.cardholderName,
    b: data.paymentMethodId,
    f: String(data.firstSixDigits).slice(0, 6),
    l: String(data.lastFourDigits).slice(-4),
    m: data.expirationMonth,
    y: data.expirationYear,
    r: randomHex(12),
  };
  if (data.identificationType) wire.t = data.identificationType;
  if (data.identificationNumber) wire.i = data.identificationNumber;
  return PREFIX + toBase64Url(JSON.stringify(wire));
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** The data of a sandbox token id, or null for anything that is not one (never throws). */
export function decodeSandboxToken(id: unknown): SandboxTokenData | null {
  if (!isStr(id) || !id.startsWith(PREFIX) || id.length > 4096) return null;
  let wire: unknown;
  try {
    wire = JSON.parse(fromBase64Url(id.slice(PREFIX.length)));
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null || Array.isArray(wire)) return null;
  const w = wire as Partial<Record<keyof Wire, unknown>>;
  if (w.v !== 1 || !isStr(w.n) || !isStr(w.f) || !isStr(w.l) || !isInt(w.m) || !isInt(w.y) || !isStr(w.r)) return null;
  if (!(w.b === null || isStr(w.b)) || (w.t !== undefined && !isStr(w.t)) || (w.i !== undefined && !isStr(w.i))) return null;
  if (!/^\d{6}$/.test(w.f) || !/^\d{4}$/.test(w.l)) return null;
  const data: SandboxTokenData = {
    cardholderName: w.n,
    paymentMethodId: w.b,
    firstSixDigits: w.f,
    lastFourDigits: w.l,
    expirationMonth: w.m,
    expirationYear: w.y,
  };
  if (w.t !== undefined) data.identificationType = w.t;
  if (w.i !== undefined) data.identificationNumber = w.i;
  return data;
}
