/**
 * Buffered writers register here so their data is written synchronously when the process
 * ends: on `process.exit()`, on the natural end of the event loop, and after an uncaught
 * exception (Node emits 'exit' in each case). One listener serves every writer.
 */
export interface SyncFlushable {
  flushSync(): void;
}

const writers = new Set<SyncFlushable>();
let installed = false;

function flushAll(): void {
  for (const writer of writers) {
    try {
      writer.flushSync();
    } catch {
      // The process is ending; a writer that cannot write now has nowhere to report to.
    }
  }
}

/** @internal */
export function registerExitFlush(writer: SyncFlushable): void {
  writers.add(writer);
  if (!installed) {
    installed = true;
    process.on('exit', flushAll);
  }
}

/** @internal */
export function unregisterExitFlush(writer: SyncFlushable): void {
  writers.delete(writer);
}
