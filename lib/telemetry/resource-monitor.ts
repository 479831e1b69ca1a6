/**
 * The resource monitor: every interval, one sample of what the process is doing — CPU (user and
 * system, as a share of one core over the interval), memory, event-loop delay and utilisation,
 * garbage-collection pauses, and on Linux the kernel's I/O and memory accounting. Each sample is
 * a DEBUG record (`RT.resources`, the sample in `record.extra.resources`) and, if asked, a line
 * of its own JSON-lines file. Peaks are kept for the run report and the dump signal.
 */
import { monitorEventLoopDelay, performance, PerformanceObserver, type EventLoopUtilization, type IntervalHistogram } from 'node:perf_hooks';
import { DEBUG, type Level, toLevelNumber } from '../core/levels.js';
import { extra, LogRecord } from '../core/record.js';
import type { Logger } from '../core/logger.js';
import { Formatter } from '../core/formatter.js';
import { FileHandler } from '../handlers/file.js';
import { getRtLogger } from '../railtracks/rt-logger.js';
import { readProcIo, readProcStatus, type ProcIo, type ProcStatus } from './proc-files.js';

/** One sample. Times in milliseconds, sizes in bytes, shares as percentages of one core. */
export interface ResourceSample {
  /** Epoch milliseconds. */
  time: number;
  /** Wall-clock milliseconds the sample covers. */
  intervalMs: number;
  cpu: { userPercent: number; systemPercent: number };
  memory: { rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number };
  /** Event-loop delay with the sampling resolution subtracted (a loop that never waits reads 0). */
  eventLoop: { delayP50Ms: number; delayP99Ms: number; delayMaxMs: number; utilization: number };
  gc: { count: number; pauseMs: number };
  /** Linux only. */
  io?: ProcIo;
  /** Linux only. */
  status?: ProcStatus;
}

/** The highest value each figure reached over the samples so far. */
export interface ResourcePeaks {
  samples: number;
  cpuPercent: number;
  rss: number;
  heapUsed: number;
  external: number;
  eventLoopDelayMaxMs: number;
  eventLoopDelayP99Ms: number;
  eventLoopUtilization: number;
  gcPauseMs: number;
}

export interface ResourceMonitorOptions {
  /** Default 1000. */
  intervalMs?: number;
  /** Default `RT.resources`. */
  logger?: Logger;
  /** Default DEBUG. */
  level?: Level;
  /** Also write each sample as one JSON line here (e.g. `run.resources.jsonl`). */
  file?: string;
  /** Event-loop delay sampling resolution in ms (default 10); subtracted from the figures. */
  resolutionMs?: number;
}

/** A running monitor. */
export interface ResourceMonitor {
  /** The newest sample, once one has been taken. */
  readonly latest: ResourceSample | undefined;
  readonly peaks: ResourcePeaks;
  /** Take (and log) a sample now. */
  sample(): ResourceSample;
  /** Stop sampling and close the file; safe to call twice. */
  stop(): Promise<void>;
}

/** Writes the sample a record carries as one JSON line. */
class SampleLine extends Formatter {
  override format(record: LogRecord): string {
    return JSON.stringify(record.extra?.resources ?? null);
  }
}

const running = new Set<ResourceMonitor>();
/** The monitor started last, kept after it stops so the run report still has its peaks. */
let newest: { monitor: ResourceMonitor; isRunning: () => boolean } | undefined;

/** @internal the monitors running now, for the dump signal. */
export function runningMonitors(): ReadonlySet<ResourceMonitor> {
  return running;
}

/** @internal the monitor started last, running or stopped, for the run report. */
export function newestMonitor(): { monitor: ResourceMonitor; isRunning: () => boolean } | undefined {
  return newest;
}

const MIB = 1024 * 1024;

/**
 * Start sampling. The timer never keeps the process alive; `stop()` ends it.
 * @example
 * const monitor = monitorResources({ intervalMs: 1000, file: 'run.resources.jsonl' });
 * // … later
 * monitor.peaks.rss; // bytes
 * await monitor.stop();
 */
