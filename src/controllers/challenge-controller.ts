/**
 * The 3-D Secure challenge: the issuer's page opens in the element's frame (a form POST of `creq`)
 * and says it is done by posting `{status: 'COMPLETE'}` to this window. Only that frame is heard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ChallengeControllerOptions {
  completed(): void;
}

export class ChallengeController implements ReactiveController {
  private readonly onMessage = (event: MessageEvent) => {
    const frame = this.host.shadowRoot?.querySelector<HTMLIFrameElement>('iframe.challenge');
    if (event.source !== frame?.contentWindow) return;
    if ((event.data as { status?: unknown } | null)?.status === 'COMPLETE') this.options.completed();
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ChallengeControllerOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('message', this.onMessage);
  }

  hostDisconnected(): void {
    window.removeEventListener('message', this.onMessage);
  }

  /** Posts the challenge request into the frame, once it is rendered. */
  open(): void {
    void this.host.updateComplete.then(() => {
      const form = this.host.shadowRoot?.querySelector<HTMLFormElement>('form.challenge-form');
      const button = form?.querySelector<HTMLButtonElement>('button');
      if (form && button) form.requestSubmit(button);
    });
  }
}
