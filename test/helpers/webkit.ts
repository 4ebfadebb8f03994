/**
 * WebKit for web-test-runner: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver
 * (package webkit2gtk-driver). MiniBrowser has no headless mode, so the driver runs under
 * xvfb-run, which gives it (and the browser it starts) a virtual display.
 *
 * WebKitWebDriver cannot intercept requests, so each test page is opened with `sdk-double=sw`:
 * the test page (see `testRunnerHtml` in web-test-runner.config.mjs) then installs
 * test/helpers/sdk-double-sw.js before the tests load.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { WebdriverLauncher } from '@web/test-runner-webdriver';

export const MINIBROWSER = process.env.WEBKIT_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const SDK_DOUBLE_PARAM = 'sdk-double';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForDriver(port: number, driver: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${driver.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('WebKitWebDriver did not start within 30 s');
}

export interface WebKitDriver {
  port: number;
  stop(): void;
}

/** Starts WebKitWebDriver on a free port under `xvfb-run -a` (a free virtual display); stop() ends both. */
export async function startWebKitDriver(): Promise<WebKitDriver> {
  const port = await freePort();
  const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-driver.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.once('exit', stop);
  await waitForDriver(port, driver);
  return { port, stop };
}

/** WebDriver capabilities for Debian's MiniBrowser. */
export const WEBKIT_CAPABILITIES = {
  // WebdriverIO asks for a BiDi session by default; WebKitWebDriver 2.50 refuses it.
  'wdio:enforceWebDriverClassic': true,
  'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
} as WebdriverIO.Capabilities;

class WebKitLauncher extends WebdriverLauncher {
  #driver?: WebKitDriver;

  constructor() {
    super({
      logLevel: 'error',
      hostname: '127.0.0.1',
      port: 0,
      path: '/',
      capabilities: WEBKIT_CAPABILITIES,
    });
    this.name = 'WebKit';
  }

  override async initialize(config: Parameters<WebdriverLauncher['initialize']>[0]): Promise<void> {
    await super.initialize(config);
    this.name = 'WebKit';
    this.#driver = await startWebKitDriver();
    (this as unknown as { options: { port: number } }).options.port = this.#driver.port;
  }

  override startSession(id: string, url: string): Promise<void> {
    const withDouble = new URL(url);
    withDouble.searchParams.set(SDK_DOUBLE_PARAM, 'sw');
    return super.startSession(id, withDouble.href);
  }

  override async stop(): Promise<void> {
    await super.stop();
    this.#driver?.stop();
  }
}

export function webkitLauncher(): WebKitLauncher {
  return new WebKitLauncher();
}

/**
 * The test page for every engine: where the page was opened with `sdk-double=sw` (WebKit), the
 * service worker must control it before the tests (and the element) load.
 */
export function testRunnerHtml(testFramework: string): string {
  return `<!DOCTYPE html><html><head></head><body><script type="module">
if (new URLSearchParams(location.search).has('${SDK_DOUBLE_PARAM}')) {
  const sw = navigator.serviceWorker;
  if (!sw) throw new Error('this engine has no service workers: the SDK double cannot be installed');
  await sw.register('/sdk-double-sw.js', { scope: '/' });
  await sw.ready;
  if (!sw.controller) await new Promise((resolve) => sw.addEventListener('controllerchange', resolve, { once: true }));
}
await import(${JSON.stringify(testFramework)});
</script></body></html>`;
}
