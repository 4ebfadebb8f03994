import { expect } from '@open-wc/testing';
import { buildPaymentPayload } from '../../src/merchant/payload.js';

describe('buildPaymentPayload', () => {
  it('builds the documented body (PRODUCT.md §2) from a complete input', () => {
    const body = buildPaymentPayload({
      token: 'tok',
      paymentMethodId: 'visa',
      issuerId: '310',
      installments: 3,
      paymentMethodOptionId: 'opt-3',
      processingMode: 'aggregator',
      amount: 1500.5,
      description: 'Order 42',
      statementDescriptor: 'MYSHOP',
      externalReference: 'order-42',
      payer: {
        email: 'ana@example.com',
        first_name: 'Ana',
        last_name: 'García',
        identification: { type: 'DNI', number: '12345678' },
        phone: { area_code: '11', number: '5555-5555' },
      },
      items: [{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }],
      deviceId: 'device-1',
    });
    expect(body).to.deep.equal({
      token: 'tok',
      payment_method_id: 'visa',
      issuer_id: '310',
      installments: 3,
      payment_method_option_id: 'opt-3',
      processing_mode: 'aggregator',
      transaction_amount: 1500.5,
      description: 'Order 42',
      statement_descriptor: 'MYSHOP',
      external_reference: 'order-42',
      payer: { email: 'ana@example.com', identification: { type: 'DNI', number: '12345678' }, first_name: 'Ana', last_name: 'García' },
      additional_info: {
        items: [{ id: 'sku-1', title: 'Mate', quantity: 1, unit_price: 1500.5 }],
        payer: { first_name: 'Ana', last_name: 'García', phone: { area_code: '11', number: '5555-5555' } },
      },
      device_id: 'device-1',
    });
  });

  it('sends only fields with a value', () => {
    const body = buildPaymentPayload({
      token: 'tok',
      paymentMethodId: 'master',
      installments: 1,
      amount: 10,
      description: '  ',
      payer: { email: 'a@b.co', identification: { type: '', number: '' } },
      items: [],
    });
    expect(body).to.deep.equal({ token: 'tok', payment_method_id: 'master', installments: 1, transaction_amount: 10, payer: { email: 'a@b.co' } });
  });
});
