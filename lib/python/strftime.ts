/**
 * C-locale `strftime` as Python's `time.strftime` renders a `datefmt` on Linux (glibc): the
 * directives, the `_ - 0 ^ #` flags, field widths and the `E`/`O` modifiers. Unknown directives
 * are copied through, as glibc does (so `%f` stays `%f`: it is a `datetime` directive, not a
 * `time` one). `%Z` asks Intl for the zone's abbreviation.
 */
import { strftimeOutputLimit } from './format-limits.js';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function pad3(n: number): string {
  return n < 10 ? '00' + n : n < 100 ? '0' + n : String(n);
}

/** The calendar fields of an instant, local or UTC. */
interface Parts {
  y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number;
  offsetMin: number; epoch: number;
}

function partsOf(date: Date, utc: boolean): Parts {
  const epoch = Math.floor(date.getTime() / 1000);
  return utc
    ? { y: date.getUTCFullYear(), mo: date.getUTCMonth(), d: date.getUTCDate(), h: date.getUTCHours(),
        mi: date.getUTCMinutes(), s: date.getUTCSeconds(), wd: date.getUTCDay(), offsetMin: 0, epoch }
    : { y: date.getFullYear(), mo: date.getMonth(), d: date.getDate(), h: date.getHours(),
        mi: date.getMinutes(), s: date.getSeconds(), wd: date.getDay(), offsetMin: -date.getTimezoneOffset(), epoch };
}

function dayOfYear(p: Parts): number {
  return Math.round((Date.UTC(p.y, p.mo, p.d) - Date.UTC(p.y, 0, 1)) / 86_400_000) + 1;
}

/** `+0100` style offset, as `%z`. */
export function formatOffset(offsetMin: number, separator = ''): string {
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return sign + pad2(Math.floor(abs / 60)) + separator + pad2(abs % 60);
}

/** glibc names the zone of `gmtime` "GMT"; a local zone by its tz abbreviation. */
function zoneName(date: Date, utc: boolean): string {
  if (utc) return 'GMT';
  // Each English locale knows the letter abbreviations of its own region's zones only.
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU', 'en-NZ', 'en-ZA', 'en-IE']) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZoneName: 'short' })
        .formatToParts(date)
        .find((x) => x.type === 'timeZoneName');
      if (part !== undefined && !/^GMT[+-]/.test(part.value)) return part.value;
    } catch {
      return '';
    }
  }
  // Zones without a letter abbreviation are named by their offset in tzdata (`+03`, `+0530`).
  const off = -date.getTimezoneOffset();
  return off % 60 === 0 ? formatOffset(off).slice(0, 3) : formatOffset(off);
}

