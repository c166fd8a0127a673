/**
 * Who may call what: every operation of the OpenAPI document the app serves, called as each kind of caller —
 * nobody, a customer signed in to the portal (on their own complaint and on another customer's), each staff
 * role with its API token, an agent signed in with a password (the web app's session cookie: answered as the
 * agent's token is), and a revoked admin token — and each answer checked against MATRIX below. A route
 * without an entry fails the test, so a new route cannot land without someone deciding who may call it; an
 * entry for a route that is gone fails too.
 *
 * "allowed" means the caller got past authentication and authorisation: any answer but 401 and 403 (and 404,
 * on a route that refuses someone with 404), and never 5xx. A 400, 404, 409 or 422 from such a caller is fine: the test is about who, not about what. Each call
 * sends a body that passes the route's schema (BODIES), because Fastify validates the body before the
 * handler asks who is calling: with an empty body, a caller who is nobody would get a 400 and the test would
 * learn nothing about them. Each procedure command is sent to a complaint at a point where the command is
 * possible (COMMAND_SETUP), because "not possible now" (409) is decided before "not yours to do" (403). A
 * refused POST, PATCH or DELETE must also have written nothing: no row in any table it could have written to.
 *
 * SQLite only: who may do what is decided by the same code on both dialects (src/http/auth.ts, the use
 * cases and src/domain/policy.ts), and the lookups it reads through are tested on both dialects elsewhere. The web's own pages that need a sign-in (the
 * staff workspace, the portal) are not in the OpenAPI document and are left out: they are the same static
 * app for everyone, and every byte of data they show comes from the routes checked here.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import { beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/app/add-user.ts';
import { confirmSecondFactorSetUp } from '../../src/app/confirm-second-factor.ts';
import { createApiTokenFor, revokeApiToken } from '../../src/app/create-api-token.ts';
import { issueCommand } from '../../src/app/issue-command.ts';
import { setUpSecondFactor } from '../../src/app/set-up-second-factor.ts';
import { sha256 } from '../../src/app/sign-in.ts';
import { findComplaintByReference } from '../../src/db/complaints.ts';
import { insertPortalLink } from '../../src/db/portal.ts';
import { insertPendingSignIn } from '../../src/db/second-factors.ts';
import type { Actor } from '../../src/domain/actor.ts';
import type { Command } from '../../src/domain/commands.ts';
import { STAFF, type StaffName } from '../support/api.ts';
import { describeDialect } from '../support/databases.ts';
import { complaintAt } from '../support/factories.ts';
import { PDF } from '../support/files.ts';
import { useApiWithSink } from '../support/mail-api.ts';
import { portalSessionCookie } from '../support/portal-sign-in.ts';

const CALLERS = [
  'anonymous',
  'customer',
  'otherCustomer',
  'agent',
  'reviewer',
  'director',
  'admin',
  'revokedToken',
] as const;
type Caller = (typeof CALLERS)[number];
/**
 * Everyone the table names, and an agent signed in with a password: the session cookie the web app sends
 * (with `Sec-Fetch-Site: same-origin`) must get exactly what an agent's token gets, so it has no column.
 */
type Who = Caller | 'agentSession';
/** What a caller gets: past the checks (`allowed`), or refused — 401 unauthenticated, 403 forbidden, 404 not-found. */
type Outcome = 'allowed' | 401 | 403 | 404;
/** `agentSession` answered as `agent` unless the row says otherwise (a route for browser sessions only). */
type Row = Record<Caller, Outcome> & { agentSession?: Outcome };
const REFUSAL_CODE = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not-found' } as const;
const STAFF_CALLERS = ['agent', 'reviewer', 'director', 'admin'] as const;
type StaffCaller = (typeof STAFF_CALLERS)[number];

/** Anyone at all, whatever they send: a bad `Authorization` header on a public route is ignored. */
const PUBLIC: Row = {
  anonymous: 'allowed',
  customer: 'allowed',
  otherCustomer: 'allowed',
  agent: 'allowed',
  reviewer: 'allowed',
  director: 'allowed',
  admin: 'allowed',
  revokedToken: 'allowed',
};
/** Any signed-in member of staff; nobody else. */
const STAFF_ONLY: Row = {
  anonymous: 401,
  customer: 401,
  otherCustomer: 401,
  agent: 'allowed',
  reviewer: 'allowed',
  director: 'allowed',
  admin: 'allowed',
  revokedToken: 401,
};
/** Staff holding one of `roles`; other staff are refused with 403, or with `refused` (404: "not yours to see"). */
const staffWith = (roles: StaffCaller[], refused: 403 | 404 = 403): Row => ({
  ...STAFF_ONLY,
  ...Object.fromEntries(STAFF_CALLERS.filter((r) => !roles.includes(r)).map((r) => [r, refused])),
});
/** The signed-in customer, on their own complaint; another's is "not found"; staff have no portal session. */
const PORTAL: Row = {
  anonymous: 401,
  customer: 'allowed',
  otherCustomer: 404,
  agent: 401,
  reviewer: 401,
  director: 401,
  admin: 401,
  revokedToken: 401,
};
const ADMIN = staffWith(['admin']);
/** Any member of staff signed in in a browser (a session): tokens, even an admin's, are refused. */
const SESSION_ONLY: Row = {
  ...staffWith([]),
  agentSession: 'allowed',
};
/** An admin signed in in a browser: every token is refused, and so is the agent's session. */
const ADMIN_SESSION_ONLY: Row = { ...staffWith([]), agentSession: 403 };
/** The roles that handle complaints (an admin does not, unless they hold one of them too). */
const HANDLERS = staffWith(['agent', 'reviewer', 'director']);
/** Reviewers and directors: attempt 2 (the procedure's roles for it), ombudsman outcomes, improvements. */
const MANAGERS = staffWith(['reviewer', 'director']);
/** Management figures: reviewers, directors and admins. */
const FIGURES = staffWith(['reviewer', 'director', 'admin']);

