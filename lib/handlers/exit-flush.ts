import { isMainThread } from 'node:worker_threads';

/**
 * Buffered writers register here so their data is written synchronously when the process
 * ends. Node emits 'exit' on `process.exit()`, on the natural end of the event loop, after an
 * uncaught exception and after an unhandled rejection, so one 'exit' listener covers those.
 * From that listener on the process is ending, so every writer switches to write-through:
 * a line logged by an application's own 'exit' listener that runs after ours still reaches
 * its file.
 *
 * SIGTERM, SIGINT and SIGHUP end a Node process without 'exit'. While at least one writer is
 * registered we listen for them, write everything buffered, and then decide whether the
 * process would have died from the signal without us. The rule, for each signal's listeners:
 * - a **library's** listener is one that only cleans up and lets the process die: ours (from
 *   any copy of this package), any listener function carrying `LIBRARY_SIGNAL_LISTENER` set to
 *   `true`, and `signal-exit`'s (v3 and v4 count their own listeners in a process-wide
 *   emitter, which we read);
 * - every other listener is the **application's**.
 * With no application listener, Node would have died, so we switch the writers to
 * write-through (a library's cleanup that logs still reaches the file), remove our listeners
 * and the marked ones (each still runs once in this emission) and send the signal again: the
 * process ends by that signal (exit status 128+n, `signal` seen by the parent), exactly as it
 * would have. signal-exit, still listening, then sees only its own listeners and re-raises in
 * turn. With an application listener, Node would not have died,
 * so the application decides.
 *
 * One coordinator serves the whole thread: it lives on `globalThis` under a `Symbol.for` key,
 * so a second copy of this package (another version in a nested node_modules, a bundled copy)
 * registers its writers with the first copy's listeners instead of installing rival ones.
 * Listening only while writers are open means a program that closed its files gets Node's
 * plain signal behaviour back.
 */
export interface SyncFlushable {
  /** Write everything buffered; must not throw. */
  flushSync(): void;
  /** The process is ending: write what is buffered and write every later line through. Must not throw. */
  endOfProcess(): void;
}

/**
 * @internal The symbol is the contract, not this export: other code sets it through `Symbol.for`.
 * Set this property to `true` on a signal listener function to declare it a library's
 * cleanup listener (one that does not keep the process alive). Listeners without it count as
 * the application's own, which decide how the process ends.
 * @example
 * const cleanup = () => removeTempFiles();
 * cleanup[Symbol.for('railtracks-observability.library-signal-listener')] = true;
 * process.on('SIGTERM', cleanup);
 */
export const LIBRARY_SIGNAL_LISTENER: unique symbol = Symbol.for('railtracks-observability.library-signal-listener') as never;

/** What every copy of this package shares through `globalThis`. Fields only ever get added. */
interface ExitCoordinator {
  readonly version: number;
  register(writer: SyncFlushable): void;
  unregister(writer: SyncFlushable): void;
}

const COORDINATOR_KEY = Symbol.for('railtracks-observability.exit-coordinator');
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
type EndSignal = (typeof SIGNALS)[number];

/** How many listeners signal-exit (v4 and v3, which know about each other) keeps per signal. */
function signalExitListeners(): number {
  const v4 = (globalThis as Record<symbol, { count?: unknown } | undefined>)[Symbol.for('signal-exit emitter')]?.count;
  const v3 = (process as unknown as { __signal_exit_emitter__?: { count?: unknown } }).__signal_exit_emitter__?.count;
  return (typeof v4 === 'number' ? v4 : 0) + (typeof v3 === 'number' ? v3 : 0);
}

/** Listeners of `signal` that are the application's own, by the rule above. */
function applicationSignalListeners(signal: NodeJS.Signals): number {
  let unmarked = 0;
  for (const listener of process.listeners(signal)) {
    if ((listener as unknown as Record<symbol, unknown>)[LIBRARY_SIGNAL_LISTENER] !== true) unmarked++;
  }
  return Math.max(0, unmarked - signalExitListeners());
}

function createCoordinator(): ExitCoordinator {
  const writers = new Set<SyncFlushable>();
  let exitInstalled = false;
  let signalsInstalled = false;
  let ending = false;

  const flushAll = (): void => {
    for (const writer of writers) {
      try {
        writer.flushSync();
      } catch {
        // The process is ending; a writer that cannot write now has nowhere left to report to.
      }
    }
  };

  const endAll = (): void => {
    ending = true;
    for (const writer of writers) {
      try {
        writer.endOfProcess();
      } catch {
        // As above: nowhere left to report to.
      }
    }
  };

  const onSignal = Object.assign(
    (signal: EndSignal): void => {
      if (applicationSignalListeners(signal) > 0) {
        flushAll();
        return;
      }
      endAll();
      removeSignalListeners();
      // Node calls every listener of this emission even if it is removed now, so the other
      // libraries' marked listeners still run once; the re-raised signal then meets Node's
      // default action (or signal-exit, which re-raises by itself when only it is left).
      for (const listener of process.listeners(signal)) {
        if ((listener as unknown as Record<symbol, unknown>)[LIBRARY_SIGNAL_LISTENER] === true) process.removeListener(signal, listener);
      }
      process.kill(process.pid, signal);
    },
    { [LIBRARY_SIGNAL_LISTENER]: true },
  );

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

  return {
    version: 1,
    register(writer) {
      writers.add(writer);
      if (ending) {
        writer.endOfProcess();
        return;
      }
      if (!exitInstalled) {
        exitInstalled = true;
        process.on('exit', endAll);
      }
      installSignalListeners();
    },
    unregister(writer) {
      writers.delete(writer);
      if (writers.size === 0) removeSignalListeners();
    },
  };
}

function coordinator(): ExitCoordinator {
  const holder = globalThis as Record<symbol, ExitCoordinator | undefined>;
  let found = holder[COORDINATOR_KEY];
  if (found === undefined) {
    found = createCoordinator();
    Object.defineProperty(globalThis, COORDINATOR_KEY, { value: found, enumerable: false, configurable: false, writable: false });
  }
  return found;
}

/** @internal Flush `writer` when the process ends (exit, crash, SIGTERM/SIGINT/SIGHUP). */
export function registerExitFlush(writer: SyncFlushable): void {
  coordinator().register(writer);
}

/** @internal */
export function unregisterExitFlush(writer: SyncFlushable): void {
  coordinator().unregister(writer);
}
