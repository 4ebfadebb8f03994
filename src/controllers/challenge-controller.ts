/**
 * The 3-D Secure challenge: the issuer's page opens in the element's frame (a form POST of `creq`)
 * and says it is done by posting `{status: 'COMPLETE'}` to this window. Only that frame is heard.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the issuer's page may do in its frame: what a 3-D Secure challenge needs and no more. Its own
 * forms and scripts, its origin (cookies, postMessage to us), and leaving the page only when the
 * buyer clicks (a bank's "open in a new window" escape): no popups, no silent top navigation.
 * Set on the frame in the update that renders it, before anything can navigate it (sandbox flags
 * apply from the frame's next navigation; until then it holds an empty about:blank), and checked
 * again before the request is posted; not in the template, where lit-analyzer's attribute data allows
 * one token only.
 */
const CHALLENGE_SANDBOX = 'allow-forms allow-scripts allow-same-origin allow-top-navigation-by-user-activation';

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

  hostUpdated(): void {
    this.sandboxedFrame();
  }

  /** Posts the challenge request into the frame, sandboxed, once it is rendered. */
  open(): void {
    void this.host.updateComplete.then(() => {
      const form = this.host.shadowRoot?.querySelector<HTMLFormElement>('form.challenge-form');
      const button = form?.querySelector<HTMLButtonElement>('button');
      if (form && button && this.sandboxedFrame()) form.requestSubmit(button);
    });
  }

  /** The challenge frame, if rendered, with its sandbox on. */
  private sandboxedFrame(): Element | undefined {
    const frame = this.host.shadowRoot?.querySelector('iframe.challenge') ?? undefined;
    if (frame && frame.getAttribute('sandbox') !== CHALLENGE_SANDBOX) frame.setAttribute('sandbox', CHALLENGE_SANDBOX);
    return frame;
  }
}
