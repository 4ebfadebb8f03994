/**
 * The way to a usable form (issue #12): the Secure Fields are created the moment MercadoPago.js is
 * here, without waiting for the language (their labels are inline, src/internal/secure-field-text.ts);
 * the form is ready — mp-ready — once the fields and the language are in, in whichever order they
 * come. The document types are asked for beside the fields and never hold the form back, but while
 * they are on their way no payment may start, and if they fail the form stops. The state is the
 * real checkout session's.
 */
import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { FormLoader } from '../../src/controllers/form-loader.js';
import type { FormController } from '../../src/controllers/form-controller.js';
import type { SdkController } from '../../src/controllers/sdk-controller.js';
import type { SecureFieldsController } from '../../src/controllers/secure-fields-controller.js';
import { INITIAL_STATE, transition, type CheckoutState } from '../../src/session/checkout-session.js';
import type { MercadoPagoInstance } from '../../src/mercadopago/sdk-types.js';

function setUp({ timeoutMs = 15_000 } = {}) {
  const typeLoads: Array<{ resolve: (types: unknown) => void; reject: (error: Error) => void }> = [];
  const mp = { getIdentificationTypes: () => new Promise((resolve, reject) => typeLoads.push({ resolve, reject })) } as unknown as MercadoPagoInstance;
  const sdk = { mp, publicKey: 'TEST-key', ensure: async () => undefined, reset: () => undefined };
  let state: CheckoutState = INITIAL_STATE;
  const language = { ready: false, settled: false };
  const log: string[] = [];
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
  const host = { isConnected: true, addController: () => undefined, requestUpdate: () => undefined } as unknown as ReactiveControllerHost & HTMLElement;
  const loader = new FormLoader(host, {
    sdk: sdk as unknown as SdkController,
    fields: fields as unknown as SecureFieldsController,
    form: { setIdentificationTypes: (types: Array<{ id: string }>) => log.push(`types ${types.map((t) => t.id).join(',')}`) } as unknown as FormController,
    publicKey: () => 'TEST-key',
    sdkLocale: () => 'es-AR',
    language: () => language,
    asksNoDocument: () => false,
    timeoutMs: () => timeoutMs,
    state: () => state,
    dispatch: (event) => (state = transition(state, event)),
    recheck: () => undefined,
    forgetCard: () => undefined,
    failed: (event) => {
      log.push(`failed ${event.type}`);
      state = transition(state, event);
    },
    ready: () => log.push('ready'),
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve));
  const load = (index = typeLoads.length - 1) => typeLoads[index];
  return { mp, sdk, loader, fields, language, log, settle, load, phase: () => state.phase };
}

