/**
 * Mounts Mercado Pago's Secure Fields (card number, expiry, security code) into light-DOM
 * containers and follows their state. The SDK finds containers by id in the document, and
 * iframes inside a shadow root are not in window.frames, so the containers are children of the
 * element, projected into the shadow layout through named slots.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  SECURE_FIELDS,
  type CardToken,
  type MercadoPagoInstance,
  type PaymentMethod,
  type PaymentMethodSettings,
  type SecureField,
  type SecureFieldStyle,
  type SecureFieldType,
  type ValidityCause,
} from '../mercadopago/sdk-types.js';
import { SECURE_FIELD_SLOTS } from '../view/secure-field.js';

export interface SecureFieldsOptions {
  /**
   * Unique per element instance: the SDK finds containers by id in the document, so two checkouts
   * on one page must never share one. It is also the fields' SDK `group`: the SDK routes field
   * events page-wide by group and field type, so without a group of its own a second checkout's
   * events would reach the first one's listeners.
   */
  idPrefix: string;
  /** Milliseconds to wait for the fields to say `ready`. */
  timeoutMs(): number;
  /** A field's placeholder in the current language. */
  placeholder(field: SecureFieldType): string;
  /** A field's screen-reader label in the current language: given at creation only (fields.md). */
  label(field: SecureFieldType): string;
  /**
   * The three fields' style in the current theme. Read once for all three: it reads computed
   * style, which each mounted iframe has invalidated.
   */
  style(): SecureFieldStyle;
  ready(): void;
  failed(code: 'fields_timeout' | 'fields_mount_failed', cause?: unknown): void;
  /** A field reported an SDK error (its frame could not reach Mercado Pago). */
  errored(cause: unknown): void;
  binChanged(bin: string | null): void;
  changed(field: SecureFieldType): void;
  /** The buyer left a field (after its last validity report). */
  left(field: SecureFieldType): void;
}

/**
 * The settings entry of a payment method that covers this BIN (a method may list several ranges
 * with different rules), else its first, as Mercado Pago's own examples take.
 */
export function settingsForBin(method: PaymentMethod | undefined, bin: string | null): PaymentMethodSettings | undefined {
  const all = Array.isArray(method?.settings) ? method.settings : [];
  const covers = (s: PaymentMethodSettings) => {
    try {
      const { pattern, exclusion_pattern: exclusion } = s.bin ?? {};
      return Boolean(bin && pattern && new RegExp(pattern).test(bin) && !(exclusion && new RegExp(exclusion).test(bin)));
    } catch {
      return false; // a pattern this browser cannot parse covers nothing
    }
  };
  return all.find(covers) ?? all[0];
}

export class SecureFieldsController implements ReactiveController {
  /** Fields created and mounted (a field whose mount the SDK swallowed is not kept). */
  private fields = new Map<SecureFieldType, SecureField>();
  private mp?: MercadoPagoInstance;
  /** The BIN last reported: the SDK may repeat one, which must not reset the card lookup. */
  private bin: string | null = null;
  private readyFields = new Set<SecureFieldType>();
  private timer?: ReturnType<typeof setTimeout>;
  /** The SDK's latest validity complaint per field (undefined: no complaint). */
  readonly causes = new Map<SecureFieldType, ValidityCause | undefined>();
  /**
   * Fields the buyer has typed into and then left: only these show the SDK's complaint on their own.
   * Tabbing through an empty field is not a mistake (the SDK still calls it invalid on blur).
   */
  readonly touched = new Set<SecureFieldType>();
  /** The field holding the keyboard focus: its frame draws the element's focus ring (the iframe's own cannot be styled). */
  focused?: SecureFieldType;
  /** Fields holding something the buyer typed (a rebuild would throw it away). */
  readonly typed = new Set<SecureFieldType>();
  /** The screen-reader labels the fields were created with (the SDK cannot change them afterwards). */
  private labels: string[] = [];
  /** Each field's placeholder: an update that changes nothing is not sent. */
  private readonly givenPlaceholders = new Map<SecureFieldType, string>();

  /** @param host The element: the fields' mount containers are its light-DOM children. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SecureFieldsOptions,
  ) {
    host.addController(this);
  }

  get mounted(): boolean {
    return this.fields.size > 0;
  }

  get ready(): boolean {
    return this.readyFields.size === SECURE_FIELDS.length;
  }

  hostConnected(): void {
    this.ensureContainers();
  }

  /** Creates and mounts the three fields; reports ready, or a failure if they never answer. */
  mount(mp: MercadoPagoInstance): void {
    this.unmount();
    this.mp = mp;
    try {
      const style = this.options.style();
      for (const type of SECURE_FIELDS) {
        const placeholder = this.options.placeholder(type);
        const srLabel = this.options.label(type);
        this.labels.push(srLabel);
        this.givenPlaceholders.set(type, placeholder);
        const field = mp.fields.create(type, { placeholder, ariaRequired: true, style, srLabel, group: this.group });
        this.listen(type, field);
        field.mount(this.containerId(type));
        // The SDK swallows mount errors (a console warning, no exception: fields.md, v2.0.0): an
        // iframe that did not appear in its container means the field will never become ready.
        if (!this.container(type)?.querySelector('iframe')) throw new Error(`MercadoPago.js did not mount the ${type} field`);
        this.fields.set(type, field);
      }
    } catch (error) {
      this.unmount();
      this.options.failed('fields_mount_failed', error);
      return;
    }
    // Ad blockers block Mercado Pago's hosts silently: the iframes then never say `ready`. The timer
    // outlives a move (disconnected and connected in one task, the fields stay); a removal unmounts.
    this.timer = setTimeout(() => {
      if (!this.ready) this.options.failed('fields_timeout');
    }, this.options.timeoutMs());
  }

