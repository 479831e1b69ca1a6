import { describe, expect, test } from '@jest/globals';
import {
  addLevelName, addRecordEnricher, Handler, type LogRecord, captureCallSites, ExecutorConfig, getLevelName, getLogger, setClock, setRaiseExceptions, withSession,
} from '../../lib/index.js';
import { setErrorSink } from '../../lib/core/logging-errors.js';
import { callSitesWanted } from '../../lib/core/call-site.js';
import { scopeFloor } from '../../lib/core/scope.js';
import { enrichersInstalled } from '../../lib/core/record-enrichers.js';
import { MemoryHandler, resetLogging, useFixedClock } from '../../lib/testing/index.js';
import { captureStderr } from '../support/capture.js';

describe('resetLogging', () => {
  test('puts every piece of global state back as just imported', async () => {
    addLevelName(25, 'NOTICE');
    setClock(() => 0);
    setRaiseExceptions(false);
    const sunk: string[] = [];
    setErrorSink((text) => sunk.push(text));
    captureCallSites(true);
    addRecordEnricher(() => {});
    let release!: () => void;
    const session = withSession(new ExecutorConfig({ loggingSetting: 'VERBOSE' }), () => new Promise<void>((r) => (release = r)));
    expect(scopeFloor).toBe(10);
    const log = getLogger('reset.me');
    log.setLevel('DEBUG');
    log.addHandler(new MemoryHandler());

    await resetLogging();

    expect(getLevelName(25)).toBe('Level 25');
    expect(callSitesWanted()).toBe(false);
    expect(enrichersInstalled).toBe(false);
    expect(scopeFloor).toBe(Infinity);
    expect([log.level, log.handlers.length]).toEqual([0, 0]);
    const before = Date.now();
    const memory = new MemoryHandler();
    getLogger('reset.after').addHandler(memory);
    getLogger('reset.after').warning('fine');
    expect(memory.records[0]!.created * 1000).toBeGreaterThanOrEqual(before); // the real clock
    // raiseExceptions on and the error sink back on stderr: a formatting error is reported there.
    const plain = new (class extends Handler {
      emit(record: LogRecord): void {
        this.format(record);
      }
    })();
    getLogger('reset.report').addHandler(plain);
    const stderr = await captureStderr(() => getLogger('reset.report').warning('%d', 'x'));
    expect(stderr).toContain('--- Logging error ---');
    expect(sunk).toEqual([]);
    release();
    await session;
  });

  test('useFixedClock pins record times and moves by hand', () => {
    const clock = useFixedClock(Date.UTC(2026, 10, 21, 14, 9, 37, 370));
    const memory = new MemoryHandler();
    getLogger('clock').addHandler(memory);
    getLogger('clock').warning('a');
    clock.advance(1500);
    getLogger('clock').warning('b');
    expect(memory.records.map((r) => r.created)).toEqual([1795270177.37, 1795270178.87]);
    return resetLogging();
  });
});
