/**
 * The context ids every record of the `RT` tree carries, named and filled as upstream
 * Railtracks' `RTContextLoggingAdapter` fills them: `None` (JS `null`) when there is no value,
 * so a format such as `[session=%(session_id)s run=%(run_id)s]` works on every record.
 * `withSession` fills `session_id` (a fresh UUID per session) and `run_id` (the config's
 * `runIdentifier`); the node, middleware and LLM ids have no counterpart here and stay null.
 */

/**
 * The field names, in upstream's order.
 * @example new Formatter(`%(message)s [${CONTEXT_FIELD_NAMES.map((n) => `%(${n})s`).join(' ')}]`)
 */
export const CONTEXT_FIELD_NAMES = [
  'session_id', 'run_id', 'node_id', 'middleware_id', 'middleware_type_id', 'llm_id', 'llm_type_id',
] as const;

/** One context field's name. @example const key: ContextFieldName = 'session_id'; */
export type ContextFieldName = (typeof CONTEXT_FIELD_NAMES)[number];

/** The context fields of a record. @example const f: ContextFields = NO_RUN_FIELDS; */
export type ContextFields = Readonly<Record<ContextFieldName, string | null>>;

/**
 * What a record carries outside every session: each id null.
 * @example NO_RUN_FIELDS.session_id // null
 */
export const NO_RUN_FIELDS: ContextFields = Object.freeze(
  Object.fromEntries(CONTEXT_FIELD_NAMES.map((name) => [name, null])) as Record<ContextFieldName, null>,
);

/**
 * The fields of one session's records.
 * @example sessionFields('3f0c…', 'run-7').node_id // null
 */
export function sessionFields(sessionId: string, runId: string): ContextFields {
  return Object.freeze({ ...NO_RUN_FIELDS, session_id: sessionId, run_id: runId });
}