  unmount(): void {
    clearTimeout(this.timer);
    for (const field of this.fields.values()) {
      try {
        field.unmount();
      } catch {
        /* an SDK that already tore the iframe down must not stop the others */
      }
    }
    this.fields.clear();
    this.labels = [];
    this.givenPlaceholders.clear();
    this.readyFields.clear();
    this.causes.clear();
    this.touched.clear();
    this.typed.clear();
    this.focused = undefined;
    this.bin = null;
  }

  /**
   * Tokenizes what the buyer typed into this element's fields (its group), never another
   * checkout's. Resolves the token id; rejects with the SDK's own rejection.
   */
  async createCardToken(data: { cardholderName: string; identificationType?: string; identificationNumber?: string }): Promise<string> {
    if (!this.mp || !this.mounted) throw new Error('The card fields are not mounted');
    const token: CardToken | undefined = await this.mp.fields.createCardToken(data, { group: this.group });
    if (!token || typeof token.id !== 'string' || !token.id) throw new Error('MercadoPago.js returned no token');
    return token.id;
  }

  /**
   * Applies the detected card's rules (the settings entry for the BIN the fields reported), each
   * field its own part (fields.md, "update"): the number field its length and Luhn check, the code
   * field its length and whether it may stay empty. Without this the code stays at 3 digits: an
   * American Express buyer could not type theirs.
   */
  applySettings(method: PaymentMethod | undefined): void {
    const settings = settingsForBin(method, this.bin);
    if (!settings) return;
    if (settings.card_number) this.update('cardNumber', { settings: settings.card_number });
    if (settings.security_code) this.update('securityCode', { settings: settings.security_code });
  }

  /**
   * Mounted fields, nothing typed in them, whose labels are not those of the options now (another
   * language came than the one they were created in): only fresh fields can carry the new labels.
   */
  labelledOtherwise(): boolean {
    return this.mounted && this.typed.size === 0 && SECURE_FIELDS.some((type, index) => this.labels[index] !== this.options.label(type));
  }

  /** Marks a field invalid inside its iframe (the SDK sets aria-invalid there). */
  markInvalid(type: SecureFieldType, invalid: boolean): void {
    this.update(type, { invalid });
  }

  focus(type: SecureFieldType): void {
    this.fields.get(type)?.focus();
  }

  /** The theme changed (the theme controller compares): the fields take its style. */
  restyle(style: SecureFieldStyle): void {
    for (const [type, field] of this.fields) this.update(type, { style }, field);
  }

  /**
   * The language or the merchant's wording changed: each field whose placeholder is another takes
   * the new one (its label cannot change: labelledOtherwise). The theme is not read again.
   */
  replacePlaceholders(): void {
    for (const [type, field] of this.fields) {
      const placeholder = this.options.placeholder(type);
      if (this.givenPlaceholders.get(type) === placeholder) continue;
      this.givenPlaceholders.set(type, placeholder);
      this.update(type, { placeholder }, field);
    }
  }

  /**
   * `update` arrived after MercadoPago.js 2.0.0 (whose fields have none): without it the fields keep
   * their options, which costs looks and card rules but must not break the form.
   */
  private update(type: SecureFieldType, props: Parameters<SecureField['update']>[0], field = this.fields.get(type)): void {
    if (typeof field?.update === 'function') field.update(props);
  }

  private get group(): string {
    return this.options.idPrefix;
  }

  private container(type: SecureFieldType): Element | null {
    return this.host.querySelector(`#${CSS.escape(this.containerId(type))}`);
  }

  private containerId(type: SecureFieldType): string {
    return `${this.options.idPrefix}-${SECURE_FIELD_SLOTS[type]}`;
  }

  /** Creates the light-DOM mount containers, once: a reconnected element still holds its own. */
  private ensureContainers(): void {
    for (const type of SECURE_FIELDS) {
      const id = this.containerId(type);
      if (this.container(type)) continue;
      const container = document.createElement('div');
      container.id = id;
      container.slot = SECURE_FIELD_SLOTS[type];
      container.style.height = '100%';
      this.host.append(container);
    }
  }

  private listen(type: SecureFieldType, field: SecureField): void {
    field.on('ready', () => {
      this.readyFields.add(type);
      if (this.ready) {
        clearTimeout(this.timer);
        this.options.ready();
      }
    });
    field.on('validityChange', ({ errorMessages }) => {
      this.causes.set(type, errorMessages?.[0]?.cause);
      this.options.changed(type);
    });
    field.on('focus', () => {
      this.focused = type;
      this.host.requestUpdate();
    });
    field.on('blur', () => {
      if (this.focused === type) this.focused = undefined;
      if (this.typed.has(type)) this.touched.add(type);
      this.options.changed(type);
      this.options.left(type);
      this.host.requestUpdate();
    });
    field.on('change', () => {
      this.typed.add(type);
      this.options.changed(type);
    });
    field.on('error', ({ error }) => this.options.errored(error));
    if (type === 'cardNumber') {
      field.on('binChange', ({ bin }) => {
        // The SDK repeats a BIN it already reported (Mercado Pago's own sample filters with
        // `bin !== currentBin`); a repeat would throw away the chosen bank and installments.
        const next = bin || null;
        if (next === this.bin) return;
        this.bin = next;
        this.options.binChanged(next);
      });
    }
  }
}
