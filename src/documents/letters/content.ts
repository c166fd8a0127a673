/** Which letter the facts make, and its wording as blocks. */
import { acknowledgementLetter } from './kinds/acknowledgement.ts';
import { adrLetter } from './kinds/adr-letter.ts';
import { closureLetter } from './kinds/closure.ts';
import { escalationLetter } from './kinds/escalation.ts';
import { followUpLetter } from './kinds/follow-up.ts';
import { proposalLetter } from './kinds/proposal.ts';
import { replyLetter } from './kinds/reply.ts';
import type { LetterBody, LetterFacts, LetterInput, LetterKind } from './types.ts';

/** The kind of letter: an ADR letter is two kinds, one per trigger, as reports count them (REGULATORY item 18). */
export function letterKindOf(facts: LetterFacts): LetterKind {
  return facts.kind === 'adr-letter' ? `adr-letter-${facts.trigger}` : facts.kind;
}

export function letterBody(input: LetterInput): LetterBody {
  const { facts } = input;
  // Each branch hands on the input with its facts narrowed to the kind.
  switch (facts.kind) {
    case 'acknowledgement':
      return acknowledgementLetter({ ...input, facts });
    case 'proposal':
      return proposalLetter({ ...input, facts });
    case 'escalation':
      return escalationLetter({ ...input, facts });
    case 'follow-up':
      return followUpLetter({ ...input, facts });
    case 'closure':
      return closureLetter({ ...input, facts });
    case 'adr-letter':
      return adrLetter({ ...input, facts });
    case 'reply':
      return replyLetter({ ...input, facts });
    default: {
      const unknown: never = facts;
      throw new Error(`no letter for ${(unknown as { kind: string }).kind}`);
    }
  }
}