/**
 * The table. One line per operation, `METHOD path` as in the OpenAPI document. To add a route: add its line
 * here (a profile above, or a spread with the callers that differ: `{ ...STAFF_ONLY, agent: 403 }`); if it
 * takes a body, add a minimal valid one to BODIES; if a path parameter is new, teach `fill` where to find one.
 */
const MATRIX: Record<string, Row> = {
  'POST /api/v1/auth/login': PUBLIC,
  // Anyone may sign out (security: []), so an invalid Authorization header is ignored there too.
  'POST /api/v1/auth/logout': PUBLIC,
  'GET /api/v1/auth/options': PUBLIC,
  // Without single sign-on configured these answer that it is off; they are anyone's to call.
  'GET /api/v1/auth/sso/start': PUBLIC,
  'GET /api/v1/auth/sso/callback': PUBLIC,
  'GET /api/v1/auth/sessions': STAFF_ONLY,
  // A session nobody has: 404 to staff (one's own sessions only), 401 to the rest.
  'DELETE /api/v1/auth/sessions/{id}': STAFF_ONLY,
  'POST /api/v1/auth/sign-out-everywhere': STAFF_ONLY,
  'GET /api/v1/auth/me': STAFF_ONLY,
  // The second step of a sign-in: anyone with a ticket (a live one is made for each call by fill()).
  'POST /api/v1/auth/login/second-step': PUBLIC,
  // One's own 2-step verification: any member of staff.
  'GET /api/v1/auth/second-factor': SESSION_ONLY,
  'POST /api/v1/auth/second-factor/setup': SESSION_ONLY,
  'POST /api/v1/auth/second-factor/confirm': SESSION_ONLY,
  'POST /api/v1/auth/second-factor/recovery-codes': SESSION_ONLY,
  'POST /api/v1/auth/second-factor/turn-off': SESSION_ONLY,
  'POST /api/v1/auth/password': STAFF_ONLY,
  'POST /api/v1/complaints': STAFF_ONLY,
  'GET /api/v1/complaints': STAFF_ONLY,
  'GET /api/v1/complaints/export.csv': STAFF_ONLY,
  'POST /api/v1/complaints/assign': STAFF_ONLY,
  'GET /api/v1/queues': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}': STAFF_ONLY,
  'POST /api/v1/complaints/{reference}/reply': HANDLERS,
  'POST /api/v1/complaints/{reference}/reply/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/not-practical': HANDLERS,
  'POST /api/v1/complaints/{reference}/not-practical/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-review': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-review/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/propose': MANAGERS,
  'POST /api/v1/complaints/{reference}/propose/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/record-response': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-response/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/complete-step': HANDLERS,
  'POST /api/v1/complaints/{reference}/complete-step/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-follow-up': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-follow-up/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/escalate': MANAGERS,
  'POST /api/v1/complaints/{reference}/escalate/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/declare-deadlock': staffWith(['director']),
  'POST /api/v1/complaints/{reference}/declare-deadlock/preview': staffWith(['director']),
  'POST /api/v1/complaints/{reference}/record-referral': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-referral/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-ombudsman-outcome': MANAGERS,
  'POST /api/v1/complaints/{reference}/record-ombudsman-outcome/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/record-case-fee': MANAGERS,
  'POST /api/v1/complaints/{reference}/record-case-fee/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/withdraw': HANDLERS,
  'POST /api/v1/complaints/{reference}/withdraw/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/close': MANAGERS,
  'POST /api/v1/complaints/{reference}/close/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/record-root-cause': HANDLERS,
  'POST /api/v1/complaints/{reference}/record-root-cause/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/assign': STAFF_ONLY,
  'POST /api/v1/complaints/{reference}/assign/preview': STAFF_ONLY,
  'POST /api/v1/complaints/{reference}/take': MANAGERS,
  'POST /api/v1/complaints/{reference}/take/preview': MANAGERS,
  'POST /api/v1/complaints/{reference}/log-contact': HANDLERS,
  'POST /api/v1/complaints/{reference}/log-contact/preview': HANDLERS,
  'POST /api/v1/complaints/{reference}/add-note': STAFF_ONLY,
  'POST /api/v1/complaints/{reference}/add-note/preview': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}/audit': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}/letters/{id}': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}/case-file': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}/templates/{id}/filled': STAFF_ONLY,
  'GET /api/v1/complaints/{reference}/improvements': STAFF_ONLY,
  'POST /api/v1/customers': STAFF_ONLY,
  'GET /api/v1/customers': STAFF_ONLY,
  'GET /api/v1/customers/{id}': STAFF_ONLY,
  'PATCH /api/v1/customers/{id}': STAFF_ONLY,
  'GET /api/v1/customers/{id}/duplicates': STAFF_ONLY,
  // A merge cannot be undone and moves portal sign-ins too: not for agents (domain/customer.ts).
  'POST /api/v1/customers/{id}/merge': staffWith(['reviewer', 'director', 'admin']),
  'GET /api/v1/customers/{id}/personal-data': ADMIN,
  // The customer has an open complaint, so an admin gets past the checks to the refusal (409).
  'POST /api/v1/customers/{id}/erase': ADMIN,
  'GET /api/v1/users': STAFF_ONLY,
  'POST /api/v1/users': ADMIN,
  'PATCH /api/v1/users/{id}': ADMIN,
  'POST /api/v1/users/{id}/unlock': ADMIN,
  'POST /api/v1/users/{id}/second-factor/reset': ADMIN_SESSION_ONLY,
  // Asked for someone else's tokens (?userId=): an admin only. Everyone may list their own.
  'GET /api/v1/tokens': ADMIN,
  'POST /api/v1/tokens': STAFF_ONLY,
  'DELETE /api/v1/tokens/{id}': staffWith(['admin'], 404),
  'POST /api/v1/portal/complaints': PUBLIC,
  'POST /api/v1/portal/sign-in-link': PUBLIC,
  'POST /api/v1/portal/sign-in': PUBLIC,
  'POST /api/v1/portal/sign-out': PUBLIC,
  'GET /api/v1/portal/complaints/{reference}': PORTAL,
  'POST /api/v1/portal/complaints/{reference}/satisfaction': PORTAL,
  'POST /api/v1/portal/complaints/{reference}/satisfaction/comment': PORTAL,
  'POST /api/v1/portal/complaints/{reference}/respond': PORTAL,
  'POST /api/v1/portal/complaints/{reference}/follow-up': PORTAL,
  'POST /api/v1/portal/complaints/{reference}/add-information': PORTAL,
  'GET /api/v1/portal/complaints/{reference}/letters/{id}': PORTAL,
  'GET /api/v1/portal/complaints/{reference}/uploads/{id}': PORTAL,
  'POST /api/v1/survey': PUBLIC,
  'POST /api/v1/survey/answer': PUBLIC,
  'POST /api/v1/survey/comment': PUBLIC,
  'GET /api/v1/procedure': PUBLIC,
  'GET /api/v1/mail': STAFF_ONLY,
  'GET /api/v1/mail/{id}': STAFF_ONLY,
  'POST /api/v1/mail/{id}/convert': STAFF_ONLY,
  'POST /api/v1/mail/{id}/dismiss': STAFF_ONLY,
  'GET /api/v1/workload': FIGURES,
  'GET /api/v1/insight': FIGURES,
  'GET /api/v1/insight/report': FIGURES,
  'GET /api/v1/print-queue': STAFF_ONLY,
  'POST /api/v1/print-queue/{id}/posted': STAFF_ONLY,
  'GET /api/v1/attachments/{id}': STAFF_ONLY,
  'GET /api/v1/templates': STAFF_ONLY,
  'POST /api/v1/templates': ADMIN,
  'PATCH /api/v1/templates/{id}': ADMIN,
  'POST /api/v1/templates/{id}/archive': ADMIN,
  'GET /api/v1/templates/placeholders': STAFF_ONLY,
  'POST /api/v1/templates/preview': STAFF_ONLY,
  'GET /api/v1/improvements': STAFF_ONLY,
  'POST /api/v1/improvements': MANAGERS,
  'GET /api/v1/improvements/summary': STAFF_ONLY,
  'GET /api/v1/improvements/done': STAFF_ONLY,
  'GET /api/v1/improvements/{reference}': STAFF_ONLY,
  'PATCH /api/v1/improvements/{reference}': MANAGERS,
  'POST /api/v1/improvements/{reference}/complaints': MANAGERS,
  'DELETE /api/v1/improvements/{reference}/complaints/{complaintReference}': MANAGERS,
};

