// The data every contender logs, defined once. The driver also writes these to a JSON file so
// the Python contenders log exactly the same values.

/** The three structured fields of the `object` workload. */
export const OBJECT_FIELDS = Object.freeze({ userId: 42, event: 'login', ok: true });

/** The fields bound once to a child logger in the `child` workload. */
export const BOUND_FIELDS = Object.freeze({ requestId: 'r-17', service: 'coordinator' });

/** The Railtracks console message: what an agent run prints most. */
export const CONSOLE_MESSAGE = 'Coordinator CREATED Chunker';

/**
 * A nested object of about 3 KB of JSON, shaped like an agent's request state: a few levels of
 * objects and arrays, strings that need no escaping and some that do, numbers and booleans.
 * Deterministic, so every run and every language serialises the same bytes.
 */
export function buildDeepObject() {
  const tools = [];
  for (let i = 0; i < 12; i++) {
    tools.push({
      name: `tool_${i}`,
      description: `Looks up record ${i} in the "catalogue" and returns its fields`,
      parameters: { id: { type: 'integer', required: true }, verbose: { type: 'boolean', required: false } },
      calls: [i, i * 2, i * 3],
    });
  }
  return {
    session: { id: '3f0c2a1e-7b9d-4c1e-9a55-0d2f6e8b1c44', runId: 'run-0007', started: 1764000000.125 },
    request: {
      parent: 'Coordinator',
      child: 'Chunker',
      args: ['doc.txt', 4096, true],
      kwargs: { overlap: 128, strategy: 'sentence', language: 'en' },
    },
    history: [
      { role: 'system', content: 'You split documents into chunks.\nKeep sentences whole.' },
      { role: 'user', content: 'Split doc.txt into chunks of at most 4096 characters.' },
      { role: 'assistant', content: 'Calling tool_2 with {"id": 2}' },
    ],
    tools,
    metrics: { tokensIn: 1834, tokensOut: 211, latencyMs: 812.5, retries: 0, cached: false },
  };
}

export const DEEP_OBJECT = buildDeepObject();
