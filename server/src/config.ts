/**
 * Configuration from environment variables, the same names on every platform (Node's process.env,
 * a Worker's env, Deno.env, Netlify's and Vercel's settings).
 */
import { mercadoPagoGateway, sandboxGateway, setMercadoPagoBaseUrl, type PaymentGateway } from './gateway.ts';
import type { HandlerOptions } from './handler.ts';

export type Env = Record<string, unknown>;

export interface ServerConfig {
  /** MP_ACCESS_TOKEN: without it the server answers like the sandbox (demo, offline). */
  accessToken?: string;
  /** MP_WEBHOOK_SECRET: the "secret signature" of the webhook in Mercado Pago's developer panel. */
  webhookSecret?: string;
  /** WEBHOOK_TOLERANCE_SECONDS: how old (or early) a signed ts may be; default 300. */
  webhookToleranceSeconds?: number;
  /** MP_API_BASE_URL: where the SDK sends requests (a local fake in tests); default Mercado Pago's API. */
  apiBaseUrl?: string;
  /** PUBLIC_URL: this server's public https origin, for notification_url. */
  publicUrl?: string;
  /** DATABASE_URL: a PostgreSQL connection string; without it, the embedded PGlite. */
  databaseUrl?: string;
  /** PGLITE_DIR: where PGlite keeps its data (default ./.data/pglite; memory:// for none). */
  pgliteDir: string;
  /** MERCHANT_API_TOKEN: bearer token for the orders API. */
  merchantApiToken?: string;
  /** ALLOWED_ORIGINS: comma-separated origins allowed to call the payment endpoints cross-origin. */
  allowedOrigins: string[];
  /** MP_THREE_D_SECURE_MODE: optional | mandatory. */
  threeDSecureMode?: 'optional' | 'mandatory';
  /** STATEMENT_DESCRIPTOR: shown on the buyer's card statement (22 characters at most). */
  statementDescriptor?: string;
  /** BASE_PATH: a prefix for every route, e.g. /api. */
  basePath?: string;
}

const text = (env: Env, name: string): string | undefined => {
  const value = env[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};

export function readConfig(env: Env): ServerConfig {
  const tolerance = Number(text(env, 'WEBHOOK_TOLERANCE_SECONDS') ?? NaN);
  const mode = text(env, 'MP_THREE_D_SECURE_MODE');
  if (mode !== undefined && mode !== 'optional' && mode !== 'mandatory') throw new Error('MP_THREE_D_SECURE_MODE must be optional or mandatory');
  const descriptor = text(env, 'STATEMENT_DESCRIPTOR');
  if (descriptor !== undefined && descriptor.length > 22) throw new Error('STATEMENT_DESCRIPTOR must be 22 characters at most');
  const publicUrl = text(env, 'PUBLIC_URL');
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) throw new Error('PUBLIC_URL must be an origin such as https://shop.example');
  return {
    accessToken: text(env, 'MP_ACCESS_TOKEN'),
    webhookSecret: text(env, 'MP_WEBHOOK_SECRET'),
    webhookToleranceSeconds: Number.isFinite(tolerance) && tolerance > 0 ? tolerance : undefined,
    apiBaseUrl: text(env, 'MP_API_BASE_URL'),
    publicUrl,
    databaseUrl: text(env, 'DATABASE_URL'),
    pgliteDir: text(env, 'PGLITE_DIR') ?? './.data/pglite',
    merchantApiToken: text(env, 'MERCHANT_API_TOKEN'),
    allowedOrigins: (text(env, 'ALLOWED_ORIGINS') ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    threeDSecureMode: mode,
    statementDescriptor: descriptor,
    basePath: text(env, 'BASE_PATH'),
  };
}

/** Mercado Pago when there is an access token, else the sandbox. */
export function gatewayFor(config: ServerConfig, sandbox: () => PaymentGateway = sandboxGateway): PaymentGateway {
  if (!config.accessToken) return sandbox();
  if (config.apiBaseUrl) setMercadoPagoBaseUrl(config.apiBaseUrl);
  return mercadoPagoGateway({ accessToken: config.accessToken });
}

export function handlerOptions(config: ServerConfig, db: HandlerOptions['db'], gateway: PaymentGateway): HandlerOptions {
  return {
    db,
    gateway,
    webhookSecret: config.webhookSecret,
    webhookToleranceSeconds: config.webhookToleranceSeconds,
    publicUrl: config.publicUrl,
    merchantApiToken: config.merchantApiToken,
    allowedOrigins: config.allowedOrigins,
    threeDSecureMode: config.threeDSecureMode,
    statementDescriptor: config.statementDescriptor,
    basePath: config.basePath,
  };
}