/** The sign-ins: refused from another site's page even without a cookie (login CSRF). */
const SIGN_INS = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/second-step',
  'POST /api/v1/portal/sign-in',
];

/** Routes that end the caller's session: called last, so that the portal and staff cookies serve every other call. */
const LAST = [
  'POST /api/v1/portal/sign-out',
  'POST /api/v1/auth/sign-out-everywhere',
  'POST /api/v1/auth/logout',
];

/** What the seeded data offers the calls: customer A's things, customer B's, and the staff's. */
interface Seeded {
  a: { customerId: string; reference: string; uploadId: string; letterId: string };
  b: { customerId: string; reference: string; uploadId: string; letterId: string };
  mailId: string;
  printId: string;
  templateId: string;
  improvement: string;
  password: string;
}

const today = '2026-11-02';
const inAMonth = '2026-12-02';
const uniq = (() => {
  let n = 0;
  return () => ++n;
})();

/** A minimal body each route accepts (its schema's required fields), by operation; `{}` otherwise. */
const BODIES: Record<string, (s: Seeded) => unknown> = {
  'POST /api/v1/auth/login': (s) => ({ email: 'pat@test.redress', password: s.password }),
  'POST /api/v1/auth/login/second-step': () => ({
    ticket: 'a live one is made for each call by fill()',
    code: '000000',
  }),
  'POST /api/v1/auth/second-factor/confirm': () => ({ code: '000000' }),
  'POST /api/v1/auth/second-factor/recovery-codes': () => ({ code: '000000' }),
  'POST /api/v1/auth/second-factor/turn-off': (s) => ({ password: s.password, code: '000000' }),
  'POST /api/v1/auth/password': () => ({
    currentPassword: 'not the current password',
    newPassword: 'another long passphrase nobody guesses',
  }),
  'POST /api/v1/complaints': () => ({
    customer: { name: 'Max Matrix', email: 'max@example.org' },
    channel: 'phone',
    description: 'Charged twice.',
  }),
  'POST /api/v1/complaints/assign': (s) => ({ references: [s.a.reference], ownerId: null }),
  'POST /api/v1/customers': () => ({ name: 'Cy Customer' }),
  'POST /api/v1/customers/{id}/merge': () => ({ into: 'filled by fill()' }),
  'POST /api/v1/users': () => ({ email: `new${uniq()}@test.redress`, name: 'New Person', roles: ['agent'] }),
  'PATCH /api/v1/users/{id}': () => ({ name: 'Test agent2' }),
  'POST /api/v1/tokens': () => ({ name: 'matrix' }),
  'POST /api/v1/portal/complaints': () => ({
    name: 'Rae Raised',
    email: 'rae@example.org',
    customerType: 'residential',
    category: 'billing',
    whatHappened: 'Charged twice.',
    formal: true,
  }),
  'POST /api/v1/portal/sign-in-link': (s) => ({ reference: s.a.reference, contact: 'ann@example.org' }),
  'POST /api/v1/portal/sign-in': () => ({ token: 'a live one is made for each call by fill()' }),
  'POST /api/v1/portal/complaints/{reference}/satisfaction': () => ({ score: 4 }),
  'POST /api/v1/portal/complaints/{reference}/satisfaction/comment': () => ({ comment: 'Thanks' }),
  'POST /api/v1/portal/complaints/{reference}/respond': () => ({ agree: true }),
  'POST /api/v1/portal/complaints/{reference}/follow-up': () => ({ resolved: true }),
  'POST /api/v1/portal/complaints/{reference}/add-information': () => ({ text: 'One more thing.' }),
  'POST /api/v1/survey': () => ({ token: 'x'.repeat(32) }),
  'POST /api/v1/survey/answer': () => ({ token: 'x'.repeat(32), score: 4 }),
  'POST /api/v1/survey/comment': () => ({ token: 'x'.repeat(32), comment: 'Thanks' }),
  'POST /api/v1/mail/{id}/convert': () => ({ category: 'billing' }),
  'POST /api/v1/mail/{id}/dismiss': () => ({ reason: 'Not a complaint' }),
  'POST /api/v1/templates': () => ({
    name: `Matrix ${uniq()}`,
    purpose: 'reply',
    stages: ['attempt-1'],
    subject: 'About your complaint',
    body: 'Hello {{customer.name}}',
  }),
  'PATCH /api/v1/templates/{id}': () => ({ name: `Renamed ${uniq()}` }),
  'POST /api/v1/templates/preview': () => ({ body: 'Hello {{customer.name}}' }),
  'POST /api/v1/improvements': () => improvementBody(),
  'PATCH /api/v1/improvements/{reference}': () => ({ title: `Retitled ${uniq()}` }),
  'POST /api/v1/improvements/{reference}/complaints': (s) => ({ reference: s.b.reference }),
};
let ownerOfImprovements = '';
/** Tia signs in with 2-step verification (the second step's calls). */
let tiaId = '';
const improvementBody = () => ({
  title: 'Bills double-charged',
  description: 'Seen on several complaints',
  ownerId: ownerOfImprovements,
  dueOn: inAMonth,
  source: 'other',
});

