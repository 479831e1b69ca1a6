// Turns raw benchmark runs into the summary table, the console printout, docs/benchmarks.md
// and docs/benchmarks.svg. Run on its own to regenerate the docs from docs/benchmarks.json:
//   node bench/report.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONTENDERS, SCENARIOS, headlineFor } from './harness/matrix.mjs';

const docPath = (name) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Median and range of the valid runs per contender, and ratios to each workload's baseline. */
export function summarise(data) {
  const loads = [];
  const scenarios = data.results.map(({ scenario: name, runs }) => {
    const scenario = SCENARIOS.find((s) => s.name === name);
    const rows = Object.entries(runs).map(([id, list]) => {
      list.forEach((r) => loads.push(r.load));
      const valid = list.filter((r) => r.valid);
      const ns = valid.map((r) => r.nsPerOp);
      const cpuNs = valid.map((r) => r.cpuNsPerOp).filter(Number.isFinite);
      return {
        id,
        label: CONTENDERS[id].label,
        valid: valid.length,
        total: list.length,
        ops: list[0]?.ops,
        median: ns.length ? median(ns) : NaN,
        min: ns.length ? Math.min(...ns) : NaN,
        max: ns.length ? Math.max(...ns) : NaN,
        cpu: cpuNs.length ? median(cpuNs) : NaN,
        peakRssMiB: valid.length ? Math.max(...valid.map((r) => r.maxRssMiB)) : NaN,
        errors: [...new Set(list.filter((r) => !r.valid).map((r) => r.error))],
      };
    });
    const base = rows.find((r) => r.id === scenario.baseline);
    for (const row of rows) {
      row.ratio = base ? row.median / base.median : NaN;
      row.cpuRatio = base ? row.cpu / base.cpu : NaN;
    }
    const headline = rows.find((r) => r.id === headlineFor(scenario));
    let verdict;
    if (scenario.target !== undefined && headline !== undefined && base !== undefined) {
      const met = scenario.name === 'disabled' ? headline.median <= base.median : headline.ratio <= scenario.target;
      verdict = {
        contender: headline.id,
        ratio: headline.ratio,
        cpuRatio: headline.cpuRatio,
        target: scenario.target,
        met,
        allValid: headline.valid === headline.total,
      };
    }
    return { name, title: scenario.title, baseline: scenario.baseline, rows, verdict };
  });
  return {
    date: data.date,
    quick: data.quick,
    runs: data.runs,
    durationSeconds: data.durationSeconds,
    machine: data.machine,
    load: loads.length ? { median: median(loads), max: Math.max(...loads) } : undefined,
    scenarios,
    coldImport: data.coldImport,
    stampMemory: data.stampMemory,
    agentRun: data.agentRun,
  };
}

/**
 * The whole-process figures as markdown lines: cold import (bench/cold-import.mjs), memory per
 * stored stamp (bench/stamp-memory.mjs), a whole agent run (bench/agent-run/run.mjs).
 */
function extrasLines(summary) {
  const lines = [];
  const c = summary.coldImport;
  if (c) {
    const row = (name) => c.rows.find((r) => r.name === name);
    const ratio = row('ours (root)').overBareMs / row('pino').overBareMs;
    lines.push(`### Cold start: a fresh \`node\` process importing the package and exiting`, '');
    lines.push(`${c.runs} interleaved fresh processes per contender, load ${c.load.toFixed(2)} when it ended. "over bare" is the median minus bare node's median.`, '');
    lines.push('| contender | median ms | over bare node | min ms |', '|---|---:|---:|---:|');
    for (const r of c.rows) lines.push(`| ${r.name} | ${r.medianMs.toFixed(1)} | ${r.overBareMs.toFixed(1)} | ${r.minMs.toFixed(1)} |`);
    lines.push('', `Importing the root costs **${ratio.toFixed(2)}×** what importing pino costs (target ≤ 1×: **${ratio <= 1 ? 'met' : 'missed'}**).`, '');
  }
  const m = summary.stampMemory;
  if (m) {
    lines.push(`### Memory per stored stamp (${m.stamps} stamps, one shared identifier)`, '');
    lines.push('| workload | ours | Python mirror (tracemalloc) |', '|---|---:|---:|');
    for (const r of m.rows) lines.push(`| ${r.kind} | ${r.oursBytes.toFixed(1)} B | ${r.pythonBytes === null ? 'n/a' : r.pythonBytes.toFixed(1) + ' B'} |`);
    lines.push('');
  }
  const a = summary.agentRun;
  if (a) {
    lines.push(`### A whole agent run, replayed (${a.nodes} nodes, seed ${a.seed}: ${a.events} events)`, '');
    lines.push(`Events: ${Object.entries(a.counts).map(([k, v]) => `${v} ${k}`).join(', ')}. Console (null stream), text file and JSON-lines file at once, and a StampManager; ` +
      `${a.runs} interleaved fresh processes per side, load median ${a.load.median.toFixed(2)}. Total time is the replay from the first handler set up to both files closed (the recording is parsed before).`, '');
    lines.push('| side | total ms (median) | min–max | CPU ms | µs per event | peak RSS | console chars | text file bytes | JSON-lines bytes |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const [side, x] of Object.entries(a.summary)) {
      lines.push(`| ${side === 'ours' ? 'ours' : 'CPython logging + StampManager mirror'} | ${x.totalMs.toFixed(0)} | ${x.minMs.toFixed(0)}–${x.maxMs.toFixed(0)} | ${x.cpuMs.toFixed(0)} | ${x.usPerEvent.toFixed(2)} | ${x.peakRssMiB.toFixed(0)} MiB | ${x.consoleChars} | ${x.textBytes} | ${x.jsonBytes} |`);
    }
    lines.push('', `Ours takes **${(a.summary.ours.totalMs / a.summary.python.totalMs).toFixed(2)}×** the Python side's time.`, '');
  }
  return lines;
}

