import { supportsColor, supportsColorStderr } from 'chalk';
import type { TextStream } from '../core/stream-handler.js';

/** chalk's colour levels: none, 16 colours, 256 colours, truecolor. */
export type ColourLevel = 0 | 1 | 2 | 3;

/**
 * How many colours a stream takes, by chalk's detection for stdout/stderr (which honours
 * `NO_COLOR`, `FORCE_COLOR`, `TERM` and CI variables). Other streams get colour only when
 * they are terminals or `FORCE_COLOR` asks for it, and never with `NO_COLOR` set.
 */
export function colourLevelFor(stream: TextStream | undefined): ColourLevel {
  if (stream === process.stderr) return supportsColorStderr ? supportsColorStderr.level : 0;
  if (stream === process.stdout) return supportsColor ? supportsColor.level : 0;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR;
  if (forced !== undefined) {
    if (forced === 'false' || forced === '0') return 0;
    const n = Number(forced);
    return (Number.isInteger(n) && n >= 1 && n <= 3 ? n : 1) as ColourLevel;
  }
  return stream?.isTTY === true ? 1 : 0;
}
