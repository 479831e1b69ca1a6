import type { TextStream } from '../core/stream-handler.js';

/** chalk's colour levels: none, 16 colours, 256 colours, truecolor. */
export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * How many colours `stream` takes: the one decision behind the console handler and `rtlog`.
 * In order, the first rule that applies wins:
 * 1. a non-empty `NO_COLOR` turns colour off (an empty one is ignored, as no-color.org says);
 * 2. `FORCE_COLOR=0` or `false` turns it off;
 * 3. `FORCE_COLOR=1`, `2` or `3` turns it on at that level (`true` or empty: level 1);
 * 4. `TERM=dumb` turns it off;
 * 5. otherwise colour is on when the stream is a terminal, at the depth the terminal reports.
 * chalk's own detection is not used: it ignores `NO_COLOR`.
 * @example colourLevelFor(process.stderr) // 0 under NO_COLOR=1, even on a terminal
 */
export function colourLevelFor(stream: TextStream | undefined, env: NodeJS.ProcessEnv = process.env): ColourLevel {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR;
  if (forced === '0' || forced === 'false') return 0;
  if (forced === '' || forced === 'true' || forced === '1') return 1;
  if (forced === '2') return 2;
  if (forced === '3') return 3;
  if (env.TERM === 'dumb') return 0;
  if (stream?.isTTY !== true) return 0;
  return depthLevel(stream, env);
}

/** A terminal's colour depth as a chalk level; 16 colours when it cannot say. */
function depthLevel(stream: TextStream, env: NodeJS.ProcessEnv): ColourLevel {
  const tty = stream as { getColorDepth?: (env?: object) => number };
  // Asked with TERM and COLORTERM only, so that NO_COLOR/FORCE_COLOR (decided above) do not count twice.
  const depth = typeof tty.getColorDepth === 'function'
    ? tty.getColorDepth({ TERM: env.TERM, COLORTERM: env.COLORTERM })
    : 4;
  return depth >= 24 ? 3 : depth >= 8 ? 2 : 1;
}
