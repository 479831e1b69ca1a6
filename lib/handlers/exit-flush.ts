import { isMainThread } from 'node:worker_threads';

/**
 * Buffered writers register here so their data is written synchronously when the process
 * ends. Node emits 'exit' on `process.exit()`, on the natural end of the event loop, after an
 * uncaught exception and after an unhandled rejection, so one 'exit' listener covers those.
 *
 * SIGTERM, SIGINT and SIGHUP end a Node process without 'exit'. While at least one writer is
 * registered we listen for them, write everything buffered, and then:
 * - if our listener is the only one, the process would have died from the signal without the
 *   library, so we remove our listeners and send the same signal again: the process ends by
 *   that signal (exit status 128+n, `signal` seen by the parent), exactly as it would have;
 * - if the application has its own listener, Node would not have died, so we do nothing more
 *   and leave the decision to the application's listener.
 * Listening only while writers are open means a program that closed its files gets Node's
 * plain signal behaviour back.
 */
export interface SyncFlushable {
  /** Write everything buffered; must not throw. */
  flushSync(): void;
}

const writers = new Set<SyncFlushable>();
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
type EndSignal = (typeof SIGNALS)[number];

let exitInstalled = false;
let signalsInstalled = false;

function flushAll(): void {
  for (const writer of writers) {
    try {
      writer.flushSync();
    } catch {
      // The process is ending; a writer that cannot write now has nowhere left to report to.
    }
  }
}

const onSignal = (signal: EndSignal): void => {
  flushAll();
  if (process.listenerCount(signal) > 1) return;
  removeSignalListeners();
  process.kill(process.pid, signal);
};

function installSignalListeners(): void {
  // Signals are delivered to the main thread only; a worker must not change their handling.
  if (signalsInstalled || !isMainThread) return;
  signalsInstalled = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function removeSignalListeners(): void {
  if (!signalsInstalled) return;
  signalsInstalled = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

/** @internal Flush `writer` when the process ends (exit, crash, SIGTERM/SIGINT/SIGHUP). */
export function registerExitFlush(writer: SyncFlushable): void {
  writers.add(writer);
  if (!exitInstalled) {
    exitInstalled = true;
    process.on('exit', flushAll);
  }
  installSignalListeners();
}

/** @internal */
export function unregisterExitFlush(writer: SyncFlushable): void {
  writers.delete(writer);
  if (writers.size === 0) removeSignalListeners();
}
