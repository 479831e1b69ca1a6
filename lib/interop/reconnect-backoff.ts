/**
 * When a stream handler tries its peer again: the first retry after `start` ms, each failure
 * doubling the wait up to `max` (Python's SocketHandler retryStart/retryFactor 2/retryMax), back
 * to `start` once connected. The timer never keeps the process alive. Shared by SocketHandler
 * and SysLogHandler's stream transport.
 */
export class ReconnectBackoff {
  #delay: number;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly start: number, readonly max: number) {
    this.#delay = start;
  }

  /** Whether a retry is waiting. */
  get pending(): boolean {
    return this.#timer !== undefined;
  }

  /** Run `retry` after the current wait, then double the wait (up to `max`). */
  schedule(retry: () => void): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      retry();
    }, this.#delay);
    this.#timer.unref();
    this.#delay = Math.min(this.#delay * 2, this.max);
  }

  /** Connected: the next failure waits `start` again. */
  reset(): void {
    this.#delay = this.start;
  }

  /** Forget a waiting retry (closing). */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
