/**
 * The database as Kysely sees it. Column types are the stored representations, identical in both dialects:
 * instants are ISO-8601 UTC text, London dates `YYYY-MM-DD` text, booleans 0/1 (`SqlBool`), JSON text.
 * Repositories map rows to domain types; nothing outside `db/` should see these row shapes.
 */
import type { Generated } from 'kysely';

/** A boolean as stored: 0 or 1 (see values.ts). */
export type SqlBool = 0 | 1;
/** ISO-8601 UTC instant, e.g. `2026-04-08T09:30:00.000Z`. */
export type Instant = string;
/** London calendar date, `YYYY-MM-DD`. */
export type DateText = string;
/** JSON as text. */
export type JsonText = string;

export interface CustomersTable {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  type: string;
  /** JSON array of address lines (street, locality, town). */
  address_lines: JsonText;
  postcode: string | null;
  needs_large_print: SqlBool;
  needs_braille: SqlBool;
  needs_text_relay: SqlBool;
  preferred_channel: string | null;
  vulnerability_notes: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** Set when this record was merged into another: a tombstone pointing to the survivor. */
  merged_into_id: string | null;
  merged_at: Instant | null;
  /** The phone number's digits in UK national form, for finding duplicates by index. */
  phone_key: string | null;
  /** The postcode upper-cased without spaces, for finding duplicates by index. */
  postcode_key: string | null;
  /** The customer asked not to be contacted beyond what their complaint needs: no survey (0020). */
  contact_opt_out: Generated<SqlBool>;
  /** When the record's personal data was removed (retention purge or erasure, 0030). */
  anonymised_at: Instant | null;
}

export interface ComplaintsTable {
  id: string;
  reference: string;
  customer_id: string;
  channel: string;
  category: string;
  description: string;
  /** The customer's own words, when the description is staff's account (0007). */
  customer_words: string | null;
  desired_outcome: string | null;
  formal: SqlBool;
  first_expressed_at: Instant;
  received_at: Instant;
  acknowledge_by: DateText;
  stage: string;
  owner_id: string | null;
  version: number;
  /** Derived from first_expressed_at and the procedure; stored only so lists can filter and sort by it. */
  adr_due_on: DateText;
  closure_reason: string | null;
  closed_at: Instant | null;
  /** A code of the procedure's root-cause tree (0020: free text before, kept in `lessons`). */
  root_cause: string | null;
  lessons: string | null;
  scheme_case_reference: string | null;
  referred_on: DateText | null;
  case_fee_pence: number | null;
  /** The ombudsman's decision (outcome, remedy, acceptance) as JSON. */
  referral_decision: JsonText | null;
  created_at: Instant;
  updated_at: Instant;
  /** The earliest agreed step not yet done while an attempt is being implemented; null otherwise (0014). */
  step_due_on: DateText | null;
  /** The date of the first ADR letter (0014). */
  adr_letter_on: DateText | null;
  /** `adr_due_on` while open, ADR-eligible and without an ADR letter: the clock's watch list (0014). */
  adr_watch_on: DateText | null;
  /** An email to the customer could not be delivered (0014). */
  email_failed: Generated<SqlBool>;
  /** When the retention purge or an erasure anonymised the complaint (0030). */
  purged_at: Instant | null;
}

export interface AttemptsTable {
  complaint_id: string;
  number: number;
  phase: string;
  opened_at: Instant;
  handler_id: string | null;
  review_findings: string | null;
  review_recorded_at: Instant | null;
  review_recorded_by: string | null;
  proposal_summary: string | null;
  proposed_at: Instant | null;
  proposed_by: string | null;
  response_outcome: string | null;
  response_note: string | null;
  response_recorded_at: Instant | null;
  follow_up_outcome: string | null;
  follow_up_note: string | null;
  follow_up_recorded_at: Instant | null;
  follow_up_due_on: DateText | null;
  outcome: string | null;
  ended_at: Instant | null;
  escalation_reason: string | null;
}

export interface StepsTable {
  id: string;
  complaint_id: string;
  attempt_number: number;
  position: number;
  description: string;
  owner_id: string | null;
  due_on: DateText;
  completed_at: Instant | null;
  completed_by: string | null;
  note: string | null;
}

