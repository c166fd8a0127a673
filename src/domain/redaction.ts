/**
 * What is left of a record once its personal data is gone. Free text and contact details become
 * REDACTED; ids, codes, dates, numbers and flags stay, so the management figures, the procedure's history
 * (stages, outcomes, dates, remedies' types and amounts) and every link between records survive.
 *
 * For structured values (audit payloads, the ombudsman decision) the rule is an allowlist: a string is kept
 * only under a key known to hold a code, an id or a date, or when it is a date itself; anything else — a
 * field added later included — is redacted. Forgetting a key errs towards removing too much, never too little.
 */

export const REDACTED = '[redacted]';

/** Keys whose string values are codes, ids, references or dates: never personal data. */
const KEPT_KEYS = new Set([
  'type',
  'id',
  'complaintId',
  'customerId',
  'fromCustomerId',
  'intoCustomerId',
  'mergedCustomerId',
  'reference',
  'references',
  'complaints',
  'customerType',
  'channel',
  'category',
  'stage',
  'stageReached',
  'phase',
  'outcome',
  'trigger',
  'direction',
  'kind',
  'source',
  'code',
  'rootCause',
  'closureReason',
  'ownerId',
  'handlerId',
  'by',
  'completedBy',
  'proposedBy',
  'recordedBy',
  'letterId',
  'documentId',
  'emailId',
  'jobId',
  'templateId',
  'attemptNumber',
  'schemeCaseReference',
  'status',
  'delivery',
  'filenameKind',
  'sha256',
  'hash',
]);

const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z)?$/;

/** `value` with every string that could be personal data replaced by REDACTED (see the module comment). */
export function redactValue(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    if (value === '' || DATE.test(value) || (key !== undefined && KEPT_KEYS.has(key))) return value;
    return REDACTED;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactValue(v, k)]));
  }
  return value;
}
