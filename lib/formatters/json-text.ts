// The two small text helpers every JSON writer here needs: a string literal and an error's message.

// Characters JSON requires escaped, plus surrogates (a lone one must become `\udXXX`).
const NEEDS_ESCAPE = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * A JSON string literal for `s`, escaping only when needed (most log text needs nothing).
 * @example jsonString('say "hi"') // '"say \\"hi\\""'
 */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/**
 * The message of anything thrown, never throwing itself.
 * @example describeThrown(new Error('disk full')) // 'disk full'
 */
export function describeThrown(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
    return String(error);
  } catch {
    return 'unprintable error';
  }
}
