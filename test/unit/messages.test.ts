import { expect } from '@open-wc/testing';
import i18next from 'i18next';
import { apiCauses, fieldForStatusDetail, isRetryableWithAnotherCard, resultKind, resultMessageKeys, tokenErrors } from '../../src/mercadopago/messages.js';
import { GENERIC_REJECTIONS } from '../helpers/status-details.js';

const en: unknown = await (await fetch(new URL('../../locales/en.json', import.meta.url))).json();

/** The string at a dotted path of en.json, walking own keys only; undefined when absent. */
function lookup(key: string): string | undefined {
  let node: unknown = en;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const firstExisting = (keys: string[]): string | undefined => keys.find((k) => lookup(k) !== undefined);

// The real consumer: i18next picks the first key of the array that exists.
const i18n = i18next.createInstance();
await i18n.init({ lng: 'en', resources: { en: { translation: en as Record<string, unknown> } }, interpolation: { escapeValue: false } });
const t = (keys: string[]): string => i18n.t(keys, { amount: '$ 10', paymentMethod: 'Visa', installments: 3, statementDescriptor: 'SHOP' });

const NO_DESCRIPTOR = { hasStatementDescriptor: false };
const WITH_DESCRIPTOR = { hasStatementDescriptor: true };

// mercadopago.md §3.1, each status_detail with its own message in en.json.
const OWN_MESSAGE: Array<[string, string]> = [
  ['in_process', 'pending_contingency'],
  ['in_process', 'pending_review_manual'],
  ['pending', 'pending_challenge'],
  ['pending', 'pending_waiting_payment'],
  ['pending', 'pending_waiting_transfer'],
  ['authorized', 'pending_capture'],
  ['rejected', 'cc_rejected_bad_filled_card_number'],
  ['rejected', 'cc_rejected_bad_filled_date'],
  ['rejected', 'cc_rejected_bad_filled_security_code'],
  ['rejected', 'cc_rejected_bad_filled_other'],
  ['rejected', 'cc_rejected_call_for_authorize'],
  ['rejected', 'cc_rejected_card_disabled'],
  ['rejected', 'cc_rejected_duplicated_payment'],
  ['rejected', 'cc_rejected_insufficient_amount'],
  ['rejected', 'cc_rejected_invalid_installments'],
  ['rejected', 'cc_rejected_max_attempts'],
  ['rejected', 'cc_rejected_high_risk'],
  ['rejected', 'cc_rejected_blacklist'],
  ['rejected', 'cc_rejected_card_error'],
  ['rejected', 'cc_rejected_other_reason'],
  ['rejected', 'cc_rejected_3ds_challenge'],
  ['rejected', 'cc_rejected_3ds_mandatory'],
  ['rejected', 'cc_rejected_card_type_not_allowed'],
];

describe('resultMessageKeys', () => {
  for (const [status, detail] of OWN_MESSAGE) {
    it(`${status}/${detail} → its own existing key`, () => {
      const keys = resultMessageKeys(status, detail, NO_DESCRIPTOR);
      expect(keys).to.deep.equal([`result.${status}.${detail}`, `result.${status}._default`, 'result._generic']);
      expect(lookup(keys[0]), keys[0]).to.be.a('string');
      expect(t(keys)).to.equal(i18n.t(keys[0], { amount: '$ 10', paymentMethod: 'Visa', installments: 3, statementDescriptor: 'SHOP' }));
    });
  }

  it('approved/accredited with a statement descriptor → result.approved.accredited', () => {
    const keys = resultMessageKeys('approved', 'accredited', WITH_DESCRIPTOR);
    expect(keys).to.deep.equal(['result.approved.accredited', 'result.approved._default', 'result._generic']);
    expect(lookup(keys[0])).to.contain('{{statementDescriptor}}');
    expect(t(keys)).to.contain('SHOP');
  });

  it('approved/accredited without a descriptor → accreditedNoDescriptor first', () => {
    const keys = resultMessageKeys('approved', 'accredited', NO_DESCRIPTOR);
    expect(keys).to.deep.equal(['result.approved.accreditedNoDescriptor', 'result.approved._default', 'result._generic']);
    expect(lookup(keys[0])).to.be.a('string');
    expect(lookup(keys[0])).to.not.contain('statementDescriptor');
  });

  for (const detail of GENERIC_REJECTIONS) {
    it(`rejected/${detail} → own key first, generic rejection text`, () => {
      const keys = resultMessageKeys('rejected', detail, NO_DESCRIPTOR);
      expect(keys[0]).to.equal(`result.rejected.${detail}`);
      expect(firstExisting(keys)).to.equal('result.rejected._default');
    });
  }

  for (const status of ['cancelled', 'refunded', 'charged_back', 'in_mediation']) {
    it(`${status}/any → result.${status}._default`, () => {
      const keys = resultMessageKeys(status, 'by_collector', NO_DESCRIPTOR);
      expect(keys).to.deep.equal([`result.${status}.by_collector`, `result.${status}._default`, 'result._generic']);
      expect(firstExisting(keys)).to.equal(`result.${status}._default`);
    });
  }

  it('falls back by status, then to generic', () => {
    expect(resultMessageKeys('rejected', undefined, NO_DESCRIPTOR)).to.deep.equal(['result.rejected._default', 'result._generic']);
    expect(resultMessageKeys('rejected', 'something_new', NO_DESCRIPTOR)).to.deep.equal([
      'result.rejected.something_new',
      'result.rejected._default',
      'result._generic',
    ]);
    expect(resultMessageKeys('brand_new_status', 'x', NO_DESCRIPTOR)).to.deep.equal(['result._generic']);
    expect(lookup('result._generic')).to.be.a('string');
  });

  it('normalizes case and surrounding whitespace', () => {
    expect(resultMessageKeys(' REJECTED ', 'CC_REJECTED_OTHER_REASON', NO_DESCRIPTOR)[0]).to.equal('result.rejected.cc_rejected_other_reason');
  });

  it('never lets hostile statuses reach a real key', () => {
    const hostile: unknown[] = [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'a.b',
      'rejected.cc_rejected_other_reason',
      'approved.',
      '.approved',
      'approv.ed',
      'approved\u0000',
      'rejected/x',
      '_generic',
      '',
      ' ',
      'x'.repeat(10_000),
      null,
      undefined,
      42,
      {},
      ['rejected'],
      { toString: () => 'rejected' },
    ];
    for (const status of hostile) {
      const keys = resultMessageKeys(status as string, 'cc_rejected_other_reason', NO_DESCRIPTOR);
      expect(keys, String(status)).to.deep.equal(['result._generic']);
      expect(t(keys)).to.equal(lookup('result._generic'));
    }
  });

  it('drops hostile details, keeping the status fallback', () => {
    const hostile: unknown[] = [
      '__proto__',
      'constructor',
      'CONSTRUCTOR',
      '_default',
      '_generic',
      'a.b',
      'cc_rejected_other_reason.x',
      '../approved',
      'x'.repeat(1000),
      '',
      null,
      7,
      {},
      ['cc_rejected_other_reason'],
    ];
    for (const detail of hostile) {
      const keys = resultMessageKeys('rejected', detail as string, NO_DESCRIPTOR);
      expect(keys, String(detail)).to.deep.equal(['result.rejected._default', 'result._generic']);
      expect(t(keys)).to.equal(lookup('result.rejected._default'));
    }
  });

  it('inherited method names cannot make i18next "find" a non-string', () => {
    // Lower-casing turns them into names no object has, so the lookup misses and falls back.
    for (const detail of ['hasOwnProperty', 'valueOf', 'toString', 'isPrototypeOf', 'propertyIsEnumerable']) {
      expect(t(resultMessageKeys('rejected', detail, NO_DESCRIPTOR)), detail).to.equal(lookup('result.rejected._default'));
    }
  });

  it('survives a hostile options object', () => {
    expect(resultMessageKeys('approved', 'accredited', null as never)[0]).to.equal('result.approved.accreditedNoDescriptor');
    expect(resultMessageKeys('approved', 'accredited', { hasStatementDescriptor: 'yes' } as never)[0]).to.equal('result.approved.accreditedNoDescriptor');
  });
});

describe('resultKind', () => {
  const table: Array<[unknown, string]> = [
    ['approved', 'approved'],
    ['authorized', 'approved'],
    ['in_process', 'pending'],
    ['pending', 'pending'],
    ['rejected', 'rejected'],
    ['cancelled', 'unknown'],
    ['refunded', 'unknown'],
    ['charged_back', 'unknown'],
    ['in_mediation', 'unknown'],
    ['APPROVED', 'approved'],
    ['__proto__', 'unknown'],
    ['constructor', 'unknown'],
    ['', 'unknown'],
    [null, 'unknown'],
    [1, 'unknown'],
  ];
  for (const [status, kind] of table) {
    it(`${String(status)} → ${kind}`, () => expect(resultKind(status as string)).to.equal(kind));
  }
});

describe('fieldForStatusDetail / isRetryableWithAnotherCard', () => {
  it('points data-entry rejections at their field', () => {
    expect(fieldForStatusDetail('cc_rejected_bad_filled_card_number')).to.equal('cardNumber');
    expect(fieldForStatusDetail('cc_rejected_bad_filled_date')).to.equal('expirationDate');
    expect(fieldForStatusDetail('cc_rejected_bad_filled_security_code')).to.equal('securityCode');
    for (const d of ['cc_rejected_bad_filled_other', 'cc_rejected_other_reason', undefined, '', '__proto__', 'constructor', null, 5]) {
      expect(fieldForStatusDetail(d as string), String(d)).to.equal(undefined);
    }
  });

  it('offers another card except for data-entry mistakes', () => {
    for (const d of OWN_MESSAGE.filter(([s]) => s === 'rejected').map(([, d]) => d)) {
      expect(isRetryableWithAnotherCard(d), d).to.equal(!d.startsWith('cc_rejected_bad_filled_'));
    }
    for (const d of GENERIC_REJECTIONS) expect(isRetryableWithAnotherCard(d), d).to.equal(true);
    expect(isRetryableWithAnotherCard(undefined)).to.equal(true);
    expect(isRetryableWithAnotherCard('__proto__')).to.equal(true);
    expect(isRetryableWithAnotherCard('accredited')).to.equal(false);
    expect(isRetryableWithAnotherCard('pending_contingency')).to.equal(false);
  });
});

describe('tokenErrors', () => {
  const E301 = { code: 'E301', field: 'cardNumber', key: 'tokenError.E301' };
  const table: Array<[string, unknown, unknown[]]> = [
    [
      'array of {code, message}',
      [
        { code: 'E301', message: 'invalid card number' },
        { code: '224', message: 'x' },
      ],
      [E301, { code: '224', field: 'securityCode', key: 'tokenError.224' }],
    ],
    [
      '{cause: [{code, description}]}',
      { cause: [{ code: '221', description: 'cardholder name empty' }, { code: 316 }] },
      [
        { code: '221', field: 'cardholderName', key: 'tokenError.221' },
        { code: '316', field: 'cardholderName', key: 'tokenError.316' },
      ],
    ],
    ['{cause: "E301"}', { cause: 'E301' }, [E301]],
    [
      'numeric codes',
      [{ code: 208 }, { code: 209 }, { code: 325 }, { code: 326 }],
      [
        { code: '208', field: 'expirationDate', key: 'tokenError.208' },
        { code: '209', field: 'expirationDate', key: 'tokenError.209' },
        { code: '325', field: 'expirationDate', key: 'tokenError.325' },
        { code: '326', field: 'expirationDate', key: 'tokenError.326' },
      ],
    ],
    ['Error whose message has a code', new Error('Invalid parameter E302 (security code)'), [{ code: 'E302', field: 'securityCode', key: 'tokenError.E302' }]],
    [
      'Error with a cause list (ES2022 cause)',
      new Error('failed', { cause: [{ code: 'E203' }] }),
      [{ code: 'E203', field: 'securityCode', key: 'tokenError.E203' }],
    ],
    ['plain string code', 'E301', [E301]],
    ['lowercase e-code', [{ code: 'e301' }], [E301]],
    [
      'string with codes',
      'errors: 212, 322 and 213',
      [
        { code: '212', field: 'identificationType', key: 'tokenError.212' },
        { code: '322', field: 'identificationType', key: 'tokenError.322' },
        { code: '213', field: 'identificationNumber', key: 'tokenError.213' },
      ],
    ],
    [
      'identification and issuer codes',
      [{ code: '214' }, { code: '323' }, { code: '324' }, { code: '220' }],
      [
        { code: '214', field: 'identificationNumber', key: 'tokenError.214' },
        { code: '323', field: 'identificationNumber', key: 'tokenError.323' },
        { code: '324', field: 'identificationNumber', key: 'tokenError.324' },
        { code: '220', field: 'issuer', key: 'tokenError.220' },
      ],
    ],
    ['205', { cause: [{ code: 205 }] }, [{ code: '205', field: 'cardNumber', key: 'tokenError.205' }]],
    ['unknown code', [{ code: '999' }], [{ code: '999', key: 'tokenError._default' }]],
    ['unknown and known', [{ code: 'E301' }, { code: 'weird_code' }], [E301, { code: 'weird_code', key: 'tokenError._default' }]],
    ['duplicates', [{ code: 'E301' }, { code: 'E301' }, 'E301', { cause: [{ code: 'e301' }] }], [E301]],
    ['unknown numbers in text are not codes', new Error('Request failed with status 400'), [{ code: 'unknown', key: 'tokenError._default' }]],
    ['nested {error: {cause}}', { error: { cause: [{ code: '205' }] } }, [{ code: '205', field: 'cardNumber', key: 'tokenError.205' }]],
    ['DOMException (prototype code ignored)', new DOMException('aborted', 'AbortError'), [{ code: 'unknown', key: 'tokenError._default' }]],
    ['__proto__ code', JSON.parse('{"code": "__proto__"}'), [{ code: '__proto__', key: 'tokenError._default' }]],
    ['__proto__ key', JSON.parse('{"__proto__": {"code": "E301"}}'), [{ code: 'unknown', key: 'tokenError._default' }]],
    ['undefined', undefined, [{ code: 'unknown', key: 'tokenError._default' }]],
    ['null', null, [{ code: 'unknown', key: 'tokenError._default' }]],
    ['empty array', [], [{ code: 'unknown', key: 'tokenError._default' }]],
    ['empty object', {}, [{ code: 'unknown', key: 'tokenError._default' }]],
    ['prose', 'something went wrong', [{ code: 'unknown', key: 'tokenError._default' }]],
    ['non-integer number', 3.5, [{ code: 'unknown', key: 'tokenError._default' }]],
  ];
  for (const [name, rejection, expected] of table) {
    it(name, () => expect(tokenErrors(rejection)).to.deep.equal(expected));
  }

  it('every known code has a key in en.json', () => {
    for (const code of ['205', 'E301', '208', '209', '325', '326', '224', 'E302', 'E203', '221', '316', '212', '322', '213', '214', '323', '324', '220']) {
      const [error] = tokenErrors([{ code }]);
      expect(error?.key).to.equal(`tokenError.${code}`);
      expect(lookup(error?.key), code).to.be.a('string');
    }
    expect(lookup('tokenError._default')).to.be.a('string');
  });

  it('survives cycles and deep nesting', () => {
    const cyclic: Record<string, unknown> = { code: 'E301' };
    cyclic.cause = [cyclic, { cause: cyclic }];
    expect(tokenErrors(cyclic)).to.deep.equal([E301]);
    let deep: unknown = { code: 'E301' };
    for (let i = 0; i < 10_000; i += 1) deep = { cause: [deep] };
    expect(tokenErrors(deep)).to.deep.equal([{ code: 'unknown', key: 'tokenError._default' }]);
  });
});

describe('apiCauses', () => {
  it('maps §3.2 codes to their keys, 109 to the installments field', () => {
    const causes = apiCauses({
      message: 'bad request',
      error: 'bad_request',
      status: 400,
      cause: [{ code: 109, description: 'x' }, { code: '106' }, { code: '801 ' }],
    });
    expect(causes).to.deep.equal([
      { code: '109', key: 'apiCause.109', field: 'installments' },
      { code: '106', key: 'apiCause.106' },
      { code: '801', key: 'apiCause.801' },
    ]);
  });

  it('every §3.2 code has a key in en.json', () => {
    for (const code of ['106', '109', '126', '129', '145', '150', '151', '160', '204', '801']) {
      const [cause] = apiCauses({ cause: [{ code }] });
      expect(cause?.key).to.equal(`apiCause.${code}`);
      expect(lookup(cause?.key), code).to.be.a('string');
    }
    expect(lookup('apiCause._default')).to.be.a('string');
  });

  it('maps forwarded card-token codes (§3.3) to their field', () => {
    expect(apiCauses({ cause: [{ code: 'E301' }, { code: 221 }] })).to.deep.equal([
      { code: 'E301', key: 'tokenError.E301', field: 'cardNumber' },
      { code: '221', key: 'tokenError.221', field: 'cardholderName' },
    ]);
  });

  it('uses _default for unknown codes and deduplicates', () => {
    expect(apiCauses({ cause: [{ code: 2006 }, { code: '2006' }, { code: 'invalid_token' }] })).to.deep.equal([
      { code: '2006', key: 'apiCause._default' },
      { code: 'invalid_token', key: 'apiCause._default' },
    ]);
  });

  it('accepts a single cause object and bare codes', () => {
    expect(apiCauses({ cause: { code: 204 } })).to.deep.equal([{ code: '204', key: 'apiCause.204' }]);
    expect(apiCauses({ cause: [129, '150'] })).to.deep.equal([
      { code: '129', key: 'apiCause.129' },
      { code: '150', key: 'apiCause.150' },
    ]);
  });

  it('a cause list with nothing readable still gives one generic cause', () => {
    expect(apiCauses({ cause: [{}, null, { code: {} }, { code: 1.5 }, { code: '' }] })).to.deep.equal([{ code: 'unknown', key: 'apiCause._default' }]);
  });

  it('no cause list → []', () => {
    for (const body of [
      null,
      undefined,
      'cause',
      400,
      [],
      {},
      { cause: [] },
      { cause: null },
      { causes: [{ code: 109 }] },
      JSON.parse('{"__proto__": {"cause": [{"code": 109}]}}'),
    ]) {
      expect(apiCauses(body), JSON.stringify(body)).to.deep.equal([]);
    }
  });
});
