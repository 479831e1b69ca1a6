/**
 * Page script, part 2: the records table. One row per record (symbol, time, level, logger,
 * first line of the message); Enter or a click opens the record below it: the whole message
 * with its traceback, the structured fields, and buttons that filter by the record's logger,
 * session, run or trace id.
 */
export const CLIENT_TABLE = String.raw`
var ID_FIELD = /^(sessionId|runId|traceId|spanId|requestId|session_id|run_id|trace_id|span_id|request_id)$|(Id|_id)$/;
var records = [];
var seen = {};

function recordRow(entry) {
  var cls = levelClass(entry);
  var tr = el('tr', 'rec level-' + cls);
  tr.tabIndex = -1;
  tr.setAttribute('data-offset', String(entry.offset));
  tr.setAttribute('data-level', cls);
  tr._entry = entry;
  tr.appendChild(el('td', 'sym', SYMBOLS[cls]));
  tr.appendChild(el('td', 'time', formatTime(entry.time)));
  tr.appendChild(el('td', 'lv', entry.level));
  var loggerCell = el('td');
  var logger = el('button', 'logger', entry.logger);
  logger.type = 'button';
  logger.title = 'Show only ' + entry.logger + ' and its children';
  logger.addEventListener('click', function (ev) { ev.stopPropagation(); setLogger(entry.logger); });
  loggerCell.appendChild(logger);
  tr.appendChild(loggerCell);
  var lines = entry.message.split('\n');
  var msg = el('td', 'msg', lines[0]);
  if (lines.length > 1) msg.appendChild(el('span', 'more', '+' + (lines.length - 1) + ' lines'));
  if (exceptionText(entry)) msg.appendChild(el('span', 'more', 'traceback'));
  var fieldCount = Object.keys(entry.fields || {}).filter(function (k) { return k !== 'exception'; }).length;
  if (fieldCount > 0) msg.appendChild(el('span', 'more', '{' + fieldCount + ' fields}'));
  tr.appendChild(msg);
  tr.addEventListener('click', function () { toggleDetail(tr); focusRow(tr); });
  return tr;
}

function toggleDetail(tr) {
  var next = tr.nextElementSibling;
  if (next && next.classList.contains('detail')) {
    next.remove();
    tr.setAttribute('aria-expanded', 'false');
    return;
  }
  tr.setAttribute('aria-expanded', 'true');
  tr.after(detailRow(tr._entry));
}

function detailRow(entry) {
  var tr = el('tr', 'detail');
  var td = el('td');
  td.colSpan = 5;
  var lines = entry.message.split('\n');
  td.appendChild(el('pre', 'message', lines[0]));
  if (lines.length > 1) td.appendChild(el('pre', 'traceback', lines.slice(1).join('\n')));
  var thrown = exceptionText(entry);
  if (thrown) td.appendChild(el('pre', 'traceback', thrown));
  var fields = el('div', 'fields');
  Object.keys(entry.fields || {}).forEach(function (key) {
    if (key === 'exception' && thrown) return;
    var value = entry.fields[key];
    fields.appendChild(el('span', 'key', key));
    var cell = el('span', 'value');
    if (ID_FIELD.test(key) && (typeof value === 'string' || typeof value === 'number')) {
      var b = el('button', 'id-filter', String(value));
      b.type = 'button';
      b.title = 'Show only records with ' + key + ' = ' + value;
      b.addEventListener('click', function () { setField(key, String(value)); });
      cell.appendChild(b);
    } else {
      cell.appendChild(el('pre', '', typeof value === 'string' ? value : JSON.stringify(value, null, 2)));
    }
    fields.appendChild(cell);
  });
  fields.appendChild(el('span', 'key', 'file'));
  fields.appendChild(el('span', 'value', state.file + ' @ byte ' + entry.offset + ' (' + entry.format + ')'));
  td.appendChild(fields);
  tr.appendChild(td);
  return tr;
}

/** A JSON record's exception (type, message, stack, cause chain) as the text of a traceback. */
function exceptionText(entry) {
  var ex = entry.fields && entry.fields.exception;
  var parts = [];
  for (var depth = 0; ex && typeof ex === 'object' && depth < 10; depth++, ex = ex.cause) {
    var head = typeof ex.stack === 'string' ? ex.stack : (ex.type || 'Error') + ': ' + (ex.message === undefined ? '' : ex.message);
    parts.push((depth === 0 ? '' : 'Caused by: ') + head);
  }
  return parts.join('\n');
}

function clearRows() {
  records = [];
  seen = {};
  $('rows').textContent = '';
}

/** Older records go at the bottom; live ones at the top. */
function addRecords(list, atTop) {
  var fresh = list.filter(function (e) {
    if (seen[e.offset]) return false;
    seen[e.offset] = true;
    return true;
  });
  var frag = document.createDocumentFragment();
  fresh.forEach(function (e) {
    var row = recordRow(e);
    if (atTop) row.classList.add('fresh');
    frag.appendChild(row);
  });
  var body = $('rows');
  if (atTop) {
    // Keep what the reader is looking at in place when rows arrive above it.
    var scrolled = window.scrollY > 0;
    var before = document.documentElement.scrollHeight;
    body.insertBefore(frag, body.firstChild);
    records = fresh.slice().reverse().concat(records);
    if (scrolled) window.scrollBy(0, document.documentElement.scrollHeight - before);
  } else {
    body.appendChild(frag);
    records = records.concat(fresh);
  }
  return fresh.length;
}

/** A line that continues the newest record (a traceback written after it). */
function continueNewest(line) {
  var row = $('rows').querySelector('tr.rec');
  if (!row) return;
  row._entry.message += '\n' + line;
  row._entry.raw += '\n' + line;
  var open = row.nextElementSibling && row.nextElementSibling.classList.contains('detail');
  row.replaceWith(recordRow(row._entry));
  if (open) {
    var fresh = $('rows').querySelector('tr.rec');
    fresh.nextElementSibling.remove();
    toggleDetail(fresh);
  }
}

function rows() { return Array.prototype.slice.call($('rows').querySelectorAll('tr.rec')); }

function focusRow(tr) {
  rows().forEach(function (r) { r.tabIndex = -1; });
  tr.tabIndex = 0;
  tr.focus({ preventScroll: true });
  tr.scrollIntoView({ block: 'nearest' });
}

function moveFocus(step) {
  var all = rows();
  if (all.length === 0) return;
  var i = all.indexOf(document.activeElement);
  var next = all[Math.max(0, Math.min(all.length - 1, i === -1 ? 0 : i + step))];
  focusRow(next);
}

/** The next ERROR or CRITICAL record below the focused one, loading older pages to find it. */
function nextError(tries) {
  var all = rows();
  var i = all.indexOf(document.activeElement);
  for (var j = i + 1; j < all.length; j++) {
    var level = all[j].getAttribute('data-level');
    if (level === 'error' || level === 'critical') {
      focusRow(all[j]);
      all[j].scrollIntoView({ block: 'center' });
      return;
    }
  }
  if (hasMore && (tries || 0) < 20) loadOlder().then(function () { nextError((tries || 0) + 1); });
  else setStatus('no further error in ' + records.length + ' records');
}
`;
