/** python3's own `logging.handlers.SysLogHandler`, the oracle of the syslog suites. */
import { runPython } from './python.js';

/**
 * Runs python3, which logs `calls` ([level name, message]) through a SysLogHandler built with
 * `address` (Python source: a tuple or a quoted path), then closes it.
 * @example await pythonSysLog("('127.0.0.1', 514)", 'udp', 'user', [['INFO', 'hi']]);
 */
export function pythonSysLog(address: string, socktype: 'udp' | 'tcp', facility: string, calls: Array<[string, string]>, ident = ''): Promise<string> {
  return runPython(String.raw`
import logging, logging.handlers, socket, json
h = logging.handlers.SysLogHandler(address=${address}, facility=${JSON.stringify(facility)},
    socktype=${socktype === 'tcp' ? 'socket.SOCK_STREAM' : 'socket.SOCK_DGRAM'})
h.ident = ${JSON.stringify(ident)}
log = logging.getLogger('py.side')
log.propagate = False
log.setLevel(logging.DEBUG)
log.addHandler(h)
for level, msg in json.loads(${JSON.stringify(JSON.stringify(calls))}):
    log.log(logging.getLevelName(level), msg)
h.close()
`);
}
