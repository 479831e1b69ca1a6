/**
 * One self-contained HTML page that draws a run as a timeline: a lane per step, a slice per
 * stamp lasting until the next stamp of that step, and a table of every stamp below. It is
 * rendered here rather than by a script in the page, so it opens anywhere (including with
 * scripts disabled) and its Content-Security-Policy forbids every network request.
 */
import { buildTimeline } from './timeline-model.js';
import type { StampSource, TimelineSlice } from './timeline-model.js';

/**
 * How the page is titled.
 * @example sm.toHtml({ title: 'Ingest run' });
 */
export interface HtmlTimelineOptions {
  /** Page title and heading. Default `Railtracks timeline`. */
  title?: string;
}

const STYLE = `
:root { color-scheme: light; font: 14px/1.4 system-ui, sans-serif; color: #1d2330; }
body { margin: 24px; }
h1 { font-size: 20px; margin: 0 0 4px; }
.summary { color: #4a5568; margin: 0 0 16px; }
.timeline { border: 1px solid #d5dae3; border-radius: 6px; padding: 8px 12px; overflow-x: auto; }
.axis, .lane { display: grid; grid-template-columns: 96px 1fr 180px; align-items: center; }
.axis .track { height: 20px; border-bottom: 1px solid #c3c9d4; }
.tick { position: absolute; transform: translateX(-50%); font-size: 11px; color: #5a6478; white-space: nowrap; }
.tick:first-child { transform: none; }
.tick:last-child { transform: translateX(-100%); }
.lane { min-height: 28px; border-bottom: 1px dashed #eceff4; }
.lane-label { font-weight: 600; color: #2d3748; }
.track { position: relative; height: 24px; min-width: 480px; }
.slice { position: absolute; top: 2px; height: 20px; min-width: 3px; box-sizing: border-box; padding: 0 4px;
  background: #4c7bd9; color: #fff; border-radius: 3px; font-size: 12px; line-height: 20px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slice .dur { opacity: 0.85; }
.mark { position: absolute; top: 4px; width: 0; height: 16px; border-left: 3px solid #d9534f; }
.mark-label { position: absolute; left: 6px; top: -1px; font-size: 12px; white-space: nowrap; color: #7a2522; }
.mark.flip .mark-label { left: auto; right: 6px; }
.empty { color: #8a94a6; font-style: italic; font-size: 12px; }
table { border-collapse: collapse; margin-top: 20px; font-size: 13px; }
th, td { border-bottom: 1px solid #e2e6ee; padding: 3px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
`;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function formatMs(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 3 : 1)} ms`;
}

/**
 * Render the run as one HTML document (a string); write it to a `.html` file and open it.
 * @example
 * fs.writeFileSync('run.timeline.html', toHtmlTimeline(manager, { title: 'Ingest run' }));
 */
export function toHtmlTimeline(source: StampSource, options: HtmlTimelineOptions = {}): string {
  const title = options.title ?? 'Railtracks timeline';
  const timeline = buildTimeline(source);
  const t0 = timeline.start;
  // A run whose stamps share one instant still needs a non-zero width to divide by.
  const spanS = timeline.end - t0 > 0 ? timeline.end - t0 : 1e-3;
  const pct = (t: number): string => (((t - t0) / spanS) * 100).toFixed(4);

  const ticks: string[] = [];
  for (let i = 0; i <= 4; i++) {
    ticks.push(`<span class="tick" style="left:${i * 25}%">${formatMs(((spanS * i) / 4) * 1000)}</span>`);
  }
  const lanes = timeline.lanes.map((lane) => {
    const body = lane.slices.length === 0
      ? '<span class="empty">reserved, no stamps</span>'
      : lane.slices.map((slice) => renderSlice(slice, pct, t0, lane.slices.length === 1)).join('');
    return `<div class="lane" data-step="${lane.step}"><div class="lane-label">step ${lane.step}</div><div class="track">${body}</div></div>`;
  });
  const rows = timeline.lanes.flatMap((lane) =>
    lane.slices.map((s) =>
      `<tr data-step="${s.step}"><td class="num">${s.step}</td><td>${escapeHtml(s.identifier)}</td>` +
      `<td class="num">${formatMs((s.start - t0) * 1000)}</td><td class="num">${s.last ? '—' : formatMs(s.durationMs)}</td></tr>`,
    ),
  );
  const started = timeline.stampCount === 0 ? 'no stamps' : `started ${new Date(t0 * 1000).toISOString()}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary" data-stamps="${timeline.stampCount}" data-steps="${timeline.lanes.length}" data-span-ms="${((timeline.end - t0) * 1000).toFixed(3)}">${timeline.stampCount} stamps in ${timeline.lanes.length} steps over ${formatMs((timeline.end - t0) * 1000)}, ${started}</p>
<section class="timeline" aria-label="Timeline of steps">
<div class="axis"><div></div><div class="track">${ticks.join('')}</div></div>
${lanes.join('\n')}
</section>
<table class="stamps">
<thead><tr><th>Step</th><th>Identifier</th><th>At</th><th>Until next stamp of the step</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

function renderSlice(slice: TimelineSlice, pct: (t: number) => string, t0: number, alone: boolean): string {
  const id = escapeHtml(slice.identifier);
  const at = formatMs((slice.start - t0) * 1000);
  const common = `data-step="${slice.step}" data-identifier="${id}" data-start-ms="${((slice.start - t0) * 1000).toFixed(3)}"`;
  if (slice.last) {
    // A point label reads rightwards into the gutter after the track. Only a lone stamp past
    // the middle reads leftwards: in a busier lane that would cover the step's own slices.
    const flip = alone && Number(pct(slice.start)) > 60 ? ' flip' : '';
    return `<div class="mark${flip}" ${common} style="left:${pct(slice.start)}%" title="${id} at ${at}"><span class="mark-label">${id}</span></div>`;
  }
  const width = (Number(pct(slice.end)) - Number(pct(slice.start))).toFixed(4);
  const dur = formatMs(slice.durationMs);
  return `<div class="slice" ${common} data-duration-ms="${slice.durationMs.toFixed(3)}" style="left:${pct(slice.start)}%;width:${width}%" title="${id}: ${dur} (at ${at})">${id} <span class="dur">${dur}</span></div>`;
}