type CommandName = Exclude<
  Command['type'],
  'issue-time-limit-adr-letter' | 'close-no-response' | 'close-adr-window-expired'
>;
/** How far a fresh complaint is taken before the command is tried: the point where it is possible. */
type Point =
  | 'attempt-1'
  | 'attempt-1-unassigned'
  | 'attempt-2'
  | 'attempt-2-unassigned'
  | 'proposed'
  | 'agreed'
  | 'steps-done'
  | 'attempt-3'
  | 'deadlock'
  | 'referred'
  | 'decided'
  | 'closed';
/**
 * Each command, sent to a complaint at the point where it is possible, with a body it accepts. A command that
 * moves the complaint on gets a fresh complaint for each caller it lets through, so that the next caller
 * finds it where it was; one that leaves it where it is (`repeatable`) shares one.
 */
const COMMAND_SETUP: Record<
  CommandName,
  { at: Point; body: (stepId: string, userId: string) => unknown; repeatable?: true }
> = {
  'not-practical': { at: 'attempt-1', body: () => ({ reason: 'Needs a detailed review' }) },
  'record-review': { at: 'attempt-1', body: () => ({ findings: 'Looked at the bill' }) },
  propose: {
    at: 'attempt-2',
    body: (_step, userId) => ({
      summary: 'A refund',
      steps: [{ description: 'Refund', ownerId: userId, dueOn: inAMonth }],
    }),
  },
  'record-response': { at: 'proposed', body: () => ({ outcome: 'agreed' }) },
  'complete-step': { at: 'agreed', body: (stepId) => ({ stepId }) },
  'record-follow-up': { at: 'steps-done', body: () => ({ outcome: 'no-response' }) },
  escalate: { at: 'attempt-2', body: () => ({ reason: 'The customer asked' }) },
  'declare-deadlock': { at: 'attempt-3', body: () => ({ reason: 'Nothing more to offer' }) },
  'record-referral': { at: 'deadlock', body: () => ({ schemeCaseReference: 'OS-1', referredOn: today }) },
  'record-ombudsman-outcome': {
    at: 'referred',
    body: () => ({
      outcome: 'not-upheld',
      decidedOn: today,
      remedy: { apology: false, explanation: false, action: null, awardPence: 0 },
      customerAccepted: false,
    }),
  },
  'record-case-fee': { at: 'referred', body: () => ({ caseFeePence: 40000 }), repeatable: true },
  withdraw: { at: 'attempt-1', body: () => ({ reason: 'The customer withdrew' }) },
  close: {
    at: 'decided',
    body: () => ({ reason: 'ombudsman-decision-not-accepted', rootCause: 'billing-wrong-charge' }),
  },
  'record-root-cause': {
    at: 'closed',
    body: () => ({ rootCause: 'billing-wrong-charge' }),
    repeatable: true,
  },
  assign: { at: 'attempt-1', body: () => ({ ownerId: null }), repeatable: true },
  take: { at: 'attempt-2-unassigned', body: () => ({}) },
  'log-contact': {
    at: 'attempt-1',
    body: () => ({ channel: 'phone', direction: 'in', summary: 'Rang' }),
    repeatable: true,
  },
  'add-note': { at: 'attempt-1', body: () => ({ text: 'A note' }), repeatable: true },
  reply: {
    at: 'attempt-1',
    body: () => ({ subject: 'Your bill', body: 'We are looking into it.' }),
    repeatable: true,
  },
};
/** Where the customer's own complaint must be for each portal action to be possible. */
const PORTAL_SETUP: Record<string, Point> = {
  'POST /api/v1/portal/complaints/{reference}/respond': 'proposed',
  'POST /api/v1/portal/complaints/{reference}/follow-up': 'steps-done',
  'POST /api/v1/portal/complaints/{reference}/satisfaction': 'closed',
  'POST /api/v1/portal/complaints/{reference}/satisfaction/comment': 'closed',
};

