/**
 * The traceback block printed after a message for a record's exception. Python prints the
 * innermost cause first, then "The above exception was the direct cause of the following
 * exception:", then the outer error; we keep that order so mixed logs read the same way.
 * Any property access may throw (hostile errors, Proxies), so every read is guarded.
 */

const CAUSE_SEPARATOR = '\n\nThe above exception was the direct cause of the following exception:\n\n';
const MAX_CHAIN = 16;

function read(target: unknown, key: string): unknown {
  try {
    return (target as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) {
    try {
      return `Thrown value: ${String(error)}`;
    } catch {
      return 'Thrown value: <unprintable>';
    }
  }
  const stack = read(error, 'stack');
  let text: string;
  if (typeof stack === 'string' && stack.length > 0) {
    text = stack;
  } else {
    text = `${String(read(error, 'name') ?? 'Error')}: ${String(read(error, 'message') ?? '')}`;
  }
  const nested = read(error, 'errors');
  if (Array.isArray(nested) && nested.length > 0) {
    text += nested.map((inner, i) => `\n  [errors[${i}]] ` + describe(inner).replace(/\n/g, '\n  ')).join('');
  }
  return text;
}

/**
 * Render an error and its `cause` chain as one block, innermost cause first.
 * @example formatExceptionText(new Error('outer', { cause: new Error('inner') }))
 */
export function formatExceptionText(error: unknown): string {
  const chain: unknown[] = [];
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current !== undefined && current !== null && !seen.has(current) && chain.length < MAX_CHAIN) {
    seen.add(current);
    chain.push(current);
    current = current instanceof Error ? read(current, 'cause') : undefined;
  }
  const blocks: string[] = [];
  for (let i = chain.length - 1; i >= 0; i--) blocks.push(describe(chain[i]));
  const text = blocks.join(CAUSE_SEPARATOR);
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}
