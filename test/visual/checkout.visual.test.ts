// Screenshots of the element's main states at a desktop and a phone width, compared with the
// committed baselines (web-test-runner.visual.config.mjs; Chromium only). Deterministic by
// construction: one font installed with Debian's Chromium (also passed into the Secure Fields),
// reduced motion (no skeleton pulse), nothing focused (no caret), and each state awaited.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import type { MpCheckoutElement } from '../../src/mp-checkout.js';
import { fillCard, part, pay, renderCheckout, secureFrame, typeInto } from '../helpers/fixtures.js';
import { secureFieldInput } from '../helpers/type-in-field.js';

const WIDTHS = { desktop: 1280, phone: 390 } as const;

/** No focus ring, no caret: the element moves focus to the first invalid field on a failed submit. */
function blurEverything(el: MpCheckoutElement): void {
  for (const field of ['cardNumber', 'expirationDate', 'securityCode'] as const) secureFieldInput(secureFrame(el, field)).blur();
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  (document.activeElement as HTMLElement | null)?.blur();
}

async function settle(el: MpCheckoutElement): Promise<void> {
  await el.updateComplete;
  blurEverything(el);
  await document.fonts.ready;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

const STATES: Record<string, (el: MpCheckoutElement) => Promise<void>> = {
  idle: async () => {},
  'field-errors': async (el) => {
    (part(el, 'submit-button') as HTMLButtonElement).click();
    await waitUntil(() => el.shadowRoot!.querySelectorAll('[aria-invalid="true"], .secure.invalid').length >= 4, 'no field errors shown');
  },
  'financing-12': async (el) => {
    await fillCard(el);
    const select = () => part(el, 'installments') as HTMLSelectElement;
    await waitUntil(() => [...select().options].some((option) => option.value === '12'), 'no 12-installment option');
    typeInto(select(), '12');
    await el.updateComplete;
    expect(select().value, 'the select shows 12').to.equal('12');
    expect(part(el, 'financing')?.textContent ?? '').to.contain('12 installments of');
  },
  approved: async (el) => {
    await fillCard(el, { name: 'APRO' });
    expect((await pay(el)).detail.status).to.equal('approved');
  },
  rejected: async (el) => {
    await fillCard(el, { name: 'OTHE' });
    expect((await pay(el)).detail.status).to.equal('rejected');
  },
  '3ds-challenge': async (el) => {
    await fillCard(el, { name: 'CHAL' });
    await pay(el);
    // The issuer's page, posted into the frame: wait for its content, not the initial about:blank.
    const page = () => el.shadowRoot!.querySelector<HTMLIFrameElement>('iframe.challenge')?.contentDocument;
    await waitUntil(
      () => page()?.readyState === 'complete' && page()?.location.href !== 'about:blank' && Boolean(page()?.body?.textContent?.trim()),
      'no challenge page',
      {
        timeout: 8000,
      },
    );
  },
};

describe('<mp-checkout> visual regression (Chromium)', () => {
  before(async () => {
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await fixture(html`<style>
      body { margin: 0; background: #f6f8fa; }
      mp-checkout { --mp-font-family: 'DejaVu Sans'; margin: 16px; }
    </style>`);
  });
  after(() => emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' }));

  for (const [device, width] of Object.entries(WIDTHS)) {
    describe(`${device} (${width} px)`, () => {
      before(() => setViewport({ width, height: 900 }));

      for (const [state, reach] of Object.entries(STATES)) {
        it(state, async () => {
          // The receipt shows the operation number: a fixed one, since the sandbox's are random.
          const respond = state === 'approved' ? '201-approved' : undefined;
          const { el } = await renderCheckout({ respond, attrs: { amount: '10000', 'statement-descriptor': 'MPCHECKOUT DEMO' } });
          await reach(el);
          await settle(el);
          await visualDiff(el, `${state}-${device}`);
        });
      }

      it('dark', async () => {
        await emulateMedia({ colorScheme: 'dark' });
        try {
          const { el } = await renderCheckout({ attrs: { amount: '10000' } });
          await settle(el);
          await visualDiff(el, `dark-${device}`);
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      });
    });
  }
});
