/**
 * The checkout session without a browser page: every transition, table-driven, and what the
 * buyer sees and the page hears derived from each state (the message, the way out, the custom
 * states, the mp-error).
 */
import { expect } from '@open-wc/testing';
import { INITIAL_STATE, transition, type CheckoutEvent, type CheckoutState, type PaymentSummary } from '../../src/session/checkout-session.js';
import { customStates, errorEventFor, fieldToFix, formHidden, messageFor, receiptFor, recoveryFor, type FeedbackContext } from '../../src/session/feedback.js';
import type { ClientOutcome } from '../../src/merchant/payment-client.js';

const sent: PaymentSummary = { amount: 1500.5, paymentMethodId: 'visa', paymentMethodName: 'Visa', installments: 3 };
const payment = (status: string, statusDetail?: string) => ({ id: '42', status, statusDetail, sent });
const result = (status: string, statusDetail?: string, extra: Partial<Extract<ClientOutcome, { type: 'result' }>> = {}): ClientOutcome => ({
  type: 'result',
  id: '42',
  status,
  statusDetail,
  ...extra,
});

const S = {
  loading: INITIAL_STATE,
  configuring: { phase: 'configuring', problems: [{ code: 'missing_amount' }] },
  ready: { phase: 'ready' },
  readyWithNotice: { phase: 'ready', notice: { type: 'lookup-failed' } },
  submitting: { phase: 'submitting' },
  challenge: { phase: 'challenge', payment: payment('pending', 'pending_challenge'), url: 'https://issuer.test/3ds', creq: 'abc' },
  pending: { phase: 'pending', payment: payment('in_process', 'pending_contingency') },
  unconfirmed: { phase: 'unconfirmed', payment: payment('success') },
  approved: { phase: 'approved', payment: payment('approved', 'accredited') },
  sdkFailed: { phase: 'failed', failure: { type: 'sdk', code: 'sdk_load_failed' } },
  buildFailed: { phase: 'failed', failure: { type: 'build', code: 'fields_timeout' } },
  challengeFailed: { phase: 'failed', failure: { type: 'challenge', code: 'invalid_challenge' } },
} satisfies Record<string, CheckoutState>;

type Row = [from: keyof typeof S, event: CheckoutEvent, to: CheckoutState | 'same'];

const problems = [{ code: 'invalid_amount' as const }];

