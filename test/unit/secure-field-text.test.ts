/**
 * The Secure Fields' labels and placeholders before the language has loaded (issue #12): the
 * fields are created with them, and a field's label cannot change after its creation.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../../src/controllers/localize-controller.js';

function localizeFor(locale: string): LocalizeController {
  const host = Object.assign(document.createElement('div'), { addController: () => undefined, requestUpdate: () => undefined });
  return new LocalizeController(host as unknown as ReactiveControllerHost & HTMLElement, {
    locale: () => locale,
    siteLanguage: () => 'es',
    activated: () => undefined,
  });
}

describe('Secure Field text before the language loads', () => {
  it('is in the requested language (its base for a regional one), English for any other', () => {
    expect(localizeFor('es-AR').secureFieldText('field.cardNumber')).to.equal('Número de tarjeta');
    expect(localizeFor('pt-BR').secureFieldText('field.securityCode')).to.equal('Código de segurança');
    expect(localizeFor('pt').secureFieldText('placeholder.expirationDate')).to.equal('MM/AA');
    expect(localizeFor('en-GB').secureFieldText('placeholder.expirationDate')).to.equal('MM/YY');
    expect(localizeFor('de').secureFieldText('field.expirationDate')).to.equal('Expiration date');
    expect(localizeFor('not a tag').secureFieldText('field.cardNumber')).to.equal('Card number');
  });

  it('takes the merchant’s own wording (messages) first', () => {
    const localize = localizeFor('es-MX');
    localize.setOverrides({ 'field.cardNumber': 'Tarjeta de crédito o débito' });
    expect(localize.secureFieldText('field.cardNumber')).to.equal('Tarjeta de crédito o débito');
    expect(localize.secureFieldText('field.securityCode')).to.equal('Código de seguridad');
  });
});
