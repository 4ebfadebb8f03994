/** The server's suite on the embedded PGlite (the default database). */
import { openPglite } from '../src/db/pglite.ts';
import { paymentSuite } from './helpers/suite.ts';

paymentSuite('PGlite', async () => {
  const db = await openPglite('memory://');
  return { db, close: () => db.close() };
});
