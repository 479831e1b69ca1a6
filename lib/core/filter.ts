import type { LogRecord } from './record.js';

/** A filter's verdict: drop (`false`), keep (`true`), or keep this replacement record. */
export type FilterResult = boolean | LogRecord;

/** A filter is an object with `filter(record)` or a plain function, as in Python. */
export type FilterLike = { filter(record: LogRecord): FilterResult } | ((record: LogRecord) => FilterResult);

/**
 * Python's name filter: passes records from the named logger and its descendants.
 * `new Filter('RT.a')` passes `RT.a` and `RT.a.b`, not `RT.ab`. An empty name passes everything.
 * @example handler.addFilter(new Filter('RT.worker'));
 */
export class Filter {
  readonly name: string;
  constructor(name = '') {
    this.name = name;
  }

  filter(record: LogRecord): boolean {
    const name = this.name;
    if (name.length === 0 || record.name === name) return true;
    return record.name.startsWith(name) && record.name.charCodeAt(name.length) === 46; // '.'
  }
}

/**
 * What Logger and Handler share: a list of filters applied in order. A filter may return a
 * replacement record (Python 3.12 semantics); the replacement is what later filters and
 * handlers see.
 */
export class Filterer {
  filters: FilterLike[] = [];

  /** @example logger.addFilter((r) => !String(r.msg).includes('heartbeat')); */
  addFilter(filter: FilterLike): void {
    if (!this.filters.includes(filter)) this.filters.push(filter);
  }

  removeFilter(filter: FilterLike): void {
    const at = this.filters.indexOf(filter);
    if (at >= 0) this.filters.splice(at, 1);
  }

  /**
   * Run the filters: `false` if one drops the record, otherwise the (possibly replaced) record.
   * A throwing filter propagates; the caller (Logger or Handler) decides where errors surface.
   */
  applyFilters(record: LogRecord): LogRecord | false {
    const filters = this.filters;
    let current = record;
    for (let i = 0; i < filters.length; i++) {
      const f = filters[i]!;
      const verdict = typeof f === 'function' ? f(current) : f.filter(current);
      if (verdict === false || verdict === null || verdict === undefined) return false;
      if (verdict !== true && typeof verdict === 'object') current = verdict;
    }
    return current;
  }
}
