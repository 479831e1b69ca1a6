import { noteLayout } from './call-site.js';
import { formatExceptionText } from './exception-text.js';
import { compileStyle, formatUsesTime, ValueErrorLike, type FormatStyle, type RenderRecord } from './format-styles.js';
import type { LogRecord } from './record.js';
import { defaultAsctime, strftime } from '../python/strftime.js';

/** Python's default layouts for each style when no format is given. */
const DEFAULT_FORMATS: Record<FormatStyle, string> = { '%': '%(message)s', '{': '{message}', $: '${message}' };

export interface FormatterOptions {
  /** Values for fields a record lacks, as Python's `defaults=`. */
  defaults?: Record<string, unknown>;
  /** Render times in UTC instead of local time (Python: `converter = time.gmtime`). */
  utc?: boolean;
}

/**
 * Turns a record into text with a Python `logging.Formatter` layout. The format is parsed once,
 * at construction, into a list of field renderers.
 * @example
 * const f = new Formatter('%(asctime)s - %(levelname)s - %(name)s - %(message)s');
 * f.format(record) // '2026-11-21 14:09:37,370 - INFO - RT.worker - started'
 */
export class Formatter {
  readonly fmt: string;
  readonly datefmt: string | undefined;
  readonly style: FormatStyle;
  readonly defaults: Readonly<Record<string, unknown>> | undefined;
  utc: boolean;
  #render: RenderRecord;
  #usesTime: boolean;

  constructor(fmt?: string, datefmt?: string, style: FormatStyle = '%', validate = true, options: FormatterOptions = {}) {
    if (style !== '%' && style !== '{' && style !== '$') {
      throw new ValueErrorLike('Style must be one of: %,{,$');
    }
    // Python's `fmt or default`: an empty layout means the default one, and it is validated too.
    this.fmt = fmt === undefined || fmt === '' ? DEFAULT_FORMATS[style] : fmt;
    this.datefmt = datefmt;
    this.style = style;
    this.defaults = options.defaults;
    this.utc = options.utc ?? false;
    this.#render = compileStyle(this.fmt, style, validate);
    this.#usesTime = formatUsesTime(this.fmt, style);
    noteLayout(this.fmt, style);
  }

  /** Whether the layout reads `asctime` (Python's `usesTime`). */
  usesTime(): boolean {
    return this.#usesTime;
  }

  /**
   * Python's `Formatter.format`: sets `record.message` (and `asctime` when used), renders the
   * layout, then appends the exception block and stack info on their own lines.
   */
  format(record: LogRecord): string {
    record.message = record.getMessage();
    if (this.#usesTime) record.asctime = this.formatTime(record, this.datefmt);
    let s = this.formatMessage(record);
    // Python tests truthiness: a record from another process carries None (null) when empty.
    if (record.exc_info != null && !record.exc_text) {
      record.exc_text = this.formatException(record.exc_info);
    }
    if (typeof record.exc_text === 'string' && record.exc_text !== '') {
      if (!s.endsWith('\n')) s += '\n';
      s += record.exc_text;
    }
    if (typeof record.stack_info === 'string' && record.stack_info !== '') {
      if (!s.endsWith('\n')) s += '\n';
      s += this.formatStack(record.stack_info);
    }
    return s;
  }

  /** Render the layout alone, with `record.message` already set. */
  formatMessage(record: LogRecord): string {
    return this.#render(record, this.defaults);
  }

  /**
   * `2026-11-21 14:09:37,370` by default, else `strftime(datefmt)` of the record's time.
   * @example new Formatter('%(asctime)s', '%H:%M:%S').formatTime(record) // '14:09:37'
   */
  formatTime(record: LogRecord, datefmt?: string): string {
    // Python's `if datefmt:`, so an empty datefmt also means the default layout.
    if (datefmt === undefined || datefmt === '') return defaultAsctime(record.created, record.msecs, this.utc);
    // Python converts the whole seconds, so %S never rounds up into the next second.
    return strftime(datefmt, new Date(Math.floor(record.created) * 1000), this.utc);
  }

  /** The traceback block for an error and its cause chain. */
  formatException(error: Error): string {
    return formatExceptionText(error);
  }

  formatStack(stackInfo: string): string {
    return stackInfo;
  }
}
