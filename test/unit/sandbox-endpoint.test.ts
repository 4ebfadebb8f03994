import { expect } from '@open-wc/testing';
import { CHALLENGE_URL, createSandboxMerchant, paymentIdFromChallengeRequest, type SandboxMerchant, type SandboxPayment } from '../../sandbox/endpoint.js';
import { decodeSandboxToken, encodeSandboxToken } from '../../sandbox/token.js';

function token(cardholderName: string): string {
  return encodeSandboxToken({
    cardholderName,
    identificationType: 'DNI',
    identificationNumber: '12345678',
    paymentMethodId: 'visa',
    firstSixDigits: '450995',
    lastFourDigits: '3704',
    expirationMonth: 11,
    expirationYear: 2030,
  });
}

function body(name = 'APRO', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    token: token(name),
    transaction_amount: 1500.5,
    payment_method_id: 'visa',
    issuer_id: '310',
    installments: 3,
    statement_descriptor: 'MYSHOP',
    external_reference: 'order-42',
    payer: { email: 'buyer@example.com', identification: { type: 'DNI', number: '12345678' } },
    ...extra,
  };
}

let keyCount = 0;
const headers = (key = `key-${++keyCount}-${Math.random()}`) => ({ 'X-Idempotency-Key': key });

interface ErrorBody {
  message: string;
  error: string;
  status: number;
  cause: Array<{ code: number | string; description: string }>;
}

const OUTCOMES: Record<string, [string, string]> = {
  APRO: ['approved', 'accredited'],
  OTHE: ['rejected', 'cc_rejected_other_reason'],
  CONT: ['in_process', 'pending_contingency'],
  CALL: ['rejected', 'cc_rejected_call_for_authorize'],
  FUND: ['rejected', 'cc_rejected_insufficient_amount'],
  SECU: ['rejected', 'cc_rejected_bad_filled_security_code'],
  EXPI: ['rejected', 'cc_rejected_bad_filled_date'],
  FORM: ['rejected', 'cc_rejected_bad_filled_other'],
  CARD: ['rejected', 'cc_rejected_bad_filled_card_number'],
  INST: ['rejected', 'cc_rejected_invalid_installments'],
  DUPL: ['rejected', 'cc_rejected_duplicated_payment'],
  LOCK: ['rejected', 'cc_rejected_card_disabled'],
  CTNA: ['rejected', 'cc_rejected_card_type_not_allowed'],
  ATTE: ['rejected', 'cc_rejected_max_attempts'],
  BLAC: ['rejected', 'cc_rejected_blacklist'],
  HIGH: ['rejected', 'cc_rejected_high_risk'],
  REVW: ['in_process', 'pending_review_manual'],
  AUTH: ['authorized', 'pending_capture'],
  CHAL: ['pending', 'pending_challenge'],
  'Juana Pérez': ['approved', 'accredited'],
};

describe('sandbox card tokens', () => {
  it('round-trips the data and is unique per call', () => {
    const a = token('APRO');
    const b = token('APRO');
    expect(a).not.to.equal(b);
    expect(decodeSandboxToken(a)).to.deep.equal({
      cardholderName: 'APRO',
      identificationType: 'DNI',
      identificationNumber: '12345678',
      paymentMethodId: 'visa',
      firstSixDigits: '450995',
      lastFourDigits: '3704',
      expirationMonth: 11,
      expirationYear: 2030,
    });
  });

  it('keeps only six and four digits even when given more', () => {
    const id = encodeSandboxToken({
      cardholderName: 'APRO',
      paymentMethodId: 'visa',
      firstSixDigits: '4509953566233704',
      lastFourDigits: '4509953566233704',
      expirationMonth: 1,
      expirationYear: 2030,
    });
    const data = decodeSandboxToken(id)!;
    expect([data.firstSixDigits, data.lastFourDigits]).to.deep.equal(['450995', '3704']);
    expect(atob(id.slice(4).replace(/-/g, '+').replace(/_/g, '/'))).not.to.contain('4509953566233704');
  });

  it('decodes garbage to null without throwing', () => {
    for (const junk of [null, undefined, 42, {}, [], '', 'sbx_', 'sbx_!!!', 'sbx_e30', 'abc', 'sbx_' + 'A'.repeat(10_000), 'sbx_bnVsbA']) {
      expect(decodeSandboxToken(junk), (JSON.stringify(junk) ?? 'undefined').slice(0, 20)).to.equal(null);
    }
  });
});

