/**
 * The 3-D Secure challenge: the issuer's page in an iframe, opened by POSTing the `creq` into it
 * from a hidden form. The creq travels as the submitter button's name/value, so no input, select
 * or textarea carries a `name` (R2).
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface ChallengeView {
  /** The iframe's name, which the form targets. */
  frameName: string;
  title: string;
  url: string;
  creq: string;
}

export function challengeFrame(view: ChallengeView | undefined): TemplateResult | typeof nothing {
  if (!view) return nothing;
  return html`<iframe
      class="challenge"
      name=${view.frameName}
      title=${view.title}
    ></iframe>
    <form class="challenge-form" method="post" action=${view.url} target=${view.frameName} hidden>
      <button type="submit" name="creq" value=${view.creq} tabindex="-1" aria-hidden="true"></button>
    </form>`;
}