export interface AdrLettersTable {
  id: string;
  complaint_id: string;
  trigger: string;
  issued_at: Instant;
  issued_on: DateText;
  window_ends_on: DateText;
}

export interface ContactsTable {
  id: string;
  complaint_id: string;
  channel: string;
  direction: string;
  summary: string;
  occurred_at: Instant;
  recorded_by: string | null;
  created_at: Instant;
  /** Whether the portal shows this contact's summary to the customer. */
  visible_to_customer: SqlBool;
}

export interface NotesTable {
  id: string;
  complaint_id: string;
  text: string;
  author_id: string | null;
  created_at: Instant;
}

export interface UsersTable {
  id: string;
  /** Always lower-cased (a CHECK enforces it), so the UNIQUE constraint is case-insensitive. */
  email: string;
  name: string;
  /** JSON array of roles. */
  roles: JsonText;
  password_hash: string | null;
  active: SqlBool;
  created_at: Instant;
  /** When the routing last gave this person a complaint (round-robin takes the longest-waiting first). */
  last_routed_at: Instant | null;
  /** The password was chosen by someone else (first start, an admin): it must be changed at sign-in. */
  must_change_password: SqlBool;
  /** The identity provider's `iss` and `sub` of someone who signs in with single sign-on (OIDC). */
  oidc_issuer: string | null;
  oidc_subject: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  /** sha256 hex of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: Instant;
  last_used_at: Instant | null;
  revoked_at: Instant | null;
  /** When it stops working; null: never (0029). */
  expires_at: Instant | null;
  /** `full`, `read` or `commands:a,b` (domain/token-scope.ts; 0029). */
  scope: string;
}

export interface SessionsTable {
  /** sha256 hex of the cookie's secret. */
  id: string;
  /** What the API calls the session ("end this session"): never its id, which is the secret's hash. */
  handle: string;
  user_id: string;
  created_at: Instant;
  /** The earlier of the idle end and the absolute end; moved on with `last_seen_at`. */
  expires_at: Instant;
  /** Updated at most once a minute (a read is not a write per request). */
  last_seen_at: Instant;
  user_agent: string | null;
  ip: string | null;
}

export interface EmailsTable {
  id: string;
  complaint_id: string | null;
  customer_id: string | null;
  direction: 'in' | 'out';
  kind: string;
  status: 'queued' | 'sent' | 'failed' | 'received' | 'ignored' | 'rejected';
  /** With its angle brackets, as in the header: `<01J…@redress.example>`. */
  message_id: string;
  in_reply_to: string | null;
  /** Message-IDs separated by spaces, oldest first. */
  references_header: string | null;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  attempts: number;
  last_error: string | null;
  note: string | null;
  size_bytes: number | null;
  created_at: Instant;
  sent_at: Instant | null;
  /** The letter this email carries, if any. */
  document_id: string | null;
}

export interface DocumentsTable {
  id: string;
  complaint_id: string;
  /** What the letter is for (`adr-letter:<id>`, `job:<id>`): a retried job finds the letter it made. */
  source_key: string;
  kind: string;
  title: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  /** Names the bytes in the document store. */
  sha256: string;
  /** Empty: the bytes are in the document store (0016). Rows from before hold them until moved out. */
  content: Buffer;
  text_content: string;
  large_print: SqlBool;
  pages: number;
  issued_on: DateText;
  delivery: 'email' | 'post';
  print_status: 'queued' | 'posted' | null;
  posted_at: Instant | null;
  posted_by: string | null;
  created_at: Instant;
}

export interface EmailAttachmentsTable {
  id: string;
  email_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  /** Names the bytes in the document store. */
  sha256: string;
  /** Empty: the bytes are in the document store (0016). Rows from before hold them until moved out. */
  content: Buffer;
  created_at: Instant;
}

/** A file the customer uploaded in the portal. */
export interface UploadsTable {
  id: string;
  complaint_id: string;
  customer_id: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  /** Names the bytes in the document store. */
  sha256: string;
  /** Empty: the bytes are in the document store (0016). Rows from before hold them until moved out. */
  content: Buffer;
  created_at: Instant;
  /** The member of staff who sent it to the customer with a reply; null: the customer uploaded it (0011). */
  sent_by: string | null;
}

