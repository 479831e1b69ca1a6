import { randomUUID } from 'node:crypto';
import type { NameStyle } from './logger-name.js';
import { INFO, toLevelNumber, type Level } from '../core/levels.js';
import { parseLoggingSetting, type LoggingSetting } from './logging-settings.js';

/** Receives each message the executor streams (Python's `subscriber`). */
export type Subscriber = (message: string) => void | Promise<void>;

/**
 * Receives a session's payload when the session ends (upstream's `payload_callback`). What it
 * throws, or a promise it rejects, is swallowed, as upstream swallows it.
 */
export type PayloadCallback = (payload: SessionPayload) => void | Promise<void>;

/** What a session hands its `payloadCallback`: its context ids. */
export interface SessionPayload {
  readonly session_id: string;
  readonly run_id: string;
}

/** The options `new ExecutorConfig({...})` takes; every one is optional. */
export interface ExecutorConfigOptions {
  /** What the console shows; `NONE` silences console and file. Default `REGULAR`. */
  loggingSetting?: LoggingSetting;
  /** Also write records to this file (created on the first record). Default none. */
  logFile?: string | null;
  /** The lowest level written to `logFile`. Default `INFO`. */
  logFileLevel?: Level;
  /** How the console shows logger names. Default `full`. */
  nameStyle?: NameStyle;
  /**
   * Seconds a run may take (Python's executor stops it then); `null` for no limit (today's
   * upstream default). Carried for parity with the Python original: validated and kept, never
   * acted on here. Default 150, the default of the generation whose options this config takes.
   */
  timeout?: number | null;
  /**
   * Stop the run at the first node failure (Python's executor). Carried for parity: validated and
   * kept, never acted on here. Default false.
   */
  endOnError?: boolean;
  /** Identifies the run in records and stamps. Default a fresh UUID v4. */
  runIdentifier?: string;
  /**
   * Fill prompt placeholders from the run's context (Python's executor). Carried for parity:
   * validated and kept, never acted on here. Default true.
   */
  promptInjection?: boolean;
  /**
   * Save the run's state to disk when it ends (Python's executor). Carried for parity: validated
   * and kept, never acted on here. Default true.
   */
  saveState?: boolean;
  /**
   * Receives what the run streams (Python's executor). Carried for parity: validated (a function
   * or null) and kept, never called by this package. Default none.
   */
  subscriber?: Subscriber | null;
  /** Called with the session's payload when a `withSession` ends. Default none. */
  payloadCallback?: PayloadCallback | null;
}

const KNOWN_OPTIONS = new Set([
  'loggingSetting', 'logFile', 'logFileLevel', 'nameStyle', 'timeout', 'endOnError',
  'runIdentifier', 'promptInjection', 'saveState', 'subscriber', 'payloadCallback',
]);

function fail(message: string): never {
  throw new TypeError(`ExecutorConfig: ${message}`);
}

function checkBoolean(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') fail(`${name} must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

/**
 * An executor's settings, with the Python original's defaults. Validated when built: a wrong
 * value throws an error that names the option and what it accepts.
 * @example
 * setConfig(new ExecutorConfig({ loggingSetting: 'VERBOSE', logFile: 'my_run.log' }));
 */
export class ExecutorConfig {
  readonly loggingSetting: LoggingSetting;
  readonly logFile: string | null;
  readonly logFileLevel: number;
  readonly nameStyle: NameStyle;
  readonly timeout: number | null;
  readonly endOnError: boolean;
  readonly runIdentifier: string;
  readonly promptInjection: boolean;
  readonly saveState: boolean;
  readonly subscriber: Subscriber | null;
  readonly payloadCallback: PayloadCallback | null;

  constructor(options: ExecutorConfigOptions = {}) {
    if (options === null || typeof options !== 'object') fail('expected an options object');
    for (const key of Object.keys(options)) {
      if (!KNOWN_OPTIONS.has(key)) fail(`unknown option '${key}'. Known options: ${[...KNOWN_OPTIONS].join(', ')}`);
    }
    this.loggingSetting = parseLoggingSetting(options.loggingSetting ?? 'REGULAR', 'ExecutorConfig loggingSetting');
    const logFile = options.logFile ?? null;
    if (logFile !== null && (typeof logFile !== 'string' || logFile === '')) {
      fail(`logFile must be a non-empty path or null, got ${JSON.stringify(logFile)}`);
    }
    this.logFile = logFile;
    try {
      this.logFileLevel = toLevelNumber(options.logFileLevel ?? INFO);
    } catch (err) {
      fail(`logFileLevel: ${(err as Error).message}`);
    }
    const nameStyle = options.nameStyle ?? 'full';
    if (nameStyle !== 'full' && nameStyle !== 'short') fail(`nameStyle must be 'full' or 'short', got ${JSON.stringify(nameStyle)}`);
    this.nameStyle = nameStyle;
    const timeout = options.timeout === undefined ? 150 : options.timeout;
    if (timeout !== null && (typeof timeout !== 'number' || !(timeout > 0))) {
      fail(`timeout must be a positive number of seconds or null (no limit), got ${JSON.stringify(timeout)}`);
    }
    this.timeout = timeout;
    this.endOnError = checkBoolean('endOnError', options.endOnError, false);
    const runIdentifier = options.runIdentifier ?? randomUUID();
    if (typeof runIdentifier !== 'string' || runIdentifier === '') fail('runIdentifier must be a non-empty string');
    this.runIdentifier = runIdentifier;
    this.promptInjection = checkBoolean('promptInjection', options.promptInjection, true);
    this.saveState = checkBoolean('saveState', options.saveState, true);
    const subscriber = options.subscriber ?? null;
    if (subscriber !== null && typeof subscriber !== 'function') fail('subscriber must be a function or null');
    this.subscriber = subscriber;
    const payloadCallback = options.payloadCallback ?? null;
    if (payloadCallback !== null && typeof payloadCallback !== 'function') fail('payloadCallback must be a function or null');
    this.payloadCallback = payloadCallback;
    Object.freeze(this);
  }

  /**
   * A copy with some options replaced (Python's `precedence_overwritten`). An option left
   * undefined keeps its value, the timeout included (today's upstream drops the timeout when
   * none is given); `null` sets "none".
   * @example getConfig().with({ loggingSetting: 'QUIET' })
   */
  with(overrides: ExecutorConfigOptions): ExecutorConfig {
    const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
    return new ExecutorConfig({ ...this.toOptions(), ...given });
  }

  /** The options that rebuild this config. */
  toOptions(): ExecutorConfigOptions {
    return {
      loggingSetting: this.loggingSetting,
      logFile: this.logFile,
      logFileLevel: this.logFileLevel,
      nameStyle: this.nameStyle,
      timeout: this.timeout,
      endOnError: this.endOnError,
      runIdentifier: this.runIdentifier,
      promptInjection: this.promptInjection,
      saveState: this.saveState,
      subscriber: this.subscriber,
      payloadCallback: this.payloadCallback,
    };
  }
}
