/**
 * A complaint with what a screen shows beside it, in ONE query: the complaint's row joined to its customer,
 * and each list of its children (attempts, steps, ADR letters, contacts, notes, audit events, emails, ...) as
 * a JSON array the database builds in a correlated subquery, each read along its own index by the complaint's
 * id. A staff GET used to run 14 queries for the same (4 for the complaint, 9 lists, then the staff's names):
 * 14 round trips to PostgreSQL or to a SQLite reader thread, and 14 snapshots that a change committed in
 * between could tell apart. One statement is one snapshot.
 *
 * The rows come back as JSON objects of the same columns, in the same JSON types (text, integers; no blobs),
 * as the drivers give them, so each list is mapped by its own repository's mapper (`toContact`, `toEmail`, ...)
 * and nothing drifts between this read and the others. Each list keeps its stored order by an ORDER BY inside
 * the aggregate (`json_group_array(... order by ...)` on SQLite 3.44+, `json_agg(... order by ...)` on
 * PostgreSQL), which both guarantee, unlike the order of a subquery.
 */
import { type AliasedExpression, type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Complaint } from '../domain/complaint.ts';
import type { Customer } from '../domain/customer.ts';
import {
  EMAIL_ATTACHMENT_COLUMNS,
  type EmailAttachment,
  toEmailAttachment,
  toUpload,
  UPLOAD_COLUMNS,
  type Upload,
} from './attachments.ts';
import { AUDIT_EVENT_COLUMNS, type AuditEvent, toAuditEvent } from './audit.ts';
import {
  ADR_LETTER_COLUMNS,
  type AdrLetterRow,
  ATTEMPT_COLUMNS,
  type AttemptRow,
  COMPLAINT_COLUMNS,
  type ComplaintRow,
  type CustomerComplaint,
  REMEDY_COLUMNS,
  type RemedyRow,
  STEP_COLUMNS,
  type StepRow,
  toComplaint,
  toCustomerComplaint,
} from './complaints.ts';
import { CUSTOMER_COLUMNS, toCustomer } from './customers.ts';
import { type Dialect, dialectOf, type Executor } from './database.ts';
import { DOCUMENT_COLUMNS, type DocumentSummary, toDocumentSummary } from './documents.ts';
import { EMAIL_COLUMNS, type Email, toEmail } from './emails.ts';
import {
  CONTACT_COLUMNS,
  type Contact,
  NOTE_COLUMNS,
  type Note,
  toContact,
  toNote,
} from './interaction-log.ts';
import { type SatisfactionSurvey, SURVEY_COLUMNS, type SurveyRow, toSurvey } from './satisfaction.ts';
import type { ComplaintsTable, CustomersTable, Schema } from './schema.ts';

/** What can be read beside a complaint, each list oldest first unless said otherwise. */
export interface ComplaintParts {
  customer: Customer;
  /** The customer's other complaints, newest first, at most `otherComplaints` of them. */
  otherComplaints: CustomerComplaint[];
  contacts: Contact[];
  notes: Note[];
  auditEvents: AuditEvent[];
  emails: Email[];
  /** Letters, without their bytes. */
  documents: DocumentSummary[];
  uploads: Upload[];
  /** The attachments of the complaint's emails, without their bytes. */
  emailAttachments: EmailAttachment[];
  /** The satisfaction survey put to the customer at closure, if one was. */
  satisfaction: SatisfactionSurvey | null;
  /** The names of the staff the complaint names: its owner, its handlers, its steps' owners, its notes' authors. */
  staffNames: Map<string, string>;
}

export type ComplaintPart = keyof ComplaintParts;

export type ComplaintWith<P extends ComplaintPart> = { complaint: Complaint } & Pick<ComplaintParts, P>;

export interface ComplaintViewOptions {
  /** Only the complaint of this customer: another's reads as none (the portal). */
  customerId?: string | undefined;
  /** How many of the customer's other complaints to read, with `otherComplaints` (default 20). */
  otherComplaints?: number | undefined;
}

type Outer = ExpressionBuilder<Schema & { c: ComplaintsTable; cu: CustomersTable }, 'c' | 'cu'>;