describe('FormLoader: the way to a usable form', () => {
  it('creates the Secure Fields as soon as MercadoPago.js is here, before the language', () => {
    const { mp, loader, log } = setUp();
    loader.build(mp);
    expect(log).to.deep.equal(['fields created']);
  });

  it('is ready only with its language: the fields first, the language last', () => {
    const { mp, loader, fields, language, log, phase } = setUp();
    loader.build(mp);
    fields.ready = true;
    loader.fieldsReady();
    expect(log, 'no ready without the text').to.deep.equal(['fields created']);
    expect(phase()).to.equal('loading');

    language.ready = language.settled = true;
    loader.fieldsReady(); // what the element does when the language arrives
    expect(log).to.deep.equal(['fields created', 'ready']);
    expect(phase()).to.equal('ready');
  });

  it('is ready when the fields come last', () => {
    const { mp, loader, fields, language, log } = setUp();
    loader.build(mp);
    language.ready = language.settled = true;
    loader.fieldsReady(); // the language arrived
    expect(log, 'the fields are not ready yet').to.deep.equal(['fields created']);
    fields.ready = true;
    loader.fieldsReady();
    expect(log).to.deep.equal(['fields created', 'ready']);
  });

  it('does not wait for the document types, but holds payment until they come', async () => {
    const { mp, loader, fields, language, log, settle, load } = setUp();
    loader.build(mp);
    fields.ready = language.ready = language.settled = true;
    loader.fieldsReady();
    expect(log, 'ready while the document types are on their way').to.deep.equal(['fields created', 'ready']);
    expect(loader.documentTypesPending, 'no payment without them').to.equal(true);
    let settled = false;
    void loader.documentTypesWait()!.then(() => (settled = true));
    load().resolve([{ id: 'DNI' }]);
    await settle();
    expect(loader.documentTypesPending).to.equal(false);
    expect(settled, 'a payment asked for meanwhile goes ahead').to.equal(true);
    expect(log).to.deep.equal(['fields created', 'ready', 'types DNI']);
  });

  it('document types that never answer stop the form after the sdk-timeout', async () => {
    const { mp, loader, fields, language, log, settle, load, phase } = setUp({ timeoutMs: 20 });
    loader.build(mp);
    fields.ready = language.ready = language.settled = true;
    loader.fieldsReady();
    await loader.documentTypesWait()!;
    expect(log).to.deep.equal(['fields created', 'ready', 'failed build-failed']);
    expect(phase()).to.equal('failed');
    load().resolve([{ id: 'DNI' }]); // too late: changes nothing
    await settle();
    expect(log).to.have.length(3);
  });

  it('document types that fail after ready stop the form ("Try again" rebuilds it)', async () => {
    const { mp, loader, fields, language, log, load, phase } = setUp();
    loader.build(mp);
    fields.ready = language.ready = language.settled = true;
    loader.fieldsReady();
    load().reject(new Error('network down'));
    await loader.documentTypesWait()!;
    expect(log).to.deep.equal(['fields created', 'ready', 'failed build-failed']);
    expect(phase()).to.equal('failed');
    expect(loader.documentTypesPending, 'no longer awaited: the failed form says why, it is not busy').to.equal(false);
  });

  it('a rebuild: an older document-type load neither lets payment through nor fails the new form', async () => {
    const { mp, loader, log, settle, load } = setUp();
    loader.build(mp);
    const waitedOn = loader.documentTypesWait()!; // a submit() waiting for the first load
    loader.build(mp); // "Try again" or reset(): new fields, the types asked again
    await waitedOn; // released at once: it now waits for the new load (payment-controller.ts)
    load(0).resolve([{ id: 'DNI' }]);
    await settle();
    expect(loader.documentTypesPending, 'the old load is not the new form’s').to.equal(true);
    load(1).resolve([{ id: 'CI' }]);
    await settle();
    expect(loader.documentTypesPending).to.equal(false);
    expect(log, 'only the new form’s types are offered').to.deep.equal(['fields created', 'fields created', 'types CI']);
  });

  it('another public key meanwhile: the old account’s document types are not offered', async () => {
    const { mp, sdk, loader, log, settle, load } = setUp();
    loader.build(mp);
    sdk.mp = { getIdentificationTypes: () => new Promise(() => undefined) } as unknown as MercadoPagoInstance; // MercadoPago.js for the new key
    load(0).resolve([{ id: 'DNI' }]);
    await settle();
    expect(log, 'not offered').to.deep.equal(['fields created']);
  });

  it('the element leaves the page: a payment waiting for the document types is released', async () => {
    const { mp, loader, log, settle, load } = setUp();
    loader.build(mp);
    const waitedOn = loader.documentTypesWait()!;
    loader.teardown();
    await waitedOn;
    expect(loader.documentTypesPending).to.equal(false);
    load(0).resolve([{ id: 'DNI' }]);
    await settle();
    expect(log, 'and the late answer changes nothing').to.deep.equal(['fields created']);
  });

  it('a rebuild: an older load that fails does not fail the new form', async () => {
    const { mp, loader, log, settle, load } = setUp();
    loader.build(mp);
    loader.build(mp);
    load(0).reject(new Error('late'));
    await settle();
    expect(log, 'no failure from the replaced load').to.deep.equal(['fields created', 'fields created']);
    expect(loader.documentTypesPending).to.equal(true);
  });
});
