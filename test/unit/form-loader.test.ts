/**
 * The way to a usable form (issue #12): the Secure Fields are created the moment MercadoPago.js is
 * here, without waiting for the language (their labels are inline, src/internal/secure-field-text.ts);
 * the form is ready — mp-ready — only once the fields, the document types and the language are all in,
 * in whichever order they come. The state is the real checkout session's.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { FormLoader } from '../../src/controllers/form-loader.js';
import type { FormController } from '../../src/controllers/form-controller.js';
import type { SdkController } from '../../src/controllers/sdk-controller.js';
import type { SecureFieldsController } from '../../src/controllers/secure-fields-controller.js';
import { INITIAL_STATE, transition, type CheckoutState } from '../../src/session/checkout-session.js';
import type { MercadoPagoInstance } from '../../src/mercadopago/sdk-types.js';

function setUp() {
  const mp = {} as MercadoPagoInstance;
  let state: CheckoutState = INITIAL_STATE;
  const language = { ready: false, settled: false };
  const log: string[] = [];
  const typeLoads: Array<() => void> = [];
  const fields = {
    mounted: false,
    ready: false,
    typed: new Set(),
    mount: () => {
      fields.mounted = true;
      fields.ready = false;
      log.push('fields created');
    },
    unmount: () => (fields.mounted = false),
  };
  const host = { isConnected: true, addController: () => undefined } as unknown as ReactiveControllerHost & HTMLElement;
  const loader = new FormLoader(host, {
    sdk: { mp, publicKey: 'TEST-key', ensure: async () => undefined } as unknown as SdkController,
    fields: fields as unknown as SecureFieldsController,
    form: { loadIdentificationTypes: () => new Promise<void>((resolve) => typeLoads.push(resolve)) } as unknown as FormController,
    publicKey: () => 'TEST-key',
    sdkLocale: () => 'es-AR',
    language: () => language,
    asksNoDocument: () => false,
    state: () => state,
    dispatch: (event) => (state = transition(state, event)),
    recheck: () => undefined,
    forgetCard: () => undefined,
    failed: (event) => log.push(`failed ${event.type}`),
    ready: () => log.push('ready'),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  return { mp, loader, fields, language, log, settle, typesLoaded: (load = typeLoads.length - 1) => typeLoads[load](), phase: () => state.phase };
}

describe('FormLoader: the way to a usable form', () => {
  it('creates the Secure Fields as soon as MercadoPago.js is here, before the language', () => {
    const { mp, loader, log } = setUp();
    loader.build(mp);
    expect(log).to.deep.equal(['fields created']);
  });

  it('is ready only with its language: fields and document types first, the language last', async () => {
    const { mp, loader, fields, language, log, settle, typesLoaded, phase } = setUp();
    loader.build(mp);
    fields.ready = true;
    typesLoaded();
    await loader.fieldsReady();
    await settle();
    expect(log, 'no ready without the text').to.deep.equal(['fields created']);
    expect(phase()).to.equal('loading');

    language.ready = language.settled = true;
    await loader.fieldsReady(); // what the element does when the language arrives
    await settle();
    expect(log).to.deep.equal(['fields created', 'ready']);
    expect(phase()).to.equal('ready');
  });

  it('is ready when the fields come last', async () => {
    const { mp, loader, fields, language, log, settle, typesLoaded } = setUp();
    loader.build(mp);
    language.ready = language.settled = true;
    typesLoaded();
    await loader.fieldsReady(); // the language arrived
    await settle();
    expect(log, 'the fields are not ready yet').to.deep.equal(['fields created']);
    fields.ready = true;
    await loader.fieldsReady();
    expect(log).to.deep.equal(['fields created', 'ready']);
  });

  it('is ready once when the document types come last, though the fields and the language both asked', async () => {
    const { mp, loader, fields, language, log, settle, typesLoaded } = setUp();
    loader.build(mp);
    fields.ready = true;
    const fromFields = loader.fieldsReady();
    language.ready = language.settled = true;
    const fromLanguage = loader.fieldsReady();
    await settle();
    expect(log, 'the document types are still loading').to.deep.equal(['fields created']);
    typesLoaded();
    await Promise.all([fromFields, fromLanguage]);
    expect(log).to.deep.equal(['fields created', 'ready']);
  });

  it('a rebuild while loading: only the newest document-type load can make the form ready', async () => {
    const { mp, loader, fields, language, log, settle, typesLoaded } = setUp();
    loader.build(mp);
    language.ready = language.settled = true;
    fields.ready = true;
    const fromOldFields = loader.fieldsReady();
    loader.build(mp); // "Try again" or reset(): new fields, the types asked again
    fields.ready = true; // the new fields answer before the old document types
    typesLoaded(0);
    await fromOldFields;
    await settle();
    expect(log, 'the old load is not the new form’s').to.deep.equal(['fields created', 'fields created']);
    typesLoaded();
    await loader.fieldsReady();
    expect(log).to.deep.equal(['fields created', 'fields created', 'ready']);
  });
});
