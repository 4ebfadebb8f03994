/**
 * Mounts Mercado Pago's Secure Fields (card number, expiry, security code) into light-DOM
 * containers and follows their state. The SDK finds containers by id in the document, and
 * iframes inside a shadow root are not in window.frames, so the containers are children of the
 * element, projected into the shadow layout through named slots.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  SECURE_FIELDS,
  type MercadoPagoInstance,
  type PaymentMethodSettings,
  type SecureField,
  type SecureFieldOptions,
  type SecureFieldType,
  type ValidityCause,
} from '../services/sdk-types.js';

/** The slot (and frame part) each field's light-DOM container is projected through. */
export const SECURE_FIELD_SLOTS: Readonly<Record<SecureFieldType, string>> = {
  cardNumber: 'card-number',
  expirationDate: 'expiration-date',
  securityCode: 'security-code',
};

export interface SecureFieldsHost extends ReactiveControllerHost, ParentNode {
  secureFieldOptions(field: SecureFieldType): SecureFieldOptions;
  fieldsReady(): void;
  fieldsFailed(code: 'fields_timeout' | 'fields_mount_failed' | 'sdk_request_failed', cause?: unknown): void;
  binChanged(bin: string | null): void;
  secureFieldChanged(field: SecureFieldType): void;
}

export class SecureFieldsController implements ReactiveController {
  private fields = new Map<SecureFieldType, SecureField>();
  private readyFields = new Set<SecureFieldType>();
  private timer?: ReturnType<typeof setTimeout>;
  /** The SDK's latest validity complaint per field (undefined: no complaint). */
  readonly causes = new Map<SecureFieldType, ValidityCause | undefined>();
  /** Fields the buyer has typed into and left at least once. */
  readonly touched = new Set<SecureFieldType>();
  /** Fields holding something the buyer typed (a rebuild would throw it away). */
  readonly typed = new Set<SecureFieldType>();

  /**
   * @param idPrefix Unique per element instance: the SDK finds containers by id in the document,
   *   so two checkouts on one page must never share one.
   */
  constructor(
    private readonly host: SecureFieldsHost,
    private readonly timeoutMs: () => number,
    private readonly idPrefix: string,
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

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Creates and mounts the three fields; reports ready, or a timeout if they never answer. */
  mount(mp: MercadoPagoInstance): void {
    this.unmount();
    try {
      for (const type of SECURE_FIELDS) {
        const field = mp.fields.create(type, this.host.secureFieldOptions(type));
        this.listen(type, field);
        this.fields.set(type, field);
        field.mount(this.containerId(type));
      }
    } catch (error) {
      this.unmount();
      this.host.fieldsFailed('fields_mount_failed', error);
      return;
    }
    // Ad blockers block Mercado Pago's hosts silently: the iframes then never say `ready`.
    this.timer = setTimeout(() => {
      if (!this.ready) this.host.fieldsFailed('fields_timeout');
    }, this.timeoutMs());
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
    this.readyFields.clear();
    this.causes.clear();
    this.touched.clear();
    this.typed.clear();
  }

  /** Applies the detected card's rules (length, CVV mode) to the number and CVV fields. */
  applySettings(settings: PaymentMethodSettings | undefined): void {
    if (!settings) return;
    this.fields.get('cardNumber')?.update({ settings });
    this.fields.get('securityCode')?.update({ settings });
  }

  /** Marks a field invalid inside its iframe (the SDK sets aria-invalid there). */
  markInvalid(type: SecureFieldType, invalid: boolean): void {
    this.fields.get(type)?.update({ invalid });
  }

  focus(type: SecureFieldType): void {
    this.fields.get(type)?.focus();
  }

  /** Re-styles and re-labels the fields (theme or language changed). */
  refreshOptions(): void {
    for (const [type, field] of this.fields) {
      const { placeholder, style } = this.host.secureFieldOptions(type);
      field.update({ placeholder, style });
    }
  }

  private containerId(type: SecureFieldType): string {
    return `${this.idPrefix}-${SECURE_FIELD_SLOTS[type]}`;
  }

  /** Creates the light-DOM mount containers, once: a reconnected element still holds its own. */
  private ensureContainers(): void {
    for (const type of SECURE_FIELDS) {
      const id = this.containerId(type);
      if (this.host.querySelector(`#${CSS.escape(id)}`)) continue;
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
        this.host.fieldsReady();
      }
    });
    field.on('validityChange', ({ errorMessages }) => {
      this.causes.set(type, errorMessages?.[0]?.cause);
      this.host.secureFieldChanged(type);
    });
    field.on('blur', () => {
      this.touched.add(type);
      this.host.secureFieldChanged(type);
    });
    field.on('change', () => {
      this.typed.add(type);
      this.host.secureFieldChanged(type);
    });
    field.on('error', ({ error }) => this.host.fieldsFailed('sdk_request_failed', error));
    if (type === 'cardNumber') field.on('binChange', ({ bin }) => this.host.binChanged(bin ?? null));
  }
}
