/**
 * The run report: at exit — `process.exit()`, the loop running dry, an uncaught exception or
 * unhandled rejection, SIGTERM/SIGINT/SIGHUP — one JSON file says what the run was: when it
 * started and ended, why it ended and with which code, records per level and per logger, the
 * first errors with their exception, records dropped, resource peaks, stamp summaries and a
 * metrics snapshot. `rtlog report FILE` prints it for people.
 *
 * With it come lifecycle records on `RT.lifecycle`: one at start (pid, Node version, argv, the
 * configuration) and one at exit (the reason). Records are counted by a handler on the root
 * logger, so a logger with `propagate = false` is not counted.
 */
import { writeFileSync } from 'node:fs';
import { Handler } from '../core/handler.js';
import { ERROR, NOTSET } from '../core/levels.js';
import { getLogger } from '../core/manager.js';
import type { LogRecord } from '../core/record.js';
import { Formatter } from '../core/formatter.js';
import { registerExitFlush, unregisterExitFlush } from '../handlers/exit-flush.js';
import { defaultRegistry, type MetricSnapshot } from '../metrics/registry.js';
import { getConfig } from '../railtracks/logging-setup.js';
import { getRtLogger } from '../railtracks/rt-logger.js';
import { handlerStates } from './process-state.js';
import { newestMonitor, type ResourcePeaks } from './resource-monitor.js';
import { stampSummaries, type StampSummary } from './stamp-tracking.js';

/** One error as the report keeps it. */
export interface ReportedError {
  time: string;
  logger: string;
  level: string;
  message: string;
  exception?: string;
}

/** The report's JSON. */
export interface RunReport {
  version: 1;
  pid: number;
  node: string;
  argv: string[];
  start: string;
  end: string;
  durationSeconds: number;
  exit: { reason: string; code: number | null };
  counts: { total: number; byLevel: Record<string, number>; byLogger: Record<string, number> };
  errors: ReportedError[];
  /** Errors beyond `maxErrors`, counted only. */
  errorsNotKept: number;
  dropped: Array<{ logger: string; handler: string; dropped: number }>;
  resources?: ResourcePeaks;
  stamps: StampSummary[];
  metrics: MetricSnapshot;
}

export interface RunReportOptions {
  /** Where the JSON goes; `{pid}` is filled in. */
  path: string;
  /** Errors kept with their exception (default 20). */
  maxErrors?: number;
  /** Log the start and exit lifecycle records on `RT.lifecycle` (default true). */
  lifecycle?: boolean;
}

/** Renders kept exceptions exactly as a log file shows them. */
const exceptionText = new Formatter();

/** Counts every record that reaches the root logger. */
class RunCounter extends Handler {
  total = 0;
  readonly byLevel: Record<string, number> = {};
  readonly byLogger: Record<string, number> = {};
  readonly errors: ReportedError[] = [];
  errorsNotKept = 0;
  constructor(readonly maxErrors: number) {
    super(NOTSET);
  }

  emit(record: LogRecord): void {
    this.total++;
    this.byLevel[record.levelname] = (this.byLevel[record.levelname] ?? 0) + 1;
    this.byLogger[record.name] = (this.byLogger[record.name] ?? 0) + 1;
    if (record.levelno < ERROR) return;
    if (this.errors.length >= this.maxErrors) {
      this.errorsNotKept++;
      return;
    }
    const kept: ReportedError = { time: new Date(record.created * 1000).toISOString(), logger: record.name, level: record.levelname, message: safeMessage(record) };
    if (record.exc_info !== undefined) kept.exception = exceptionText.formatException(record.exc_info);
    else if (typeof record.exc_text === 'string' && record.exc_text !== '') kept.exception = record.exc_text;
    this.errors.push(kept);
  }
}

function safeMessage(record: LogRecord): string {
  try {
    return record.getMessage();
  } catch {
    return String(record.msg);
  }
}

/** A running report. */
export interface RunReporter {
  /** The report as it would be written now. */
  build(reason?: string, code?: number | null): RunReport;
  /** Write the report now (at exit this happens by itself) and stop; safe to call twice. */
  finish(reason?: string, code?: number | null): void;
}

/**
 * Write a run report at exit.
 * @example enableRunReport({ path: 'logs/run-report.json' }); // later: npx rtlog report logs/run-report.json
 */
export function enableRunReport(options: RunReportOptions): RunReporter {
  const path = options.path.replace('{pid}', String(process.pid));
  const started = new Date();
  const counter = new RunCounter(options.maxErrors ?? 20);
  const root = getLogger();
  root.addHandler(counter);
  const lifecycle = options.lifecycle ?? true ? getRtLogger('lifecycle') : undefined;
  let crash: string | undefined;
  let written = false;

  const build = (reason = 'running', code: number | null = null): RunReport => {
    const end = new Date();
    const report: RunReport = {
      version: 1, pid: process.pid, node: process.version, argv: process.argv.slice(1),
      start: started.toISOString(), end: end.toISOString(), durationSeconds: (end.getTime() - started.getTime()) / 1000,
      exit: { reason, code },
      counts: { total: counter.total, byLevel: { ...counter.byLevel }, byLogger: { ...counter.byLogger } },
      errors: [...counter.errors], errorsNotKept: counter.errorsNotKept,
      dropped: handlerStates().filter((h) => (h.dropped ?? 0) > 0).map((h) => ({ logger: h.logger, handler: h.handler, dropped: h.dropped! })),
      stamps: stampSummaries(), metrics: defaultRegistry.snapshot(),
    };
    const monitored = newestMonitor();
    if (monitored !== undefined) {
      // A last sample covers the time since the previous one.
      if (monitored.isRunning()) monitored.monitor.sample();
      report.resources = { ...monitored.monitor.peaks };
    }
    return report;
  };

  const finish = (reason = 'finished', code: number | null = null): void => {
    if (written) return;
    written = true;
    process.removeListener('exit', onExit);
    process.removeListener('uncaughtExceptionMonitor', onCrash);
    unregisterExitFlush(atSignal);
    lifecycle?.info('exit: %s (code %s)', reason, code ?? 'none');
    try {
      writeFileSync(path, JSON.stringify(build(reason, code), null, 2) + '\n');
    } catch (err) {
      process.stderr.write(`run report: could not write ${path}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
    root.removeHandler(counter);
  };

  const onCrash = (error: unknown, origin: string): void => {
    crash = `${origin === 'unhandledRejection' ? 'unhandled rejection' : 'uncaught exception'}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  };
  const onExit = (code: number): void => finish(crash ?? (code === 0 ? 'finished' : 'process.exit'), code);
  // The file writers flush on SIGTERM/SIGINT/SIGHUP through the same registry; the report is one more.
  const atSignal = { flushSync: () => finish('signal', null) };

  // Before the writers' own exit listener, so the lifecycle record reaches the files.
  process.prependListener('exit', onExit);
  process.on('uncaughtExceptionMonitor', onCrash);
  registerExitFlush(atSignal);
  if (lifecycle !== undefined) {
    const config = getConfig();
    lifecycle.info('start: pid %d, node %s, argv %s, logging %s%s', process.pid, process.version, JSON.stringify(process.argv.slice(1)),
      config.loggingSetting, config.logFile !== null ? `, file ${config.logFile}` : '');
  }
  return { build, finish };
}
