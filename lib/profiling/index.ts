/**
 * `railtracks-observability/profiling`: stamps, stamp managers (one thread or shared across
 * worker threads), their Python-compatible data, and timelines. Imports nothing of logging;
 * `instrument`/`timed`, which join the two, are in the root entry.
 */
export { Stamp, stampClock } from './stamp.js';
export type { EncodedStamp } from './stamp.js';
export { StampManager } from './stamp-manager.js';
export type { StampCreator, StepLogs } from './stamp-manager.js';
export { StampDataError, validateStampManagerJSON } from './stamp-codec.js';
export type { StampManagerJSON } from './stamp-codec.js';
export { serializedStampChunks, stampJSONChunks } from './stamp-export.js';
export { toChromeTrace } from './chrome-trace.js';
export type { ChromeTrace, ChromeTraceOptions, TraceEvent, TracePhase } from './chrome-trace.js';
export { toHtmlTimeline } from './html-timeline.js';
export type { HtmlTimelineOptions } from './html-timeline.js';
export { buildTimeline, parseCallStamp } from './timeline-model.js';
export type { CallOutcome, StampSource, Timeline, TimelineLane, TimelineSlice } from './timeline-model.js';
export { SharedStampManager } from './shared-stamp-manager.js';
export type { SharedStampHandle, SharedStampOptions } from './shared-stamp-manager.js';
