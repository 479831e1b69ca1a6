// What every Node contender process does around its workload: read its arguments, warm up,
// time the measured loop including the final flush, and report one JSON line on stdout.
// The driver (bench/run.mjs) counts the lines on disk itself; the child only says how long
// it took and how much memory it peaked at.
import { parseArgs } from 'node:util';

/** Arguments the driver passes to every child. */
export function childArgs() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      variant: { type: 'string', default: '' },
      ops: { type: 'string' },
      warmup: { type: 'string', default: '0' },
      out: { type: 'string', default: '' },
    },
  });
  return { ...values, ops: Number(values.ops), warmup: Number(values.warmup) };
}

/**
 * Run `loop(n)` once to warm up and once measured, then `finish()` (flush/close; awaited).
 * `extra` is merged into the report (e.g. a line count a null stream kept).
 */
export async function measure({ loop, settle = async () => {}, finish = async () => {}, ops, warmup, extra = () => ({}) }) {
  if (warmup > 0) {
    loop(warmup);
    await settle();
    // Let asynchronous destinations drain so the measured loop starts from an empty buffer.
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  loop(ops);
  await finish();
  const ns = Number(process.hrtime.bigint() - t0);
  // CPU time of this process alone: steadier than wall time when other work shares the cores,
  // so A/B comparisons of one change use it; the published figures are wall time.
  const cpu = process.cpuUsage(cpu0);
  const cpuNs = (cpu.user + cpu.system) * 1000;
  const report = { ns, cpuNs, ops, maxRssKiB: process.resourceUsage().maxRSS, ...extra() };
  process.stdout.write(JSON.stringify(report) + '\n');
}

/** A stream that drops what it is given but counts the lines, for console-line workloads. */
export class CountingNullStream {
  lines = 0;
  chars = 0;
  isTTY = false;
  write(text) {
    this.chars += text.length;
    // Count terminators rather than calls: a formatter that split a record would show here.
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.lines++;
    return true;
  }
}