interface Part<T> {
  select(eb: Outer, dialect: Dialect, options: ComplaintViewOptions): RawBuilder<unknown> | Subquery;
  read(value: unknown): T;
}

/** A scalar subquery, before it is named. */
interface Subquery {
  as<A extends string>(alias: A): AliasedExpression<unknown, A>;
}

const PARTS: { [P in ComplaintPart]: Part<ComplaintParts[P]> } = {
  customer: {
    // The customer's row is joined already: the object is built from it, no subquery.
    select: (_eb, dialect) => jsonObject(dialect, 'cu', CUSTOMER_COLUMNS),
    read: (value) => toCustomer(parsed(value) as Parameters<typeof toCustomer>[0]),
  },
  otherComplaints: {
    // Newest first along complaints_customer_received_idx, so a customer with many complaints costs the same.
    select: (eb, dialect, options) =>
      eb
        .selectFrom(
          eb
            .selectFrom('complaints as oc')
            .select(['oc.reference', 'oc.stage', 'oc.received_at'])
            .whereRef('oc.customer_id', '=', 'c.customer_id')
            .whereRef('oc.id', '!=', 'c.id')
            .orderBy('oc.received_at', 'desc')
            .limit(options.otherComplaints ?? 20)
            .as('newest'),
        )
        .select(
          jsonArray(dialect, 'newest', ['reference', 'stage', 'received_at'], ['received_at desc']).as('v'),
        ),
    read: (value) => rows<Parameters<typeof toCustomerComplaint>[0]>(value).map(toCustomerComplaint),
  },
  contacts: {
    select: (eb, dialect) =>
      eb
        .selectFrom('contacts as x')
        .select(jsonArray(dialect, 'x', CONTACT_COLUMNS, ['occurred_at']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toContact>[0]>(value).map(toContact),
  },
  notes: {
    select: (eb, dialect) =>
      eb
        .selectFrom('notes as x')
        .select(jsonArray(dialect, 'x', NOTE_COLUMNS, ['created_at']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toNote>[0]>(value).map(toNote),
  },
  auditEvents: {
    select: (eb, dialect) =>
      eb
        .selectFrom('audit_events as x')
        .select(jsonArray(dialect, 'x', AUDIT_EVENT_COLUMNS, ['seq']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toAuditEvent>[0]>(value).map(toAuditEvent),
  },
  emails: {
    select: (eb, dialect) =>
      eb
        .selectFrom('emails as x')
        .select(jsonArray(dialect, 'x', EMAIL_COLUMNS, ['created_at', 'id']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toEmail>[0]>(value).map(toEmail),
  },
  documents: {
    select: (eb, dialect) =>
      eb
        .selectFrom('documents as x')
        .select(jsonArray(dialect, 'x', DOCUMENT_COLUMNS, ['created_at', 'id']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toDocumentSummary>[0]>(value).map(toDocumentSummary),
  },
  uploads: {
    select: (eb, dialect) =>
      eb
        .selectFrom('uploads as x')
        .select(jsonArray(dialect, 'x', UPLOAD_COLUMNS, ['created_at', 'id']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toUpload>[0]>(value).map(toUpload),
  },
  emailAttachments: {
    select: (eb, dialect) =>
      eb
        .selectFrom('emails as e')
        .innerJoin('email_attachments as x', 'x.email_id', 'e.id')
        .select(jsonArray(dialect, 'x', EMAIL_ATTACHMENT_COLUMNS, ['created_at', 'id']).as('v'))
        .whereRef('e.complaint_id', '=', 'c.id'),
    read: (value) => rows<Parameters<typeof toEmailAttachment>[0]>(value).map(toEmailAttachment),
  },
  satisfaction: {
    // At most one row, by its primary key.
    select: (eb, dialect) =>
      eb
        .selectFrom('satisfaction_surveys as x')
        .select(jsonArray(dialect, 'x', SURVEY_COLUMNS, ['complaint_id']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id'),
    read: (value) => {
      const [row] = rows<SurveyRow>(value);
      return row ? toSurvey(row) : null;
    },
  },
  staffNames: {
    // The ids the complaint names, each then found by the primary key of users (one named twice comes twice:
    // the Map keeps one); a member of staff since deleted is simply absent.
    select: (eb, dialect) =>
      eb
        .selectFrom(
          eb
            .selectFrom('complaints as oc')
            .select('oc.owner_id as id')
            .whereRef('oc.id', '=', 'c.id')
            .unionAll(
              eb
                .selectFrom('attempts as a')
                .select('a.handler_id as id')
                .whereRef('a.complaint_id', '=', 'c.id'),
            )
            .unionAll(
              eb.selectFrom('steps as s').select('s.owner_id as id').whereRef('s.complaint_id', '=', 'c.id'),
            )
            .unionAll(
              eb.selectFrom('notes as n').select('n.author_id as id').whereRef('n.complaint_id', '=', 'c.id'),
            )
            .as('named'),
        )
        .innerJoin('users as u', 'u.id', 'named.id')
        .select(jsonArray(dialect, 'u', ['id', 'name'], ['id']).as('v')),
    read: (value) => new Map(rows<{ id: string; name: string }>(value).map((u) => [u.id, u.name])),
  },
};

/**
 * The complaint with this canonical reference and the parts asked for, in one query; undefined when there is
 * no such complaint (or, with `customerId`, when it is another customer's).
 */
export async function readComplaintWith<P extends ComplaintPart>(
  executor: Executor,
  reference: string,
  parts: readonly P[],
  options: ComplaintViewOptions = {},
): Promise<ComplaintWith<P> | undefined> {
  const inputs: Inputs = {
    reference,
    customerId: options.customerId ?? null,
    otherComplaints: options.otherComplaints ?? 20,
  };
  const shape = shapeOf(executor, parts, inputs.customerId !== null);
  const values = shape.inputs.map((input) => sql.val(inputs[input]));
  const pieces = shape.fragments.flatMap((fragment, i) =>
    i === 0 ? [sql.raw(fragment)] : [values[i - 1] ?? sql.raw(''), sql.raw(fragment)],
  );
  const { rows } = await sql<ViewRow>`${sql.join(pieces, sql``)}`.execute(executor);
  const row = rows[0];
  return row && toView(row, parts);
}

/** What a read puts in the query's parameters. */
interface Inputs {
  reference: string;
  /** Null: any customer's complaint (the query then has no such parameter). */
  customerId: string | null;
  otherComplaints: number;
}

/**
 * A query's SQL cut at its parameters, and which input goes in each. Built and compiled by Kysely once per
 * dialect and shape (the parts, whether scoped to a customer), then kept: building and compiling its tree of
 * ~600 nodes took about as long as running the query (SQLite: 0.3–0.65 ms against 0.35 ms a staff GET). A read
 * puts its values in and runs the text as raw SQL, which plugins (query timing, the plan test) see like any
 * other query.
 */
interface Shape {
  fragments: readonly string[];
  inputs: readonly (keyof Inputs)[];
}

const shapes = new Map<string, Shape>();

/** Values that stand for the inputs while a shape is compiled (never run), found again among its parameters. */
const STAND_INS = {
  reference: 'complaint-view:reference',
  customerId: 'complaint-view:customer',
  otherComplaints: -314159,
};

function shapeOf(executor: Executor, parts: readonly ComplaintPart[], scoped: boolean): Shape {
  const dialect = dialectOf(executor);
  const key = `${dialect} ${scoped ? 'scoped' : 'any'} ${parts.join(',')}`;
  let shape = shapes.get(key);
  if (!shape) {
    // Without plugins: compiling runs their transformQuery, and this query is never run.
    const { sql: text, parameters } = complaintViewQuery(
      executor.withoutPlugins(),
      STAND_INS.reference,
      parts,
      {
        customerId: scoped ? STAND_INS.customerId : undefined,
        otherComplaints: STAND_INS.otherComplaints,
      },
    ).compile();
    const inputs = parameters.map((value) => {
      const input = (Object.keys(STAND_INS) as (keyof Inputs)[]).find((name) => STAND_INS[name] === value);
      if (!input) throw new Error(`complaint view: a parameter that is no input (${String(value)})`);
      return input;
    });
    const fragments = text.split(dialect === 'sqlite' ? '?' : /\$\d+/);
    if (fragments.length !== inputs.length + 1)
      throw new Error('complaint view: placeholders and parameters differ');
    shape = { fragments, inputs };
    shapes.set(key, shape);
  }
  return shape;
}

/** The query, as Kysely builds it. */
function complaintViewQuery(
  executor: Executor,
  reference: string,
  parts: readonly ComplaintPart[],
  options: ComplaintViewOptions,
) {
  const dialect = dialectOf(executor);
  return executor
    .selectFrom('complaints as c')
    .innerJoin('customers as cu', 'cu.id', 'c.customer_id')
    .select(COMPLAINT_COLUMNS.map((column) => `c.${column}` as const))
    .select('cu.type as customer_type')
    .select((eb) => [
      eb
        .selectFrom('attempts as x')
        .select(jsonArray(dialect, 'x', ATTEMPT_COLUMNS, ['number']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id')
        .as('attempts_json'),
      eb
        .selectFrom('steps as x')
        .select(jsonArray(dialect, 'x', STEP_COLUMNS, ['attempt_number', 'position']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id')
        .as('steps_json'),
      eb
        .selectFrom('adr_letters as x')
        .select(jsonArray(dialect, 'x', ADR_LETTER_COLUMNS, ['issued_at']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id')
        .as('adr_letters_json'),
      eb
        .selectFrom('remedies as x')
        .select(jsonArray(dialect, 'x', REMEDY_COLUMNS, ['recorded_at', 'type', 'id']).as('v'))
        .whereRef('x.complaint_id', '=', 'c.id')
        .as('remedies_json'),
      ...parts.map((part) => PARTS[part].select(eb, dialect, options).as(`${part}_json`)),
    ])
    .where('c.reference', '=', reference)
    .$if(options.customerId !== undefined, (q) => q.where('c.customer_id', '=', options.customerId ?? ''));
}

type ViewRow = ComplaintRow & {
  attempts_json: unknown;
  steps_json: unknown;
  adr_letters_json: unknown;
  remedies_json: unknown;
};

/** The complaint and its parts from the query's one row. */
function toView<P extends ComplaintPart>(row: ViewRow, parts: readonly P[]): ComplaintWith<P> {
  const { attempts_json, steps_json, adr_letters_json, remedies_json, ...complaintRow } = row;
  const view: Record<string, unknown> = {
    complaint: toComplaint(
      complaintRow,
      rows<AttemptRow>(attempts_json),
      rows<StepRow>(steps_json),
      rows<AdrLetterRow>(adr_letters_json),
      rows<RemedyRow>(remedies_json),
    ),
  };
  const columns = row as Record<string, unknown>;
  for (const part of parts) view[part] = PARTS[part].read(columns[`${part}_json`]);
  return view as ComplaintWith<P>;
}

/** A JSON object of `columns` of the row `alias` names: the column names as keys, their values as stored. */
function jsonObject(dialect: Dialect, alias: string, columns: readonly string[]): RawBuilder<unknown> {
  const pairs = sql.join(columns.flatMap((column) => [sql.lit(column), sql.ref(`${alias}.${column}`)]));
  return dialect === 'sqlite' ? sql`json_object(${pairs})` : sql`json_build_object(${pairs})`;
}

/**
 * The rows `alias` names as one JSON array of objects (see jsonObject), in `order` (`column` or
 * `column desc`); `[]` when there are none.
 */
function jsonArray(
  dialect: Dialect,
  alias: string,
  columns: readonly string[],
  order: readonly string[],
): RawBuilder<unknown> {
  const object = jsonObject(dialect, alias, columns);
  const orderBy = sql.join(
    order.map((term) => {
      const [column, direction] = term.split(' ');
      const ref = sql.ref(`${alias}.${column}`);
      return direction === 'desc' ? sql`${ref} desc` : ref;
    }),
  );
  return dialect === 'sqlite'
    ? sql`json_group_array(${object} order by ${orderBy})`
    : sql`coalesce(json_agg(${object} order by ${orderBy}), '[]')`;
}

/** A JSON value as the driver returns it: text from SQLite, already parsed from PostgreSQL. */
function parsed(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

/** A JSON array of rows built by jsonArray; the columns are the ones the row type names (the mapper's own). */
function rows<T>(value: unknown): T[] {
  return parsed(value) as T[];
}