const TABLE: Row[] = [
  // Configuration: re-derived on every update; a fix brings the form up, a break stops it.
  ['loading', { type: 'configured', problems }, { phase: 'configuring', problems }],
  ['ready', { type: 'configured', problems }, { phase: 'configuring', problems }],
  ['readyWithNotice', { type: 'configured', problems }, { phase: 'configuring', problems }],
  ['sdkFailed', { type: 'configured', problems }, { phase: 'configuring', problems }],
  ['configuring', { type: 'configured', problems: [] }, { phase: 'loading' }],
  ['configuring', { type: 'configured', problems }, { phase: 'configuring', problems }],
  ['configuring', { type: 'configured', problems: [{ code: 'missing_amount' }] }, 'same'],
  ['ready', { type: 'configured', problems: [] }, 'same'],
  ['loading', { type: 'configured', problems: [] }, 'same'],
  // A payment in flight or done is never undone by an attribute.
  ['submitting', { type: 'configured', problems }, 'same'],
  ['challenge', { type: 'configured', problems }, 'same'],
  ['pending', { type: 'configured', problems }, 'same'],
  ['unconfirmed', { type: 'configured', problems }, 'same'],
  ['approved', { type: 'configured', problems }, 'same'],
  // Loading the form.
  ['loading', { type: 'form-ready' }, { phase: 'ready' }],
  ['ready', { type: 'form-ready' }, 'same'],
  ['configuring', { type: 'form-ready' }, 'same'],
  ['loading', { type: 'sdk-failed', code: 'sdk_timeout' }, { phase: 'failed', failure: { type: 'sdk', code: 'sdk_timeout' } }],
  ['configuring', { type: 'sdk-failed', code: 'sdk_timeout' }, 'same'],
  ['loading', { type: 'build-failed', code: 'fields_timeout' }, { phase: 'failed', failure: { type: 'build', code: 'fields_timeout' } }],
  ['ready', { type: 'build-failed', code: 'sdk_request_failed' }, { phase: 'failed', failure: { type: 'build', code: 'sdk_request_failed' } }],
  ['submitting', { type: 'build-failed', code: 'fields_timeout' }, 'same'],
  // Recovery: "Try again" rebuilds a form that could not be built; a reload is the only way out of a dead SDK.
  ['buildFailed', { type: 'rebuild' }, { phase: 'loading' }],
  ['sdkFailed', { type: 'rebuild' }, 'same'],
  ['ready', { type: 'rebuild' }, { phase: 'loading' }],
  ['approved', { type: 'rebuild' }, { phase: 'loading' }],
  ['pending', { type: 'rebuild' }, { phase: 'loading' }],
  // reset(): the form comes back, and the unresolved attempt stays with the payment controller.
  ['unconfirmed', { type: 'rebuild' }, { phase: 'loading' }],
  ['configuring', { type: 'rebuild' }, 'same'],
  ['submitting', { type: 'rebuild' }, 'same'],
  // Paying.
  ['ready', { type: 'submitted' }, { phase: 'submitting' }],
  ['readyWithNotice', { type: 'submitted' }, { phase: 'submitting' }],
  ['submitting', { type: 'submitted' }, 'same'],
  ['loading', { type: 'submitted' }, 'same'],
  ['approved', { type: 'submitted' }, 'same'],
  ['pending', { type: 'submitted' }, 'same'],
  // "Check again" repeats the unconfirmed attempt.
  ['unconfirmed', { type: 'submitted' }, { phase: 'submitting' }],
  ['submitting', { type: 'stopped', notice: { type: 'fields' } }, { phase: 'ready', notice: { type: 'fields' } }],
  ['submitting', { type: 'stopped' }, { phase: 'ready', notice: undefined }],
  ['ready', { type: 'stopped' }, 'same'],
  ['submitting', { type: 'answered', outcome: result('approved', 'accredited'), sent }, { phase: 'approved', payment: payment('approved', 'accredited') }],
  [
    'submitting',
    { type: 'answered', outcome: result('authorized', 'pending_capture'), sent },
    { phase: 'approved', payment: payment('authorized', 'pending_capture') },
  ],
  [
    'submitting',
    { type: 'answered', outcome: result('in_process', 'pending_contingency'), sent },
    { phase: 'pending', payment: payment('in_process', 'pending_contingency') },
  ],
  [
    'submitting',
    {
      type: 'answered',
      outcome: result('pending', 'pending_challenge', { threeDsInfo: { externalResourceUrl: 'https://issuer.test/3ds', creq: 'abc' } }),
      sent,
    },
    { phase: 'challenge', payment: payment('pending', 'pending_challenge'), url: 'https://issuer.test/3ds', creq: 'abc' },
  ],
  // A challenge the element cannot open can never complete: said, with "Try again" (a new attempt).
  [
    'submitting',
    { type: 'answered', outcome: result('pending', 'pending_challenge', { unusableChallenge: true }), sent },
    { phase: 'failed', failure: { type: 'challenge', code: 'invalid_challenge' } },
  ],
  [
    'submitting',
    { type: 'answered', outcome: result('approved', 'accredited', { unusableChallenge: true }), sent },
    { phase: 'approved', payment: payment('approved', 'accredited') },
  ],
  ['challengeFailed', { type: 'rebuild' }, { phase: 'loading' }],
  ['challengeFailed', { type: 'submitted' }, 'same'],
  ['challengeFailed', { type: 'settled', status: 'approved' }, 'same'],
  [
    'submitting',
    { type: 'answered', outcome: result('rejected', 'cc_rejected_other_reason'), sent },
    { phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_other_reason') } },
  ],
  [
    'submitting',
    { type: 'answered', outcome: { type: 'rejected-request', httpStatus: 400, causes: [{ code: '109', key: 'apiCause.109', field: 'installments' }] }, sent },
    { phase: 'ready', notice: { type: 'refused', causeKey: 'apiCause.109', causes: ['109'], httpStatus: 400, sent } },
  ],
  [
    'submitting',
    { type: 'answered', outcome: { type: 'error', code: 'timeout', httpStatus: 0 }, sent },
    { phase: 'ready', notice: { type: 'outcome-unknown', code: 'timeout', httpStatus: undefined, sent } },
  ],
  [
    'submitting',
    { type: 'answered', outcome: { type: 'error', code: 'server', httpStatus: 502 }, sent },
    { phase: 'ready', notice: { type: 'outcome-unknown', code: 'server', httpStatus: 502, sent } },
  ],
  // 409: a request with the same key is still being processed. Nothing definite: repeat the attempt.
  [
    'submitting',
    { type: 'answered', outcome: { type: 'error', code: 'server', httpStatus: 409 }, sent },
    { phase: 'ready', notice: { type: 'outcome-unknown', code: 'server', httpStatus: 409, sent } },
  ],
  // A plain 4xx is the server refusing the request: a fresh attempt may follow, so no promise about it.
  [
    'submitting',
    { type: 'answered', outcome: { type: 'error', code: 'server', httpStatus: 403 }, sent },
    { phase: 'ready', notice: { type: 'server-refused', httpStatus: 403, sent } },
  ],
  // A 2xx whose status is not Mercado Pago's may stand for a payment: locked like a pending one.
  ['submitting', { type: 'answered', outcome: result('success'), sent }, { phase: 'unconfirmed', payment: payment('success') }],
  ['submitting', { type: 'answered', outcome: result('cancelled'), sent }, { phase: 'ready', notice: { type: 'result', payment: payment('cancelled') } }],
  ['ready', { type: 'answered', outcome: result('approved', 'accredited'), sent }, 'same'],
  // Pending payments settle by polling; the challenge completes into a pending payment.
  ['pending', { type: 'settled', status: 'approved', statusDetail: 'accredited' }, { phase: 'approved', payment: payment('approved', 'accredited') }],
  [
    'pending',
    { type: 'settled', status: 'rejected', statusDetail: 'cc_rejected_high_risk' },
    { phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_high_risk') } },
  ],
  ['pending', { type: 'settled', status: 'in_process' }, 'same'],
  ['challenge', { type: 'settled', status: 'approved', statusDetail: 'accredited' }, { phase: 'approved', payment: payment('approved', 'accredited') }],
  ['ready', { type: 'settled', status: 'approved' }, 'same'],
  ['challenge', { type: 'challenge-done' }, { phase: 'pending', payment: payment('pending', 'pending_challenge'), challengeDone: true }],
  ['pending', { type: 'challenge-done' }, 'same'],
  // Notices only while the form is usable.
  ['ready', { type: 'notice', notice: { type: 'no-installments' } }, { phase: 'ready', notice: { type: 'no-installments' } }],
  ['loading', { type: 'notice', notice: { type: 'sdk-error' } }, 'same'],
  ['readyWithNotice', { type: 'notice-cleared' }, { phase: 'ready' }],
  ['ready', { type: 'notice-cleared' }, 'same'],
  // Leaving the page: a result stays, anything else starts over.
  ['ready', { type: 'detached' }, { phase: 'loading' }],
  ['buildFailed', { type: 'detached' }, { phase: 'loading' }],
  ['approved', { type: 'detached' }, 'same'],
  ['pending', { type: 'detached' }, 'same'],
  ['unconfirmed', { type: 'detached' }, 'same'],
  ['submitting', { type: 'detached' }, 'same'],
  ['configuring', { type: 'detached' }, 'same'],
];

describe('checkout session: transitions', () => {
  for (const [from, event, to] of TABLE) {
    it(`${from} + ${event.type}${'code' in event ? ` (${event.code})` : ''} → ${to === 'same' ? 'unchanged' : to.phase}`, () => {
      const state = S[from];
      const next = transition(state, event);
      if (to === 'same') expect(next, 'the very same state object').to.equal(state);
      else expect(next).to.deep.equal(to);
    });
  }

  it('every phase is reached by some row, and every event is tried', () => {
    const reached = new Set(TABLE.map(([, , to]) => (to === 'same' ? undefined : to.phase)));
    for (const phase of ['configuring', 'loading', 'ready', 'submitting', 'challenge', 'pending', 'unconfirmed', 'approved', 'failed'])
      expect(reached.has(phase as never), phase).to.equal(true);
    const events = new Set(TABLE.map(([, event]) => event.type));
    const all: Array<CheckoutEvent['type']> = [
      'configured',
      'sdk-failed',
      'build-failed',
      'form-ready',
      'rebuild',
      'submitted',
      'stopped',
      'answered',
      'settled',
      'challenge-done',
      'detached',
      'notice',
      'notice-cleared',
    ];
    for (const type of all) expect(events.has(type), type).to.equal(true);
  });
});

describe('checkout session: what is derived from a state', () => {
  const context: FeedbackContext = {
    fieldErrors: {},
    statementDescriptor: 'MYSHOP',
    money: (n) => `$ ${n.toFixed(2)}`,
    cardLabel: 'the card',
    fieldLabel: (field) => `<${field}>`,
  };

  it('a financed plan: the messages and the receipt quote the total the buyer pays, not the cash price', () => {
    const financed = { ...sent, amount: 1200, installments: 12, total: 1446.72, installmentAmount: 120.56 };
    const approved: CheckoutState = { phase: 'approved', payment: { id: '42', status: 'approved', statusDetail: 'accredited', sent: financed } };
    expect(messageFor(approved, context)?.vars).to.include({ amount: '$ 1446.72', installmentAmount: '$ 120.56', count: 12 });
    expect(receiptFor(approved, context)).to.deep.equal({
      status: 'approved',
      total: '$ 1446.72',
      installments: 12,
      installmentAmount: '$ 120.56',
      paymentId: '42',
      statementDescriptor: 'MYSHOP',
    });
    expect(receiptFor({ phase: 'ready' }, context), 'a receipt only for an approval').to.equal(undefined);
    // An attempt kept from before the total was recorded quotes the cash price.
    expect(messageFor({ ...approved, payment: { ...approved.payment, sent: { amount: 1200, installments: 1 } } }, context)?.vars).to.include({
      amount: '$ 1200.00',
    });
  });

  it("a Secure Field left with a mistake: its error, named, said but not shown twice; nothing once it's fixed", () => {
    const error = { keys: 'validation.securityCode.invalid_length', tone: 'error' as const };
    const state: CheckoutState = { phase: 'ready', notice: { type: 'field', field: 'securityCode' } };
    expect(messageFor(state, { ...context, fieldErrors: { securityCode: error } })).to.deep.equal({
      keys: 'ui.fieldError',
      vars: { field: '<securityCode>' },
      parts: [error],
      tone: 'error',
      announceOnly: true,
    });
    expect(messageFor(state, context)).to.equal(undefined);
    expect(recoveryFor(state)).to.equal(undefined);
  });

  it('the way out of each failure', () => {
    expect(recoveryFor(S.sdkFailed)).to.equal('reload');
    expect(recoveryFor(S.buildFailed)).to.equal('rebuild');
    expect(recoveryFor(S.challengeFailed)).to.equal('rebuild');
    expect(recoveryFor({ phase: 'ready', notice: { type: 'outcome-unknown', code: 'network', sent } })).to.equal('repeat-payment');
    expect(recoveryFor(S.readyWithNotice)).to.equal('lookup-card');
    expect(recoveryFor({ phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_other_reason') } })).to.equal('another-card');
    // A data-entry rejection is fixed in its field, not with another card.
    expect(recoveryFor({ phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_bad_filled_security_code') } })).to.equal(
      undefined,
    );
    expect(recoveryFor(S.unconfirmed), '"Check again" repeats the attempt').to.equal('check-payment');
    expect(recoveryFor({ phase: 'ready', notice: { type: 'server-refused', httpStatus: 403, sent } }), 'pay starts afresh').to.equal(undefined);
    for (const state of [S.ready, S.loading, S.configuring, S.approved, S.pending, S.submitting]) expect(recoveryFor(state), state.phase).to.equal(undefined);
  });

  it('an unresolved attempt is what the buyer is told about: its amount, method and installments', () => {
    const unconfirmed = messageFor(S.unconfirmed, context)!;
    expect(unconfirmed.keys).to.equal('ui.unconfirmed');
    expect(unconfirmed.vars).to.include({ amount: '$ 1500.50', paymentMethod: 'Visa', installments: 3 });
    const restored = messageFor(S.ready, { ...context, unresolved: { amount: 1500.5, paymentMethodName: 'Visa', installments: 3 } })!;
    expect(restored.keys, 'a reloaded page says what pay repeats').to.equal('ui.unresolvedAttempt');
    expect(restored.vars).to.include({ amount: '$ 1500.50', paymentMethod: 'Visa', installments: 3 });
    expect(messageFor({ phase: 'ready', notice: { type: 'server-refused', httpStatus: 403, sent } }, context)!.keys).to.include('error.server_refused');
  });

  it('messages quote the payment that was sent, not the form as it is now', () => {
    const approved = messageFor(S.approved, context)!;
    expect(approved.tone).to.equal('success');
    expect(approved.keys).to.include('result.approved.accredited');
    expect(approved.vars).to.include({ amount: '$ 1500.50', paymentMethod: 'Visa', installments: 3, statementDescriptor: 'MYSHOP' });
    const noMethod = messageFor({ phase: 'approved', payment: { ...payment('approved'), sent: { amount: 10, installments: 1 } } }, context)!;
    expect(noMethod.vars).to.include({ paymentMethod: 'the card' });
  });

  it('a configuration refusal names every problem; a failure its own text', () => {
    const refused = messageFor({ phase: 'configuring', problems: [{ code: 'missing_amount' }, { code: 'invalid_action' }] }, context)!;
    expect(refused.keys).to.equal('error.config');
    expect(refused.parts!.map((p) => p.keys)).to.deep.equal(['error.missing_amount', 'error.invalid_action']);
    expect(messageFor(S.sdkFailed, context)!.keys).to.equal('error.sdk_load_failed');
    expect(messageFor(S.buildFailed, context)!.keys).to.equal('error.fields_timeout');
    expect(messageFor(S.challengeFailed, context)!.keys).to.equal('error.invalid_challenge');
    expect(messageFor({ phase: 'failed', failure: { type: 'build', code: 'fields_mount_failed' } }, context)!.keys).to.equal('error.sdk_request_failed');
    expect(messageFor(S.loading, context)).to.equal(undefined);
    expect(messageFor(S.ready, context), 'no stale message once the notice is gone').to.equal(undefined);
    expect(messageFor({ phase: 'pending', payment: payment('pending', 'pending_challenge'), challengeDone: true }, context)!.keys).to.equal('ui.processing');
  });

  it('field errors: one is read out as is, several send the buyer to the fields', () => {
    const one = { cardNumber: { keys: 'validation.cardNumber.required', tone: 'error' as const } };
    expect(messageFor({ phase: 'ready', notice: { type: 'fields' } }, { ...context, fieldErrors: one })!.keys).to.equal('validation.cardNumber.required');
    const two = { ...one, email: { keys: 'validation.email', tone: 'error' as const } };
    expect(messageFor({ phase: 'ready', notice: { type: 'fields' } }, { ...context, fieldErrors: two })!.keys).to.equal('ui.checkFields');
  });

  it('custom states, the hidden form and the field to fix', () => {
    expect(customStates(S.ready, false)).to.deep.equal({ loading: false, ready: true, submitting: false, error: false });
    expect(customStates(S.ready, true).ready, 'disabled is not ready').to.equal(false);
    expect(customStates(S.submitting, false).submitting).to.equal(true);
    expect(customStates(S.configuring, false).error).to.equal(true);
    expect(customStates(S.sdkFailed, false).error).to.equal(true);
    expect(customStates(S.challengeFailed, false).error).to.equal(true);
    expect(customStates(S.loading, false).loading).to.equal(true);
    for (const state of [S.configuring, S.sdkFailed, S.challenge, S.pending, S.unconfirmed, S.approved]) expect(formHidden(state), state.phase).to.equal(true);
    for (const state of [S.pending, S.unconfirmed]) expect(Object.values(customStates(state, false)), state.phase).to.deep.equal([false, false, false, false]);
    for (const state of [S.ready, S.loading, S.submitting]) expect(formHidden(state), state.phase).to.equal(false);
    expect(fieldToFix({ phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_bad_filled_date') } })).to.equal('expirationDate');
    expect(fieldToFix(S.approved)).to.equal(undefined);
  });

  it('the mp-error each state fires, and none for what the buyer must fix', () => {
    expect(errorEventFor({ phase: 'configuring', problems: [{ code: 'missing_amount' }, { code: 'invalid_action' }] })).to.deep.equal({
      code: 'missing_amount',
      causes: ['missing_amount', 'invalid_action'],
    });
    expect(errorEventFor(S.sdkFailed)).to.deep.equal({ code: 'sdk_load_failed' });
    expect(errorEventFor(S.challengeFailed)).to.deep.equal({ code: 'invalid_challenge' });
    expect(errorEventFor({ phase: 'ready', notice: { type: 'refused', causes: ['109'], httpStatus: 400, sent } })).to.deep.equal({
      code: 'bad_request',
      httpStatus: 400,
      causes: ['109'],
    });
    expect(errorEventFor({ phase: 'ready', notice: { type: 'outcome-unknown', code: 'server', httpStatus: 502, sent } })).to.deep.equal({
      code: 'server',
      httpStatus: 502,
    });
    expect(errorEventFor({ phase: 'ready', notice: { type: 'server-refused', httpStatus: 403, sent } })).to.deep.equal({ code: 'server', httpStatus: 403 });
    expect(errorEventFor({ phase: 'ready', notice: { type: 'token', key: 'tokenError.E301' } })).to.deep.equal({ code: 'tokenize_failed' });
    expect(errorEventFor({ phase: 'ready', notice: { type: 'fields' } })).to.equal(undefined);
    expect(errorEventFor({ phase: 'ready', notice: { type: 'result', payment: payment('rejected', 'cc_rejected_other_reason') } })).to.equal(undefined);
    expect(errorEventFor(S.approved)).to.equal(undefined);
  });
});
