import { expect } from '@open-wc/testing';
import { Translator } from '../../src/internal/i18n.js';

describe('Translator', () => {
  it('ends in the language asked for last, whichever chunks come first', async () => {
    // Portuguese is in this page's module map already; Spanish (es + es-AR) has to be fetched, so the
    // older request's chunks arrive after the newer one's.
    await new Translator().load('pt-BR');
    const translator = new Translator();
    const older = translator.load('es-AR');
    const newer = translator.load('pt-BR');
    await Promise.all([older, newer]);
    expect(translator.language).to.equal('pt-BR');
    expect(translator.t('field.cardholderName')).to.equal(await portuguese('field.cardholderName'));
  });
});

async function portuguese(key: string): Promise<string> {
  const only = new Translator();
  await only.load('pt-BR');
  return only.t(key);
}
