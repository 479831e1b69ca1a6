/**
 * A state dump on a signal: `kill -USR2 <pid>` makes the process write one structured record
 * (and, if asked, a JSON file) with its state — scopes, handlers, resources, metrics, stamps —
 * and the flight recorders' contents, then carry on running.
 *
 * SIGUSR2 is the default because Node reserves SIGUSR1 for its inspector (`node --inspect`
 * starts listening on it). Listening for a signal replaces its default action (SIGUSR2 would
 * end the process), which is the point; no other signal's handling changes, and `remove()`
 * gives the signal back.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';
import { WARNING } from '../core/levels.js';
import type { Logger } from '../core/logger.js';
import { extra } from '../core/record.js';
import { getRtLogger } from '../railtracks/rt-logger.js';
import { liveRecorders } from './flight-recorder.js';
import { processState, type ProcessState } from './process-state.js';

export interface DumpSignalOptions {
  /** Default SIGUSR2. */
  signal?: NodeJS.Signals;
  /** Default `RT.dump`. The record is logged at WARNING so it shows under the usual settings. */
  logger?: Logger;
  /** Also write the state here as JSON; `{pid}` and `{time}` in the path are filled in. */
  file?: string;
  /** Write the flight recorders out too (default true). */
  flightRecorders?: boolean;
}

/** An installed dump signal. */
export interface DumpSignal {
  readonly signal: NodeJS.Signals;
  /** Dump now, as if the signal had arrived. */
  dump(): ProcessState;
  /** Stop listening; the signal's default action comes back. */
  remove(): void;
}

/**
 * @example
 * const dumping = onDumpSignal({ file: 'logs/state-{pid}-{time}.json' });
 * // elsewhere: kill -USR2 <pid>   → RT.dump WARNING "state dump: …" and the JSON file
 * dumping.remove();
 */
export function onDumpSignal(options: DumpSignalOptions = {}): DumpSignal {
  const signal = options.signal ?? 'SIGUSR2';
  if (signal === 'SIGUSR1') throw new TypeError('onDumpSignal: SIGUSR1 is Node\'s inspector signal; use SIGUSR2 (the default) or another signal');
  if (signal === 'SIGKILL' || signal === 'SIGSTOP') throw new TypeError(`onDumpSignal: ${signal} cannot be caught; use SIGUSR2 (the default)`);
  const logger = options.logger ?? getRtLogger('dump');
  const withRecorders = options.flightRecorders ?? true;

  const dump = (): ProcessState => {
    const state = processState();
    const recorders = withRecorders ? [...liveRecorders()] : [];
    // Taken before the dump's own record lands in the recorders.
    const flightRecords = recorders.flatMap((r) => r.records().map((rec) => r.format(rec)));
    const flight = flightRecords.length;
    logger.log(WARNING, 'state dump: %d scope(s), %d handler(s), %d metric(s), %d stamp manager(s), %d flight record(s)',
      state.scopes.length, state.handlers.length, state.metrics.metrics.length, state.stamps.length, flight, extra({ state }));
    if (options.file !== undefined) {
      const path = options.file.replace('{pid}', String(process.pid)).replace('{time}', state.time.replace(/[:.]/g, '-'));
      try {
        writeFileSync(path, JSON.stringify({ ...state, flightRecorder: flightRecords }, null, 2) + '\n');
      } catch (err) {
        logger.error('state dump: could not write %s: %s', path, err instanceof Error ? err.message : String(err));
      }
    }
    for (const recorder of recorders) recorder.dump(`dump signal ${signal}`);
    return state;
  };
  const listener = (): void => {
    try {
      dump();
    } catch {
      // A dump must never take the process down.
    }
  };
  // Signals reach the main thread only.
  if (isMainThread) process.on(signal, listener);
  return {
    signal,
    dump,
    remove() {
      process.removeListener(signal, listener);
    },
  };
}
