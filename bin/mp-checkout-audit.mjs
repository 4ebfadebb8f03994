#!/usr/bin/env node
// mp-checkout-audit: opens a page in headless Chromium, runs audit() on every <mp-checkout> in it and
// prints Mercado Pago's production checklist (R1–R9), for plugin authors' CI.
//
//   npx mp-checkout-audit <url> [--json] [--timeout ms] [--chromium-arg flag]…
//
// Exit codes: 0 no errors (warnings allowed), 1 at least one error: an entry with severity "error", no
// <mp-checkout> to audit, an element in error or still loading at the timeout, or a result that cannot
// be trusted; 2 usage error or the browser/page could not be opened.
// Output: the command's own words in English; the element's entries in the element's language, each
// on a line of its own; whatever the page provides printed with its control characters escaped.
// Chromium: CHROME_PATH, else /usr/bin/chromium. Needs the `puppeteer-core` package.

import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

const USAGE = `Usage: mp-checkout-audit <url> [--json] [--timeout ms] [--chromium-arg flag]...

Opens <url> in headless Chromium, waits for every <mp-checkout> to finish loading, runs its audit()
and prints Mercado Pago's production checklist (R1-R9) for each element: ✓ met, ! warning, ✗ error,
? claimed by an element whose audit() cannot be trusted. What the page shows is checked from an
isolated world its scripts cannot reach; an audit() that contradicts it is reported as an error.

  --json               print the result as JSON instead of a checklist
  --timeout ms         how long to wait for the page and the elements (default 30000)
  --chromium-arg flag  an extra Chromium command-line flag; repeatable, e.g.
                       --chromium-arg=--host-resolver-rules="MAP shop.example 127.0.0.1"
  -h, --help           show this help

Chromium comes from CHROME_PATH, else /usr/bin/chromium.
Exit status: 0 no errors; 1 an error in the checklist, no <mp-checkout> found, an element in error or
still loading, or a result that cannot be trusted; 2 usage or launch error.`;

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

// The page is not trusted. It runs its own JavaScript, so it can define its own <mp-checkout>, patch
// audit() or querySelectorAll, and fake any answer it is asked for. So the facts the verdict rests on
// are read where the page cannot reach:
// - in an isolated world (CDP Page.createIsolatedWorld): the same DOM with the browser's own,
//   unpatched DOM methods, where none of the page's scripts run: the script tags, the element's
//   custom state, named controls, slotted content, secure context and protocol;
// - by inspecting the element's JavaScript objects without running any of their code
//   (CDP Runtime.getProperties): where its class and its audit() were defined;
// - from the browser itself: the network (did MercadoPago.js arrive?) and its console (a CSP refusal).
// The element's own audit() runs in the page and is only believed where these facts agree with it.

const OFFICIAL_SDK_PATTERN = /^https:\/\/sdk\.mercadopago\.com\/js\/v2\/?(\?.*)?$/;
const ISOLATED_WORLD = 'mp-checkout-audit';
/** The element's public methods and the attributes' accessors its class defines (PRODUCT.md §6). */
const OWN_METHODS = ['audit', 'submit', 'reset'];
const OWN_ACCESSORS = ['publicKey', 'amount', 'action'];