/** The tables a call could write to: the same counts before and after a refused call mean it wrote nothing. */
const WRITTEN = [
  'audit_events',
  'complaints',
  'customers',
  'contacts',
  'notes',
  'emails',
  'uploads',
  'jobs',
  'api_tokens',
  'users',
  'sessions',
  'portal_sessions',
  'templates',
  'improvements',
  'improvement_complaints',
];

const COMMAND_PATH = /^POST \/api\/v1\/complaints\/\{reference\}\/([a-z-]+)(\/preview)?$/;

describeDialect('sqlite', 'who may call every operation of the API', (harness) => {
  const env = useApiWithSink(harness, '2026-11-02T10:00:00Z');
  let operations: string[] = [];
  let seeded: Seeded;
  let cookie = '';
  let revokedToken = '';
  const headersOf: Partial<Record<Who, Record<string, string>>> = {};
  /**
   * The headers a caller sends. A sign-in comes from Redress's own sign-in page (login CSRF is refused) in a
   * browser without a session: a sign-in ends the browser's previous session, which the later calls need.
   */
  function headersFor(operation: string, caller: Who): Record<string, string> {
    if (!SIGN_INS.includes(operation)) return headersOf[caller] ?? {};
    const { cookie: _session, ...rest } = headersOf[caller] ?? {};
    return { ...rest, 'sec-fetch-site': 'same-origin' };
  }

  const staff = (name: StaffName): Actor & { kind: 'staff' } => ({
    kind: 'staff',
    id: env.t.users[name].id,
    roles: [...STAFF[name]],
  });

  /** A complaint of customer A, freshly taken to `at` through the use cases. */
  async function complaintAtPoint(at: Point): Promise<string> {
    const { t } = env;
    const facts = { customer: { id: seeded.a.customerId } };
    const stage =
      at === 'attempt-3'
        ? 'attempt-3'
        : ['deadlock', 'referred', 'decided'].includes(at)
          ? 'deadlock'
          : at.startsWith('attempt-2')
            ? 'attempt-2'
            : 'attempt-1';
    const complaint = await complaintAt(t, {
      at: stage,
      facts,
      ...(at.endsWith('-unassigned') ? { owner: null } : {}),
    });
    const { reference } = complaint;
    const run = (who: StaffName, command: Command) => issueCommand(t.ctx, reference, command, staff(who));
    if (['proposed', 'agreed', 'steps-done'].includes(at)) {
      await run('agent', { type: 'record-review', findings: 'Looked' });
      await run('agent', {
        type: 'propose',
        summary: 'A refund',
        steps: [{ description: 'Refund', ownerId: t.users.agent.id, dueOn: inAMonth }],
      });
    }
    if (['agreed', 'steps-done'].includes(at))
      await run('agent', { type: 'record-response', outcome: 'agreed' });
    if (at === 'steps-done') {
      const stepId = stepOf(await run('agent', { type: 'add-note', text: 'step next' }));
      await run('agent', { type: 'complete-step', stepId });
    }
    if (at === 'referred' || at === 'decided') {
      await run('director', { type: 'record-referral', schemeCaseReference: 'OS-1', referredOn: today });
    }
    if (at === 'decided') {
      await run('director', {
        type: 'record-ombudsman-outcome',
        outcome: 'not-upheld',
        decidedOn: today,
        remedy: { apology: false, explanation: false, action: null, awardPence: 0 },
        customerAccepted: false,
      });
    }
    if (at === 'closed')
      await run('agent', { type: 'withdraw', reason: 'Withdrawn', rootCause: 'billing-wrong-charge' });
    return reference;
  }
  const stepOf = (complaint: { attempts: { proposal: { steps: { id: string }[] } | null }[] }) =>
    complaint.attempts.at(-1)?.proposal?.steps[0]?.id ?? 'no-step';

  /** One shared complaint per point, for calls that cannot change it (previews, and callers refused). */
  const shared = new Map<Point, Promise<string>>();
  const sharedAt = (at: Point) => {
    if (!shared.has(at)) shared.set(at, complaintAtPoint(at));
    return shared.get(at) as Promise<string>;
  };

  let portalClosed: Promise<string> | undefined;
  const sharedPortalClosed = () => {
    portalClosed ??= complaintAtPoint('closed');
    return portalClosed;
  };

  async function rowCounts(): Promise<string> {
    const counts = WRITTEN.map((table) => `(select count(*) from ${table})`).join(` || ',' || `);
    const { rows } = await sql<{ counts: string }>`select ${sql.raw(counts)} as counts`.execute(
      env.t.db.kysely,
    );
    return rows[0]?.counts ?? '';
  }

  /** A one-time sign-in link's token for customer A, as the emailed link carries it. */
  async function signInToken(): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = env.t.now();
    const complaint = await findComplaintByReference(env.t.db.kysely, seeded.a.reference);
    await insertPortalLink(env.t.db.kysely, {
      id: sha256(token),
      customerId: seeded.a.customerId,
      complaintId: complaint?.id ?? '',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + 30 * 60_000).toISOString(),
    });
    return token;
  }

  beforeAll(async () => {
    const { t, sink } = env;
    const password = 'a long and unguessable staff passphrase';
    await addUser(t.ctx, {
      email: 'pat@test.redress',
      name: 'Pat Password',
      roles: ['agent'],
      password,
      mustChangePassword: false,
    });
    // Someone with 2-step verification on, for the second step of a sign-in.
    const tia = await addUser(t.ctx, {
      email: 'tia@test.redress',
      name: 'Tia Totp',
      roles: ['agent'],
      password,
      mustChangePassword: false,
    });
    const { secret } = await setUpSecondFactor(t.ctx, tia);
    const code = new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: t.now().getTime() });
    await confirmSecondFactorSetUp(t.ctx, tia, code);
    tiaId = tia.id;
    ownerOfImprovements = t.users.reviewer.id;
    const raise = async (name: string, email: string) => {
      const raised = await t.as(null).post('/portal/complaints', {
        name,
        email,
        customerType: 'residential',
        category: 'billing',
        whatHappened: 'Charged twice; the bill is attached.',
        formal: true,
        attachments: [
          { filename: 'bill.pdf', contentType: 'application/pdf', content: PDF.toString('base64') },
        ],
      });
      expect(raised.status, JSON.stringify(raised.body)).toBe(201);
      const reference = raised.body.reference as string;
      await t.runJobs();
      const view = (await t.as('agent').get(`/complaints/${reference}`)).body;
      return {
        customerId: view.customer.id as string,
        reference,
        uploadId: view.attachments[0].id as string,
        letterId: (view.documents[0]?.id as string | undefined) ?? 'no-letter',
      };
    };
    const a = await raise('Ann Own', 'ann@example.org');
    const b = await raise('Bob Other', 'bob@example.org');
    // A customer with no email: their letters wait in the print queue.
    const posted = await t.as('agent').post('/complaints', {
      customer: {
        name: 'Paul Post',
        phone: '01632 960 999',
        addressLines: ['1 High Street'],
        postcode: 'AB1 2CD',
      },
      channel: 'letter',
      description: 'Charged twice.',
    });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    await t.runJobs();
    const printId = (await t.as('agent').get('/print-queue')).body.items?.[0]?.id ?? 'no-print-item';
    const mailId = (await t.as('agent').get('/mail')).body.items?.[0]?.id ?? 'no-mail';
    const template = await t.as('admin').post('/templates', BODIES['POST /api/v1/templates']?.({} as Seeded));
    expect(template.status, JSON.stringify(template.body)).toBe(201);
    const improvement = await t
      .as('reviewer')
      .post('/improvements', { ...improvementBody(), source: 'complaint', sourceComplaint: a.reference });
    expect(improvement.status, JSON.stringify(improvement.body)).toBe(201);
    seeded = {
      a,
      b,
      mailId,
      printId,
      templateId: template.body.id,
      improvement: improvement.body.reference,
      password,
    };
    cookie = await portalSessionCookie(t, sink, a.reference, 'ann@example.org');
    const revoked = await createApiTokenFor(t.ctx, staff('admin'), {
      name: 'leaked',
    });
    await revokeApiToken(t.ctx, staff('admin'), revoked.id);
    revokedToken = revoked.token;
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    headersOf.anonymous = {};
    headersOf.customer = { cookie, 'sec-fetch-site': 'same-origin' };
    headersOf.otherCustomer = { cookie, 'sec-fetch-site': 'same-origin' };
    for (const name of STAFF_CALLERS) headersOf[name] = bearer(t.users[name].token);
    headersOf.revokedToken = bearer(revokedToken);
    const login = await t.as(null).post('/auth/login', { email: 'pat@test.redress', password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const session = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    headersOf.agentSession = { cookie: session, 'sec-fetch-site': 'same-origin' };

    const document = (await t.as(null).get('/openapi.json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    operations = Object.entries(document.paths).flatMap(([path, ops]) =>
      ['get', 'post', 'put', 'patch', 'delete']
        .filter((m) => m in ops)
        .map((m) => `${m.toUpperCase()} ${path}`),
    );
  });

  /**
   * The address and body of `operation` for `caller`: path parameters from the seeded data, or from data
   * made for this call when a call the table lets through would change what the next caller finds.
   */
  async function fill(
    operation: string,
    caller: Who,
    expected: Outcome,
  ): Promise<{ url: string; body: unknown }> {
    const { t } = env;
    const [method = '', path = ''] = operation.split(' ');
    const mine = caller === 'otherCustomer' ? seeded.b : seeded.a;
    const letThrough = expected === 'allowed';
    let body: unknown =
      method === 'GET' || method === 'DELETE' ? undefined : (BODIES[operation]?.(seeded) ?? {});
    let reference = mine.reference;
    let id = '';
    const command = COMMAND_PATH.exec(operation);
    const setup = command && COMMAND_SETUP[command[1] as CommandName];
    if (setup) {
      const preview = command[2] !== undefined;
      reference =
        caller === 'otherCustomer'
          ? seeded.b.reference
          : letThrough && !preview && !setup.repeatable
            ? await complaintAtPoint(setup.at)
            : await sharedAt(setup.at);
      // Only completing a step needs to know the complaint (its step's id).
      const view = setup.at === 'agreed' ? (await t.as('admin').get(`/complaints/${reference}`)).body : null;
      body = setup.body(view ? stepOf(view) : '', t.users.agent.id);
    }
    const portalPoint = PORTAL_SETUP[operation];
    if (portalPoint && caller === 'customer') {
      // Satisfaction, then its comment, are answered on the same closed complaint.
      reference = operation.includes('/satisfaction')
        ? await sharedPortalClosed()
        : await complaintAtPoint(portalPoint);
    }
    if (operation === 'POST /api/v1/portal/sign-in') body = { token: await signInToken() };
    if (operation === 'POST /api/v1/auth/login/second-step') {
      const ticket = randomBytes(16).toString('hex');
      await insertPendingSignIn(t.db.kysely, {
        id: sha256(ticket),
        userId: tiaId,
        createdAt: t.now().toISOString(),
        expiresAt: new Date(t.now().getTime() + 60_000).toISOString(),
      });
      body = { ticket, code: '000000' };
    }
    if (path.startsWith('/api/v1/customers/{id}')) id = mine.customerId;
    if (operation === 'POST /api/v1/customers/{id}/merge') {
      // A merge moves complaints: two records of nobody else's, made for this call.
      const from = await t.as('agent').post('/customers', { name: 'Dee Duplicate' });
      const into = await t.as('agent').post('/customers', { name: 'Dee Duplicate' });
      id = from.body.id;
      body = { into: into.body.id };
    }
    if (path.startsWith('/api/v1/users/{id}')) id = t.users.agent2.id;
    if (path.startsWith('/api/v1/auth/sessions/{id}')) id = '01JAAAAAAAAAAAAAAAAAAAAAAA';
    if (path.startsWith('/api/v1/tokens/{id}')) {
      // Someone else's token, made for this call: revoking it is what is tried.
      id = (await createApiTokenFor(t.ctx, staff('agent2'), { name: 'agent2' })).id;
    }
    if (path.startsWith('/api/v1/mail/{id}')) id = seeded.mailId;
    if (path.includes('/letters/{id}')) id = mine.letterId;
    if (path.includes('/uploads/{id}') || path.startsWith('/api/v1/attachments/{id}')) id = mine.uploadId;
    if (path.startsWith('/api/v1/print-queue/{id}')) id = seeded.printId;
    if (path.includes('/templates/{id}')) id = seeded.templateId;
    if (operation === 'POST /api/v1/templates/{id}/archive') {
      const made = await t.as('admin').post('/templates', BODIES['POST /api/v1/templates']?.(seeded));
      id = made.body.id;
    }
    if (path.startsWith('/api/v1/improvements/{reference}')) {
      reference = seeded.improvement;
      if (method === 'DELETE') {
        const made = await t.as('reviewer').post('/improvements', {
          ...improvementBody(),
          source: 'complaint',
          sourceComplaint: mine.reference,
        });
        reference = made.body.reference;
      }
    }
    const query: Record<string, string> = {
      'GET /api/v1/customers': '?q=Ann',
      'GET /api/v1/tokens': `?userId=${t.users.agent2.id}`,
      'GET /api/v1/insight/report': '?month=2026-10',
      'GET /api/v1/improvements/done': '?month=2026-10',
    };
    const filled = path
      .replace('{reference}', reference)
      .replace('{complaintReference}', mine.reference)
      .replace('{id}', id);
    return { url: `${t.url}${filled}${query[operation] ?? ''}`, body };
  }

  // Before the table's walk, which ends by signing the customer out.
  it("does not give a customer another's letter or upload under their own complaint's reference", async () => {
    const { a, b } = seeded;
    const get = async (path: string) =>
      (await fetch(`${env.t.url}/api/v1/portal/complaints/${path}`, { headers: headersOf.customer })).status;
    expect(await get(`${a.reference}/letters/${a.letterId}`)).toBe(200);
    expect(await get(`${a.reference}/uploads/${a.uploadId}`)).toBe(200);
    expect(await get(`${a.reference}/letters/${b.letterId}`)).toBe(404);
    expect(await get(`${a.reference}/uploads/${b.uploadId}`)).toBe(404);
  });

  it('answers every operation, as every caller, as the table says', async () => {
    const missing = operations.filter((op) => !(op in MATRIX));
    const stale = Object.keys(MATRIX).filter((op) => !operations.includes(op));
    expect(
      { missing, stale },
      'every operation has an entry in MATRIX, and every entry an operation',
    ).toEqual({
      missing: [],
      stale: [],
    });
    const ordered = [
      ...operations.filter((op) => !LAST.includes(op)),
      ...LAST.filter((op) => operations.includes(op)),
    ];
    const mismatches: string[] = [];
    for (const operation of ordered) {
      const row = MATRIX[operation];
      if (!row) continue;
      for (const caller of [...CALLERS, 'agentSession'] as const) {
        const expected = caller === 'agentSession' ? (row.agentSession ?? row.agent) : row[caller];
        const { url, body } = await fill(operation, caller, expected);
        // A refused change must have written nothing (reads are not counted: they are the cost of the walk).
        const counted = expected !== 'allowed' && !operation.startsWith('GET ');
        const before = counted ? await rowCounts() : '';
        const response = await fetch(url, {
          // A sign-in's redirect (single sign-on) is the answer: following it would ask for the web app's pages.
          redirect: 'manual',
          method: operation.split(' ')[0],
          headers: {
            ...headersFor(operation, caller),
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        const text = await response.text();
        let code: string | undefined;
        if (/json/.test(response.headers.get('content-type') ?? '')) {
          code = (JSON.parse(text) as { code?: string }).code;
        }
        const got = `${response.status}${code ? ` ${code}` : ''}`;
        // Where the table refuses someone with 404 (another customer's complaint, someone else's token), a
        // 404 is a refusal for everyone: the caller let through must get something else.
        const refusals: number[] = [401, 403, ...(Object.values(row).includes(404) ? [404] : [])];
        const ok =
          response.status < 500 &&
          (expected === 'allowed'
            ? !refusals.includes(response.status)
            : response.status === expected && code === REFUSAL_CODE[expected]);
        if (!ok) {
          const want = expected === 'allowed' ? 'allowed' : `${expected} ${REFUSAL_CODE[expected]}`;
          mismatches.push(`${operation} as ${caller}: expected ${want}, got ${got}`);
        } else if (counted) {
          const after = await rowCounts();
          const written = WRITTEN.filter((_, i) => after.split(',')[i] !== before.split(',')[i]);
          if (written.length) mismatches.push(`${operation} as ${caller}: refused, but wrote to ${written}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 300_000);
});
