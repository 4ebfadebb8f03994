/**
 * Keeps the element's strings in the buyer's language: resolves the locale (the `locale`
 * attribute, then the nearest `lang` ancestor, then `<html lang>`, then the site's language),
 * loads it lazily and re-renders in place when any of them changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TOptions } from 'i18next';
import { resourceChain, Translator } from '../internal/i18n.js';
import { SECURE_FIELD_TEXT, type SecureFieldTextKey } from '../internal/secure-field-text.js';
import { inNextTask } from '../internal/next-task.js';

export interface LocalizeOptions {
  /** The explicit `locale` attribute, if any. */
  locale(): string | undefined;
  /** The language of the site when nothing on the page says one. */
  siteLanguage(): string;
  /** A language was activated (to tell the SDK and fire mp-change). */
  activated(): void;
}

export class LocalizeController implements ReactiveController {
  private readonly translator = new Translator();
  private observer?: MutationObserver;
  private requested = '';
  private markLoaded!: () => void;
  /** Settles once the first language is usable (events then carry readable text). */
  readonly loaded = new Promise<void>((resolve) => (this.markLoaded = resolve));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: LocalizeOptions,
  ) {
    host.addController(this);
  }

  /** The BCP-47 tag the element should speak, before resource fallback. */
  get requestedTag(): string {
    const { host } = this;
    const fromDom = host.closest<HTMLElement>('[lang]')?.lang || document.documentElement.lang;
    return this.options.locale() || fromDom || this.options.siteLanguage() || 'en';
  }

  /** The active resource language (`es-AR`, `pt-BR`, `en`…); empty until loaded. */
  get language(): string {
    return this.translator.language;
  }

  hostConnected(): void {
    // `lang` can change anywhere above us (a page's language switcher); one observer sees it all.
    this.observer = new MutationObserver(() => this.sync());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    this.sync();
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Per-instance overrides (the `messages` property). */
  setOverrides(messages: Record<string, string> | undefined): void {
    this.translator.setOverrides(messages);
  }

  t(keys: string | string[], options?: TOptions): string {
    return this.translator.t(keys, options);
  }

  get ready(): boolean {
    return this.translator.ready;
  }

  /**
   * A Secure Field's label or placeholder, also before the language is loaded (the fields are
   * created as soon as MercadoPago.js is here): the merchant's override, else the inline text of
   * the requested language.
   */
  secureFieldText(key: SecureFieldTextKey): string {
    const inline = () => SECURE_FIELD_TEXT[resourceChain(this.requestedTag).chain[0]] ?? SECURE_FIELD_TEXT.en;
    return this.t(key) || this.translator.override(key) || inline()[key];
  }

  private sync(): void {
    const tag = this.requestedTag;
    if (tag === this.requested) return;
    this.requested = tag;
    // In a task of its own, after the one that connects the element: starting the language's two
    // module fetches there cost the first render about 15 ms, and with them in that task Chromium
    // ran the language's work before MercadoPago.js, which had arrived first (issue #12's bench).
    // The fetches start a moment later; the text still comes long before the SDK on a real network.
    inNextTask(() => {
      if (this.requested !== tag) return; // a newer switch is on its way
      // Removed meanwhile: nothing to load for; connecting again asks anew.
      if (!this.host.isConnected) this.requested = '';
      else this.load(tag);
    });
  }

  private load(tag: string): void {
    const activate = () => {
      if (this.requested !== tag) return; // a newer switch won
      this.markLoaded();
      this.options.activated();
      this.host.requestUpdate();
    };
    this.translator.load(tag).then(activate, () => {
      // A locale chunk that fails to load (offline CDN) falls back to English, never to nothing.
      if (tag !== 'en' && this.requested === tag) this.translator.load('en').then(activate, () => undefined);
    });
  }
}