describe('sandbox merchant endpoint', () => {
  let merchant: SandboxMerchant;
  beforeEach(() => {
    merchant = createSandboxMerchant();
  });

  it('decides the outcome from the test cardholder name (unknown names are approved)', () => {
    for (const [name, [status, detail]] of Object.entries(OUTCOMES)) {
      const answer = merchant.pay(body(name), headers());
      expect(answer.status, name).to.equal(201);
      const payment = answer.body as SandboxPayment;
      expect([payment.status, payment.status_detail], name).to.deep.equal([status, detail]);
      expect(payment.id).to.be.a('number');
      expect(payment).to.include({
        transaction_amount: 1500.5,
        installments: 3,
        payment_method_id: 'visa',
        issuer_id: '310',
        statement_descriptor: 'MYSHOP',
        external_reference: 'order-42',
      });
      expect(payment.date_created).to.be.a('string');
      expect(payment.date_approved === null, name).to.equal(status !== 'approved');
    }
  });

  it('reads only the first word of the name, in any case', () => {
    const payment = merchant.pay(body('othe García'), headers()).body as SandboxPayment;
    expect(payment.status_detail).to.equal('cc_rejected_other_reason');
  });

  it('answers three_ds_info for CHAL and approves once the challenge is completed', () => {
    const payment = merchant.pay(body('CHAL'), headers()).body as SandboxPayment;
    expect(payment.three_ds_info?.external_resource_url).to.equal(CHALLENGE_URL);
    const creq = payment.three_ds_info!.creq;
    expect(creq).to.match(/^[A-Za-z0-9+/]+=*$/);
    expect(paymentIdFromChallengeRequest(creq)).to.equal(String(payment.id));
    expect((merchant.status(String(payment.id)).body as SandboxPayment).status).to.equal('pending');
    expect((merchant.status(String(payment.id)).body as SandboxPayment).status).to.equal('pending');
    const done = merchant.completeChallenge(String(payment.id));
    expect(done.status).to.equal(200);
    const after = merchant.status(String(payment.id)).body as SandboxPayment;
    expect([after.status, after.status_detail]).to.deep.equal(['approved', 'accredited']);
    expect(after.date_approved).to.be.a('string');
  });

  it('completes a challenge from its creq too', () => {
    const payment = merchant.pay(body('CHAL'), headers()).body as SandboxPayment;
    merchant.completeChallenge(payment.three_ds_info!.creq);
    expect((merchant.status(payment.id).body as SandboxPayment).status).to.equal('approved');
    expect(merchant.completeChallenge('nope').status).to.equal(404);
  });

  it('moves CONT and REVW to approved on the 2nd status call; others stay put', () => {
    for (const name of ['CONT', 'REVW']) {
      const { id } = merchant.pay(body(name), headers()).body as SandboxPayment;
      const first = merchant.status(String(id));
      expect(first.status).to.equal(200);
      expect((first.body as SandboxPayment).status, name).to.equal('in_process');
      const second = merchant.status(String(id)).body as SandboxPayment;
      expect([second.status, second.status_detail], name).to.deep.equal(['approved', 'accredited']);
      expect(second.date_approved).to.be.a('string');
    }
    const { id } = merchant.pay(body('OTHE'), headers()).body as SandboxPayment;
    for (let i = 0; i < 3; i++) expect((merchant.status(String(id)).body as SandboxPayment).status).to.equal('rejected');
  });

  it('answers 404 for unknown payment ids', () => {
    for (const id of ['123', '', 'x', null, undefined, {}, []]) {
      const answer = merchant.status(id);
      expect(answer.status).to.equal(404);
      expect(answer.body).to.deep.include({ message: 'not found' });
    }
  });

  it('replays the stored answer for a repeated X-Idempotency-Key (never a second payment)', () => {
    const request = body('CONT');
    const first = merchant.pay(request, headers('same-key'));
    merchant.status(String((first.body as SandboxPayment).id));
    merchant.status(String((first.body as SandboxPayment).id));
    const replay = merchant.pay(request, { 'x-idempotency-key': 'same-key' });
    expect(replay).to.deep.equal(first);
    // Even with a fresh token, the key wins: the same attempt is the same payment.
    const third = merchant.pay(body('APRO'), headers('same-key'));
    expect(third).to.deep.equal(first);
  });

  it('replays a 400 for the same key too', () => {
    const first = merchant.pay({ ...body(), transaction_amount: -1 }, headers('bad-key'));
    expect(first.status).to.equal(400);
    expect(merchant.pay(body(), headers('bad-key'))).to.deep.equal(first);
  });

  it('refuses a token already used with another key', () => {
    const request = body('APRO');
    expect(merchant.pay(request, headers('k1')).status).to.equal(201);
    const again = merchant.pay(request, headers('k2'));
    expect(again.status).to.equal(400);
    expect((again.body as ErrorBody).cause[0].code).to.equal(2006);
    const noKey = merchant.pay(request, {});
    expect(noKey.status).to.equal(400);
  });

  it('answers 400 with Mercado Pago-style causes for invalid bodies', () => {
    const cases: Array<[unknown, number]> = [
      [{ ...body(), token: undefined }, 2006],
      [{ ...body(), token: 'ff8080814c11e237014c1ff593b57b4d' }, 2006],
      [{ ...body(), transaction_amount: 0 }, 4037],
      [{ ...body(), transaction_amount: '1500' }, 4037],
      [{ ...body(), transaction_amount: Number.NaN }, 4037],
      [{ ...body(), transaction_amount: Number.POSITIVE_INFINITY }, 4037],
      [{ ...body(), transaction_amount: 1e308 }, 4037],
      [{ ...body(), payment_method_id: '' }, 3014],
      [{ ...body(), payment_method_id: 42 }, 3014],
      [{ ...body(), installments: 0 }, 4033],
      [{ ...body(), installments: 1.5 }, 4033],
      [{ ...body(), installments: '3' }, 4033],
      [{ ...body(), payer: undefined }, 4050],
      [{ ...body(), payer: { email: 'nope' } }, 4050],
      [{ ...body(), payer: null }, 4050],
    ];
    for (const [request, code] of cases) {
      const answer = merchant.pay(request, headers());
      expect(answer.status, JSON.stringify(request)).to.equal(400);
      const error = answer.body as ErrorBody;
      expect(error).to.include({ error: 'bad_request', status: 400 });
      expect(error.message).to.be.a('string');
      expect(error.cause[0].code, JSON.stringify(request)).to.equal(code);
      expect(error.cause[0].description).to.be.a('string');
    }
  });

  it('never throws on hostile input', () => {
    const hostile: unknown[] = [
      null,
      undefined,
      '',
      'a string',
      '{"token":1}',
      [],
      [body()],
      0,
      -1,
      1e308,
      Number.NaN,
      true,
      Symbol('x'),
      { token: { nested: true } },
      { __proto__: { token: token('APRO') } },
      Object.create(null),
      new Proxy(
        {},
        {
          get() {
            throw new Error('boom');
          },
          ownKeys() {
            throw new Error('boom');
          },
        },
      ),
      { ...body(), payer: { email: 'a'.repeat(100_000) + '@x.com' } },
      {
        ...body(),
        issuer_id: {
          toString: () => {
            throw new Error('boom');
          },
        },
      },
    ];
    const hostileHeaders: unknown[] = [null, undefined, 'x', [], { 'X-Idempotency-Key': 42 }, { 'X-Idempotency-Key': '' }];
    for (const request of hostile) {
      for (const h of hostileHeaders) {
        let answer: { status: number; body: unknown } | undefined;
        expect(() => {
          answer = merchant.pay(request, h as Record<string, string>);
        }).not.to.throw();
        expect(answer!.status).to.be.oneOf([201, 400]);
      }
    }
    expect(() =>
      merchant.status({
        toString: () => {
          throw new Error('boom');
        },
      }),
    ).not.to.throw();
    expect(() => merchant.completeChallenge(Symbol('x'))).not.to.throw();
  });

  it('numbers payments uniquely', () => {
    const ids = new Set(['APRO', 'APRO', 'OTHE', 'CONT'].map((n) => (merchant.pay(body(n), headers()).body as SandboxPayment).id));
    expect(ids.size).to.equal(4);
  });
});
