/**
 * A spy on window.setTimeout/clearTimeout/setInterval/clearInterval for element tests.
 *
 * Call `installTimerSpy()` once at the test module's top level, so the wrappers are in place before
 * any element is created. Only timers whose caller (the first stack frame outside the spy, see
 * `callerFrame`) passes the `track` filter are recorded; every other call goes straight to the real
 * API. A tracked timer with a function handler is run through a wrapper that records its firings and,
 * for a timeout, forgets it once it has fired; `speedUp` can divide its wait (like fake timers).
 */

const SPY_FILE = new URL(import.meta.url).pathname;

/**
 * The first stack frame outside this file and the `skip` files (pathnames or URLs): the code that
 * called the wrapped API. Trimmed.
 */
export function callerFrame(...skip: string[]): string {
  const files = [SPY_FILE, ...skip.map((f) => new URL(f, location.href).pathname)];
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  return (frames.find((frame) => !files.some((file) => frame.includes(file))) ?? '').trim();
}

/** A caller filter: the frame comes from a URL containing one of `parts`. */
export const callerIn =
  (parts: readonly string[]) =>
  (frame: string): boolean =>
    parts.some((part) => frame.includes(part));

export interface TimerRecord {
  id: number;
  kind: 'timeout' | 'interval';
  /** The delay the caller asked for (before any `speedUp`). */
  delay: number;
  caller: string;
  createdAt: number;
}

export interface TimerFiring {
  timer: TimerRecord;
  at: number;
}

export interface TimerSpyOptions {
  /** Which callers' timers are recorded (and may be sped up). */
  track: (caller: string) => boolean;
  /** Per-caller delay scale: a tracked function-handler timer waits `delay / speedUp(caller)`. Read at each call. */
  speedUp?: (caller: string) => number;
}

export interface TimerSpy {
  /** Tracked timers still pending: timeouts not fired or cleared yet, intervals not cleared yet. */
  readonly active: Map<number, TimerRecord>;
  /** Every tracked timer ever created, in order. */
  readonly created: TimerRecord[];
  /** Every firing of a tracked timer with a function handler, in order. */
  readonly firings: TimerFiring[];
  /** The caller filter the spy was installed with. */
  readonly track: (caller: string) => boolean;
  /** For failure messages: the given timers (default: the active ones), one line each. */
  describe(list?: Iterable<TimerRecord>): string;
}

let installed: TimerSpy | undefined;

export function installTimerSpy({ track, speedUp = () => 1 }: TimerSpyOptions): TimerSpy {
  if (installed) throw new Error('installTimerSpy() may be called once per page');

  const active = new Map<number, TimerRecord>();
  const created: TimerRecord[] = [];
  const firings: TimerFiring[] = [];

  const realSetTimeout = window.setTimeout.bind(window);
  const realClearTimeout = window.clearTimeout.bind(window);
  const realSetInterval = window.setInterval.bind(window);
  const realClearInterval = window.clearInterval.bind(window);

  function record(kind: TimerRecord['kind'], id: number, delay: number | undefined, caller: string, createdAt: number): TimerRecord {
    const timer: TimerRecord = { id, kind, delay: Number(delay) || 0, caller, createdAt };
    created.push(timer);
    active.set(id, timer);
    return timer;
  }

  window.setTimeout = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const caller = callerFrame();
    if (!track(caller) || typeof handler !== 'function') return realSetTimeout(handler, delay, ...args);
    const createdAt = performance.now();
    const id = realSetTimeout(
      () => {
        active.delete(id);
        firings.push({ timer, at: performance.now() });
        (handler as (...a: unknown[]) => void)(...args);
      },
      (Number(delay) || 0) / speedUp(caller),
    );
    const timer = record('timeout', id, delay, caller, createdAt);
    return id;
  }) as typeof window.setTimeout;

  window.setInterval = ((handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    const caller = callerFrame();
    if (!track(caller)) return realSetInterval(handler, delay, ...args);
    const createdAt = performance.now();
    // A string handler cannot be wrapped: it is recorded as created and active, without firings.
    const id =
      typeof handler === 'function'
        ? realSetInterval(
            () => {
              firings.push({ timer, at: performance.now() });
              (handler as (...a: unknown[]) => void)(...args);
            },
            (Number(delay) || 0) / speedUp(caller),
          )
        : realSetInterval(handler, delay, ...args);
    const timer = record('interval', id, delay, caller, createdAt);
    return id;
  }) as typeof window.setInterval;

  /** clearTimeout and clearInterval share one pool of ids (HTML), so either forgets either kind. */
  const forgetThen = (realClear: (id?: number) => void) => (id?: number) => {
    if (id !== undefined) active.delete(id);
    realClear(id);
  };
  window.clearTimeout = forgetThen(realClearTimeout) as typeof window.clearTimeout;
  window.clearInterval = forgetThen(realClearInterval) as typeof window.clearInterval;

  installed = {
    active,
    created,
    firings,
    track,
    describe: (list = active.values()) => JSON.stringify([...list].map((t) => `${t.kind} ${t.delay}ms ← ${t.caller}`)),
  };
  return installed;
}
