import { afterEach, expect, jest, test } from '@jest/globals';
import { ReconnectBackoff } from '../../lib/interop/reconnect-backoff.js';

afterEach(() => {
  jest.useRealTimers();
});

test('waits start, then doubles per failure up to max; reset and cancel do what they say', () => {
  jest.useFakeTimers();
  const backoff = new ReconnectBackoff(100, 350);
  const tries: number[] = [];
  const retry = () => tries.push(Date.now());
  const t0 = Date.now();
  for (const wait of [100, 200, 350, 350]) {
    backoff.schedule(retry);
    expect(backoff.pending).toBe(true);
    const before = tries.length;
    jest.advanceTimersByTime(wait - 1);
    expect(tries.length).toBe(before); // not yet
    jest.advanceTimersByTime(1);
    expect(tries.length).toBe(before + 1);
    expect(backoff.pending).toBe(false);
  }
  expect(tries.map((t) => t - t0)).toEqual([100, 300, 650, 1000]);
  backoff.reset();
  backoff.schedule(retry);
  backoff.cancel();
  jest.advanceTimersByTime(10_000);
  expect([tries.length, backoff.pending]).toEqual([4, false]);
  backoff.reset(); // connected again: the next failure waits start
  backoff.schedule(retry);
  jest.advanceTimersByTime(99);
  expect(tries).toHaveLength(4);
  jest.advanceTimersByTime(1);
  expect(tries).toHaveLength(5);
});
