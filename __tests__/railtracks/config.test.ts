import { describe, expect, test } from '@jest/globals';
import { DEBUG, ExecutorConfig, INFO } from '../../lib/index.js';
import { parseLoggingSetting, LOGGING_SETTING_NAMES } from '../../lib/railtracks/logging-settings.js';

describe('ExecutorConfig', () => {
  test('has the Python defaults', () => {
    const cfg = new ExecutorConfig();
    expect(cfg.loggingSetting).toBe('REGULAR');
    expect(cfg.logFile).toBeNull();
    expect(cfg.logFileLevel).toBe(INFO);
    expect(cfg.nameStyle).toBe('full');
    expect(cfg.timeout).toBe(150);
    expect(cfg.endOnError).toBe(false);
    expect(cfg.runIdentifier).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(cfg.promptInjection).toBe(true);
    expect(cfg.saveState).toBe(true);
    expect(cfg.subscriber).toBeNull();
    expect(new ExecutorConfig().runIdentifier).not.toBe(cfg.runIdentifier);
  });

  test('accepts the Railtracks settings and the newer level names', () => {
    for (const setting of ['VERBOSE', 'REGULAR', 'QUIET', 'NONE', 'DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] as const) {
      expect(new ExecutorConfig({ loggingSetting: setting }).loggingSetting).toBe(setting);
    }
    expect(LOGGING_SETTING_NAMES).toHaveLength(9);
    expect(parseLoggingSetting(' verbose ')).toBe('VERBOSE');
  });

  test('an unknown setting is an error listing the allowed values', () => {
    expect(() => new ExecutorConfig({ loggingSetting: 'LOUD' as never })).toThrow(
      'Invalid ExecutorConfig loggingSetting "LOUD". Use one of: VERBOSE, REGULAR, QUIET, NONE, DEBUG, INFO, WARNING, ERROR, CRITICAL',
    );
  });

  test('bad option values name the option and what it takes', () => {
    expect(() => new ExecutorConfig({ timeout: -1 })).toThrow(/timeout must be a positive number/);
    expect(() => new ExecutorConfig({ endOnError: 'yes' as never })).toThrow(/endOnError must be true or false/);
    expect(() => new ExecutorConfig({ logFile: '' })).toThrow(/logFile must be a non-empty path or null/);
    expect(() => new ExecutorConfig({ logFileLevel: 'LOUD' })).toThrow(/logFileLevel: Unknown level/);
    expect(() => new ExecutorConfig({ nameStyle: 'tiny' as never })).toThrow(/nameStyle must be 'full' or 'short'/);
    expect(() => new ExecutorConfig({ logfile: 'x' } as never)).toThrow(/unknown option 'logfile'. Known options: loggingSetting, logFile/);
  });

  test('timeout may be null (no limit, as today\'s upstream), and a payloadCallback must be a function', () => {
    expect(new ExecutorConfig({ timeout: null }).timeout).toBeNull();
    expect(new ExecutorConfig().payloadCallback).toBeNull();
    const callback = (): void => undefined;
    expect(new ExecutorConfig({ payloadCallback: callback }).payloadCallback).toBe(callback);
    expect(() => new ExecutorConfig({ payloadCallback: 'x' as never })).toThrow(/payloadCallback must be a function or null/);
    expect(() => new ExecutorConfig({ timeout: 0 })).toThrow(/timeout must be a positive number of seconds or null/);
  });

  test('on purpose: with() keeps an option left undefined, the timeout included (upstream drops the timeout)', () => {
    const base = new ExecutorConfig({ timeout: 30 });
    expect(base.with({ timeout: undefined, endOnError: true }).timeout).toBe(30);
    expect(base.with({ timeout: null }).timeout).toBeNull();
    expect(new ExecutorConfig({ timeout: null }).with({}).timeout).toBeNull();
  });

  test('with() copies and overrides, leaving the original frozen and unchanged', () => {
    const base = new ExecutorConfig({ loggingSetting: 'QUIET', logFileLevel: 'DEBUG' });
    const changed = base.with({ loggingSetting: 'VERBOSE' });
    expect(changed.loggingSetting).toBe('VERBOSE');
    expect(changed.logFileLevel).toBe(DEBUG);
    expect(changed.runIdentifier).toBe(base.runIdentifier);
    expect(base.loggingSetting).toBe('QUIET');
    expect(Object.isFrozen(base)).toBe(true);
  });
});
