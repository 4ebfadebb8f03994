import { expect } from '@open-wc/testing';
import { parsePaymentResponse, type PaymentOutcome } from '../../src/merchant/payment-response.js';

const JSON_TYPE = 'application/json';
const HTML_TYPE = 'text/html; charset=utf-8';

const challenge = (url: unknown): string =>
  JSON.stringify({
    id: 1,
    status: 'pending',
    status_detail: 'pending_challenge',
    three_ds_info: { external_resource_url: url, creq: 'eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6IjEifQ' },
  });

describe('parsePaymentResponse', () => {
  const table: Array<[string, number, string | null, string, PaymentOutcome]> = [
    [
      '200 JSON payment object',
      200,
      JSON_TYPE,
      JSON.stringify({ id: 1234567890, status: 'approved', status_detail: 'accredited', transaction_amount: 100 }),
      { type: 'result', id: '1234567890', status: 'approved', statusDetail: 'accredited' },
    ],
    [
      '201 MP sample server {status, detail, id}',
      201,
      JSON_TYPE,
      JSON.stringify({ status: 'rejected', detail: 'cc_rejected_other_reason', id: 987 }),
      { type: 'result', id: '987', status: 'rejected', statusDetail: 'cc_rejected_other_reason' },
    ],
    [
      'status_detail wins over detail',
      200,
      JSON_TYPE,
      JSON.stringify({ status: 'rejected', status_detail: 'cc_rejected_high_risk', detail: 'other' }),
      { type: 'result', status: 'rejected', statusDetail: 'cc_rejected_high_risk' },
    ],
    [
      'string id',
      200,
      JSON_TYPE,
      '{"status":"in_process","status_detail":"pending_contingency","id":"abc-1"}',
      {
        type: 'result',
        id: 'abc-1',
        status: 'in_process',
        statusDetail: 'pending_contingency',
      },
    ],
    ['status only', 200, JSON_TYPE, '{"status":"approved"}', { type: 'result', status: 'approved' }],
    ['odd id and detail types dropped', 200, JSON_TYPE, '{"status":"approved","id":{"x":1},"status_detail":5}', { type: 'result', status: 'approved' }],
    [
      'JSON sent as text/html (content-type lie)',
      200,
      HTML_TYPE,
      '{"status":"approved","status_detail":"accredited"}',
      {
        type: 'result',
        status: 'approved',
        statusDetail: 'accredited',
      },
    ],
    ['BOM and whitespace', 200, JSON_TYPE, '\uFEFF  {"status":"approved"}\n', { type: 'result', status: 'approved' }],
    ['200 HTML', 200, HTML_TYPE, '<!doctype html><html><body>OK</body></html>', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['HTML labelled JSON', 200, JSON_TYPE, '<html>', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 empty', 200, JSON_TYPE, '', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['204 no content', 204, null, '', { type: 'error', code: 'bad_response', httpStatus: 204 }],
    ['200 {}', 200, JSON_TYPE, '{}', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 array', 200, JSON_TYPE, '[{"status":"approved"}]', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 null', 200, JSON_TYPE, 'null', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 number status', 200, JSON_TYPE, '{"status":1}', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 empty status', 200, JSON_TYPE, '{"status":"  "}', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 truncated JSON', 200, JSON_TYPE, '{"status":"appro', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    ['200 __proto__ status', 200, JSON_TYPE, '{"__proto__":{"status":"approved"}}', { type: 'error', code: 'bad_response', httpStatus: 200 }],
    [
      '400 with causes',
      400,
      JSON_TYPE,
      JSON.stringify({ message: 'Invalid installments', error: 'bad_request', status: 400, cause: [{ code: 109, description: 'x' }] }),
      { type: 'rejected-request', httpStatus: 400, causes: [{ code: '109', key: 'apiCause.109', field: 'installments' }] },
    ],
    [
      '422 with string codes',
      422,
      JSON_TYPE,
      '{"cause":[{"code":"801"},{"code":"xyz"}]}',
      {
        type: 'rejected-request',
        httpStatus: 422,
        causes: [
          { code: '801', key: 'apiCause.801' },
          { code: 'xyz', key: 'apiCause._default' },
        ],
      },
    ],
    ['400 without causes', 400, JSON_TYPE, '{"message":"bad request"}', { type: 'error', code: 'server', httpStatus: 400 }],
    ['400 empty cause list', 400, JSON_TYPE, '{"cause":[]}', { type: 'error', code: 'server', httpStatus: 400 }],
    ['400 HTML', 400, HTML_TYPE, '<h1>Bad Request</h1>', { type: 'error', code: 'server', httpStatus: 400 }],
    ['403 CSRF page', 403, HTML_TYPE, 'Forbidden', { type: 'error', code: 'server', httpStatus: 403 }],
    ['500 JSON', 500, JSON_TYPE, '{"error":"internal","cause":[{"code":109}]}', { type: 'error', code: 'server', httpStatus: 500 }],
    ['500 JSON with a status', 500, JSON_TYPE, '{"status":"approved"}', { type: 'error', code: 'server', httpStatus: 500 }],
    ['502 HTML', 502, HTML_TYPE, '<html><body>Bad Gateway</body></html>', { type: 'error', code: 'server', httpStatus: 502 }],
    ['302 (not followed)', 302, null, '', { type: 'error', code: 'server', httpStatus: 302 }],
    ['0 (opaque)', 0, null, '', { type: 'error', code: 'server', httpStatus: 0 }],
  ];
  for (const [name, status, type, body, expected] of table) {
    it(name, () => expect(parsePaymentResponse(status, type, body)).to.deep.equal(expected));
  }

  describe('three_ds_info', () => {
    // Plain http only on a loopback host: a test issuer on the developer's machine.
    const accepted = [
      'https://acs.bank.example/challenge?x=1',
      'HTTPS://ACS.BANK.EXAMPLE/c',
      '/3ds/challenge',
      'http://localhost:8080/3ds',
      'http://127.0.0.1/3ds',
      'http://[::1]/3ds',
    ];
    for (const url of accepted) {
      it(`keeps ${url}`, () => {
        const outcome = parsePaymentResponse(200, JSON_TYPE, challenge(url));
        expect(outcome).to.deep.include({ type: 'result', status: 'pending', statusDetail: 'pending_challenge', id: '1' });
        expect(outcome.type === 'result' && outcome.threeDsInfo).to.deep.equal({
          externalResourceUrl: url,
          creq: 'eyJ0aHJlZURTU2VydmVyVHJhbnNJRCI6IjEifQ',
        });
      });
    }

    const dropped: unknown[] = [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://acs.bank.example/challenge',
      'http://localhost.evil.example/challenge',
      'http://127.0.0.2.evil.example/challenge',
      'ftp://acs.bank.example/challenge',
      '//evil.example/challenge',
      '/\\evil.example',
      'challenge',
      'https://',
      '',
      42,
      null,
      { href: 'https://acs.bank.example' },
    ];
    for (const url of dropped) {
      it(`refuses ${JSON.stringify(url)}: the result says its challenge cannot be opened`, () => {
        const outcome = parsePaymentResponse(200, JSON_TYPE, challenge(url));
        expect(outcome).to.deep.equal({ type: 'result', id: '1', status: 'pending', statusDetail: 'pending_challenge', unusableChallenge: true });
      });
    }

    it('needs a string creq', () => {
      for (const creq of [undefined, 5, '', null, { a: 1 }]) {
        const body = JSON.stringify({ status: 'pending', three_ds_info: { external_resource_url: 'https://acs.example/', creq } });
        expect(parsePaymentResponse(200, JSON_TYPE, body)).to.deep.equal({ type: 'result', status: 'pending', unusableChallenge: true });
      }
    });

    it('pending_challenge without three_ds_info cannot be completed either; other results never ask for one', () => {
      const bare = JSON.stringify({ id: 1, status: 'pending', status_detail: 'pending_challenge' });
      expect(parsePaymentResponse(200, JSON_TYPE, bare)).to.deep.equal({
        type: 'result',
        id: '1',
        status: 'pending',
        statusDetail: 'pending_challenge',
        unusableChallenge: true,
      });
      // Servers that always send the field, empty, for every payment: the reason they give stands.
      for (const threeDsInfo of [undefined, null, {}, [], '']) {
        const body = JSON.stringify({ id: 1, status: 'in_process', status_detail: 'pending_contingency', three_ds_info: threeDsInfo });
        expect(parsePaymentResponse(200, JSON_TYPE, body)).to.deep.equal({
          type: 'result',
          id: '1',
          status: 'in_process',
          statusDetail: 'pending_contingency',
        });
      }
    });
  });

  it('serves status polls with the same shape', () => {
    const poll = parsePaymentResponse(200, JSON_TYPE, '{"id":55,"status":"approved","status_detail":"accredited"}');
    expect(poll).to.deep.equal({ type: 'result', id: '55', status: 'approved', statusDetail: 'accredited' });
  });

  it('never throws on hostile arguments', () => {
    const statuses: unknown[] = [Number.NaN, Infinity, -1, 200.5, '200', null, undefined, 1e9];
    for (const status of statuses) {
      const outcome = parsePaymentResponse(status as number, JSON_TYPE, '{"status":"approved"}');
      expect(outcome, String(status)).to.deep.equal({ type: 'error', code: 'server', httpStatus: 0 });
    }
    for (const body of [null, undefined, 42, {}, ['{"status":"approved"}']]) {
      expect(parsePaymentResponse(200, null, body as string)).to.deep.equal({ type: 'error', code: 'bad_response', httpStatus: 200 });
    }
    const huge = `{"status":"approved","status_detail":"${'x'.repeat(1_000_000)}"}`;
    expect(parsePaymentResponse(200, JSON_TYPE, huge)).to.deep.equal({ type: 'result', status: 'approved' });
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    expect(parsePaymentResponse(200, JSON_TYPE, deep).type).to.equal('error');
  });
});
