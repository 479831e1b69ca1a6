import { describe, expect, it } from '@jest/globals';
import { Stamp, stampClock } from '../../lib/profiling/index.js';

describe('Stamp ordering', () => {
  it('orders by step first, even when the later step has the earlier time', () => {
    const early = new Stamp(100, 1, 'b');
    const late = new Stamp(200, 0, 'a');
    expect(late.lessThan(early)).toBe(true);
    expect(early.lessThan(late)).toBe(false);
  });

  it('breaks ties within a step by time', () => {
    expect(new Stamp(1, 3, 'x').lessThan(new Stamp(2, 3, 'y'))).toBe(true);
    expect(new Stamp(2, 3, 'x').lessThan(new Stamp(1, 3, 'y'))).toBe(false);
  });

  it('does not call equal step and time less, in either direction', () => {
    const a = new Stamp(5, 2, 'a');
    const b = new Stamp(5, 2, 'b');
    expect(a.lessThan(b)).toBe(false);
    expect(b.lessThan(a)).toBe(false);
    expect(Stamp.compare(a, b)).toBe(0);
  });

  it('sorts with Stamp.compare into step-then-time order', () => {
    const stamps = [new Stamp(3, 1, 'c'), new Stamp(9, 0, 'b'), new Stamp(1, 1, 'd'), new Stamp(2, 0, 'a')];
    expect(stamps.sort(Stamp.compare).map((s) => s.identifier)).toEqual(['a', 'b', 'd', 'c']);
  });
});

describe('Stamp values', () => {
  it('is equal only when time, step and identifier all match', () => {
    const a = new Stamp(1.5, 0, 'go');
    expect(a.equals(new Stamp(1.5, 0, 'go'))).toBe(true);
    expect(a.equals(new Stamp(1.5, 0, 'stop'))).toBe(false);
    expect(a.equals(new Stamp(1.5, 1, 'go'))).toBe(false);
    expect(a.equals(new Stamp(1.6, 0, 'go'))).toBe(false);
  });

  it('encodes to the plain { time, step, identifier } object, also through JSON.stringify', () => {
    const stamp = new Stamp(1764000000.25, 4, 'chunk-A embedded');
    expect(stamp.encode()).toEqual({ time: 1764000000.25, step: 4, identifier: 'chunk-A embedded' });
    expect(JSON.parse(JSON.stringify(stamp))).toEqual(stamp.encode());
    expect(String(stamp)).toBe("Stamp(time=1764000000.25, step=4, identifier='chunk-A embedded')");
  });
});

describe('Stamp as upstream\'s dataclass', () => {
  it('quotes the identifier in its text form as Python\'s repr does', () => {
    expect(String(new Stamp(1, 0, "it's"))).toBe(`Stamp(time=1, step=0, identifier="it's")`);
    expect(String(new Stamp(1.5, 2, 'tab\tnl\n'))).toBe("Stamp(time=1.5, step=2, identifier='tab\\tnl\\n')");
  });

  it('is never equal to a subclass or a plain object, and equal stamps share a hashKey', () => {
    class Sub extends Stamp {}
    const a = new Stamp(1, 1, 'x');
    expect(a.equals(new Sub(1, 1, 'x'))).toBe(false);
    expect(a.equals({ time: 1, step: 1, identifier: 'x' })).toBe(false);
    expect(new Set([a, new Stamp(1, 1, 'x'), new Stamp(1, 1, 'y')].map((s) => s.hashKey())).size).toBe(2);
    expect(new Stamp(-0, 0, 'x').hashKey()).toBe(new Stamp(0, 0, 'x').hashKey());
  });
});

describe('stampClock', () => {
  it('reads epoch seconds close to Date.now()', () => {
    expect(Math.abs(stampClock() - Date.now() / 1000)).toBeLessThan(5);
  });

  it('never goes backwards and resolves below a millisecond', () => {
    let previous = stampClock();
    const distinct = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      const now = stampClock();
      expect(now).toBeGreaterThanOrEqual(previous);
      distinct.add(Math.round(now * 1e6));
      previous = now;
    }
    // Sub-millisecond readings exist: some two successive distinct readings are less than
    // 1000 µs apart. (Comparing with the first reading alone failed whenever the thread was
    // descheduled for over a millisecond right after it, as on a loaded machine under Node 24.)
    const readings = [...distinct];
    expect(readings.some((us, i) => i > 0 && us - readings[i - 1]! < 1000)).toBe(true);
  });
});
