/**
 * Holds the checkout state and applies the session's pure transitions to it. The element's custom
 * states follow at once (a second click in the same task must see the lock), and entering a
 * technical error is announced: logged for the merchant and reported for mp-error, in the buyer's
 * language.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { INITIAL_STATE, transition, type CheckoutEvent, type CheckoutState } from '../session/checkout-session.js';
import { customStates, errorEventFor } from '../session/feedback.js';
import { setCustomStates } from '../internal/custom-states.js';
import type { MpErrorDetail } from '../events/events.js';

export interface SessionControllerOptions {
  disabled(): boolean;
  /** The state's message, translated; resolves once the language is there to say it. */
  describe(state: CheckoutState): Promise<string>;
  /** A technical error was entered: the element fires mp-error with this. */
  error(detail: MpErrorDetail): void;
}

export class SessionController implements ReactiveController {
  private current: CheckoutState = INITIAL_STATE;
  private readonly internals?: ElementInternals;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: SessionControllerOptions,
  ) {
    this.internals = typeof host.attachInternals === 'function' ? host.attachInternals() : undefined;
    host.addController(this);
  }

  get state(): CheckoutState {
    return this.current;
  }

  /** `disabled` may have changed. */
  hostUpdate(): void {
    this.syncStates();
  }

  /** Applies the event; true when it changed the state. */
  dispatch(event: CheckoutEvent): boolean {
    const next = transition(this.current, event);
    if (next === this.current) return false;
    this.current = next;
    this.syncStates();
    this.host.requestUpdate();
    const error = errorEventFor(next);
    if (error) void this.announce(next, error);
    return true;
  }

  /** Something failed: log its cause for the merchant, and move the session; true when it moved. */
  fail(event: CheckoutEvent, cause?: unknown): boolean {
    if (cause !== undefined) console.warn('<mp-checkout>', cause instanceof Error ? cause.message : cause);
    return this.dispatch(event);
  }

  private async announce(state: CheckoutState, error: { code: string; causes?: string[]; httpStatus?: number }): Promise<void> {
    await this.host.updateComplete;
    const message = (await this.options.describe(state)) || error.code;
    if (state.phase === 'configuring') console.error(`<mp-checkout> ${error.causes?.join(', ')}: ${message}`);
    this.options.error({ message, ...error });
  }

  private syncStates(): void {
    setCustomStates(this.host, this.internals, customStates(this.current, this.options.disabled()));
  }
}