export function monitorResources(options: ResourceMonitorOptions = {}): ResourceMonitor {
  const intervalMs = options.intervalMs ?? 1000;
  if (!(intervalMs > 0) || !Number.isFinite(intervalMs)) throw new TypeError(`monitorResources: intervalMs must be > 0 milliseconds, got ${String(options.intervalMs)}`);
  const resolutionMs = options.resolutionMs ?? 10;
  const logger = options.logger ?? getRtLogger('resources');
  const level = toLevelNumber(options.level ?? DEBUG);
  const file = options.file === undefined ? undefined : new FileHandler(options.file);
  // The file is written directly, not through the logger: its lines do not depend on the
  // level the logger shows.
  file?.setFormatter(new SampleLine());

  const delay: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  delay.enable();
  let gcCount = 0;
  let gcPauseMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      gcCount++;
      gcPauseMs += entry.duration;
    }
  });
  gcObserver.observe({ entryTypes: ['gc'] });

  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  let lastElu: EventLoopUtilization = performance.eventLoopUtilization();
  const peaks: ResourcePeaks = { samples: 0, cpuPercent: 0, rss: 0, heapUsed: 0, external: 0, eventLoopDelayMaxMs: 0, eventLoopDelayP99Ms: 0, eventLoopUtilization: 0, gcPauseMs: 0 };
  let latest: ResourceSample | undefined;
  const ms = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);

  const take = (): ResourceSample => {
    const wall = performance.now();
    const elapsedMs = Math.max(wall - lastWall, 1e-3);
    const cpu = process.cpuUsage(lastCpu);
    const elu = performance.eventLoopUtilization(lastElu);
    const mem = process.memoryUsage();
    const s: ResourceSample = {
      time: Date.now(),
      intervalMs: elapsedMs,
      cpu: { userPercent: (cpu.user / 1000 / elapsedMs) * 100, systemPercent: (cpu.system / 1000 / elapsedMs) * 100 },
      memory: { rss: mem.rss, heapUsed: mem.heapUsed, heapTotal: mem.heapTotal, external: mem.external, arrayBuffers: mem.arrayBuffers },
      eventLoop: {
        // Before the histogram has a value its percentiles are 0 and its max a huge sentinel.
        delayP50Ms: delay.count === 0 ? 0 : ms(delay.percentile(50)),
        delayP99Ms: delay.count === 0 ? 0 : ms(delay.percentile(99)),
        delayMaxMs: delay.count === 0 ? 0 : ms(delay.max),
        utilization: elu.utilization,
      },
      gc: { count: gcCount, pauseMs: gcPauseMs },
    };
    const io = readProcIo();
    if (io !== undefined) s.io = io;
    const status = readProcStatus();
    if (status !== undefined) s.status = status;
    lastWall = wall;
    lastCpu = process.cpuUsage();
    lastElu = performance.eventLoopUtilization();
    delay.reset();
    gcCount = 0;
    gcPauseMs = 0;

    peaks.samples++;
    peaks.cpuPercent = Math.max(peaks.cpuPercent, s.cpu.userPercent + s.cpu.systemPercent);
    peaks.rss = Math.max(peaks.rss, s.memory.rss);
    peaks.heapUsed = Math.max(peaks.heapUsed, s.memory.heapUsed);
    peaks.external = Math.max(peaks.external, s.memory.external);
    peaks.eventLoopDelayMaxMs = Math.max(peaks.eventLoopDelayMaxMs, s.eventLoop.delayMaxMs);
    peaks.eventLoopDelayP99Ms = Math.max(peaks.eventLoopDelayP99Ms, s.eventLoop.delayP99Ms);
    peaks.eventLoopUtilization = Math.max(peaks.eventLoopUtilization, s.eventLoop.utilization);
    peaks.gcPauseMs = Math.max(peaks.gcPauseMs, s.gc.pauseMs);
    latest = s;
    file?.handle(new LogRecord(logger.name, level, 'resources', null, undefined, { resources: s }));
    logger.log(level, 'cpu %s%% rss %s MiB heap %s/%s MiB loop p99 %s ms max %s ms util %s gc %d (%s ms)',
      (s.cpu.userPercent + s.cpu.systemPercent).toFixed(1), (s.memory.rss / MIB).toFixed(1), (s.memory.heapUsed / MIB).toFixed(1),
      (s.memory.heapTotal / MIB).toFixed(1), s.eventLoop.delayP99Ms.toFixed(2), s.eventLoop.delayMaxMs.toFixed(2),
      s.eventLoop.utilization.toFixed(2), s.gc.count, s.gc.pauseMs.toFixed(1), extra({ resources: s }));
    return s;
  };

  let timer: NodeJS.Timeout | undefined = setInterval(take, intervalMs);
  timer.unref();
  let stopped: Promise<void> | undefined;
  const monitor: ResourceMonitor = {
    get latest() {
      return latest;
    },
    peaks,
    sample: take,
    stop() {
      stopped ??= (async () => {
        if (timer !== undefined) clearInterval(timer);
        timer = undefined;
        delay.disable();
        gcObserver.disconnect();
        running.delete(monitor);
        if (file !== undefined) await file.close();
      })();
      return stopped;
    },
  };
  running.add(monitor);
  newest = { monitor, isRunning: () => running.has(monitor) };
  return monitor;
}
