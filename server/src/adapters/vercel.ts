/**
 * Vercel (Node.js runtime). Copy to `api/[...path].ts` in a Vercel project holding this package, or
 * re-export it from there, and set BASE_PATH=/api. Vercel stops a function once it answered unless
 * `waitUntil` from @vercel/functions is used, so without it webhooks are processed before the answer
 * (handleServerless does that when no context is given): still far inside Mercado Pago's 22 s.
 */
import { handleServerless } from '../serverless.ts';

const handle = (request: Request) => handleServerless(request, process.env);

export const GET = handle;
export const POST = handle;
export const OPTIONS = handle;
