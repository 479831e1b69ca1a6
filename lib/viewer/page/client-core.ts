/**
 * Page script, part 1: talking to the API, the filter state and its permalink, and the one way
 * log text enters the page. `appendText` writes text nodes only; control, bidi and line-separator
 * characters become visible `\xNN` / `\uNNNN` marks, so a record can neither run script, nor
 * colour the terminal-less page, nor reorder what is shown around it.
 */
export const CLIENT_CORE = String.raw`
var BASE = document.body.getAttribute('data-base') || '';
var TOKEN = new URLSearchParams(location.search).get('token');
var LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'];
var SYMBOLS = { debug: '·', info: 'ℹ', warning: '⚠', error: '✖', critical: '✖' };
var CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;
var PAGE_SIZE = 200;

var state = { file: '', levels: LEVELS.slice(), logger: '', q: '', regex: false, since: '', until: '', fields: {}, live: false, timeline: '' };

function $(id) { return document.getElementById(id); }

function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) appendText(node, String(text));
  return node;
}

function hex(code, width) {
  var h = code.toString(16);
  while (h.length < width) h = '0' + h;
  return h;
}

function appendText(node, text) {
  var last = 0;
  CONTROLS.lastIndex = 0;
  var m;
  while ((m = CONTROLS.exec(text)) !== null) {
    if (m.index > last) node.appendChild(document.createTextNode(text.slice(last, m.index)));
    var code = m[0].charCodeAt(0);
    var mark = document.createElement('span');
    mark.className = 'ctl';
    mark.textContent = code < 0x100 ? '\\x' + hex(code, 2) : '\\u' + hex(code, 4);
    mark.title = 'control character U+' + hex(code, 4).toUpperCase();
    node.appendChild(mark);
    last = m.index + 1;
  }
  if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  return node;
}

function levelClass(entry) {
  var n = typeof entry.levelno === 'number' ? entry.levelno : 0;
  return n >= 50 ? 'critical' : n >= 40 ? 'error' : n >= 30 ? 'warning' : n >= 20 ? 'info' : 'debug';
}

function pad(n, w) { var s = String(n); while (s.length < w) s = '0' + s; return s; }

function formatTime(ms) {
  if (typeof ms !== 'number') return '';
  var d = new Date(ms);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1, 2) + '-' + pad(d.getDate(), 2) + ' ' + pad(d.getHours(), 2) + ':' +
    pad(d.getMinutes(), 2) + ':' + pad(d.getSeconds(), 2) + '.' + pad(d.getMilliseconds(), 3);
}

function toLocalInput(ms) { return formatTime(ms).slice(0, 19).replace(' ', 'T'); }

function apiUrl(path, params) {
  var p = new URLSearchParams(params || {});
  if (TOKEN) p.set('token', TOKEN);
  return BASE + path + '?' + p.toString();
}

function api(path, params) {
  return fetch(apiUrl(path, params), { cache: 'no-store' }).then(function (r) {
    return r.json().then(function (body) {
      if (!r.ok) throw new Error(body.error || r.statusText);
      return body;
    });
  });
}

/** The API's filter parameters for the current state. */
function filterParams() {
  var p = { file: state.file };
  if (state.levels.length !== LEVELS.length) p.levels = state.levels.join(',');
  if (state.logger) p.logger = state.logger;
  if (state.q) p.q = state.regex ? '/' + state.q + '/i' : state.q;
  var since = state.since ? Date.parse(state.since) : NaN;
  var until = state.until ? Date.parse(state.until) : NaN;
  if (!isNaN(since)) p.since = String(since);
  if (!isNaN(until)) p.until = String(until + 999);
  Object.keys(state.fields).forEach(function (k) { p['field.' + k] = state.fields[k]; });
  return p;
}

/** The permalink: every filter in the URL hash (the token stays in the query, never the hash). */
function writeHash() {
  var p = new URLSearchParams();
  if (state.file) p.set('file', state.file);
  if (state.levels.length !== LEVELS.length) p.set('levels', state.levels.join(','));
  if (state.logger) p.set('logger', state.logger);
  if (state.q) p.set('q', state.q);
  if (state.regex) p.set('regex', '1');
  if (state.since) p.set('since', state.since);
  if (state.until) p.set('until', state.until);
  if (state.live) p.set('live', '1');
  if (state.timeline) p.set('timeline', state.timeline);
  Object.keys(state.fields).forEach(function (k) { p.set('field.' + k, state.fields[k]); });
  var hash = '#' + p.toString();
  if (location.hash !== hash) history.replaceState(null, '', hash);
  $('permalink').href = location.href;
}

function readHash() {
  var p = new URLSearchParams(location.hash.slice(1));
  state.file = p.get('file') || '';
  var levels = p.get('levels');
  state.levels = levels === null ? LEVELS.slice() : levels.split(',').filter(function (l) { return LEVELS.indexOf(l) !== -1; });
  state.logger = p.get('logger') || '';
  state.q = p.get('q') || '';
  state.regex = p.get('regex') === '1';
  state.since = p.get('since') || '';
  state.until = p.get('until') || '';
  state.live = p.get('live') === '1';
  state.timeline = p.get('timeline') || '';
  state.fields = {};
  p.forEach(function (v, k) { if (k.indexOf('field.') === 0) state.fields[k.slice(6)] = v; });
}
`;
