// Unit and element tests in Debian's Chromium, Firefox ESR and WebKitGTK (WTR_ENGINES picks a
// subset). MercadoPago.js is answered by the sandbox double AT its official CDN URL (request
// interception in Chromium and Firefox, a service worker in WebKit), so @mercadopago/sdk-js runs
// unchanged.
import { chromeLauncher } from '@web/test-runner-chrome';
import * as puppeteerCore from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { sdkDoubleMiddleware, sdkInterceptor } from './test/helpers/sdk-interceptor.ts';
import { testRunnerHtml, webkitLauncher } from './test/helpers/webkit.ts';
import { sandboxMerchantMiddleware } from './test/helpers/merchant-middleware.ts';
import { defaultReporter } from '@web/test-runner';
import { countReporter } from './test/helpers/count-reporter.ts';

/**
 * @mercadopago/sdk-js ships CommonJS only. Its code is served verbatim, wrapped with an `exports`
 * object and an ESM re-export (the rollup commonjs adapter does not run on this dev server).
 */
const sdkJsAsEsm = {
  name: 'mercadopago-sdk-js-esm',
  transform(context) {
    if (!context.path.includes('/@mercadopago/sdk-js/dist/index.js')) return undefined;
    return { body: `const exports = {};\n${context.body}\nconst { loadMercadoPago: load } = exports;\nexport { load as loadMercadoPago };\n` };
  },
};

export const launchers = {
  chromium: () =>
    chromeLauncher({
      // Passing puppeteer-core names the engine "Chromium" in the reports (not "Chrome").
      puppeteer: puppeteerCore,
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        // Test pages run side by side; background pages must keep their timers and animation frames.
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
          '--disable-background-timer-throttling',
          '--disable-renderer-backgrounding',
          '--disable-backgrounding-occluded-windows',
        ],
      },
      async createPage({ context }) {
        const page = await context.newPage();
        await sdkInterceptor(page);
        return page;
      },
    }),
  // Debian's Firefox ESR over WebDriver BiDi (puppeteer-core, no downloaded browser).
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        browser: 'firefox',
        executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
        headless: true,
      },
      async createPage({ context }) {
        const page = await context.newPage();
        await sdkInterceptor(page);
        return page;
      },
    }),
  // Debian's WebKitGTK (MiniBrowser) through WebKitWebDriver under xvfb-run; the SDK double
  // comes from a service worker there (test/helpers/webkit.ts).
  webkit: () => webkitLauncher(),
};

/** WTR_ENGINES=chromium,firefox,webkit (default: all) picks the engines of this run. */
const engines = (process.env.WTR_ENGINES || Object.keys(launchers).join(','))
  .split(',')
  .map((e) => e.trim())
  .filter(Boolean);

export default {
  files: ['test/unit/**/*.test.ts', 'test/element/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time per engine: Chromium stops animation frames in background tabs, which
  // open-wc's fixture() waits for, and focus assertions need the page in front (and for WebKit, 1
  // selects @web/test-runner-webdriver's one-window SessionManager). The three engines still run
  // side by side, so the whole suite takes about as long as the slowest engine (WebKit).
  concurrency: 1,
  reporters: [defaultReporter(), countReporter('.cache/wtr-counts.json')],
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [sdkDoubleMiddleware(), sandboxMerchantMiddleware()],
  testRunnerHtml,
  mimeTypes: { '**/*.json': 'json' },
  plugins: [esbuildPlugin({ ts: true, target: 'esnext', tsconfig: 'tsconfig.json' }), sdkJsAsEsm],
  browsers: engines.map((engine) => launchers[engine]()),
};
