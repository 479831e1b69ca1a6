/**
 * The bytes of one syslog message: Python's `SysLogHandler` layout (`<PRI>` + ident + the
 * formatted record + NUL) or RFC 5424 (`<PRI>1 TIMESTAMP HOST APP PROCID MSGID [SD] BOM MSG`),
 * and the two TCP framings of RFC 6587 (octet counting, or a trailing delimiter).
 */
import { hostname } from 'node:os';
import { basename, extname } from 'node:path';
import type { LogRecord } from '../core/record.js';
import { pyStr } from '../python/repr.js';

/** The trace fields a record carries when trace context is on (see `railtracks-observability/otel`). */
const TRACE_FIELDS = ['trace_id', 'span_id', 'trace_flags'] as const;
const TRACE_FIELD_SET: ReadonlySet<string> = new Set(TRACE_FIELDS);
const BOM = '\u{FEFF}';

/** RFC 5424 header fields that do not change per record. */
export interface Rfc5424Header {
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  /** SD-ID under which a record's structured fields travel. */
  structuredDataId: string;
  /** Start MSG with a BOM, as RFC 5424 asks of UTF-8 text. */
  bom: boolean;
}

/** RFC 5424 header fields: printable US-ASCII without spaces, bounded, `-` when empty. */
function headerField(text: string, max: number): string {
  const clean = text.replace(/[^\x21-\x7e]/g, '').slice(0, max);
  return clean === '' ? '-' : clean;
}

/**
 * The header fields with this process's defaults filled in.
 * @example rfc5424Header({ appName: 'billing' }).procId === String(process.pid)
 */
export function rfc5424Header(given: Partial<Rfc5424Header>): Rfc5424Header {
  const script = process.argv[1];
  return {
    hostname: headerField(given.hostname ?? hostname(), 255),
    appName: headerField(given.appName ?? (script ? basename(script, extname(script)) : 'node'), 48),
    procId: headerField(given.procId ?? String(process.pid), 128),
    msgId: headerField(given.msgId ?? '-', 32),
    structuredDataId: sdName(given.structuredDataId ?? 'rt@32473'),
    bom: given.bom ?? true,
  };
}

/** SD-ID and PARAM-NAME: printable US-ASCII except `= ] "` and space, at most 32 characters. */
function sdName(text: string): string {
  return text.replace(/[^\x21-\x7e]|[=\]"]/g, '_').slice(0, 32) || '_';
}

/** PARAM-VALUE: `"`, `\` and `]` escaped with a backslash (RFC 5424 6.3.3). */
function sdValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? value : pyStr(value);
  } catch {
    text = '<unprintable>';
  }
  return text.replace(/["\\\]]/g, (c) => `\\${c}`);
}

function sdElement(id: string, params: Array<[string, unknown]>): string {
  let out = `[${id}`;
  for (const [name, value] of params) out += ` ${sdName(name)}="${sdValue(value)}"`;
  return `${out}]`;
}

/**
 * STRUCTURED-DATA: trace context as `[opentelemetry trace_id=.. span_id=.. trace_flags=..]`,
 * then the record's structured fields (extras, scope fields) under `header.structuredDataId`.
 */
function structuredData(record: LogRecord, header: Rfc5424Header): string {
  let out = '';
  const trace: Array<[string, unknown]> = [];
  for (const key of TRACE_FIELDS) {
    const value = record.field(key);
    if (value !== undefined) trace.push([key, value]);
  }
  if (trace.length > 0) out += sdElement('opentelemetry', trace);
  const fields: Array<[string, unknown]> = [];
  const seen = new Set<string>();
  const take = (source: Readonly<Record<string, unknown>> | undefined): void => {
    if (source === undefined) return;
    for (const key of Object.keys(source)) {
      if (TRACE_FIELD_SET.has(key) || seen.has(key) || source[key] === undefined) continue;
      seen.add(key);
      fields.push([key, source[key]]);
    }
  };
  take(record.extra);
  take(record.scope?.fields);
  if (fields.length > 0) out += sdElement(header.structuredDataId, fields);
  return out === '' ? '-' : out;
}

/**
 * One RFC 5424 message (no framing) for a record already formatted as `text`.
 * @example rfc5424Message(record, 14, 'done', header) // '<14>1 2026-11-30T02:10:00.123Z host app 4242 - - \uFEFFdone'
 */
export function rfc5424Message(record: LogRecord, priority: number, text: string, header: Rfc5424Header): string {
  const time = new Date(record.created * 1000).toISOString();
  return `<${priority}>1 ${time} ${header.hostname} ${header.appName} ${header.procId} ${header.msgId} `
    + `${structuredData(record, header)} ${header.bom ? BOM : ''}${text}`;
}

/**
 * Python's layout: `<PRI>` + ident + text, plus NUL when `appendNul` (Python's `append_nul`).
 * @example pythonSyslogMessage(11, '', 'disk full', true) // '<11>disk full\0'
 */
export function pythonSyslogMessage(priority: number, ident: string, text: string, appendNul: boolean): string {
  return `<${priority}>${ident}${text}${appendNul ? '\0' : ''}`;
}

/** How messages are separated on a stream transport (RFC 6587). */
export type SyslogFraming = 'octet-counted' | 'nul' | 'lf';

/**
 * The bytes to write on a stream for one message. Octet counting prefixes the byte length and
 * keeps newlines inside a message; `nul`/`lf` end it with that delimiter (unless it already
 * ends with it, as Python's NUL-appended messages do).
 * @example frameSyslog(Buffer.from('<14>hi'), 'octet-counted').toString() // '6 <14>hi'
 */
export function frameSyslog(message: Buffer, framing: SyslogFraming): Buffer {
  if (framing === 'octet-counted') return Buffer.concat([Buffer.from(`${message.length} `), message]);
  const delimiter = framing === 'nul' ? 0 : 10;
  if (message.length > 0 && message[message.length - 1] === delimiter) return message;
  return Buffer.concat([message, Buffer.of(delimiter)]);
}
