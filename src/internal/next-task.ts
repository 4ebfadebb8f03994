/**
 * A new task, as soon as the current one ends (the language's chunks are requested from one:
 * localize-controller.ts). One channel serves the page, with a queue.
 */

const nextTasks: Array<() => void> = [];
/** Kept for the page's life: older WebKit collected a port nothing referred to, and its message with it. */
let nextTaskChannel: MessageChannel | undefined;

/**
 * Runs `run` in a new task, as soon as the current one ends: a message to itself, because a timer
 * is held up to a second in a background tab.
 */
export function inNextTask(run: () => void): void {
  nextTasks.push(run);
  if (nextTasks.length > 1) return; // already asked for
  if (!nextTaskChannel) {
    nextTaskChannel = new MessageChannel();
    nextTaskChannel.port1.onmessage = () => {
      for (const task of nextTasks.splice(0)) task();
    };
  }
  nextTaskChannel.port2.postMessage(undefined);
}
