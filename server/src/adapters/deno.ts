/**
 * Deno Deploy: deploy this file as the entry point (Deno resolves the npm packages from package.json),
 * or `deno run --allow-net --allow-env --allow-read src/adapters/deno.ts` locally. Work left running
 * after an answer is not guaranteed to finish there, so no waitUntil is passed: webhooks are processed
 * before answering (handleServerless), still far inside Mercado Pago's 22 s.
 */
import { handleServerless } from '../serverless.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(handler: (request: Request) => Promise<Response>): unknown;
};

Deno.serve((request) => handleServerless(request, Deno.env.toObject()));
