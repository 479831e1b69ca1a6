import { StructuredMessage } from '../core/structured-message.js';
import { pyStr } from '../python/repr.js';

/** The request-lifecycle actions Railtracks logs, by their keyword. */
export type ActionKind = 'CREATED' | 'DONE' | 'FAILED';

/**
 * A request-lifecycle event that renders itself as a log message. Pass one straight to a log
 * method: the message is `toLoggingMsg()` and the action stays on `record.action` so structured
 * handlers (JSON lines, collectors) keep its fields.
 * @example getRtLogger().info(new RequestSuccessAction('Chunker', ['a', 'b'])) // "Chunker DONE"
 */
export abstract class RTAction extends StructuredMessage {
  abstract readonly kind: ActionKind;
}

/**
 * A parent node created a request to a child node: `"Coordinator CREATED Chunker"`.
 * @example new RequestCreationAction('Coordinator', 'Chunker', ['doc.txt'], {}).toLoggingMsg()
 */
export class RequestCreationAction extends RTAction {
  readonly kind = 'CREATED' as const;
  constructor(
    readonly parentNodeName: string,
    readonly childNodeName: string,
    readonly inputArgs: readonly unknown[] = [],
    readonly inputKwargs: Readonly<Record<string, unknown>> = {},
  ) {
    super();
  }

  toLoggingMsg(): string {
    return `${this.parentNodeName} CREATED ${this.childNodeName}`;
  }

  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      parentNodeName: this.parentNodeName,
      childNodeName: this.childNodeName,
      inputArgs: this.inputArgs,
      inputKwargs: this.inputKwargs,
    };
  }
}

/**
 * A node finished and returned `output`: `"Chunker DONE"`.
 * @example new RequestSuccessAction('Chunker', ['chunk-1']).toLoggingMsg() // 'Chunker DONE'
 */
export class RequestSuccessAction extends RTAction {
  readonly kind = 'DONE' as const;
  constructor(
    readonly nodeName: string,
    readonly output?: unknown,
  ) {
    super();
  }

  toLoggingMsg(): string {
    return `${this.nodeName} DONE`;
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, nodeName: this.nodeName, output: this.output };
  }
}

/**
 * A node failed with `exception`: `"Embedder FAILED"`. Logged through `logger.exception`, the
 * action's error becomes the record's exception and is rendered as a traceback block.
 * @example getRtLogger().exception(new RequestFailureAction('Embedder', err))
 */
export class RequestFailureAction extends RTAction {
  readonly kind = 'FAILED' as const;
  constructor(
    readonly nodeName: string,
    readonly exception: unknown,
  ) {
    super();
  }

  toLoggingMsg(): string {
    return `${this.nodeName} FAILED`;
  }

  toJSON(): Record<string, unknown> {
    const e = this.exception;
    const error = e instanceof Error ? { name: e.name, message: e.message } : pyStr(e);
    return { kind: this.kind, nodeName: this.nodeName, exception: error };
  }
}

/**
 * Python's `arg_kwarg_logging_str`: positional then keyword arguments with `str()` rendering.
 * The `"(, )"` for no arguments at all is the Python original's output, kept for parity.
 * @example argKwargLoggingStr([1, 'a', null], { k: [1, 2] }) // '(1, a, None, k=[1, 2])'
 */
export function argKwargLoggingStr(args: readonly unknown[], kwargs: Readonly<Record<string, unknown>>): string {
  const positional = args.map((a) => pyStr(a)).join(', ');
  const keywords = Object.keys(kwargs)
    .map((k) => `${k}=${pyStr(kwargs[k])}`)
    .join(', ');
  return `(${positional}, ${keywords})`;
}
