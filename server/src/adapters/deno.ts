/**
 * Deno Deploy: `deno run --allow-net --allow-env --allow-read src/adapters/deno.ts` locally, or deploy
 * this file as the entry point (Deno resolves the npm packages from package.json). Deno.serve keeps the
 * isolate alive for promises still running, so webhook work continues after the answer.
 */
import { handleServerless } from '../serverless.ts';

declare const Deno: {
  env: { toObject(): Record<string, string> };
  serve(handler: (request: Request) => Promise<Response>): unknown;
};

const pending = { waitUntil: (promise: Promise<unknown>) => void promise.catch(() => undefined) };

Deno.serve((request) => handleServerless(request, Deno.env.toObject(), pending));
