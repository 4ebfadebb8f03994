import type {
  MpCheckoutElement,
  MpReadyEvent,
  MpChangeEvent,
  MpSubmitEvent,
  MpPaymentEvent,
  MpErrorEvent,
} from "../../lib/index.js";

type BaseProps = {
  /** Content added between the opening and closing tags of the element */
  children?: JSX.Element;
  /** Used for declaratively styling one or more elements using CSS (Cascading Stylesheets) */
  class?: string;
  /** Takes an object where the key is the class name(s) and the value is a boolean expression. When true, the class is applied, and when false, it is removed. */
  classList?: Record<string, boolean | undefined>;
  /** Specifies the text direction of the element. */
  dir?: "ltr" | "rtl";
  /** Contains a space-separated list of the part names of the element that should be exposed on the host element. */
  exportparts?: string;
  /** Specifies whether the element should be hidden. */
  hidden?: boolean | string;
  /** A unique identifier for the element. */
  id?: string;
  /** Sets the HTML or XML markup contained within the element. */
  innerHTML?: string;
  /** Specifies the language of the element. */
  lang?: string;
  /** Contains a space-separated list of the part names of the element. Part names allows CSS to select and style specific elements in a shadow tree via the ::part pseudo-element. */
  part?: string;
  /** Use the ref attribute with a variable to assign a DOM element to the variable once the element is rendered. */
  ref?: unknown | ((e: unknown) => void);
  /** Adds a reference for a custom element slot */
  slot?: string;
  /** Prop for setting inline styles */
  style?: JSX.CSSProperties;
  /** Overrides the default Tab button behavior. Avoid using values other than -1 and 0. */
  tabIndex?: number;
  /** Sets the text content of the element */
  textContent?: string;
  /** Specifies the tooltip text for the element. */
  title?: string;
  /** Passing 'no' excludes the element content from being translated. */
  translate?: "yes" | "no";
};

type BaseEvents = {};

type MpCheckoutElementProps = {
  /** Mercado Pago public key: `TEST-…` for test mode, `APP_USR-…` for production. */
  "public-key"?: MpCheckoutElement["publicKey"];
  /** Amount to charge, in the site's currency. */
  amount?: MpCheckoutElement["amount"];
  /** URL of the merchant endpoint that receives the payment POST. */
  action?: MpCheckoutElement["action"];
  /** URL polled as `GET {status-action}?id=<payment id>` while a payment is pending. */
  "status-action"?: MpCheckoutElement["statusAction"];
  /** UI language (`es-AR`, `pt-BR`, `en`…); defaults to the nearest `lang`. */
  locale?: MpCheckoutElement["locale"];
  /** Mercado Pago site (`MLA`, `MLB`…); defaults to the locale's region. */
  site?: MpCheckoutElement["site"];
  /** The payer's e-mail; when set the e-mail input is hidden. */
  "payer-email"?: MpCheckoutElement["payerEmail"];
  /** The payer's first name, forwarded for fraud scoring. */
  "payer-first-name"?: MpCheckoutElement["payerFirstName"];
  /** The payer's last name, forwarded for fraud scoring. */
  "payer-last-name"?: MpCheckoutElement["payerLastName"];
  /** Items (`id`, `title`, `quantity`, `unit_price`…), as a JSON array attribute or an array. */
  items?: MpCheckoutElement["items"];
  /** Payment description, forwarded. */
  description?: MpCheckoutElement["description"];
  /** Text on the buyer's card statement, forwarded and quoted in the approval message. */
  "statement-descriptor"?: MpCheckoutElement["statementDescriptor"];
  /** The merchant's order reference, forwarded; an attempt left unresolved is repeated for the same reference and amount. */
  "external-reference"?: MpCheckoutElement["externalReference"];
  /** The merchant's own `X-Idempotency-Key` for this order's attempt (letters, digits, `.`, `_`, `:`, `-`; at most 64); by default the element makes one per attempt. */
  "idempotency-key"?: MpCheckoutElement["idempotencyKey"];
  /** Fewest installments offered. */
  "min-installments"?: MpCheckoutElement["minInstallments"];
  /** Most installments offered. */
  "max-installments"?: MpCheckoutElement["maxInstallments"];
  /** Page to navigate to after an approval. */
  "success-url"?: MpCheckoutElement["successUrl"];
  /** Locks the form. */
  disabled?: MpCheckoutElement["disabled"];
  /** Per-key overrides of any localized string, e.g. `{"ui.pay": "Buy now"}`. */
  messages?: MpCheckoutElement["messages"];
  /** Milliseconds to wait for the merchant endpoint before calling it a timeout. */
  "request-timeout"?: MpCheckoutElement["requestTimeout"];
  /** Milliseconds to wait for MercadoPago.js and the Secure Fields. */
  "sdk-timeout"?: MpCheckoutElement["sdkTimeout"];
  /** Full payer data (`email`, `first_name`, `last_name`, `identification`, `phone`, `address`). */
  "bind:payer"?: MpCheckoutElement["payer"];
  /** Extra headers for the payment POST and status polls (CSRF tokens). */
  "bind:headers"?: MpCheckoutElement["headers"];
  /** The card form is mounted and ready for input (the pay button may wait a moment more for the document types). */
  "on:mp-ready"?: (e: MpReadyEvent) => void;
  /** The buyer changed a field, the card brand or the installments. */
  "on:mp-change"?: (e: MpChangeEvent) => void;
  /** A valid form is about to be paid; cancelable. */
  "on:mp-submit"?: (e: MpSubmitEvent) => void;
  /** A payment result (`detail.status`, `detail.statusDetail`). */
  "on:mp-payment"?: (e: MpPaymentEvent) => void;
  /** A technical error (`detail.code`): configuration, SDK, network, server. */
  "on:mp-error"?: (e: MpErrorEvent) => void;
};

