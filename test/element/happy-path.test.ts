import { expect, waitUntil } from '@open-wc/testing';
import { fillCard, merchantRequests, messageText, pay, part, renderCheckout } from '../helpers/fixtures.js';

describe('<mp-checkout> happy path', () => {
  it('pays with the MLA test Visa and APRO, sending exactly the documented body and headers', async () => {
    const { el, logId } = await renderCheckout({
      attrs: {
        description: 'Order 42',
        'statement-descriptor': 'MYSHOP',
        'external-reference': 'order-42',
        items: JSON.stringify([{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }]),
        'payer-first-name': 'Ana',
        'payer-last-name': 'García',
      },
    });
    await fillCard(el, { name: 'APRO' });
    const event = await pay(el);
    expect(event.detail.status).to.equal('approved');
    expect(event.detail.statusDetail).to.equal('accredited');
    await waitUntil(() => messageText(el).includes('approved'));
    expect(messageText(el)).to.contain('MYSHOP');

    const requests = await merchantRequests(logId);
    expect(requests).to.have.length(1);
    const [request] = requests;
    expect(request.method).to.equal('POST');
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers.accept).to.equal('application/json');
    expect(request.headers['x-idempotency-key']).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const { token, payment_method_option_id, device_id, ...rest } = request.body;
    expect(token).to.be.a('string').and.not.empty;
    // MercadoPago.js's device profile set it when the instance was built (the double does the same).
    expect(device_id).to.match(/^sandbox-device-[0-9a-f]{32}$/);
    expect(device_id).to.equal((window as { MP_DEVICE_SESSION_ID?: string }).MP_DEVICE_SESSION_ID);
    expect(payment_method_option_id).to.be.a('string');
    expect(rest).to.deep.equal({
      payment_method_id: 'visa',
      issuer_id: rest.issuer_id,
      installments: 1,
      processing_mode: 'aggregator',
      transaction_amount: 1500.5,
      description: 'Order 42',
      statement_descriptor: 'MYSHOP',
      external_reference: 'order-42',
      payer: {
        email: 'buyer@example.com',
        identification: { type: 'DNI', number: '12345678' },
        first_name: 'Ana',
        last_name: 'García',
      },
      additional_info: {
        items: [{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }],
        payer: { first_name: 'Ana', last_name: 'García' },
      },
    });
    expect(rest.issuer_id).to.be.a('string').and.not.empty;
    const raw = JSON.stringify(request.body);
    expect(raw).not.to.contain('4509953566233704');
    expect(raw).not.to.contain('4509 9535');
    expect(part(el, 'form')!.hidden).to.equal(true);
  });
});