export interface PortalLinksTable {
  /** sha256 hex of the link's token. */
  id: string;
  customer_id: string;
  complaint_id: string;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface PortalSessionsTable {
  /** sha256 hex of the cookie's secret. */
  id: string;
  customer_id: string;
  created_at: Instant;
  expires_at: Instant;
}

/**
 * Which customers each event of the system chain names (since 0036): erasure, subject access and the
 * retention purge find a customer's rows of that chain here instead of reading every payload.
 */
export interface AuditCustomerEventsTable {
  customer_id: string;
  /** The event's `audit_events.seq`. */
  seq: number;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  complaint_id: string | null;
  type: string;
  actor: string | null;
  at: Instant;
  /** Canonical JSON (see canonical-json.ts). */
  payload: JsonText;
  prev_hash: string;
  hash: string;
  /** Position in its chain; null for legacy rows (before 0015). */
  chain_seq: number | null;
  /**
   * The chain the row was put on by name (`user:<id>`, a member of staff's sessions; since 0034); null: the
   * chain of `complaint_id`, or the system chain when that is null.
   */
  chain_id: Generated<string | null>;
  /** The fingerprint of the audit key whose HMAC `hash` is; null: plain sha256 (rows before 0027). */
  key_id: Generated<string | null>;
}

/** One row per audit chain: its head, and how much of it the last anchor covered (see db/audit.ts). */
export interface AuditChainsTable {
  /** A complaint id, `system` or `legacy`. */
  chain_id: string;
  length: number;
  head_hash: string;
  anchored_length: Generated<number>;
}

/** Periodic anchors of the audit chains, each chained to the one before (see db/audit-anchors.ts). */
export interface AuditAnchorsTable {
  seq: number;
  at: Instant;
  chains: number;
  heads_hash: string;
  prev_hash: string;
  hash: string;
  /** The fingerprint of the audit key whose HMAC `hash` is; null: plain sha256 (anchors before 0027). */
  key_id: Generated<string | null>;
}

/** Signed checkpoints of the anchors' head, also kept outside the database (see app/checkpoint-audit-trail.ts). */
export interface AuditCheckpointsTable {
  seq: number;
  at: Instant;
  anchor_seq: number;
  anchor_hash: string;
  /** The audit key the writing process hashed with (so a checkpoint marks a key's switch). */
  audit_key_id: string | null;
  /** The fingerprint of the Ed25519 key that signed it. */
  signing_key_id: string;
  prev_hash: string;
  hash: string;
  /** Ed25519 signature of `hash`, base64. */
  signature: string;
}

/** The chain heads an anchor recorded: the chains changed since the anchor before. */
export interface AuditAnchorHeadsTable {
  anchor_seq: number;
  chain_id: string;
  length: number;
  hash: string;
}

export interface IdempotencyKeysTable {
  /** Whose key it is (e.g. a user id): two callers may pick the same key without colliding. */
  scope: string;
  key: string;
  /** sha256 hex of the request, to refuse the same key reused for a different request. */
  request_hash: string;
  status: 'in-progress' | 'completed';
  /** The stored response's status code, once completed. */
  response_status: number | null;
  /** The stored response body as JSON, once completed. */
  response: JsonText | null;
  created_at: Instant;
}

export interface SequencesTable {
  name: string;
  value: number;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

export interface JobsTable {
  id: string;
  kind: string;
  payload: JsonText;
  run_at: Instant;
  attempts: number;
  max_attempts: number;
  lease_owner: string | null;
  lease_expires_at: Instant | null;
  last_error: string | null;
  status: JobStatus;
  dedupe_key: string | null;
  created_at: Instant;
  completed_at: Instant | null;
}

/** A running `redress serve` process, kept fresh while it runs (see migration 0018). */
/** Requests counted per limited endpoint and client in fixed windows, shared by every process (0029). */
export interface RateLimitHitsTable {
  /** When the window began. */
  window_start: Instant;
  /** The endpoint and the client (its address), e.g. `POST /api/v1/auth/login 203.0.113.9`. */
  key: string;
  count: number;
}

/** Failed password sign-ins in a row per email address, known or not (0029). */
export interface SignInFailuresTable {
  /** sha256 hex of the lower-cased email address. */
  email_hash: string;
  failures: number;
  last_failure_at: Instant;
  locked_until: Instant | null;
}

/** A member of staff's TOTP authenticator (0032); the secret sealed, never in the clear. */
export interface StaffSecondFactorsTable {
  user_id: string;
  /** AES-256-GCM of the base32 secret (app/sealed-secrets.ts). */
  sealed_secret: string;
  /** The audit key the sealing key was derived from (db/audit-hash.ts auditKeyId). */
  key_id: string;
  enrolled_at: Instant;
  /** Null while being set up: it is asked for only once a code has shown it works. */
  confirmed_at: Instant | null;
  /** The TOTP time step of the last code accepted; bigint on PostgreSQL. */
  last_step: number | string | null;
}

/** A single-use recovery code of a member of staff (0032), as its sha256. */
export interface StaffRecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: Instant;
  used_at: Instant | null;
}

/** A password sign-in waiting for its second step (0032): the sha256 of its ticket. */
export interface PendingSignInsTable {
  id: string;
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
  /** Second steps tried on this ticket (each claimed before its code is checked). */
  attempts: Generated<number>;
}

export interface ProcessHeartbeatsTable {
  id: string;
  /** all | web | worker | mail */
  role: string;
  host: string;
  pid: number;
  started_at: Instant;
  beat_at: Instant;
}

export interface TemplatesTable {
  id: string;
  name: string;
  /** reply | proposal */
  purpose: string;
  /** JSON array of stage names; empty: every stage. */
  stages: JsonText;
  subject: string | null;
  body: string;
  created_at: Instant;
  updated_at: Instant;
  archived_at: Instant | null;
}

/** A remedy offered in a proposal or ordered by an ombudsman decision (0020). */
export interface RemediesTable {
  id: string;
  complaint_id: string;
  source: 'proposal' | 'ombudsman';
  /** The attempt whose proposal offered it; null for the ombudsman's. */
  attempt_number: number | null;
  /** apology | explanation | practical-action | credit-refund | goodwill */
  type: string;
  /** Pence, VAT included, for credit-refund and goodwill; null for the others (a CHECK holds it). */
  amount_pence: number | null;
  recorded_at: Instant;
  /** When the customer agreed the proposal or accepted the decision. */
  accepted_at: Instant | null;
}

/** The one satisfaction survey of a closed complaint (0020). */
export interface SatisfactionSurveysTable {
  complaint_id: string;
  /** When the survey was put to the customer: at closure (the portal shows it; the email follows). */
  sent_at: Instant;
  answered_at: Instant | null;
  /** 1 (very dissatisfied) to 5 (very satisfied); set with answered_at, never changed after. */
  score: number | null;
  comment: string | null;
  /** The highest stage the complaint reached: initiation, attempt-1..3, deadlock. */
  stage_reached: string;
  /** sha256 hex of the emailed link's token; the token itself is only in the email. */
  token_hash: string | null;
  token_expires_at: Instant | null;
}

/** An item of the improvement log (migration 0022). */
export interface ImprovementsTable {
  id: string;
  /** `IMP-0042`. */
  reference: string;
  title: string;
  description: string;
  owner_id: string;
  due_on: DateText;
  /** open | in-progress | done | dropped */
  status: string;
  action_taken: string | null;
  root_cause: string | null;
  /** complaint | root-cause-trend | ombudsman-decision | other */
  source: string;
  source_complaint_id: string | null;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  closed_at: Instant | null;
}

/** The complaints an improvement item lists (migration 0022). */
export interface ImprovementComplaintsTable {
  improvement_id: string;
  complaint_id: string;
  linked_at: Instant;
  linked_by: string;
}

/** Where an imported complaint came from (0023): one row per source system and its id for the row. */
export interface ImportedComplaintsTable {
  source: string;
  external_id: string;
  complaint_id: string;
  /** The source's id for the customer, when the file gives one: rows with the same share one customer. */
  customer_key: string | null;
  customer_id: string;
  imported_at: Instant;
}

/**
 * One complaint's facts for the management figures (migration 0024, domain/insight.ts): its dimensions, its
 * current owner and its contributions, so a change can adjust `insight_totals` by the difference.
 */
export interface InsightFactsTable {
  complaint_id: string;
  customer_id: string;
  owner_id: string | null;
  received_on: DateText;
  root_cause: string | null;
  category: string;
  channel: string;
  customer_type: string;
  stage_reached: string;
  /** JSON array of contributions: `{ on, measure, value, n, amount }`. */
  contributions: JsonText;
}

/** Running totals of contributions per day, measure, value and dimensions (migration 0024). */
export interface InsightTotalsTable {
  measure: string;
  day: DateText;
  value: string;
  category: string;
  channel: string;
  customer_type: string;
  stage_reached: string;
  n: number;
  /** Pence (case fees); bigint on PostgreSQL. */
  amount: number | string;
}

/** Running totals of the owner measures (the survey) per day, owner and value (migration 0025). */
export interface InsightOwnerTotalsTable {
  measure: string;
  day: DateText;
  /** '' for complaints nobody owns. */
  owner_id: string;
  value: string;
  n: number;
  /** The sum of the scores, for answered surveys; bigint on PostgreSQL. */
  amount: number | string;
}

/**
 * The daily totals summed per week and per month, each with customer type and stage reached kept or summed
 * over ('*') (migration 0033, domain/insight.ts `rollupChanges`): what the dashboard reads for a range's whole
 * months and weeks.
 */
export interface InsightRollupsTable {
  measure: string;
  /** `week` or `month`. */
  span: string;
  /** A customer type, or '*' for all. */
  customer_type: string;
  /** A stage reached, or '*' for all. */
  stage_reached: string;
  /** The week's Monday (`YYYY-MM-DD`) or the month (`YYYY-MM`). */
  period: string;
  value: string;
  category: string;
  channel: string;
  n: number;
  /** bigint on PostgreSQL. */
  amount: number | string;
}

/** The daily totals of the complaints one person owns now (migration 0035). */
export interface InsightOwnerDailyTable extends InsightTotalsTable {
  owner_id: string;
}

/** The rollups of the complaints one person owns now (migration 0035). */
export interface InsightOwnerRollupsTable extends InsightRollupsTable {
  owner_id: string;
}

export interface Schema {
  customers: CustomersTable;
  complaints: ComplaintsTable;
  attempts: AttemptsTable;
  steps: StepsTable;
  adr_letters: AdrLettersTable;
  contacts: ContactsTable;
  notes: NotesTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  emails: EmailsTable;
  email_attachments: EmailAttachmentsTable;
  uploads: UploadsTable;
  documents: DocumentsTable;
  portal_links: PortalLinksTable;
  portal_sessions: PortalSessionsTable;
  audit_events: AuditEventsTable;
  audit_customer_events: AuditCustomerEventsTable;
  audit_chains: AuditChainsTable;
  audit_anchors: AuditAnchorsTable;
  audit_anchor_heads: AuditAnchorHeadsTable;
  audit_checkpoints: AuditCheckpointsTable;
  idempotency_keys: IdempotencyKeysTable;
  sequences: SequencesTable;
  jobs: JobsTable;
  templates: TemplatesTable;
  process_heartbeats: ProcessHeartbeatsTable;
  remedies: RemediesTable;
  satisfaction_surveys: SatisfactionSurveysTable;
  improvements: ImprovementsTable;
  improvement_complaints: ImprovementComplaintsTable;
  imported_complaints: ImportedComplaintsTable;
  insight_facts: InsightFactsTable;
  insight_totals: InsightTotalsTable;
  insight_owner_totals: InsightOwnerTotalsTable;
  insight_rollups: InsightRollupsTable;
  insight_owner_daily: InsightOwnerDailyTable;
  insight_owner_rollups: InsightOwnerRollupsTable;
  rate_limit_hits: RateLimitHitsTable;
  sign_in_failures: SignInFailuresTable;
  staff_second_factors: StaffSecondFactorsTable;
  staff_recovery_codes: StaffRecoveryCodesTable;
  pending_sign_ins: PendingSignInsTable;
}
