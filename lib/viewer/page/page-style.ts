/**
 * The viewer's style: light by default, dark when the system prefers it; level colours follow
 * the console palette (DEBUG cyan, WARNING yellow, ERROR bright red, CRITICAL red).
 */
export const PAGE_STYLE = String.raw`
:root { color-scheme: light dark; --bg: #fff; --fg: #1d2330; --muted: #5a6478; --line: #e2e6ee; --panel: #f5f7fa;
  --accent: #2f6fd6; --debug: #0e7c86; --info: #1d2330; --warning: #8a6100; --error: #c62828; --critical: #fff; --critical-bg: #b71c1c;
  --ctl-bg: #fde8c8; --focus: #ffcf40; font: 13px/1.45 system-ui, sans-serif; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #16181d; --fg: #dfe3ea; --muted: #98a1b3; --line: #2c313b; --panel: #1e2128; --accent: #6ea2ff;
    --debug: #4fd1d9; --info: #dfe3ea; --warning: #f0c050; --error: #ff6b6b; --critical: #fff; --critical-bg: #c62828; --ctl-bg: #5a3d12; }
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); }
h1 { font-size: 15px; margin: 0 8px 0 0; }
h2 { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 12px 0 4px; }
button, select, input { font: inherit; color: inherit; background: var(--bg); border: 1px solid var(--line); border-radius: 4px; padding: 2px 6px; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 1px; }
.bar { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 8px 12px;
  background: var(--panel); border-bottom: 1px solid var(--line); }
.bar label { display: inline-flex; gap: 4px; align-items: center; color: var(--muted); }
.levels { display: inline-flex; gap: 2px; }
.lvl[aria-pressed="false"] { opacity: .4; text-decoration: line-through; }
#live[aria-pressed="true"] { background: var(--accent); color: #fff; }
.chips { display: flex; gap: 6px; flex-wrap: wrap; padding: 4px 12px; min-height: 8px; }
.chip { background: var(--panel); border-radius: 10px; }
main { display: grid; grid-template-columns: minmax(160px, 240px) 1fr; gap: 12px; padding: 0 12px 12px; }
.facets { font-size: 12px; overflow-wrap: anywhere; }
.facets ul { list-style: none; margin: 0; padding-left: 12px; }
.facets > div > ul { padding-left: 0; }
.facets button { border: 0; background: none; padding: 1px 2px; text-align: left; }
.facets button[aria-current="true"] { background: var(--accent); color: #fff; }
.facets .count { color: var(--muted); font-variant-numeric: tabular-nums; }
.histogram { display: flex; align-items: flex-end; gap: 1px; height: 64px; border-bottom: 1px solid var(--line); margin-top: 8px; }
.bin { flex: 1; display: flex; flex-direction: column-reverse; height: 100%; border: 0; padding: 0; background: none; border-radius: 0; }
.bin:hover { background: var(--panel); }
.seg { width: 100%; }
.seg.level-debug { background: var(--debug); } .seg.level-info { background: var(--muted); } .seg.level-warning { background: #e0a800; }
.seg.level-error { background: var(--error); } .seg.level-critical { background: var(--critical-bg); }
.status { color: var(--muted); margin: 4px 0; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 1px solid var(--line); }
th:nth-child(1) { width: 22px; } th:nth-child(2) { width: 196px; } th:nth-child(3) { width: 84px; } th:nth-child(4) { width: 18%; }
td { padding: 2px 4px; border-bottom: 1px solid var(--line); vertical-align: top; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
td.time { font-variant-numeric: tabular-nums; color: var(--muted); }
tr.rec { cursor: pointer; }
tr.rec:hover, tr.rec:focus { background: var(--panel); }
tr.rec.fresh td:first-child { box-shadow: inset 3px 0 var(--accent); }
.level-debug .lv, .level-debug .sym { color: var(--debug); }
.level-info .lv { color: var(--info); }
.level-warning .lv, .level-warning .sym { color: var(--warning); font-weight: 600; }
.level-error .lv, .level-error .sym { color: var(--error); font-weight: 700; }
.level-critical .lv { color: var(--critical); background: var(--critical-bg); font-weight: 700; padding: 0 3px; border-radius: 3px; }
.level-critical .sym { color: var(--error); }
.lvl.level-warning { color: var(--warning); } .lvl.level-error { color: var(--error); } .lvl.level-debug { color: var(--debug); }
.logger { border: 0; background: none; padding: 0; color: var(--accent); max-width: 100%; overflow: hidden; text-overflow: ellipsis; }
.more { color: var(--muted); margin-left: 6px; font-size: 11px; }
.ctl { background: var(--ctl-bg); border-radius: 2px; padding: 0 1px; font-family: ui-monospace, monospace; font-size: 11px; }
tr.detail td { white-space: normal; background: var(--panel); padding: 6px 10px; }
tr.detail pre { margin: 4px 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.4 ui-monospace, monospace; }
.fields { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; font: 12px ui-monospace, monospace; }
.fields .key { color: var(--muted); }
.id-filter { color: var(--accent); border-style: dashed; padding: 0 4px; }
#older { margin: 8px 0; }
#timeline-panel iframe { width: 100%; height: 560px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.keys { color: var(--muted); padding: 6px 12px 12px; font-size: 12px; }
kbd { border: 1px solid var(--line); border-radius: 3px; padding: 0 3px; font-size: 11px; }
.error-text { color: var(--error); }
`;
