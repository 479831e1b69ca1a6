/**
 * One self-contained HTML page that draws a run as a timeline: a lane per step labelled by the
 * call's name, a slice per stamp lasting until the next stamp of that step (a failed call drawn
 * apart, with why on hover), and a table of every stamp below. It is rendered here rather than by
 * a script in the page, so it opens anywhere (scripts disabled included); one small script, the
 * only one its Content-Security-Policy allows, adds zoom and pan. Nothing is fetched.
 */
import { createHash } from 'node:crypto';
import { buildTimeline } from './timeline-model.js';
import type { StampSource, TimelineLane, TimelineSlice } from './timeline-model.js';

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
.controls { display: flex; gap: 6px; align-items: center; margin: 0 0 6px; font-size: 12px; color: #5a6478; }
.controls button { font: inherit; padding: 1px 8px; border: 1px solid #c3c9d4; border-radius: 4px; background: #fff; cursor: pointer; }
.timeline { border: 1px solid #d5dae3; border-radius: 6px; padding: 8px 0; overflow: auto; max-height: 75vh; cursor: grab; }
.timeline:focus-visible { outline: 2px solid #ffcf40; }
.lanes { width: calc(var(--zoom, 1) * 100%); min-width: 100%; }
.axis, .lane { display: grid; grid-template-columns: 200px 1fr 180px; align-items: center; }
.axis { position: sticky; top: -8px; background: #fff; z-index: 2; }
.axis .track { height: 20px; border-bottom: 1px solid #c3c9d4; }
.tick { position: absolute; transform: translateX(-50%); font-size: 11px; color: #5a6478; white-space: nowrap; }
.tick:first-child { transform: none; }
.tick:last-child { transform: translateX(-100%); }
/* Off-screen lanes are not laid out: thousands of steps scroll and zoom smoothly. */
.lane { min-height: 28px; border-bottom: 1px dashed #eceff4; content-visibility: auto; contain-intrinsic-size: auto 29px; }
.lane-label { position: sticky; left: 0; z-index: 1; background: #fff; padding: 0 8px 0 12px; font-weight: 600; color: #2d3748;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.lane-step { font-weight: 400; color: #8a94a6; font-size: 11px; margin-left: 6px; }
.lane.failed .lane-name { color: #b42318; }
.lane.failed .lane-name::before { content: "✖ "; }
.track { position: relative; height: 24px; min-width: 480px; }
.slice { position: absolute; top: 2px; height: 20px; min-width: 3px; box-sizing: border-box; padding: 0 4px;
  background: #4c7bd9; color: #fff; border-radius: 3px; font-size: 12px; line-height: 20px;
  white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.slice.done { background: #2f855a; }
/* A failed call: red with diagonal stripes and a dashed edge, told apart without colour too. */
.slice.failed { background: repeating-linear-gradient(135deg, #c53030 0 6px, #9b2c2c 6px 12px); border: 1px dashed #63171b; }
.slice .dur { opacity: 0.85; }
.mark { position: absolute; top: 4px; width: 0; height: 16px; border-left: 3px solid #d9534f; }
.mark.done { border-left-color: #2f855a; }
.mark.failed { border-left: 3px dotted #b42318; }
.mark-label { position: absolute; left: 6px; top: -1px; font-size: 12px; white-space: nowrap; color: #7a2522; }
.mark.done .mark-label { color: #22543d; }
.mark.failed .mark-label { font-weight: 700; }
.mark.flip .mark-label { left: auto; right: 6px; }
.empty { color: #8a94a6; font-style: italic; font-size: 12px; }
table { border-collapse: collapse; margin-top: 8px; font-size: 13px; }
th, td { border-bottom: 1px solid #e2e6ee; padding: 3px 10px; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.failed td { color: #b42318; }
details summary { margin-top: 16px; cursor: pointer; color: #4a5568; }
`;

/**
 * Zoom and pan, added by the page's one script (allowed by its hash; without scripts the page
 * still shows the whole run at zoom 1): Ctrl/⌘ + wheel or + / − / 0 zoom around the pointer or
 * the middle, dragging or the arrow keys pan.
 */
const ZOOM_SCRIPT = `(function () {
  var box = document.querySelector('.timeline');
  var out = document.querySelector('.zoom-level');
  if (!box) return;
  var zoom = 1;
  function setZoom(z, clientX) {
    var old = zoom;
    zoom = Math.max(1, Math.min(z, 2000));
    var rect = box.getBoundingClientRect();
    var x = clientX === undefined ? rect.width / 2 : clientX - rect.left;
    var at = box.scrollLeft + x;
    box.style.setProperty('--zoom', String(zoom));
    box.scrollLeft = at * zoom / old - x;
    box.setAttribute('data-zoom', String(zoom));
    if (out) out.textContent = zoom.toFixed(zoom < 10 ? 1 : 0) + '×';
  }
  box.addEventListener('wheel', function (e) {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    setZoom(zoom * (e.deltaY < 0 ? 1.25 : 0.8), e.clientX);
  }, { passive: false });
  var drag = null;
  box.addEventListener('pointerdown', function (e) { drag = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop }; });
  window.addEventListener('pointermove', function (e) {
    if (!drag) return;
    box.scrollLeft = drag.left - (e.clientX - drag.x);
    box.scrollTop = drag.top - (e.clientY - drag.y);
  });
  window.addEventListener('pointerup', function () { drag = null; });
  box.addEventListener('keydown', function (e) {
    if (e.key === '+' || e.key === '=') setZoom(zoom * 1.5);
    else if (e.key === '-') setZoom(zoom / 1.5);
    else if (e.key === '0') setZoom(1);
    else return;
    e.preventDefault();
  });
  document.querySelectorAll('[data-zoom-by]').forEach(function (b) {
    b.addEventListener('click', function () { var by = Number(b.getAttribute('data-zoom-by')); setZoom(by === 0 ? 1 : zoom * by); });
  });
})();`;
const ZOOM_SCRIPT_HASH = createHash('sha256').update(ZOOM_SCRIPT).digest('base64');

/** Above this many stamps the table starts folded: the timeline is what a long run is read by. */
const OPEN_TABLE_MAX = 500;

/**
 * Text for HTML content or a quoted attribute; the viewer's page uses it too.
 * @internal
 * @example escapeHtml('<b>') // '&#60;b&#62;'
 */
export function escapeHtml(text: string): string {
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
  for (let i = 0; i <= 5; i++) {
    ticks.push(`<span class="tick" style="left:${i * 20}%">${formatMs(((spanS * i) / 5) * 1000)}</span>`);
  }
  const lanes = timeline.lanes.map((lane) => renderLane(lane, pct, t0));
  const rows = timeline.lanes.flatMap((lane) =>
    lane.slices.map((s) =>
      `<tr data-step="${s.step}"${s.outcome === 'failed' && s.last ? ' class="failed"' : ''}><td class="num">${s.step}</td><td>${escapeHtml(lane.label)}</td><td>${escapeHtml(s.identifier)}</td>` +
      `<td class="num">${formatMs((s.start - t0) * 1000)}</td><td class="num">${s.last ? '—' : formatMs(s.durationMs)}</td></tr>`,
    ),
  );
  const started = timeline.stampCount === 0 ? 'no stamps' : `started ${new Date(t0 * 1000).toISOString()}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${ZOOM_SCRIPT_HASH}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="summary" data-stamps="${timeline.stampCount}" data-steps="${timeline.lanes.length}" data-span-ms="${((timeline.end - t0) * 1000).toFixed(3)}">${timeline.stampCount} stamps in ${timeline.lanes.length} steps over ${formatMs((timeline.end - t0) * 1000)}, ${started}</p>
<div class="controls">Zoom <button type="button" data-zoom-by="0.5" aria-label="Zoom out">−</button><button type="button" data-zoom-by="2" aria-label="Zoom in">+</button><button type="button" data-zoom-by="0">Fit</button><span class="zoom-level">1.0×</span><span>· Ctrl + wheel zooms, drag pans; keys + − 0 and arrows when focused</span></div>
<section class="timeline" aria-label="Timeline of steps" tabindex="0">
<div class="lanes">
<div class="axis"><div class="lane-label"></div><div class="track">${ticks.join('')}</div></div>
${lanes.join('\n')}
</div>
</section>
<details${timeline.stampCount <= OPEN_TABLE_MAX ? ' open' : ''}><summary>Every stamp (${timeline.stampCount})</summary>
<table class="stamps">
<thead><tr><th>Step</th><th>Lane</th><th>Identifier</th><th>At</th><th>Until next stamp of the step</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</details>
<script>${ZOOM_SCRIPT}</script>
</body>
</html>
`;
}

function renderLane(lane: TimelineLane, pct: (t: number) => string, t0: number): string {
  const body = lane.slices.length === 0
    ? '<span class="empty">reserved, no stamps</span>'
    : lane.slices.map((slice) => renderSlice(slice, lane, pct, t0)).join('');
  const outcome = lane.outcome === undefined ? '' : ` ${lane.outcome}`;
  const why = lane.outcome === 'failed' ? ` title="${escapeHtml(`${lane.label} FAILED${lane.reason === undefined ? '' : `: ${lane.reason}`}`)}"` : ` title="${escapeHtml(lane.label)}"`;
  const step = lane.label === `step ${lane.step}` ? '' : `<span class="lane-step">step ${lane.step}</span>`;
  return `<div class="lane${outcome}" data-step="${lane.step}"${lane.call === undefined ? '' : ` data-call="${lane.call}"`}>` +
    `<div class="lane-label"${why}><span class="lane-name">${escapeHtml(lane.label)}</span>${step}</div><div class="track">${body}</div></div>`;
}

function renderSlice(slice: TimelineSlice, lane: TimelineLane, pct: (t: number) => string, t0: number): string {
  const id = escapeHtml(slice.identifier);
  const at = formatMs((slice.start - t0) * 1000);
  const outcome = slice.outcome === undefined ? '' : ` ${slice.outcome}`;
  const common = `data-step="${slice.step}" data-identifier="${id}" data-start-ms="${((slice.start - t0) * 1000).toFixed(3)}"${slice.outcome === undefined ? '' : ` data-outcome="${slice.outcome}"`}`;
  const failure = slice.outcome === 'failed' ? escapeHtml(` — ${lane.label} FAILED${lane.reason === undefined ? ' (no reason in the stamp; see the ERROR record logged with it)' : `: ${lane.reason}`}`) : '';
  if (slice.last) {
    // A point label reads rightwards into the gutter after the track. Only a lone stamp past
    // the middle reads leftwards: in a busier lane that would cover the step's own slices.
    const flip = lane.slices.length === 1 && Number(pct(slice.start)) > 60 ? ' flip' : '';
    return `<div class="mark${outcome}${flip}" ${common} style="left:${pct(slice.start)}%" title="${id} at ${at}${failure}"><span class="mark-label">${id}</span></div>`;
  }
  const width = (Number(pct(slice.end)) - Number(pct(slice.start))).toFixed(4);
  const dur = formatMs(slice.durationMs);
  return `<div class="slice${outcome}" ${common} data-duration-ms="${slice.durationMs.toFixed(3)}" style="left:${pct(slice.start)}%;width:${width}%" title="${id}: ${dur} (at ${at})${failure}">${id} <span class="dur">${dur}</span></div>`;
}
