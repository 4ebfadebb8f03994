// Debian's Chromium, headless as root, without the background traffic offline CI machines refuse.
// Shared by the mp-checkout-audit command and the project's end-to-end tests.

/** CHROME_PATH, else Debian's /usr/bin/chromium. */
export const chromiumPath = () => process.env.CHROME_PATH || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