const fmtNs = (x) => (Number.isNaN(x) ? 'n/a' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtRatio = (x) => (Number.isNaN(x) ? 'n/a' : x < 0.1 ? `1/${(1 / x).toFixed(0)}` : `${x.toFixed(2)}×`);
const fmtTarget = (t) => (t < 0.5 ? `≤ 1/${Math.round(1 / t)}` : `≤ ${t.toFixed(1)}×`);

/** The table on stdout: one block per workload. */
export function printTable(summary) {
  const head =
    `${'contender'.padEnd(26)}${'ns/op'.padStart(10)}${'min'.padStart(10)}${'max'.padStart(10)}${'ratio'.padStart(9)}` +
    `${'cpu ns/op'.padStart(11)}${'cpu ratio'.padStart(10)}${'peak RSS'.padStart(10)}${'valid'.padStart(7)}`;
  for (const s of summary.scenarios) {
    console.log(`\n${s.name}: ${s.title}  (ratio to ${CONTENDERS[s.baseline].label})`);
    console.log(head);
    for (const r of s.rows) {
      console.log(
        `${r.label.padEnd(26)}${fmtNs(r.median).padStart(10)}${fmtNs(r.min).padStart(10)}${fmtNs(r.max).padStart(10)}` +
          `${fmtRatio(r.ratio).padStart(9)}${fmtNs(r.cpu).padStart(11)}${fmtRatio(r.cpuRatio).padStart(10)}${(Number.isNaN(r.peakRssMiB) ? 'n/a' : r.peakRssMiB.toFixed(0) + ' MiB').padStart(10)}` +
          `${`${r.valid}/${r.total}`.padStart(7)}`,
      );
      for (const e of r.errors) console.log(`    invalid run: ${e}`);
    }
    if (s.verdict) {
      const v = s.verdict;
      console.log(`  target ${fmtTarget(v.target)} for ${v.contender}: ${v.met ? 'met' : 'MISSED'} (${fmtRatio(v.ratio)}; CPU time ${fmtRatio(v.cpuRatio)})`);
    }
  }
  for (const line of extrasLines(summary)) if (line !== '') console.log(line.replace(/\*\*/g, ''));
  const load = summary.load ? `load average (1 min) median ${summary.load.median.toFixed(2)}, max ${summary.load.max.toFixed(2)}` : '';
  console.log(`\n${summary.runs} interleaved runs per contender${summary.quick ? ' (quick: a fifth of the operations)' : ''}; ${load}; ${summary.durationSeconds} s`);
}

function markdownTable(summary) {
  const lines = [];
  for (const s of summary.scenarios) {
    lines.push(`### ${s.name}: ${s.title}`, '');
    lines.push(`| contender | ns/op (median) | min–max | ratio to ${CONTENDERS[s.baseline].label} | CPU ns/op | CPU ratio | peak RSS | valid runs |`);
    lines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of s.rows) {
      const name = r.id === s.verdict?.contender ? `**${r.label}**` : r.label;
      lines.push(
        `| ${name} | ${fmtNs(r.median)} | ${fmtNs(r.min)}–${fmtNs(r.max)} | ${fmtRatio(r.ratio)} | ${fmtNs(r.cpu)} | ${fmtRatio(r.cpuRatio)} | ` +
          `${Number.isNaN(r.peakRssMiB) ? 'n/a' : r.peakRssMiB.toFixed(0) + ' MiB'} | ${r.valid}/${r.total} |`,
      );
    }
    if (s.verdict) {
      const v = s.verdict;
      const rule = s.name === 'disabled' ? ' (ns per call, not above pino)' : '';
      lines.push('', `Target ${fmtTarget(v.target)}${rule}: **${v.met ? 'met' : 'missed'}** (${fmtRatio(v.ratio)}; CPU time ${fmtRatio(v.cpuRatio)}).`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * docs/benchmarks.svg: one panel per workload, a bar per contender, ours highlighted. Each panel
 * is scaled to three times its baseline so that ours and pino stay legible; longer bars are cut
 * and marked. A dashed line shows the target where there is one.
 */
export function renderSvg(summary) {
  const width = 760;
  const labelW = 190;
  const barMax = width - labelW - 150;
  const rowH = 17;
  const parts = [];
  let y = 56;
  const esc = (t) => String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  for (const s of summary.scenarios) {
    const rows = s.rows.filter((r) => !Number.isNaN(r.median));
    const base = rows.find((r) => r.id === s.baseline);
    const scaleTo = base ? Math.min(3 * base.median, Math.max(...rows.map((r) => r.median))) : Math.max(...rows.map((r) => r.median));
    parts.push(`<text x="8" y="${y + 12}" class="h">${esc(`${s.name}: ${s.title}`)}</text>`);
    y += 20;
    const top = y;
    for (const r of rows) {
      const cut = r.median > scaleTo;
      const w = Math.max(1, (Math.min(r.median, scaleTo) / scaleTo) * barMax);
      const cls = r.id.startsWith('ours') ? 'ours' : r.id === s.baseline ? 'base' : 'other';
      parts.push(`<text x="${labelW - 6}" y="${y + 12}" class="l">${esc(r.label)}</text>`);
      parts.push(`<rect x="${labelW}" y="${y + 2}" width="${w.toFixed(1)}" height="${rowH - 5}" class="${cls}"/>`);
      if (cut) parts.push(`<text x="${(labelW + w - 12).toFixed(1)}" y="${y + 12}" class="cut">»</text>`);
      parts.push(`<text x="${(labelW + w + 5).toFixed(1)}" y="${y + 12}" class="v">${esc(`${fmtNs(r.median)} ns  ${fmtRatio(r.ratio)}`)}</text>`);
      y += rowH;
    }
    if (s.verdict && base) {
      const x = labelW + ((s.name === 'disabled' ? 1 : s.verdict.target) * base.median / scaleTo) * barMax;
      parts.push(`<line x1="${x.toFixed(1)}" y1="${top}" x2="${x.toFixed(1)}" y2="${y + 2}" class="target"/>`);
    }
    y += 10;
  }
  const title = `ns per operation, median of ${summary.runs} interleaved runs (shorter is faster; ratio to each workload's baseline)`;
  const legend =
    `<rect x="8" y="30" width="12" height="10" class="ours"/><text x="24" y="39" class="t">ours</text>` +
    `<rect x="70" y="30" width="12" height="10" class="base"/><text x="86" y="39" class="t">baseline (pino sync; CPython for console and stamps)</text>` +
    `<rect x="400" y="30" width="12" height="10" class="other"/><text x="416" y="39" class="t">others</text>` +
    `<line x1="470" y1="29" x2="470" y2="41" class="target"/><text x="476" y="39" class="t">target for ours</text>` +
    `<text x="580" y="39" class="t">» bar cut at 3× baseline</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y + 8}" viewBox="0 0 ${width} ${y + 8}" font-family="sans-serif">`,
    '<style>.h{font-size:13px;font-weight:bold;fill:#222}.l{font-size:11px;text-anchor:end;fill:#333}.v{font-size:11px;fill:#333}' +
      '.ours{fill:#2b7bb9}.base{fill:#e08a1e}.other{fill:#a8a8a8}.t{font-size:11px;fill:#555}.cut{font-size:12px;fill:#fff;font-weight:bold}' +
      '.target{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:4 3}</style>',
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="20" class="t">${esc(title)}</text>`,
    legend,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

/** The cold-import row of the targets table: the root's import cost over pino's, whole processes. */
function coldImportTarget(c) {
  if (!c) return [];
  const over = (name) => c.rows.find((r) => r.name === name).overBareMs;
  const ratio = over('ours (root)') / over('pino');
  return [`| cold import | ours (root), whole process | ${ratio.toFixed(2)}× | n/a | ≤ 1.0× | ${ratio <= 1 ? 'met' : '**missed**'} |`];
}

function markdown(summary) {
  const m = summary.machine;
  const verdicts = summary.scenarios.filter((s) => s.verdict);
  return [
    '# Benchmarks',
    '',
    'What a log call costs on the hot path, side by side with pino, pino-pretty, winston, LogTape, tslog and CPython\'s `logging`,',
    'what a profiling stamp costs next to the Python StampManager, what importing the package costs, and a whole agent run replayed. Generated by `npm run bench`',
    '(bench/run.mjs, bench/report.mjs); the raw runs are in `docs/benchmarks.json`.',
    '',
    '![ns per operation by workload and contender](benchmarks.svg)',
    '',
    '## Targets',
    '',
    '| workload | contender | ratio (wall) | ratio (CPU) | target | |',
    '|---|---|---:|---:|---:|---|',
    ...verdicts.map(
      ({ name, verdict: v }) =>
        `| ${name} | ${CONTENDERS[v.contender].label} | ${fmtRatio(v.ratio)} | ${fmtRatio(v.cpuRatio)} | ${fmtTarget(v.target)} | ${v.met ? 'met' : '**missed**'} |`,
    ),
    ...coldImportTarget(summary.coldImport),
    '',
    '<!-- analysis -->',
    '',
    '## Results',
    '',
    markdownTable(summary),
    ...extrasLines(summary),
    '## Machine and method',
    '',
    `- Date: ${summary.date.slice(0, 10)}; ${summary.runs} runs per contender, interleaved; suite time ${summary.durationSeconds} s.`,
    `- CPU: ${m.cpu}, ${m.cores} cores (shared), ${m.memoryGiB} GiB RAM.`,
    `- Load average (1 min) before each run: median ${summary.load?.median.toFixed(2)}, max ${summary.load?.max.toFixed(2)}.`,
    `- Node ${m.node}, Python ${m.python}, pino ${m.pino}, pino-pretty ${m.pinoPretty ?? 'n/a'}, winston ${m.winston}, LogTape ${m.logtape ?? 'n/a'}, tslog ${m.tslog ?? 'n/a'}, railtracks-observability ${m.ours}.`,
    '- Each run is a fresh process: it warms up (a tenth of the operations; none for the `-cold` stamp workloads), waits for the output to',
    '  drain, then times the measured calls **including the final flush and close**. Peak RSS is the',
    '  child\'s own `maxRSS`. After each run the driver counts the lines in the output file (or the',
    '  count the null stream kept); a run with a missing or extra line is marked invalid and left out.',
    '- File contenders write to the local disk under the OS temp directory. Text layouts (ours and',
    '  CPython) log structured values through `%s`, as a Python user would; JSON contenders pass them as fields.',
    '- Ratios are medians over medians. `1/n` means n times faster than the baseline. Targets are',
    '  judged on wall time; CPU time (the child\'s own user+system time, worker threads included) is',
    '  shown too because it moves less when other work shares the two cores.',
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm ci',
    'npm run bench             # full suite, writes docs/benchmarks.{json,md,svg}, then prints',
    '                          # the telemetry and OpenTelemetry costs of a log call',
    'npm run bench -- --quick  # 3 runs at a fifth of the operations, prints only',
    'node bench/run.mjs --only basic,printf --contenders ours-text-batched,pino-sync --runs 5',
    '```',
    '',
  ].join('\n');
}

/** Write docs/benchmarks.json (raw), .md and .svg. Keeps a hand-written analysis section. */
export function writeReport(data, summary = summarise(data)) {
  writeFileSync(docPath('benchmarks.json'), JSON.stringify(data, null, 1) + '\n');
  writeFileSync(docPath('benchmarks.svg'), renderSvg(summary));
  let md = markdown(summary);
  // The analysis (why a target is missed, what the profile shows) is written by hand; keep it.
  try {
    const old = readFileSync(docPath('benchmarks.md'), 'utf8');
    const kept = /<!-- analysis -->([\s\S]*?)<!-- \/analysis -->/.exec(old);
    if (kept) md = md.replace('<!-- analysis -->', `<!-- analysis -->${kept[1]}<!-- /analysis -->`);
  } catch {
    // First run: no analysis yet.
  }
  if (!md.includes('<!-- /analysis -->')) md = md.replace('<!-- analysis -->', '<!-- analysis -->\n<!-- /analysis -->');
  writeFileSync(docPath('benchmarks.md'), md);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const data = JSON.parse(readFileSync(docPath('benchmarks.json'), 'utf8'));
  const summary = summarise(data);
  printTable(summary);
  writeReport(data, summary);
}