function weekNumber(p: Parts, firstDay: 0 | 1): number {
  const yday = dayOfYear(p) - 1;
  const wday = firstDay === 0 ? p.wd : (p.wd + 6) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

/** ISO 8601 week-numbering year and week, for `%G %g %V`. */
function isoWeek(p: Parts): [number, number] {
  const day = Date.UTC(p.y, p.mo, p.d);
  const thursday = day + (3 - ((p.wd + 6) % 7)) * 86_400_000;
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return [year, week];
}

/** A numeric directive's value and its default digit count and pad character. */
type Numeric = [value: number, digits: number, pad: '0' | ' '];

function numeric(c: string, p: Parts): Numeric | undefined {
  switch (c) {
    case 'Y': return [p.y, 1, '0'];
    case 'y': return [p.y % 100, 2, '0'];
    case 'C': return [Math.floor(p.y / 100), 2, '0'];
    case 'G': return [isoWeek(p)[0], 1, '0'];
    case 'g': return [isoWeek(p)[0] % 100, 2, '0'];
    case 'V': return [isoWeek(p)[1], 2, '0'];
    case 'm': return [p.mo + 1, 2, '0'];
    case 'd': return [p.d, 2, '0'];
    case 'e': return [p.d, 2, ' '];
    case 'H': return [p.h, 2, '0'];
    case 'k': return [p.h, 2, ' '];
    case 'I': return [p.h % 12 === 0 ? 12 : p.h % 12, 2, '0'];
    case 'l': return [p.h % 12 === 0 ? 12 : p.h % 12, 2, ' '];
    case 'M': return [p.mi, 2, '0'];
    case 'S': return [p.s, 2, '0'];
    case 'j': return [dayOfYear(p), 3, '0'];
    case 'w': return [p.wd, 1, '0'];
    case 'u': return [p.wd === 0 ? 7 : p.wd, 1, '0'];
    case 'U': return [weekNumber(p, 0), 2, '0'];
    case 'W': return [weekNumber(p, 1), 2, '0'];
    case 's': return [p.epoch, 1, '0'];
    default: return undefined;
  }
}

/** Text directives; `swap` is what the `#` flag turns them into. */
function text(c: string, p: Parts, date: Date, utc: boolean): [string, 'upper' | 'lower'] | undefined {
  const hms = `${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`;
  const mdy = `${pad2(p.mo + 1)}/${pad2(p.d)}/${pad2(p.y % 100)}`;
  switch (c) {
    case 'a': return [DAYS[p.wd]!.slice(0, 3), 'upper'];
    case 'A': return [DAYS[p.wd]!, 'upper'];
    case 'b': case 'h': return [MONTHS[p.mo]!.slice(0, 3), 'upper'];
    case 'B': return [MONTHS[p.mo]!, 'upper'];
    case 'p': return [p.h < 12 ? 'AM' : 'PM', 'lower'];
    case 'P': return [p.h < 12 ? 'am' : 'pm', 'lower'];
    case 'Z': return [zoneName(date, utc), 'lower'];
    case 'z': return [formatOffset(p.offsetMin), 'upper'];
    case 'c': return [`${DAYS[p.wd]!.slice(0, 3)} ${MONTHS[p.mo]!.slice(0, 3)} ${p.d < 10 ? ' ' + p.d : p.d} ${hms} ${p.y}`, 'upper'];
    case 'x': case 'D': return [mdy, 'upper'];
    case 'X': case 'T': return [hms, 'upper'];
    case 'r': return [`${pad2(p.h % 12 === 0 ? 12 : p.h % 12)}:${pad2(p.mi)}:${pad2(p.s)} ${p.h < 12 ? 'AM' : 'PM'}`, 'upper'];
    case 'R': return [`${pad2(p.h)}:${pad2(p.mi)}`, 'upper'];
    case 'F': return [`${p.y}-${pad2(p.mo + 1)}-${pad2(p.d)}`, 'upper'];
    case 'n': return ['\n', 'upper'];
    case 't': return ['\t', 'upper'];
    case '%': return ['%', 'upper'];
    default: return undefined;
  }
}

const FLAGS = '_-0^#';

/** Render one `%[flags][width][E|O]c` directive starting at `fmt[at] === '%'`; returns text and end. */
function directive(fmt: string, at: number, p: Parts, date: Date, utc: boolean, limit: number): [string, number] {
  let i = at + 1;
  let flag = '';
  let upper = false;
  let swap = false;
  while (i < fmt.length && FLAGS.includes(fmt[i]!)) {
    const f = fmt[i++]!;
    if (f === '^') upper = true;
    else if (f === '#') swap = true;
    else flag = f;
  }
  const widthStart = i;
  while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') i++;
  const width = i > widthStart ? Number(fmt.slice(widthStart, i)) : -1;
  // Past CPython's buffer the whole result is '' anyway: never build the padding.
  if (width > limit) throw OUTPUT_TOO_LONG;
  if (fmt[i] === 'E' || fmt[i] === 'O') i++;
  const c = fmt[i];
  const padTo = (s: string, fill: string) => (width > s.length ? fill.repeat(width - s.length) + s : s);
  if (c === undefined) return [padTo(fmt.slice(at), ' '), fmt.length];
  const num = numeric(c, p);
  if (num !== undefined) {
    const [value, digits, defaultPad] = num;
    const body = String(Math.abs(value));
    const sign = value < 0 ? '-' : '';
    if (flag === '-' && width < 0) return [sign + body, i + 1];
    const fill = flag === '_' || flag === '-' ? ' ' : flag === '0' ? '0' : defaultPad;
    const size = Math.max(width < 0 ? digits : width, body.length) - sign.length;
    return [sign + padTo(body, fill).padStart(size, fill), i + 1];
  }
  const found = text(c, p, date, utc);
  if (found === undefined) return [padTo(fmt.slice(at, i + 1), ' '), i + 1];
  let [s] = found;
  if (upper || (swap && found[1] === 'upper')) s = s.toUpperCase();
  else if (swap) s = s.toLowerCase();
  return [padTo(s, flag === '0' ? '0' : ' '), i + 1];
}

/**
 * Format an instant like Python's `time.strftime(fmt, time.localtime(t))` (or `gmtime` when
 * `utc`). Only the C locale is supported, as in a default Python process.
 * @example strftime('%Y-%m-%d %H:%M:%S', new Date(0), true) // '1970-01-01 00:00:00'
 */
export function strftime(fmt: string, date: Date, utc = false): string {
  const p = partsOf(date, utc);
  let out = '';
  let last = 0;
  const limit = strftimeOutputLimit(Buffer.byteLength(fmt));
  try {
    for (let i = fmt.indexOf('%'); i >= 0; i = fmt.indexOf('%', last)) {
      const [piece, end] = directive(fmt, i, p, date, utc, limit);
      out += fmt.slice(last, i) + piece;
      last = end;
    }
  } catch (err) {
    if (err === OUTPUT_TOO_LONG) return '';
    throw err;
  }
  out += fmt.slice(last);
  // UTF-8 never has fewer bytes than UTF-16 code units, so short text needs no byte count.
  return out.length > limit || (out.length * 3 > limit && Buffer.byteLength(out) > limit) ? '' : out;
}

/** Thrown (and caught in `strftime`) when a width already exceeds CPython's buffer. */
const OUTPUT_TOO_LONG = Symbol('strftime output too long');

/**
 * Python's default `asctime`: `2026-11-21 14:09:37,370`. The text up to the seconds is cached
 * per second because consecutive records nearly always share it.
 */
let cachedSecond = NaN;
let cachedUtc = false;
let cachedPrefix = '';
export function defaultAsctime(created: number, msecs: number, utc: boolean): string {
  const second = Math.floor(created);
  if (second !== cachedSecond || utc !== cachedUtc) {
    const p = partsOf(new Date(second * 1000), utc);
    cachedPrefix = `${p.y}-${pad2(p.mo + 1)}-${pad2(p.d)} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`;
    cachedSecond = second;
    cachedUtc = utc;
  }
  return cachedPrefix + ',' + pad3(Math.trunc(msecs));
}
