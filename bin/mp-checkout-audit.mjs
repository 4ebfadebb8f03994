#!/usr/bin/env node
// mp-checkout-audit: opens a page in headless Chromium, runs audit() on every <mp-checkout> in it and
// prints Mercado Pago's production checklist (R1–R9), for plugin authors' CI.
//
//   npx mp-checkout-audit <url> [--json] [--timeout ms] [--chromium-arg flag]…
//
// Exit codes: 0 no errors (warnings allowed), 1 at least one entry with severity "error" (or no
// <mp-checkout> to audit), 2 usage error or the browser/page could not be opened.
// Chromium: CHROME_PATH, else /usr/bin/chromium. Needs the `puppeteer-core` package.

import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const USAGE = `Usage: mp-checkout-audit <url> [--json] [--timeout ms] [--chromium-arg flag]...

Opens <url> in headless Chromium, waits for every <mp-checkout> to finish loading, runs its audit()
and prints Mercado Pago's production checklist (R1-R9) for each element.

  --json               print the result as JSON instead of a checklist
  --timeout ms         how long to wait for the page and the elements (default 30000)
  --chromium-arg flag  an extra Chromium command-line flag; repeatable, e.g.
                       --chromium-arg=--host-resolver-rules="MAP shop.example 127.0.0.1"
  -h, --help           show this help

Chromium comes from CHROME_PATH, else /usr/bin/chromium.
Exit status: 0 no errors, 1 an error in the checklist (or no <mp-checkout> found), 2 usage or launch error.`;

/** How long after load an <mp-checkout> may take to appear (added by script) before the page counts as having none. */
const APPEAR_MS = 5_000;

/**
 * How long after the elements settle Mercado Pago's device profile gets to set MP_DEVICE_SESSION_ID
 * before the checklist is read: past the element's own wait (5 s from MercadoPago.js loading, which
 * comes before the elements settle; DEVICE_PROFILE_GRACE_MS in src/controllers/guard-controller.ts),
 * so R4 carries the element's final word on it.
 */
