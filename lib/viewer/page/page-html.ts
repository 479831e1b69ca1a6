/**
 * The viewer page: one HTML document with its style and script inline (allowed by a per-response
 * nonce), so it needs no other asset and makes no request beyond the viewer's own API. Log text
 * reaches the document only through `textContent` (see client-core).
 */
import { escapeHtml } from '../../profiling/html-timeline.js';
import { PAGE_STYLE } from './page-style.js';
import { CLIENT_CORE } from './client-core.js';
import { CLIENT_TABLE } from './client-table.js';
import { CLIENT_FACETS } from './client-facets.js';
import { CLIENT_MAIN } from './client-main.js';


/**
 * The page for one response; `nonce` must match the response's Content-Security-Policy.
 * @example res.end(viewerPage(nonce, '/logs'));
 */
export function viewerPage(nonce: string, basePath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>Railtracks logs</title>
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body data-base="${escapeHtml(basePath)}">
<header class="bar" role="search">
  <h1>Railtracks logs</h1>
  <label>File <select id="file" aria-label="Log file"></select></label>
  <div class="levels" role="group" aria-label="Levels">
    <button type="button" class="lvl level-debug" data-level="DEBUG" aria-pressed="true">· DEBUG</button>
    <button type="button" class="lvl level-info" data-level="INFO" aria-pressed="true">ℹ INFO</button>
    <button type="button" class="lvl level-warning" data-level="WARNING" aria-pressed="true">⚠ WARNING</button>
    <button type="button" class="lvl level-error" data-level="ERROR" aria-pressed="true">✖ ERROR</button>
    <button type="button" class="lvl level-critical" data-level="CRITICAL" aria-pressed="true">✖ CRITICAL</button>
  </div>
  <label class="search">Search <input id="q" type="search" placeholder="text  ( / to focus )" autocomplete="off" spellcheck="false"></label>
  <label><input id="regex" type="checkbox"> regex</label>
  <label>From <input id="since" type="datetime-local" step="1"></label>
  <label>To <input id="until" type="datetime-local" step="1"></label>
  <button type="button" id="live" aria-pressed="false" title="Live tail (l)">● Live</button>
  <button type="button" id="next-error" title="Jump to the next error (e)">Next error ↓</button>
  <a id="permalink" href="#">Permalink</a>
</header>
<div class="chips" id="chips" aria-live="polite"></div>
<main>
  <nav class="facets" aria-label="Loggers">
    <h2>Loggers <small>(loaded records)</small></h2>
    <div id="loggers"></div>
    <h2>Timeline</h2>
    <select id="stamps" aria-label="Stamp file"></select>
    <button type="button" id="show-timeline">Show timeline</button>
  </nav>
  <section class="records">
    <div class="histogram" id="histogram" role="group" aria-label="Records per level over time; choose a bar to zoom"></div>
    <p class="status" id="status" role="status"></p>
    <table id="records">
      <thead><tr><th></th><th>Time</th><th>Level</th><th>Logger</th><th>Message</th></tr></thead>
      <tbody id="rows"></tbody>
    </table>
    <button type="button" id="older">Load older</button>
    <section id="timeline-panel" hidden aria-label="Stamp timeline">
      <h2 id="timeline-title">Timeline</h2>
      <iframe id="timeline" title="Stamp timeline" sandbox="allow-scripts"></iframe>
    </section>
  </section>
</main>
<footer class="keys">Keys: <kbd>/</kbd> search · <kbd>j</kbd>/<kbd>k</kbd> or arrows move · <kbd>Enter</kbd> expand · <kbd>e</kbd> next error · <kbd>l</kbd> live tail · <kbd>Esc</kbd> leave the search box</footer>
<script nonce="${nonce}">(function () {
'use strict';
${CLIENT_CORE}
${CLIENT_TABLE}
${CLIENT_FACETS}
${CLIENT_MAIN}
})();</script>
</body>
</html>
`;
}
