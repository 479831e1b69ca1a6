/**
 * C-locale `strftime`, as Python's `time.strftime` renders a `datefmt`. The common directives
 * are computed by hand (they run per record); `%Z` asks Intl for the zone's short name.
 */

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
  y: number; mo: number; d: number; h: number; mi: number; s: number; wd: number; ms: number;
  offsetMin: number;
}

function partsOf(date: Date, utc: boolean): Parts {
  return utc
    ? { y: date.getUTCFullYear(), mo: date.getUTCMonth(), d: date.getUTCDate(), h: date.getUTCHours(),
        mi: date.getUTCMinutes(), s: date.getUTCSeconds(), wd: date.getUTCDay(), ms: date.getUTCMilliseconds(), offsetMin: 0 }
    : { y: date.getFullYear(), mo: date.getMonth(), d: date.getDate(), h: date.getHours(),
        mi: date.getMinutes(), s: date.getSeconds(), wd: date.getDay(), ms: date.getMilliseconds(),
        offsetMin: -date.getTimezoneOffset() };
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

function zoneName(date: Date, utc: boolean): string {
  if (utc) return 'UTC';
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' })
      .formatToParts(date)
      .find((x) => x.type === 'timeZoneName');
    return part?.value ?? '';
  } catch {
    return '';
  }
}

function weekNumber(p: Parts, firstDay: 0 | 1): number {
  const yday = dayOfYear(p) - 1;
  const wday = firstDay === 0 ? p.wd : (p.wd + 6) % 7;
  return Math.floor((yday + 7 - wday) / 7);
}

function directive(c: string, p: Parts, date: Date, utc: boolean): string {
  switch (c) {
    case 'Y': return String(p.y);
    case 'y': return pad2(p.y % 100);
    case 'm': return pad2(p.mo + 1);
    case 'd': return pad2(p.d);
    case 'e': return p.d < 10 ? ' ' + p.d : String(p.d);
    case 'H': return pad2(p.h);
    case 'I': return pad2(p.h % 12 === 0 ? 12 : p.h % 12);
    case 'M': return pad2(p.mi);
    case 'S': return pad2(p.s);
    case 'f': return pad3(p.ms) + '000';
    case 'p': return p.h < 12 ? 'AM' : 'PM';
    case 'a': return DAYS[p.wd]!.slice(0, 3);
    case 'A': return DAYS[p.wd]!;
    case 'b': case 'h': return MONTHS[p.mo]!.slice(0, 3);
    case 'B': return MONTHS[p.mo]!;
    case 'j': return pad3(dayOfYear(p));
    case 'w': return String(p.wd);
    case 'u': return String(p.wd === 0 ? 7 : p.wd);
    case 'U': return pad2(weekNumber(p, 0));
    case 'W': return pad2(weekNumber(p, 1));
    case 'z': return formatOffset(p.offsetMin);
    case 'Z': return zoneName(date, utc);
    case 'c': return `${DAYS[p.wd]!.slice(0, 3)} ${MONTHS[p.mo]!.slice(0, 3)} ${p.d < 10 ? ' ' + p.d : p.d} ${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)} ${p.y}`;
    case 'x': return `${pad2(p.mo + 1)}/${pad2(p.d)}/${pad2(p.y % 100)}`;
    case 'X': return `${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`;
    case 'D': return `${pad2(p.mo + 1)}/${pad2(p.d)}/${pad2(p.y % 100)}`;
    case 'F': return `${p.y}-${pad2(p.mo + 1)}-${pad2(p.d)}`;
    case 'T': return `${pad2(p.h)}:${pad2(p.mi)}:${pad2(p.s)}`;
    case 'R': return `${pad2(p.h)}:${pad2(p.mi)}`;
    case 'n': return '\n';
    case 't': return '\t';
    case '%': return '%';
    default: return '%' + c; // glibc leaves unknown directives as written
  }
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
  for (let i = fmt.indexOf('%'); i >= 0 && i < fmt.length - 1; i = fmt.indexOf('%', last)) {
    out += fmt.slice(last, i) + directive(fmt[i + 1]!, p, date, utc);
    last = i + 2;
  }
  return out + fmt.slice(last);
}

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
  return cachedPrefix + ',' + pad3(Math.floor(msecs));
}
