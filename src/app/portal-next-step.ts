/**
 * What the portal tells a customer about the road ahead, in plain words with the dates written out: what
 * happens next and by when, and when they may take the complaint to the ADR scheme (the ombudsman). The
 * sentences they share with emails and letters come from the same wording module, so all three agree.
 */
import { adrDueOn, noResponseCloseOn } from '../domain/clocks.ts';
import { adrEligible, type Complaint, currentAttempt } from '../domain/complaint.ts';
import type { Procedure } from '../domain/procedure.ts';
import type { LocalDate } from '../domain/time.ts';
import { formatDate } from '../mail/templates/layout.ts';
import { adrTimeLimitPromise, noSchemeSentence } from '../mail/templates/wording.ts';

export interface NextStep {
  text: string;
  /** The date the text names, for machines; null when the next step has no date. */
  by: LocalDate | null;
}

/** The latest agreed step date still to come, if any step is not done. */
function lastOpenStepDate(complaint: Complaint): LocalDate | null {
  const open = (currentAttempt(complaint)?.proposal?.steps ?? []).filter((s) => s.completedAt === null);
  return (
    open
      .map((s) => s.dueOn)
      .sort()
      .at(-1) ?? null
  );
}

/** What we do if the customer declines, or the attempt does not put things right. */
function ifNotResolved(complaint: Complaint, procedure: Procedure): string {
  return complaint.stage === 'attempt-3'
    ? `If you do not agree, or it does not put things right, we will send you our ADR letter, and you can take your complaint to ${procedure.adrScheme.nameInText}.`
    : 'If you do not agree, or it does not put things right, we will look at your complaint again at a more senior level.';
}

/** What happens next, and by when; null once the complaint is closed. */
export function nextStep(complaint: Complaint, procedure: Procedure): NextStep | null {
  const scheme = procedure.adrScheme.nameInText;
  if (complaint.stage === 'closed') return null;
  if (complaint.stage === 'deadlock') {
    const letter = complaint.adrLetters.at(-1);
    if (complaint.referral) {
      return {
        text: `${scheme} is looking at your complaint. If you accept its decision, we will do what it says.`,
        by: null,
      };
    }
    return letter
      ? {
          text: `You can take your complaint to ${scheme}, free of charge, until ${formatDate(letter.windowEndsOn)}. Our ADR letter says how.`,
          by: letter.windowEndsOn,
        }
      : {
          text: `We will send you our ADR letter, which says how to take your complaint to ${scheme}.`,
          by: null,
        };
  }
  const attempt = currentAttempt(complaint);
  const otherwise = ifNotResolved(complaint, procedure);
  switch (attempt?.phase) {
    case 'awaiting-response':
      return {
        text: `Please tell us below whether you agree with what we propose. If you accept, we will carry out the steps by the dates shown. ${otherwise}`,
        by: null,
      };
    case 'implementing': {
      const by = lastOpenStepDate(complaint);
      return {
        text: `We will carry out the steps we agreed${by ? ` by ${formatDate(by)}` : ''}. Then we will ask you whether they have resolved your complaint.`,
        by,
      };
    }
    case 'follow-up':
      return {
        text: `Please tell us below whether this has resolved your complaint. If we do not hear from you within ${procedure.timescales.noResponseCloseDays} days of asking, we will treat it as resolved and close it.`,
        by: null,
      };
    case 'chasing': {
      const by = noResponseCloseOn(complaint, procedure);
      return {
        text: `Please tell us below whether this has resolved your complaint. If we do not hear from you${by ? ` by ${formatDate(by)}` : ''}, we will treat it as resolved and close it.`,
        by,
      };
    }
    default:
      return {
        text: `We are looking into your complaint and will contact you to agree what we will do to put things right, and by when. ${otherwise}`,
        by: null,
      };
  }
}

export interface AdrInWords {
  /** From when the customer may take the complaint to the scheme; null when their customer type cannot. */
  from: LocalDate | null;
  text: string;
}

/** When the customer may go to the ombudsman, in plain words; null for a closed complaint with no ADR letter. */
export function adrInWords(complaint: Complaint, procedure: Procedure): AdrInWords | null {
  if (!adrEligible(complaint)) return { from: null, text: noSchemeSentence(procedure) };
  const scheme = procedure.adrScheme.nameInText;
  const letter = complaint.adrLetters.at(-1);
  if (letter) {
    return {
      from: letter.issuedOn,
      text: `We sent you an ADR letter on ${formatDate(letter.issuedOn)}: you can take your complaint to ${scheme}, free of charge, until ${formatDate(letter.windowEndsOn)}.`,
    };
  }
  if (complaint.stage === 'closed') return null;
  const from = adrDueOn(complaint, procedure);
  return {
    from,
    text: `${adrTimeLimitPromise(procedure, from)} If we find before then that we can do no more, we will send it straight away.`,
  };
}
