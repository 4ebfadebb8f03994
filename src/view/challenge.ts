/**
 * The 3-D Secure challenge: the issuer's page in an iframe, opened by POSTing the `creq` into it
 * from a hidden form. The creq travels as the submitter button's name/value, so no input, select
 * or textarea carries a `name` (R2).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ref } from 'lit/directives/ref.js';

export interface ChallengeView {
  /** The iframe's name, which the form targets. */
  frameName: string;
  title: string;
  url: string;
  creq: string;
}

/**
 * What the issuer's page may do in its frame: what a 3-D Secure challenge needs and no more. Its own
 * forms and scripts, its origin (cookies, postMessage to us), and leaving the page only when the
 * buyer clicks (a bank's "open in a new window" escape): no popups, no silent top navigation.
 * Set through a ref, when the frame is created and before anything is posted into it, because
 * lit-analyzer's attribute data allows one token only.
 */
export const CHALLENGE_SANDBOX = 'allow-forms allow-scripts allow-same-origin allow-top-navigation-by-user-activation';

function sandboxFrame(frame: Element | undefined): void {
  frame?.setAttribute('sandbox', CHALLENGE_SANDBOX);
}

export function challengeFrame(view: ChallengeView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  return html`<iframe
      class="challenge"
      name=${view.frameName}
      title=${view.title}
      ${ref(sandboxFrame)}
    ></iframe>
    <form class="challenge-form" method="post" action=${view.url} target=${view.frameName} hidden>
      <button type="submit" name="creq" value=${view.creq} tabindex="-1" aria-hidden="true"></button>
    </form>`;
}
