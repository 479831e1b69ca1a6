/**
 * Page script, part 3: what the loaded records add up to. The logger tree counts each logger
 * with its children (choose one to filter by it); the histogram stacks records per level over
 * the loaded time span (choose a bar to narrow the time range to it).
 */
export const CLIENT_FACETS = String.raw`
var BINS = 48;

function renderLoggers() {
  var tree = { children: {}, count: 0 };
  records.forEach(function (e) {
    var node = tree;
    var parts = e.logger === '' ? ['(no name)'] : e.logger.split('.');
    var path = '';
    parts.forEach(function (part) {
      path = path === '' ? part : path + '.' + part;
      if (!node.children[part]) node.children[part] = { name: part, path: path, children: {}, count: 0 };
      node = node.children[part];
      node.count++;
    });
  });
  var box = $('loggers');
  box.textContent = '';
  var all = el('button', '', 'All loggers');
  all.type = 'button';
  all.setAttribute('aria-current', state.logger === '' ? 'true' : 'false');
  all.addEventListener('click', function () { setLogger(''); });
  box.appendChild(all);
  box.appendChild(loggerList(tree));
}

function loggerList(node) {
  var ul = el('ul');
  Object.keys(node.children).sort().forEach(function (key) {
    var child = node.children[key];
    var li = el('li');
    var b = el('button', 'facet-logger', child.name);
    b.type = 'button';
    b.setAttribute('data-logger', child.path);
    b.setAttribute('aria-current', state.logger === child.path ? 'true' : 'false');
    b.title = child.path;
    b.appendChild(el('span', 'count', ' ' + child.count));
    b.addEventListener('click', function () { setLogger(child.path); });
    li.appendChild(b);
    if (Object.keys(child.children).length > 0) li.appendChild(loggerList(child));
    ul.appendChild(li);
  });
  return ul;
}

function renderHistogram() {
  var box = $('histogram');
  box.textContent = '';
  var timed = records.filter(function (e) { return typeof e.time === 'number'; });
  if (timed.length === 0) return;
  var lo = Infinity, hi = -Infinity;
  timed.forEach(function (e) { if (e.time < lo) lo = e.time; if (e.time > hi) hi = e.time; });
  var width = Math.max(1, (hi - lo) / BINS);
  var bins = [];
  for (var i = 0; i < BINS; i++) bins.push({ debug: 0, info: 0, warning: 0, error: 0, critical: 0, total: 0 });
  timed.forEach(function (e) {
    var b = bins[Math.min(BINS - 1, Math.floor((e.time - lo) / width))];
    b[levelClass(e)]++;
    b.total++;
  });
  var max = Math.max.apply(null, bins.map(function (b) { return b.total; }));
  bins.forEach(function (b, i) {
    var from = lo + i * width, to = i === BINS - 1 ? hi : from + width;
    var bar = el('button', 'bin');
    bar.type = 'button';
    bar.title = b.total + ' records, ' + formatTime(from) + ' to ' + formatTime(to) +
      ['critical', 'error', 'warning', 'info', 'debug'].filter(function (l) { return b[l] > 0; }).map(function (l) { return '\n' + l.toUpperCase() + ': ' + b[l]; }).join('');
    bar.setAttribute('aria-label', b.total + ' records from ' + formatTime(from) + ' to ' + formatTime(to));
    ['debug', 'info', 'warning', 'error', 'critical'].forEach(function (l) {
      if (b[l] === 0) return;
      var seg = el('span', 'seg level-' + l);
      seg.style.height = (100 * b[l] / max) + '%';
      bar.appendChild(seg);
    });
    bar.addEventListener('click', function () { zoomTo(Math.floor(from / 1000) * 1000, to); });
    box.appendChild(bar);
  });
}

function renderChips() {
  var box = $('chips');
  box.textContent = '';
  var chip = function (label, clear) {
    var b = el('button', 'chip', label + ' ✕');
    b.type = 'button';
    b.title = 'Remove this filter';
    b.addEventListener('click', clear);
    box.appendChild(b);
  };
  if (state.logger) chip('logger: ' + state.logger, function () { setLogger(''); });
  Object.keys(state.fields).forEach(function (k) {
    chip(k + ' = ' + state.fields[k], function () { delete state.fields[k]; reload(); });
  });
  if (state.since || state.until) chip('time: ' + (state.since || '…') + ' → ' + (state.until || '…'), function () { state.since = ''; state.until = ''; reload(); });
}
`;
