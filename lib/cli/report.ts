/**
 * `rtlog report FILE`: a run report (enableRunReport's JSON) printed for people — how the run
 * ended, what it logged, its first errors, what was dropped, resource peaks, the slowest steps
 * and the metrics.
 */
import { readFile } from 'node:fs/promises';
import { escapeForTerminal } from '../core/terminal-text.js';
import { levelGlyphs, paint, styler } from '../railtracks/palette.js';
import type { RunReport } from '../telemetry/run-report.js';
import { summariseSnapshot } from '../telemetry/metrics-publisher.js';

const MIB = 1024 * 1024;

/** Read and check a report file; the error names the file and what is wrong with it. */
export async function readRunReport(path: string): Promise<RunReport> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not JSON; pass the file written by enableRunReport({ path })`);
  }
  const r = report as Partial<RunReport> | null;
  if (r === null || typeof r !== 'object' || r.version !== 1 || typeof r.exit !== 'object' || typeof r.counts !== 'object') {
    throw new Error(`${path} is not a run report (version 1); pass the file written by enableRunReport({ path })`);
  }
  return r as RunReport;
}

/**
 * The report as text.
 * @example console.log(renderRunReport(await readRunReport('run-report.json'), { colour: false }));
 */
export function renderRunReport(report: RunReport, options: { colour: boolean }): string {
  const c = styler(options.colour);
  const glyphs = levelGlyphs();
  const ok = report.exit.reason === 'finished' && (report.exit.code ?? 0) === 0;
  const symbol = options.colour ? (ok ? paint('green', glyphs.success) : paint('red', glyphs.error)) : ok ? '✔' : '✖';
  const out: string[] = [];
  out.push(`${symbol} ${c.bold(`run ${report.pid}`)} ${report.exit.reason}${report.exit.code === null ? '' : ` (code ${report.exit.code})`}`
    + ` after ${report.durationSeconds.toFixed(3)} s  ${c.gray(`${report.start} → ${report.end}, node ${report.node}`)}`);
  // Names, messages and tracebacks in a report are whatever was logged: escaped like rtlog's records.
  out.push(c.gray(`  argv ${escapeForTerminal(report.argv.join(' '))}`));
  const levels = Object.entries(report.counts.byLevel).map(([level, n]) => `${escapeForTerminal(level)} ${n}`).join(', ');
  out.push(`${c.bold('records')} ${report.counts.total}${levels === '' ? '' : ` (${levels})`}`);
  const loggers = Object.entries(report.counts.byLogger).sort((a, b) => b[1] - a[1]).slice(0, 10);
  for (const [name, n] of loggers) out.push(`  ${String(n).padStart(8)}  ${escapeForTerminal(name)}`);
  if (report.errors.length > 0) {
    out.push(c.bold(`errors (first ${report.errors.length}${report.errorsNotKept > 0 ? `, ${report.errorsNotKept} more not kept` : ''})`));
    for (const e of report.errors) {
      out.push(`  ${options.colour ? paint('red', glyphs.error) : '✖'} ${c.gray(e.time)} ${c.redBright(escapeForTerminal(e.level))} ${escapeForTerminal(e.logger)}: ${escapeForTerminal(e.message, '      ')}`);
      if (e.exception !== undefined) for (const line of e.exception.split('\n')) out.push(c.gray(`      ${escapeForTerminal(line)}`));
    }
  }
  if (report.dropped.length > 0) {
    out.push(c.bold('dropped'));
    for (const d of report.dropped) out.push(`  ${options.colour ? paint('yellow', glyphs.warning) : '⚠'} ${d.dropped} by ${escapeForTerminal(d.handler)} on ${escapeForTerminal(d.logger)}`);
  }
  if (report.resources !== undefined) {
    const r = report.resources;
    out.push(`${c.bold('peaks')} cpu ${r.cpuPercent.toFixed(1)}%, rss ${(r.rss / MIB).toFixed(1)} MiB, heap ${(r.heapUsed / MIB).toFixed(1)} MiB, `
      + `loop delay p99 ${r.eventLoopDelayP99Ms.toFixed(1)} ms / max ${r.eventLoopDelayMaxMs.toFixed(1)} ms, utilisation ${r.eventLoopUtilization.toFixed(2)} (${r.samples} samples)`);
  }
  for (const s of report.stamps) {
    out.push(`${c.bold(`stamps ${escapeForTerminal(s.name)}`)} ${s.steps} steps, ${s.stamps} stamps over ${s.spanSeconds.toFixed(3)} s`);
    for (const step of s.slowestSteps) out.push(`  step ${String(step.step).padStart(5)}  ${step.seconds.toFixed(3)} s  ${escapeForTerminal(step.first)} → ${escapeForTerminal(step.last)}`);
  }
  if (report.metrics.metrics.length > 0) out.push(`${c.bold('metrics')} ${escapeForTerminal(summariseSnapshot(report.metrics))}`);
  return out.join('\n');
}

const REPORT_HELP = `Usage: rtlog report <file> [--color | --no-color]

Prints a run report written by enableRunReport({ path }) for people.
`;

/** `rtlog report FILE`: 0 printed, 1 unreadable or not a report, 2 bad usage. */
export async function reportCommand(args: string[], colourByDefault: boolean): Promise<number> {
  const files = args.filter((a) => !a.startsWith('-'));
  const flags = args.filter((a) => a.startsWith('-'));
  if (flags.includes('-h') || flags.includes('--help')) {
    process.stdout.write(REPORT_HELP);
    return 0;
  }
  const unknown = flags.filter((f) => f !== '--color' && f !== '--no-color');
  if (files.length !== 1 || unknown.length > 0) {
    process.stderr.write(`rtlog report: ${unknown.length > 0 ? `unknown option ${unknown[0]}` : 'give exactly one report file'}\n\n${REPORT_HELP}`);
    return 2;
  }
  const colour = flags.includes('--color') ? true : flags.includes('--no-color') ? false : colourByDefault;
  try {
    process.stdout.write(renderRunReport(await readRunReport(files[0]!), { colour }) + '\n');
    return 0;
  } catch (err) {
    process.stderr.write(`rtlog report: ${(err as Error).message}\n`);
    return 1;
  }
}
