/**
 * Syslog's PRI value, as Python's `SysLogHandler` computes it: `facility << 3 | severity`, the
 * severity found from the record's level name (`priority_map`), unknown levels as `warning`.
 */

/** Facility codes by name (`SysLogHandler.facility_names`). */
export const SYSLOG_FACILITIES: Readonly<Record<string, number>> = {
  kern: 0, user: 1, mail: 2, daemon: 3, auth: 4, syslog: 5, lpr: 6, news: 7, uucp: 8, cron: 9,
  authpriv: 10, ftp: 11, ntp: 12, security: 13, console: 14, 'solaris-cron': 15,
  local0: 16, local1: 17, local2: 18, local3: 19, local4: 20, local5: 21, local6: 22, local7: 23,
};

/** Severity codes by name (`SysLogHandler.priority_names`, aliases included). */
export const SYSLOG_SEVERITIES: Readonly<Record<string, number>> = {
  emerg: 0, panic: 0, alert: 1, crit: 2, critical: 2, err: 3, error: 3,
  warning: 4, warn: 4, notice: 5, info: 6, debug: 7,
};

/** Our level names → syslog severity names (`SysLogHandler.priority_map`). */
const LEVEL_TO_SEVERITY: Readonly<Record<string, string>> = {
  DEBUG: 'debug', INFO: 'info', WARNING: 'warning', ERROR: 'error', CRITICAL: 'critical',
};

/** A facility given as a name (`'local0'`) or a code (`16`). */
export type SyslogFacility = number | keyof typeof SYSLOG_FACILITIES;

/**
 * The facility code for a name or number; a bad value names the accepted ones.
 * @example facilityCode('local0') // 16
 */
export function facilityCode(facility: SyslogFacility): number {
  if (typeof facility === 'number') {
    if (Number.isInteger(facility) && facility >= 0 && facility <= 23) return facility;
    throw new RangeError(`syslog facility ${facility} is out of range; use 0..23 or a name such as 'user' or 'local0'`);
  }
  const code = SYSLOG_FACILITIES[facility];
  if (code === undefined) throw new RangeError(`unknown syslog facility '${facility}'; known: ${Object.keys(SYSLOG_FACILITIES).join(', ')}`);
  return code;
}

/**
 * Python's `mapPriority` then `encodePriority`: the PRI number for a record's level name.
 * @example syslogPriority(1, 'ERROR') // 11
 */
export function syslogPriority(facility: number, levelName: string): number {
  const severity = SYSLOG_SEVERITIES[LEVEL_TO_SEVERITY[levelName] ?? 'warning']!;
  return (facility << 3) | severity;
}
