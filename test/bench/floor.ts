/**
 * The bench's floor: the least a Secure Fields card form can do, to measure <mp-checkout> against.
 * Lit, a private i18next instance with its few strings inline, and the official loader called on
 * connection; it renders a static skeleton (three field boxes with labels, the pay button), mounts
 * the three Secure Fields when MercadoPago.js arrives and fires `mp-ready` when all three say ready.
 * No checkout logic at all: no configuration, no lookups, no payment. Bundled by test/bench/run.ts.
 */
import { css, html, LitElement } from 'lit';
import { createInstance } from 'i18next';
import { loadMercadoPago } from '@mercadopago/sdk-js';
import type { MercadoPagoConstructor, SecureFieldType } from '../../src/mercadopago/sdk-types.js';

const FIELDS: ReadonlyArray<{ type: SecureFieldType; slot: string }> = [
  { type: 'cardNumber', slot: 'card-number' },
  { type: 'expirationDate', slot: 'expiration-date' },
  { type: 'securityCode', slot: 'security-code' },
];

const STRINGS = {
  cardNumber: 'Card number',
  expirationDate: 'Expiration date',
  securityCode: 'Security code',
  pay: 'Pay',
};

class BenchFloor extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 32rem;
      font-family: system-ui, sans-serif;
      line-height: 1.4;
    }
    form {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: 1fr 1fr;
      border: 1px solid #d0d7de;
      border-radius: 0.5rem;
      padding: 1rem;
    }
    .wide {
      grid-column: 1 / -1;
    }
    .box {
      height: 2.5rem;
      border: 1px solid #8c959f;
      border-radius: 0.375rem;
    }
    ::slotted(*) {
      display: block;
      height: 100%;
    }
    button {
      font: inherit;
      min-height: 2.75rem;
    }
  `;

  private readonly i18n = createInstance();

  constructor() {
    super();
    void this.i18n.init({ lng: 'en', resources: { en: { translation: STRINGS } }, initAsync: false } as Parameters<typeof this.i18n.init>[0]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const { slot } of FIELDS) {
      const container = document.createElement('div');
      container.id = `floor-${slot}`;
      container.slot = slot;
      this.append(container);
    }
    void loadMercadoPago().then((MercadoPago) => this.mount(MercadoPago as MercadoPagoConstructor));
  }

  private mount(MercadoPago: MercadoPagoConstructor): void {
    const mp = new MercadoPago(this.getAttribute('public-key') ?? '', { locale: 'en-US' });
    const ready = new Set<SecureFieldType>();
    for (const { type, slot } of FIELDS) {
      const field = mp.fields.create(type, { placeholder: this.i18n.t(type) });
      field.on('ready', () => {
        ready.add(type);
        if (ready.size === FIELDS.length) this.dispatchEvent(new Event('mp-ready', { bubbles: true, composed: true }));
      });
      field.mount(`floor-${slot}`);
    }
  }

  protected override render() {
    const t = (key: string) => this.i18n.t(key);
    return html`<form>
      ${FIELDS.map(
        ({ type, slot }) => html`<div class=${type === 'cardNumber' ? 'wide' : ''}>
          <div>${t(type)}</div>
          <div class="box"><slot name=${slot}></slot></div>
        </div>`,
      )}
      <button class="wide" type="button">${t('pay')}</button>
    </form>`;
  }
}

customElements.define('bench-floor', BenchFloor);