/** Runs in the isolated world: every <mp-checkout>, also inside open shadow roots. */
function findCheckouts() {
  /* global document -- these functions run in the browser, not in Node */
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

/**
 * True once Mercado Pago's device profile set the page's device session id. It runs in the page's
 * world (the id is a page global); it only decides how long to wait: R4 comes from the element.
 */
function deviceProfileRan() {
  /* global window */
  return Boolean(window.MP_DEVICE_SESSION_ID);
}

/** Runs in the isolated world: what the page is, whatever its scripts say. */
function pageFacts(officialPattern) {
  /* global location -- window is declared above; both run in the browser */
  const pattern = new RegExp(officialPattern);
  // HTML's JavaScript MIME types; any other `type` makes a data block that never runs.
  const runs = (script) =>
    /^(|module|(application|text)\/(x-)?(java|ecma)script|text\/javascript1\.[0-5]|text\/(jscript|livescript|x-javascript))$/i.test(script.type.trim());
  const official = [...document.querySelectorAll('script[src]')].filter((s) => pattern.test(s.src));
  return {
    secureContext: window.isSecureContext,
    protocol: location.protocol,
    officialScripts: official.filter(runs).length,
    decoyScripts: official.filter((s) => !runs(s)).length,
  };
}

/** Runs in the isolated world with `this` = one <mp-checkout>: its state and what it holds. */
function elementFacts() {
  /* global getComputedStyle, Node */
  const el = this;
  const defined = el.matches(':defined');
  const inState = (s) => {
    try {
      return el.matches(`:state(${s})`);
    } catch {
      return false; // a browser without custom states
    }
  };
  const state = defined ? (['submitting', 'ready', 'error', 'loading'].find(inState) ?? 'idle') : 'undefined';
  const selector = 'input[name], select[name], textarea[name]';
  const named = [...el.querySelectorAll(selector), ...(el.shadowRoot?.querySelectorAll(selector) ?? [])].map(
    (c) => `${c.localName}[name="${c.getAttribute('name')}"]`,
  );
  // Text or an image that no element on the way hides (the element's own rule, guard-controller.ts).
  // Content no slot takes is outside the flat tree, where only its own attribute and inline style count.
  const shows = (node, assigned, inherited = 'visible') => {
    const style = assigned
      ? getComputedStyle(node)
      : {
          display: node.hidden ? 'none' : node.style?.display || 'block',
          opacity: node.style?.opacity || '1',
          visibility: node.style?.visibility || inherited,
        };
    if (style.display === 'none' || Number(style.opacity) === 0) return false;
    const seen = style.visibility === 'visible';
    if (node.matches('img, svg, picture')) return seen;
    return [...node.childNodes].some((child) =>
      child.nodeType === Node.ELEMENT_NODE
        ? shows(child, assigned, style.visibility)
        : seen && child.nodeType === Node.TEXT_NODE && Boolean(child.textContent.trim()),
    );
  };
  const slotted = (name) => [...el.querySelectorAll(`:scope > [slot="${name}"]`)];
  const banner = slotted('banner');
  const key = el.getAttribute('public-key') ?? '';
  return {
    id: el.id,
    mode: /^APP_USR-[\w-]+$/.test(key) ? 'production' : /^TEST-[\w-]+$/.test(key) ? 'test' : 'no valid key',
    state,
    nested: el.getRootNode() !== document,
    namedControls: named,
    termsShown: slotted('terms').some((c) => shows(c, c.assignedSlot !== null)),
    bannerHidden: banner.length > 0 && !banner.some((c) => shows(c, c.assignedSlot !== null)),
    secureFieldFrames: el.querySelectorAll('iframe').length,
    message: el.shadowRoot?.querySelector('[part~="message"]')?.textContent?.trim() ?? '',
  };
}

/** Runs in the page (main world) with `this` = the element: its audit(), which the page may have replaced. */
function runAudit() {
  return this.audit();
}

/** Talks to the page over the Chrome DevTools Protocol, away from its scripts. */
class Inspector {
  constructor(cdp, frameId) {
    this.cdp = cdp;
    this.frameId = frameId;
    this.contextId = undefined;
  }

  static async open(page) {
    const cdp = await page.createCDPSession();
    const { frameTree } = await cdp.send('Page.getFrameTree');
    return new Inspector(cdp, frameTree.frame.id);
  }

  /** Calls `fn` in the isolated world; `returnByValue: false` keeps the result there. */
  async isolated(fn, args = [], returnByValue = true) {
    // The page may navigate (or reload) and take the world with it: make a fresh one then.
    for (let attempt = 0; ; attempt++) {
      this.contextId ??= (await this.cdp.send('Page.createIsolatedWorld', { frameId: this.frameId, worldName: ISOLATED_WORLD })).executionContextId;
      try {
        const expression = `(${fn})(${args.map((a) => JSON.stringify(a)).join(',')})`;
        const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { expression, contextId: this.contextId, returnByValue });
        if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
        return returnByValue ? result.value : result;
      } catch (error) {
        this.contextId = undefined;
        if (attempt > 0) throw error;
      }
    }
  }

  /** Every <mp-checkout>, as objects of the isolated world. */
  async checkouts() {
    const array = await this.isolated(findCheckouts, [], false);
    const { result } = await this.cdp.send('Runtime.getProperties', { objectId: array.objectId, ownProperties: true });
    return result.filter((p) => /^\d+$/.test(p.name)).map((p) => p.value.objectId);
  }

  async callOn(objectId, fn) {
    const { result, exceptionDetails } = await this.cdp.send('Runtime.callFunctionOn', { objectId, functionDeclaration: String(fn), returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  }

  /** The same element in the page's own world (where its JavaScript object lives). */
  async inPage(isolatedObjectId) {
    const { node } = await this.cdp.send('DOM.describeNode', { objectId: isolatedObjectId });
    const { object } = await this.cdp.send('DOM.resolveNode', { backendNodeId: node.backendNodeId });
    return object.objectId;
  }

  async properties(objectId) {
    return this.cdp.send('Runtime.getProperties', { objectId, ownProperties: true });
  }

  async location(functionObjectId) {
    const { internalProperties = [] } = await this.properties(functionObjectId);
    return internalProperties.find((p) => p.name === '[[FunctionLocation]]')?.value?.value;
  }

  /**
   * Is this the <mp-checkout> element, with its own audit()? Read from the object graph without running
   * any of the page's code: the instance carries no audit of its own; the first prototype with an
   * audit() is a class's prototype that also holds submit() and reset() and the attributes' accessors;
   * and these methods are written inside that class's body, not assigned to it later. A problem
   * found, as English text, or '' when none is.
   */
  async identityProblem(pageObjectId) {
    const own = await this.properties(pageObjectId);
    if (own.result.some((p) => OWN_METHODS.includes(p.name))) return 'the page set audit(), submit() or reset() on the element itself';
    let proto = own.internalProperties?.find((p) => p.name === '[[Prototype]]')?.value;
    for (let depth = 0; proto?.objectId && depth < 16; depth++) {
      const { result, internalProperties } = await this.properties(proto.objectId);
      const byName = new Map(result.map((p) => [p.name, p]));
      if (byName.has('audit')) return this.classProblem(byName);
      proto = internalProperties?.find((p) => p.name === '[[Prototype]]')?.value;
    }
    return 'it has no audit() method: it is not the mp-checkout element';
  }

  async classProblem(byName) {
    const missing = [...OWN_METHODS.filter((m) => byName.get(m)?.value?.type !== 'function'), ...OWN_ACCESSORS.filter((a) => !byName.get(a)?.get)];
    if (missing.length) return `its class lacks the element's ${missing.join(', ')}: it is not the mp-checkout element`;
    const ctor = byName.get('constructor')?.value;
    if (ctor?.type !== 'function' || !/^class\b/.test(ctor.description ?? '')) return 'its audit() belongs to no class';
    const classAt = await this.location(ctor.objectId);
    const lines = ctor.description.split('\n');
    const classEnd = { lineNumber: classAt.lineNumber + lines.length - 1, columnNumber: (lines.length > 1 ? 0 : classAt.columnNumber) + lines.at(-1).length };
    const before = (a, b) => a.lineNumber < b.lineNumber || (a.lineNumber === b.lineNumber && a.columnNumber < b.columnNumber);
    for (const method of OWN_METHODS) {
      const at = await this.location(byName.get(method).value.objectId);
      const inClass = at && classAt && at.scriptId === classAt.scriptId && before(classAt, at) && before(at, classEnd);
      if (!inClass) return `its ${method}() was replaced by a script of the page`;
    }
    return '';
  }

  /** The element's audit(), run in the page; undefined with a reason when it fails or does not return in time. */
  async audit(pageObjectId, timeoutMs) {
    const call = this.cdp.send('Runtime.callFunctionOn', {
      objectId: pageObjectId,
      functionDeclaration: String(runAudit),
      returnByValue: true,
      awaitPromise: false,
    });
    let timer;
    const late = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), Math.max(1, timeoutMs));
    });
    try {
      const answer = await Promise.race([call, late]);
      if (answer.timedOut) return { problem: 'audit() did not return' };
      if (answer.exceptionDetails) return { problem: `audit() threw: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}` };
      return { entries: answer.result.value };
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Control characters and invisible direction marks from the page would reach the reader's terminal
 * raw (an escape sequence can recolour, rewrite or hide lines): they are shown escaped, as \u{…}.
 * Newlines and tabs become spaces; a string is cut at 500 characters.
 */
function printable(value) {
  const text = String(value ?? '')
    .replace(/[\t\n\r]+/g, ' ')
    // eslint-disable-next-line no-control-regex -- the point is to find them
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}

/** The entries audit() returned, as data of the expected shape only; anything else is a problem. */
function validEntries(value) {
  if (!Array.isArray(value)) return undefined;
  const entries = value.slice(0, 100).map((e) => ({
    id: printable(e?.id).slice(0, 16),
    ok: e?.ok === true,
    severity: ['error', 'warning', 'info'].includes(e?.severity) ? e.severity : 'error',
    message: printable(e?.message),
  }));
  return entries.every((e) => e.id) ? entries : undefined;
}

/** What the element's audit() claims that the page visibly contradicts, as English text. */
function contradictions(entries, facts, page) {
  const claims = (id) => entries.some((e) => e.id === id && e.ok);
  const found = [];
  if (claims('R1') && page.officialScripts === 0) found.push('R1 is met, but no script element runs https://sdk.mercadopago.com/js/v2');
  if (claims('R2') && facts.namedControls.length) found.push(`R2 is met, but the element holds ${facts.namedControls.join(', ')}`);
  if (claims('R3') && page.protocol !== 'https:') found.push(`R3 is met, but the page is ${page.protocol.replace(':', '')}, not https`);
  if (claims('R7') && facts.bannerHidden) found.push('R7 is met, but the slotted banner is hidden or empty');
  if (claims('R9') && !facts.termsShown) found.push('R9 is met, but no visible terms are slotted');
  if (facts.state !== 'ready' && facts.state !== 'submitting' && entries.length && entries.every((e) => e.ok || e.severity === 'info')) {
    found.push(`every requirement is met, but the element is ${facts.state}`);
  }
  return found;
}

const cliEntry = (id, severity, message) => ({ id, ok: false, severity, message, source: 'cli' });

/** The CLI's own entries for one element: its state, its identity, what its audit() says against the facts. */
function judge(facts, page, audited, identityProblem, timeoutMs) {
  const entries = [];
  if (facts.state === 'undefined') entries.push(cliEntry('state', 'error', '<mp-checkout> was never defined: the mp-checkout bundle did not load.'));
  else if (facts.state === 'loading')
    entries.push(cliEntry('state', 'error', `<mp-checkout> was still loading after ${timeoutMs} ms: the card form never became usable.`));
  else if (facts.state === 'error') entries.push(cliEntry('state', 'error', '<mp-checkout> shows an error and takes no payment.'));
  else if (facts.state === 'idle') entries.push(cliEntry('state', 'warning', '<mp-checkout> is neither ready nor loading.'));
  if (facts.state === 'ready' && facts.secureFieldFrames < 3 && !identityProblem) {
    entries.push(cliEntry('state', 'error', `<mp-checkout> says it is ready, but ${facts.secureFieldFrames} of 3 Secure Field frames are mounted.`));
  }
  if (facts.state === 'undefined') return { entries, trusted: false };
  const distrust = [];
  if (identityProblem) distrust.push(`this <mp-checkout> is not to be trusted: ${identityProblem}`);
  if (audited.problem) distrust.push(audited.problem);
  else if (!audited.entries) distrust.push('audit() returned something other than a list of entries');
  else distrust.push(...contradictions(audited.entries, facts, page).map((c) => `audit() says ${c}`));
  for (const reason of distrust) entries.push(cliEntry('trust', 'error', `${reason}. Its checklist cannot be trusted.`));
  return { entries, trusted: distrust.length === 0 };
}

/** The page's own console and network, as the browser reports them: MercadoPago.js refused or unreachable. */
function watchSdk(page) {
  const problems = new Set();
  page.on('requestfailed', (request) => {
    if (OFFICIAL_SDK_PATTERN.test(request.url()))
      problems.add(`MercadoPago.js could not be fetched from ${request.url()} (${request.failure()?.errorText ?? 'failed'}).`);
  });
  page.on('response', (response) => {
    if (OFFICIAL_SDK_PATTERN.test(response.url()) && response.status() >= 400)
      problems.add(`MercadoPago.js answered HTTP ${response.status()} at ${response.url()}.`);
  });
  page.on('console', (message) => {
    const text = message.text();
    // An inline script refused is MercadoPago.js's device profile: the checkout still works, and the
    // element's R4 says what it costs and how to fix it. Any other refusal naming Mercado Pago breaks it.
    if (/Content Security Policy/i.test(text) && /mercadopago|mercadolibre|mlstatic/i.test(text) && !/inline script/i.test(text))
      problems.add(`The page's Content-Security-Policy blocks Mercado Pago: ${printable(text)}`);
  });
  return problems;
}

const SYMBOL = { ok: '✓', error: '✗', warning: '!', unverified: '?' };

/**
 * One language per line: the CLI's own words are English; the element's entries and message are
 * printed as the element wrote them (in its language), after only a symbol and the requirement.
 */
function printChecklist(report) {
  const symbolOf = (entry, trusted) => (entry.ok ? (trusted ? SYMBOL.ok : SYMBOL.unverified) : entry.severity === 'error' ? SYMBOL.error : SYMBOL.warning);
  const lines = [`mp-checkout audit: ${printable(report.url)}`];
  if (!report.elements.length) lines.push(`${SYMBOL.error} page   no <mp-checkout> element on this page`);
  for (const problem of report.page) lines.push(`${symbolOf(problem, true)} ${problem.id.padEnd(6)} ${problem.message}`);
  for (const el of report.elements) {
    const name = el.id ? `#${el.id}` : `#${el.index}`;
    lines.push('', `<mp-checkout> ${name} (${el.mode}, ${el.state})`);
    if (el.message) lines.push(`  » ${el.message}`);
    for (const entry of el.entries) lines.push(`  ${symbolOf(entry, el.trusted || entry.source === 'cli')} ${entry.id.padEnd(6)} ${entry.message}`);
    if (!el.trusted) lines.push(`  (${SYMBOL.unverified}: claimed by the page's audit(), not verified)`);
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

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
    const sdkProblems = watchSdk(page);
    const deadline = Date.now() + options.timeout;
    try {
      await page.goto(options.url, { waitUntil: 'load', timeout: options.timeout });
    } catch (error) {
      throw new Error(`could not open ${options.url}: ${error.message}`);
    }
    const remaining = () => Math.max(1, deadline - Date.now());
    const inspector = await Inspector.open(page);

    // A page may add the element from script after load: give it a moment, not the whole timeout.
    const appearBy = Date.now() + Math.min(remaining(), APPEAR_MS);
    let checkouts = await inspector.checkouts();
    while (!checkouts.length && Date.now() < appearBy) {
      await pause(100);
      checkouts = await inspector.checkouts();
    }
    // Then wait until every one has left :state(loading) and its audit() explains every entry
    // (the element loads its language lazily: a refusal can come before its explanation is readable).
    let facts = [];
    for (;;) {
      checkouts = await inspector.checkouts();
      facts = await Promise.all(checkouts.map((id) => inspector.callOn(id, elementFacts)));
      const settled = facts.every((f) => f.state !== 'loading' && f.state !== 'undefined');
      let explained = settled;
      if (settled) {
        for (const id of checkouts) {
          const audited = await inspector.audit(await inspector.inPage(id), remaining());
          explained &&= !audited.entries || !Array.isArray(audited.entries) || audited.entries.every((e) => e?.message);
        }
      }
      if (explained || Date.now() >= deadline) break;
      await pause(100);
    }
    if (checkouts.length) {
      // Not set in time: the element's R4 entry says why.
      await page.waitForFunction(deviceProfileRan, { timeout: Math.min(remaining(), DEVICE_PROFILE_MS), polling: 100 }).catch(() => {});
    }

    const pageFactsNow = await inspector.isolated(pageFacts, [OFFICIAL_SDK_PATTERN.source]);
    const pageEntries = [...sdkProblems].map((problem) => cliEntry('sdk', 'error', problem));
    if (pageFactsNow.decoyScripts) {
      pageEntries.push(
        cliEntry('sdk', 'warning', `${pageFactsNow.decoyScripts} script element(s) name https://sdk.mercadopago.com/js/v2 with a type that never runs.`),
      );
    }
    const elements = [];
    for (const [i, id] of checkouts.entries()) {
      const f = facts[i] ?? (await inspector.callOn(id, elementFacts));
      const pageObjectId = await inspector.inPage(id);
      const identityProblem = f.state === 'undefined' ? '' : await inspector.identityProblem(pageObjectId);
      const raw = f.state === 'undefined' ? { entries: [] } : await inspector.audit(pageObjectId, Math.min(remaining(), 5_000));
      const audited = raw.problem ? raw : { entries: validEntries(raw.entries) };
      const verdict = judge(f, pageFactsNow, audited, identityProblem, options.timeout);
      elements.push({
        index: i + 1,
        id: printable(f.id),
        mode: f.mode,
        state: f.state,
        message: f.state === 'error' ? printable(f.message) : '',
        trusted: verdict.trusted,
        entries: [...verdict.entries, ...(audited.entries ?? []).map((e) => ({ ...e, source: 'element' }))],
      });
    }
    // An element that cannot be trusted proves nothing, so none of its ✓ count; its failures still do.
    const all = [...pageEntries, ...elements.flatMap((el) => el.entries)];
    let errors = all.filter((e) => !e.ok && e.severity === 'error').length;
    if (!elements.length) errors += 1;
    const warnings = all.filter((e) => !e.ok && e.severity !== 'error').length;
    return { url: options.url, page: pageEntries, elements, errors, warnings };
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