export type CustomElements = {
  /**
   * Card payments through Mercado Pago, compliant with its production requirements.
   * ---
   *
   *
   * ### **Events:**
   *  - **mp-ready** - The card form is mounted and ready for input (the pay button may wait a moment more for the document types).
   * - **mp-change** - The buyer changed a field, the card brand or the installments.
   * - **mp-submit** - A valid form is about to be paid; cancelable.
   * - **mp-payment** - A payment result (`detail.status`, `detail.statusDetail`).
   * - **mp-error** - A technical error (`detail.code`): configuration, SDK, network, server.
   *
   * ### **Methods:**
   *  - **submit(): _Promise<void>_** - Validates and pays, as if the buyer pressed the pay button.
   * - **reset(): _void_** - Clears what the buyer entered and any result, and mounts fresh fields. Ignored while a payment
   * is in flight; an attempt whose outcome is still unknown is kept, so a later submit repeats it
   * instead of risking a second charge.
   * - **audit(): _AuditEntry[]_** - Mercado Pago's production requirements (R1–R9) as data, judged on this page now:
   * `{id, ok, severity, message}` per requirement, plus one entry per configuration problem.
   *
   * ### **Slots:**
   *  - **terms** - The merchant's terms-and-conditions link, shown next to the pay button.
   * - **price-disclosure** - Adds to the financing disclosure; content with `data-replace` replaces it (Argentina: Resolution E 51/2017).
   * - **banner** - Replaces the default promotions banner.
   *
   * ### **CSS Properties:**
   *  - **--mp-color** - Text colour. Dark scheme: `#e6edf3`. _(default: #1f2328)_
   * - **--mp-background** - Background of the box. Dark scheme: `#0d1117`. _(default: #ffffff)_
   * - **--mp-border-color** - Border colour of the box (and of the 3-D Secure frame). Dark scheme: `#30363d`. _(default: #d0d7de)_
   * - **--mp-radius** - Corner radius of the box and the buttons. _(default: 0.5rem)_
   * - **--mp-spacing** - Padding inside the box. _(default: 1rem)_
   * - **--mp-max-width** - Widest the element grows. _(default: 32rem)_
   * - **--mp-font-family** - Font family (also inside the Secure Fields, which cannot load the page’s web fonts). _(default: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif)_
   * - **--mp-font-size** - Base font size. _(default: 1rem)_
   * - **--mp-input-color** - Input text colour (also inside the Secure Fields). _(default: inherit)_
   * - **--mp-input-background** - Input background (also behind the Secure Fields). Dark scheme: `#010409`. _(default: #ffffff)_
   * - **--mp-input-border-color** - Input border colour. Dark scheme: `#6e7681`. _(default: #8c959f)_
   * - **--mp-input-radius** - Input corner radius. _(default: 0.375rem)_
   * - **--mp-input-height** - Input height (also the Secure Fields’ height). _(default: 2.5rem)_
   * - **--mp-input-font-size** - Input font size (also inside the Secure Fields). _(default: inherit)_
   * - **--mp-input-font-weight** - Font weight inside the Secure Fields; unset: MercadoPago.js decides. _(default: undefined)_
   * - **--mp-input-padding** - Padding inside the Secure Fields; unset: MercadoPago.js decides. _(default: undefined)_
   * - **--mp-placeholder-color** - Placeholder colour inside the Secure Fields. Dark scheme: `#8b949e`. _(default: #6e7781)_
   * - **--mp-focus-color** - Focus ring colour (the element’s inputs and the Secure Fields’ frames). Dark scheme: `#58a6ff`. _(default: #0969da)_
   * - **--mp-focus-width** - Focus ring width. _(default: 2px)_
   * - **--mp-error-color** - Error text and invalid-field border colour. Dark scheme: `#ff7b72`. _(default: #cf222e)_
   * - **--mp-success-color** - Colour of an approval message. Dark scheme: `#3fb950`. _(default: #1a7f37)_
   * - **--mp-muted-color** - Secondary text: card brand, banner, notes. Dark scheme: `#8b949e`. _(default: #57606a)_
   * - **--mp-link-color** - Link colour. Dark scheme: `#58a6ff`. _(default: #0969da)_
   * - **--mp-button-color** - Pay button text colour. _(default: #ffffff)_
   * - **--mp-button-background** - Pay button background. _(default: #0077b6)_
   * - **--mp-test-badge-color** - Text colour of the "test mode" badge. Dark scheme: `#f2cc60`. _(default: #6a5300)_
   * - **--mp-test-badge-background** - Background of the "test mode" badge. Dark scheme: `#3b2e00`. _(default: #fff8c5)_
   * - **--mp-financing-accent** - Accent bar of the financing block. _(default: #009ee3)_
   * - **--mp-cft-color** - Highlight colour of the CFT (Argentina: Resolution E 51/2017). Dark scheme: `#ffa198`. _(default: #b3261e)_
   * - **--mp-skeleton** - Colour of the loading placeholders. Dark scheme: `#21262d`. _(default: #eaeef2)_
   *
   * ### **CSS Parts:**
   *  - **base** - The outer box.
   * - **form** - The form.
   * - **field** - Each field's wrapper.
   * - **field-label** - Each field's label.
   * - **field-error** - Each field's error text.
   * - **card-number** - The frame around the card-number Secure Field.
   * - **expiration-date** - The frame around the expiration-date Secure Field.
   * - **security-code** - The frame around the security-code Secure Field.
   * - **cardholder-name** - The cardholder name input.
   * - **identification-type** - The document type select.
   * - **identification-number** - The document number input.
   * - **email** - The e-mail input.
   * - **issuer** - The issuing bank select.
   * - **installments** - The installments select.
   * - **financing** - The financing block of the selected installments option.
   * - **cft** - The CFT (total financial cost) value.
   * - **tea** - The TEA (effective annual rate) value.
   * - **banner** - The promotions banner.
   * - **submit-button** - The pay button.
   * - **message** - The live region with status and result messages.
   * - **test-badge** - The "test mode" badge.
   */
  "mp-checkout": Partial<MpCheckoutElementProps & BaseProps & BaseEvents>;
};

declare namespace svelteHTML {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface IntrinsicElements extends CustomElements {}
}
