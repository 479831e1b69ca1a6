/**
 * Page script, part 4: loading pages (newest first, older on demand by the byte cursor), the
 * live tail (Server-Sent Events that resume by byte offset), the controls, the stamp timeline
 * and the keys.
 */
export const CLIENT_MAIN = String.raw`
var hasMore = false;
var nextBefore = null;
var loadedSize = 0;
var generation = 0;
var stream = null;

function setStatus(text, isError) {
  var s = $('status');
  s.textContent = '';
  appendText(s, text);
  s.classList.toggle('error-text', !!isError);
}

function summary() {
  setStatus(records.length + ' records loaded' + (hasMore ? ', older ones available' : ', that is all that matches') + (state.live ? ' · live' : ''));
}

function refreshFacets() { renderLoggers(); renderHistogram(); renderChips(); }

function reload() {
  generation++;
  var mine = generation;
  writeHash();
  syncControls();
  stopLive();
  clearRows();
  if (!state.file) { setStatus('no log file to show'); return Promise.resolve(); }
  setStatus('loading…');
  var p = filterParams();
  p.page_size = String(PAGE_SIZE);
  return api('/api/logs', p).then(function (body) {
    if (mine !== generation) return;
    loadedSize = body.size;
    hasMore = body.has_more;
    nextBefore = body.next_before;
    addRecords(body.logs, false);
    // Tab reaches the table at its first row; from there the keys move along it.
    var first = $('rows').querySelector('tr.rec');
    if (first) first.tabIndex = 0;
    refreshFacets();
    summary();
    if (state.live) startLive();
  }, function (err) { if (mine === generation) setStatus(err.message, true); });
}

function loadOlder() {
  if (!hasMore) return Promise.resolve();
  var mine = generation;
  var p = filterParams();
  p.page_size = String(PAGE_SIZE);
  p.before = String(nextBefore);
  return api('/api/logs', p).then(function (body) {
    if (mine !== generation) return;
    hasMore = body.has_more;
    nextBefore = body.next_before;
    addRecords(body.logs, false);
    refreshFacets();
    summary();
  }, function (err) { setStatus(err.message, true); });
}

function startLive() {
  stopLive();
  var p = filterParams();
  p.from = String(loadedSize);
  // EventSource reconnects by itself, sending the last event id: the byte offset to resume at.
  stream = new EventSource(apiUrl('/api/stream', p));
  stream.addEventListener('record', function (ev) {
    if (addRecords([JSON.parse(ev.data)], true) > 0) { refreshFacets(); summary(); }
  });
  stream.addEventListener('line', function (ev) { continueNewest(JSON.parse(ev.data).line); });
  stream.addEventListener('restart', function () { reload(); });
  stream.addEventListener('skipped', function (ev) { setStatus(JSON.parse(ev.data).bytes + ' bytes were written while disconnected; reload to see them', true); });
  stream.addEventListener('open', function () { $('live').setAttribute('data-connected', 'true'); });
}

function stopLive() {
  if (stream) stream.close();
  stream = null;
  $('live').setAttribute('data-connected', 'false');
}

function setLogger(name) { state.logger = name; reload(); }
function setField(key, value) { state.fields[key] = value; reload(); }
function zoomTo(from, to) { state.since = toLocalInput(from); state.until = toLocalInput(to); reload(); }

function syncControls() {
  $('file').value = state.file;
  document.querySelectorAll('.lvl').forEach(function (b) {
    b.setAttribute('aria-pressed', state.levels.indexOf(b.getAttribute('data-level')) !== -1 ? 'true' : 'false');
  });
  if (document.activeElement !== $('q')) $('q').value = state.q;
  $('regex').checked = state.regex;
  $('since').value = state.since;
  $('until').value = state.until;
  $('live').setAttribute('aria-pressed', state.live ? 'true' : 'false');
}

function showTimeline(name, reveal) {
  state.timeline = name;
  writeHash();
  var panel = $('timeline-panel');
  if (!name) { panel.hidden = true; return; }
  panel.hidden = false;
  $('timeline-title').textContent = 'Timeline: ' + name;
  $('timeline').src = apiUrl('/api/timeline', { file: name, format: 'html' });
  if (reveal) panel.scrollIntoView({ block: 'start' });
}

function fillFiles(files) {
  var logs = files.filter(function (f) { return f.format !== 'stamps'; });
  var stamps = files.filter(function (f) { return f.format === 'stamps'; });
  var select = $('file');
  select.textContent = '';
  logs.forEach(function (f) {
    var o = el('option', '', (f.name === f.set ? '' : '  ↳ ') + f.name + ' (' + Math.ceil(f.size / 1024) + ' KiB, ' + f.format + ')');
    o.value = f.name;
    select.appendChild(o);
  });
  var s = $('stamps');
  s.textContent = '';
  stamps.forEach(function (f) { var o = el('option', '', f.name); o.value = f.name; s.appendChild(o); });
  $('show-timeline').disabled = stamps.length === 0;
  if (!state.file && logs.length > 0) state.file = logs[0].name;
}

var searchTimer = null;
function wire() {
  $('file').addEventListener('change', function () { state.file = $('file').value; reload(); });
  document.querySelectorAll('.lvl').forEach(function (b) {
    b.addEventListener('click', function () {
      var level = b.getAttribute('data-level');
      var i = state.levels.indexOf(level);
      if (i === -1) state.levels.push(level); else state.levels.splice(i, 1);
      state.levels.sort(function (a, c) { return LEVELS.indexOf(a) - LEVELS.indexOf(c); });
      reload();
    });
  });
  $('q').addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(function () { state.q = $('q').value; reload(); }, 250);
  });
  $('q').addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter') { clearTimeout(searchTimer); state.q = $('q').value; reload(); }
  });
  $('regex').addEventListener('change', function () { state.regex = $('regex').checked; reload(); });
  $('since').addEventListener('change', function () { state.since = $('since').value; reload(); });
  $('until').addEventListener('change', function () { state.until = $('until').value; reload(); });
  $('live').addEventListener('click', toggleLive);
  $('next-error').addEventListener('click', function () { nextError(0); });
  $('older').addEventListener('click', function () { loadOlder(); });
  $('show-timeline').addEventListener('click', function () { showTimeline($('stamps').value, true); });
  $('rows').addEventListener('keydown', function (ev) {
    if (ev.target.tagName !== 'TR') return;
    if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); toggleDetail(ev.target); }
  });
  document.addEventListener('keydown', function (ev) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (ev.key === 'Escape' && typing) { document.activeElement.blur(); return; }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === '/') { ev.preventDefault(); $('q').focus(); }
    else if (ev.key === 'j' || ev.key === 'ArrowDown') { ev.preventDefault(); moveFocus(1); }
    else if (ev.key === 'k' || ev.key === 'ArrowUp') { ev.preventDefault(); moveFocus(-1); }
    else if (ev.key === 'e') nextError(0);
    else if (ev.key === 'l') toggleLive();
  });
  window.addEventListener('hashchange', function () { readHash(); reload(); if (state.timeline) showTimeline(state.timeline); });
}

function toggleLive() {
  state.live = !state.live;
  writeHash();
  syncControls();
  if (state.live) startLive(); else stopLive();
  summary();
}

readHash();
wire();
api('/api/files').then(function (body) {
  fillFiles(body.files);
  reload();
  if (state.timeline) showTimeline(state.timeline);
}, function (err) { setStatus(err.message, true); });
`;
