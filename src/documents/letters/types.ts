/** What a letter is given: the facts of its kind, the complaint's reference, the customer and the handler. */
import type { AdrTrigger, AttemptNumber, Channel, ClosureReason } from '../../domain/complaint.ts';
import type { Category, Procedure } from '../../domain/procedure.ts';
import type { LocalDate } from '../../domain/time.ts';

export const LETTER_KINDS = [
  'acknowledgement',
  'proposal',
  'escalation',
  'follow-up',
  'closure',
  'adr-letter-deadlock',
  'adr-letter-time-limit',
  'reply',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type LetterFacts =
  | {
      kind: 'acknowledgement';
      /** ISO instant. */
      receivedAt: string;
      firstExpressedAt: string;
      channel: Channel;
      category: Category;
      description: string;
      /** The description is the customer's own words (else staff's account; default true). */
      descriptionIsTheirWords?: boolean | undefined;
      desiredOutcome: string | null;
      adrDueOn: LocalDate;
      adrEligible: boolean;
    }
  | {
      kind: 'proposal';
      attempt: AttemptNumber;
      summary: string;
      steps: { description: string; dueOn: LocalDate }[];
    }
  | { kind: 'escalation'; from: AttemptNumber; to: AttemptNumber }
  /** Has it resolved your complaint? (`chase`: the reminder when the first question went unanswered.) */
  | { kind: 'follow-up'; chase: boolean }
  | { kind: 'closure'; reason: ClosureReason }
  /** A message staff wrote to the customer, sent by post. */
  | { kind: 'reply'; subject: string; body: string; files?: { id: string; filename: string }[] | undefined }
  | {
      kind: 'adr-letter';
      trigger: AdrTrigger;
      issuedOn: LocalDate;
      windowEndsOn: LocalDate;
      /** What the complaint is about, as recorded. */
      complaintSummary: string;
      /** The summary is the customer's own words (else as we recorded it; default false). */
      summaryIsTheirWords?: boolean | undefined;
      /** Our final position (deadlock: the reason given; time limit: where the complaint stands now). */
      position: string;
      /** The latest proposal we made, if any. */
      lastOffer: string | null;
      /**
       * false for a large business: no ADR scheme can take it (REGULATORY item 3); the letter then gives our
       * final position without referring them to a scheme.
       */
      adrEligible: boolean;
    };

export interface LetterInput {
  procedure: Procedure;
  reference: string;
  /** The letter's date. */
  date: LocalDate;
  customer: { name: string; addressLines: string[]; postcode: string | null };
  /** The named person handling the complaint. */
  handler: { name: string; jobTitle: string };
  largePrint: boolean;
  facts: LetterFacts;
}

export interface RenderedLetter {
  kind: LetterKind;
  title: string;
  /** e.g. `MISO-000123-ADR-letter-2026-11-28.pdf`, filesystem-safe. */
  filename: string;
  pdf: Buffer;
  /** The same letter as plain text, for screen readers and text relay. */
  text: string;
  pages: number;
}

/** The facts of one kind of letter, with the rest of its input. */
export type LetterOf<K extends LetterFacts['kind']> = Omit<LetterInput, 'facts'> & {
  facts: Extract<LetterFacts, { kind: K }>;
};

/**
 * A letter's body as data: the layout draws it on the page and writes it as plain text, so the two never
 * differ. Text a person typed is a `quote` (or sits in a list item) and has been through `typed()` first.
 */
export type LetterBlock =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'list'; items: string[] }
  | { type: 'quote'; text: string };

export interface LetterBody {
  title: string;
  blocks: LetterBlock[];
}
