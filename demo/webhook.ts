/**
 * The webhook signature check lives in the reference server (server/src/webhook-signature.ts), which
 * the demo server runs behind POST /webhooks/mercadopago; re-exported here for the demo's tests.
 */
export {
  createReplayGuard,
  DEFAULT_TOLERANCE_SECONDS,
  parseSignatureHeader,
  verifyWebhook,
  verifyWebhookSignature,
  webhookManifest,
} from '../server/src/webhook-signature.ts';