const DEVICE_PROFILE_MS = 5_500;

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { url: '', json: false, timeout: 30_000, chromiumArgs: [], help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      if (inline !== undefined) return inline;
      if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '-h' || flag === '--help') options.help = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--timeout') {
      const ms = Number(value());
      if (!Number.isFinite(ms) || ms <= 0) throw new UsageError('--timeout needs a positive number of milliseconds');
      options.timeout = ms;
    } else if (flag === '--chromium-arg') options.chromiumArgs.push(value());
    else if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option ${flag}`);
    else if (options.url) throw new UsageError(`one URL only (got ${options.url} and ${arg})`);
    else options.url = arg;
  }
  if (options.help) return options;
  if (!options.url) throw new UsageError('missing <url>');
  let parsed;
  try {
    parsed = new URL(options.url);
  } catch {
    throw new UsageError(`not a URL: ${options.url}`);
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) throw new UsageError(`not an http(s) or file URL: ${options.url}`);
  options.url = parsed.href;
  return options;
}

// What follows runs in the page, serialized by puppeteer (no eval, so a strict CSP is no obstacle).
// The finder is created there once and handed to the others as a JSHandle.

/** Every <mp-checkout> on the page, also inside open shadow roots. */
function findCheckouts() {
  /* global document -- this function runs in the page, not in Node */
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'mp-checkout') found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(document);
  return found;
}

/** True once every <mp-checkout> is upgraded, rendered and out of :state(loading). */
function allSettled(find) {
  const found = find();
  // The element loads its language lazily: a refusal can come before its explanation is readable.
  const explained = (el) => el.audit().every((entry) => entry.message);
  return found.length > 0 && found.every((el) => typeof el.audit === 'function' && el.hasUpdated && !el.matches(':state(loading)') && explained(el));
}

/** True once Mercado Pago's device profile set the page's device session id. */
function deviceProfileRan() {
  /* global window -- this function runs in the page, not in Node */
  return Boolean(window.MP_DEVICE_SESSION_ID);
}

/** The report of every <mp-checkout>: its mode, state, visible error and audit(). */
function collect(find) {
  const found = find();
  const stateOf = (el) => ['submitting', 'ready', 'error', 'loading'].find((s) => el.matches(`:state(${s})`)) ?? 'idle';
  return found.map((el, index) => {
    const key = el.getAttribute('public-key') ?? '';
    const mode = /^APP_USR-/.test(key) ? 'production' : /^TEST-/.test(key) ? 'test' : 'no valid key';
    const base = { index: index + 1, id: el.id || '', mode, state: stateOf(el), message: '' };
    if (typeof el.audit !== 'function') {
      const entry = { id: 'page', ok: false, severity: 'error', message: '<mp-checkout> was never defined: the mp-checkout bundle did not load.' };
      return { ...base, state: 'undefined', entries: [entry] };
    }
    if (base.state === 'error') base.message = el.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim() ?? '';
    let entries;
    try {
      entries = el.audit().map(({ id, ok, severity, message }) => ({ id, ok, severity, message }));
    } catch (error) {
      entries = [{ id: 'page', ok: false, severity: 'error', message: `audit() threw: ${error?.message ?? error}` }];
    }
    return { ...base, entries };
  });
}

const SYMBOL = { ok: '✓', error: '✗', warning: '!' };
const symbolOf = (entry) => (entry.ok ? SYMBOL.ok : entry.severity === 'error' ? SYMBOL.error : SYMBOL.warning);

function printChecklist(report) {
  const lines = [`mp-checkout audit: ${report.url}`];
  if (report.notice) lines.push(`! ${report.notice}`);
  if (!report.elements.length) lines.push(`${SYMBOL.error} page  error    no <mp-checkout> element on this page`);
  for (const el of report.elements) {
    const name = el.id ? `#${el.id}` : `#${el.index}`;
    lines.push('', `<mp-checkout> ${name} (${el.mode}, ${el.state})`);
    if (el.state === 'error' && el.message) lines.push(`  shows: ${el.message}`);
    for (const entry of el.entries) lines.push(`  ${symbolOf(entry)} ${entry.id.padEnd(6)} ${entry.severity.padEnd(8)} ${entry.message}`);
  }
  const { errors, warnings } = report;
  lines.push(
    '',
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${report.elements.length} element${report.elements.length === 1 ? '' : 's'}`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

async function loadPuppeteer() {
  try {
    return (await import('puppeteer-core')).default;
  } catch {
    throw new Error('the puppeteer-core package is missing: npm install --save-dev puppeteer-core');
  }
}

async function audit(options) {
  const puppeteer = await loadPuppeteer();
  const executablePath = chromiumPath();
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...options.chromiumArgs] });
  } catch (error) {
    throw new Error(`could not start Chromium at ${executablePath} (set CHROME_PATH): ${error.message}`);
  }
  try {
    const page = await browser.newPage();
    const deadline = Date.now() + options.timeout;
    try {
      await page.goto(options.url, { waitUntil: 'load', timeout: options.timeout });
    } catch (error) {
      throw new Error(`could not open ${options.url}: ${error.message}`);
    }
    let notice = '';
    const remaining = () => Math.max(1, deadline - Date.now());
    let present = true;
    const find = await page.evaluateHandle(`(${findCheckouts})`);
    try {
      // A page may add the element from script after load: give it a moment, not the whole timeout.
      await page.waitForFunction((finder) => finder().length > 0, { timeout: Math.min(remaining(), APPEAR_MS), polling: 100 }, find);
    } catch {
      present = false;
    }
    if (present) {
      try {
        await page.waitForFunction(allSettled, { timeout: remaining(), polling: 100 }, find);
      } catch {
        notice = `not every <mp-checkout> finished loading within ${options.timeout} ms; the audit shows them as they are`;
      }
      await page.waitForFunction(deviceProfileRan, { timeout: Math.min(remaining(), DEVICE_PROFILE_MS), polling: 100 }).catch(() => {}); // not set: the element's R4 entry says why
    }
    const elements = await page.evaluate(collect, find);
    const all = elements.flatMap((el) => el.entries);
    let errors = all.filter((e) => !e.ok && e.severity === 'error').length;
    if (!elements.length) errors += 1;
    const warnings = all.filter((e) => !e.ok && e.severity !== 'error').length;
    return { url: options.url, notice, elements, errors, warnings };
  } finally {
    await browser.close().catch(() => {});
  }
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`mp-checkout-audit: ${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let report;
  try {
    report = await audit(options);
  } catch (error) {
    process.stderr.write(`mp-checkout-audit: ${error.message}\n`);
    return 2;
  }
  if (options.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else printChecklist(report);
  return report.errors > 0 ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`mp-checkout-audit: ${error?.stack ?? error}\n`);
    process.exitCode = 2;
  },
);
