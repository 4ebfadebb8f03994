/**
 * The same suite on a real PostgreSQL (Debian's package, a throwaway cluster started here), and what
 * only a shared database shows: two servers, as on two machines, agree on replays and migrations.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { migrate } from '../src/db/migrations.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { sandboxGateway } from '../src/gateway.ts';
import { createHandler } from '../src/handler.ts';
import { startPostgres } from './helpers/postgres.ts';
import { paymentSuite, SECRET, signature } from './helpers/suite.ts';

const cluster = await startPostgres();
after(() => cluster.stop());

paymentSuite('PostgreSQL', async () => {
  const db = openPostgres(cluster.url);
  return { db, close: () => db.close() };
});

describe('two servers on one PostgreSQL', () => {
  const a = openPostgres(cluster.url);
  const b = openPostgres(cluster.url);
  before(async () => {
    // Both "machines" start at once: the advisory lock lets one migrate and the other wait.
    await Promise.all([migrate(a), migrate(b)]);
  });
  after(async () => {
    await a.close();
    await b.close();
  });

  it('each migration is recorded once', async () => {
    const rows = await a.query<{ version: number; n: string }>('SELECT version, count(*) AS n FROM schema_migrations GROUP BY version');
    assert.ok(rows.length >= 1);
    for (const row of rows) assert.equal(Number(row.n), 1);
  });

  it('a notification accepted by one server is refused as a replay by the other', async () => {
    const log = () => undefined;
    const one = createHandler({ db: a, gateway: sandboxGateway(), webhookSecret: SECRET, log });
    const two = createHandler({ db: b, gateway: sandboxGateway(), webhookSecret: SECRET, log });
    const requestId = randomUUID();
    const deliver = (handler: typeof one) =>
      handler.fetch(new Request('http://127.0.0.1/webhooks/mercadopago?data.id=4242&type=payment', {
        method: 'POST',
        headers: { 'x-signature': signature('4242', requestId, Math.floor(Date.now() / 1000)), 'x-request-id': requestId },
        body: JSON.stringify({ type: 'payment', data: { id: '4242' } }),
      }));
    const answers = await Promise.all([deliver(one), deliver(two)]);
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
    await Promise.all([one.idle(), two.idle()]);
  });
});
