/**
 * A message object that renders its own text and keeps its fields on the record: pass one to a
 * log method and the line shows `toLoggingMsg()` while `record.action` keeps the object, so
 * structured outputs (JSON lines, collectors) can write `toJSON()`. The Railtracks layer's
 * request-lifecycle actions are built on it.
 * @example
 * class Deployed extends StructuredMessage {
 *   constructor(readonly service: string) { super(); }
 *   toLoggingMsg() { return `${this.service} DEPLOYED`; }
 *   toJSON() { return { service: this.service }; }
 * }
 * getLogger('ops').warning(new Deployed('api')); // "api DEPLOYED", record.action.service === 'api'
 */
export abstract class StructuredMessage {
  /** The one-line message this object stands for. */
  abstract toLoggingMsg(): string;
  /** The fields a structured formatter writes. */
  abstract toJSON(): Record<string, unknown>;
  /** An error this message carries; `logger.exception(msg)` uses it as the record's exception. */
  declare readonly exception?: unknown;

  toString(): string {
    return this.toLoggingMsg();
  }
}
