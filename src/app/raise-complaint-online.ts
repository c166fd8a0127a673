/**
 * A customer raises a complaint on the website, without an account. It goes through the same Complaint
 * Initiation as a complaint staff record (CRN, attempt 1, ADR clock, acknowledgement date), with the customer
 * as the actor and their web form logged as their own contact, all in one transaction.
 *
 * Files the customer attaches (photos of bills, screenshots) are checked before anything is written and
 * stored in the same transaction (customer-uploads.ts): a refused file means no complaint either.
 *
 * Every complaint raised here gets a NEW customer record: an anonymous form is never matched to an existing
 * customer by email or phone, so nobody can attach a complaint to, or change, someone else's record. Staff
 * merge records later if they are the same person.
 */
import { findComplaintById } from '../db/complaints.ts';
import { adrDueOn } from '../domain/clocks.ts';
import type { CustomerType } from '../domain/complaint.ts';
import type { FormatNeeds } from '../domain/customer.ts';
import type { Category } from '../domain/procedure.ts';
import { type LocalDate, londonDate, startOfLondonDay } from '../domain/time.ts';
import type { AppContext } from './context.ts';
import {
  checkUploads,
  storeUploads,
  type UploadedFile,
  uploadsFingerprint,
  withFileNames,
} from './customer-uploads.ts';
import { invalidField } from './errors.ts';
import { type RecordedComplaint, recordComplaint } from './record-complaint.ts';

/** What the web form asks. */
export interface OnlineComplaint {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  addressLines?: string[] | undefined;
  postcode?: string | undefined;
  customerType: CustomerType;
  category: Category;
  whatHappened: string;
  whatYouWant?: string | undefined;
  /** The London date the customer first complained about this, if before today; it starts the ADR clock. */
  firstComplainedOn?: LocalDate | undefined;
  needs?: Partial<FormatNeeds> | undefined;
  /** Anything that makes dealing with us harder, in the customer's words. */
  support?: string | undefined;
  formal: boolean;
  /** Files that show what happened (a bill, a screenshot). */
  attachments?: UploadedFile[] | undefined;
}

/** The idempotency scope of web complaints: no staff user id can equal it, so keys never collide. */
export const ONLINE_IDEMPOTENCY_SCOPE = 'portal:raise-complaint';

/** The recorded complaint, with the dates the customer is told on the confirmation page. */
export interface RaisedComplaint extends RecordedComplaint {
  /** The London date by which we acknowledge the complaint. */
  acknowledgeBy: LocalDate;
  /** The London date from which the customer may take it to the ADR scheme if it is not resolved. */
  adrDueOn: LocalDate;
}

/**
 * Records the complaint and returns its CRN and its dates. `idempotencyKey` makes a retried submission return
 * the same complaint.
 */
export async function raiseComplaintOnline(
  ctx: AppContext,
  input: OnlineComplaint,
  idempotencyKey?: string,
): Promise<RaisedComplaint> {
  if (!input.email && !input.phone) {
    throw invalidField('email', 'or a phone number is needed so that we can reply');
  }
  const today = londonDate(ctx.now());
  if (input.firstComplainedOn && input.firstComplainedOn > today) {
    throw invalidField('firstComplainedOn', 'must not be in the future');
  }
  const files = await checkUploads(ctx, input.attachments ?? []);
  // An earlier first complaint starts the ADR clock then; today's is now.
  const firstExpressedAt =
    input.firstComplainedOn && input.firstComplainedOn < today
      ? startOfLondonDay(input.firstComplainedOn).toISOString()
      : undefined;
  const recorded = await recordComplaint(
    ctx,
    {
      customer: {
        name: input.name,
        email: input.email,
        phone: input.phone,
        type: input.customerType,
        addressLines: input.addressLines,
        postcode: input.postcode,
        needs: input.needs,
        preferredChannel: input.email ? 'email' : 'phone',
        vulnerabilityNotes: input.support,
      },
      channel: 'web',
      description: input.whatHappened,
      category: input.category,
      formal: input.formal,
      desiredOutcome: input.whatYouWant,
      firstExpressedAt,
      contact: { direction: 'in', summary: withFileNames('Raised this complaint on our website.', files) },
    },
    'the-customer',
    idempotencyKey
      ? {
          scope: ONLINE_IDEMPOTENCY_SCOPE,
          key: idempotencyKey,
          ...(files.length ? { covers: uploadsFingerprint(files) } : {}),
        }
      : undefined,
    files.length
      ? (trx, complaint) => storeUploads(trx, complaint, files, ctx.now()).then(() => {})
      : undefined,
  );
  // Read back, so that a replayed submission gets the dates of the complaint it first created.
  const complaint = await findComplaintById(ctx.db.kysely, recorded.id);
  if (!complaint) throw new Error(`complaint ${recorded.id} vanished after being recorded`);
  return {
    ...recorded,
    acknowledgeBy: complaint.acknowledgeBy,
    adrDueOn: adrDueOn(complaint, ctx.procedure),
  };
}
