import { afterEach, describe, expect, test } from '@jest/globals';
import { INFO, NOTSET, WARNING, disable, getLogger, getRtLogger, manager } from '../../lib/index.js';
import { resetLogging } from '../../lib/testing/index.js';

afterEach(() => resetLogging());

describe('the logger registry', () => {
  test('returns the same logger for the same dotted name', () => {
    expect(getLogger('RT.same')).toBe(getLogger('RT.same'));
    expect(getRtLogger('same')).toBe(getLogger('RT.same'));
    expect(getRtLogger()).toBe(getLogger('RT'));
  });

  test('the root logger is named root, starts at WARNING, and is what the empty name returns', () => {
    expect(getLogger('')).toBe(manager.root);
    expect(getLogger().name).toBe('root');
    expect(manager.root.level).toBe(WARNING);
  });

  test('links a child to its nearest existing ancestor', () => {
    const rt = getLogger('RT');
    expect(getLogger('RT.parent.child').parent).toBe(rt);
    expect(rt.parent).toBe(manager.root);
  });

  test('a logger asked for before its parent is re-linked when the parent appears', () => {
    const deep = getLogger('tree1.a.b.c');
    expect(deep.parent).toBe(manager.root);
    const mid = getLogger('tree1.a.b');
    expect(deep.parent).toBe(mid);
    expect(mid.parent).toBe(manager.root);
    const top = getLogger('tree1.a');
    expect(mid.parent).toBe(top);
    expect(deep.parent).toBe(mid);
  });

  test('a new intermediate logger keeps a closer ancestor already linked below it', () => {
    const leaf = getLogger('tree2.x.y.z');
    const closer = getLogger('tree2.x.y');
    const farther = getLogger('tree2.x');
    expect(leaf.parent).toBe(closer);
    expect(closer.parent).toBe(farther);
  });

  test('a name that only shares a prefix is not a child', () => {
    getLogger('tree3.ab.c');
    const a = getLogger('tree3.a');
    expect(getLogger('tree3.ab.c').parent).not.toBe(a);
  });

  test('getChild builds the dotted name', () => {
    expect(getRtLogger().getChild('kid')).toBe(getRtLogger('kid'));
    expect(manager.root.getChild('top')).toBe(getLogger('top'));
  });

  test('disable() switches off every level at or below it, and disable(NOTSET) undoes it', () => {
    const log = getRtLogger('dis');
    log.setLevel('DEBUG');
    disable(INFO);
    expect(log.isEnabledFor(INFO)).toBe(false);
    expect(log.isEnabledFor(WARNING)).toBe(true);
    disable(NOTSET);
    expect(log.isEnabledFor(INFO)).toBe(true);
  });

  test('rejects a name that is not a string', () => {
    expect(() => getLogger(42 as unknown as string)).toThrow(/must be a string/);
  });
});
