/**
 * `GET /api/timeline?file=`: a saved StampManager JSON as the timeline model (`format=json`, the
 * default) or as the standalone HTML timeline (`format=html`), the same page `toHtml()` writes.
 */
import { open } from 'node:fs/promises';
import { StampManager } from '../profiling/stamp-manager.js';
import { buildTimeline, type Timeline } from '../profiling/timeline-model.js';
import { toHtmlTimeline } from '../profiling/html-timeline.js';

/** A stamp file is read whole; one larger than this is refused rather than loaded. */
export const MAX_STAMP_FILE_BYTES = 64 * 1024 * 1024;

/** The file is not a stamp JSON the timeline can draw (answered 422 with the reason). */
export class NotAStampFileError extends Error {}

/**
 * Load `path` as StampManager JSON; the error says what is wrong and how to make a good file.
 * @example const { timeline } = await loadTimeline('run.stamps.json');
 */
export async function loadTimeline(path: string, title: string): Promise<{ timeline: Timeline; html: () => string }> {
  const handle = await open(path, 'r');
  let text: string;
  try {
    const { size } = await handle.stat();
    if (size > MAX_STAMP_FILE_BYTES) throw new NotAStampFileError(`the stamp file is ${size} bytes; the viewer draws files up to ${MAX_STAMP_FILE_BYTES} bytes`);
    text = await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
  let manager: StampManager;
  try {
    manager = StampManager.fromJSON(JSON.parse(text));
  } catch (err) {
    throw new NotAStampFileError(`not a saved StampManager (write one with JSON.stringify(stampManager)): ${(err as Error).message}`);
  }
  return { timeline: buildTimeline(manager), html: () => toHtmlTimeline(manager, { title }) };
}
