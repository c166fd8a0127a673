/**
 * The ADR letter, at deadlock or at the time limit: everything REGULATORY.md item 11 asks for — the summary of
 * the complaint and our final position or offer, which trigger applies, the scheme (independent, approved by
 * the regulator, free), the 12-month window with its end date, what the scheme can order, that its decision
 * binds us only if the customer accepts it, and its full contact details. The customer's name, the CRN, the
 * date and the handler's name are in the letter's furniture and sign-off.
 *
 * A large business cannot use a scheme (REGULATORY item 3): its letter gives our final position and says so.
 */
import type { AdrScheme } from '../../../domain/procedure.ts';
import { formatDate } from '../../../mail/templates/layout.ts';
import { noSchemeSentence, schemeContactItems } from '../../../mail/templates/wording.ts';
import { typed } from '../typed.ts';
import type { LetterBlock, LetterBody, LetterOf } from '../types.ts';
import { capitalise, formatPounds } from '../words.ts';
import { howToReachUs } from './contact.ts';

type AdrLetter = LetterOf<'adr-letter'>;

/**
 * The scheme's full name where the letter first names it ("CISAS (Communications and Internet Services
 * Adjudication Scheme)"), read inside a sentence ("the Communications Ombudsman"); its short name after.
 */
function fullNameInText(scheme: AdrScheme): string {
  const bare = scheme.nameInText.replace(/^the /i, '');
  return scheme.name.includes(bare)
    ? scheme.nameInText.replace(bare, scheme.name)
    : `${scheme.nameInText} (${scheme.name})`;
}

function triggerBlocks({ procedure, facts }: AdrLetter): LetterBlock[] {
  const t = procedure.timescales;
  if (facts.trigger === 'deadlock') {
    return [
      {
        type: 'paragraph',
        text: 'We have reached the end of our complaints procedure without resolving your complaint. This is our final position.',
      },
    ];
  }
  return [
    {
      type: 'paragraph',
      text: 'Your complaint has not been resolved within the time allowed, so we are sending you this letter.',
    },
    {
      type: 'paragraph',
      text: `The time allowed is ${t.adrLimitWeeks} weeks from the day you first told us you were unhappy (${t.adrLimitWeeksBefore} weeks for complaints first raised before ${formatDate(t.adrLimitChangedOn)}). Your complaint stays open, and we are still working to resolve it.`,
    },
  ];
}

function positionBlocks({ facts }: AdrLetter): LetterBlock[] {
  return [
    { type: 'heading', text: 'Your complaint' },
    {
      type: 'paragraph',
      text: facts.summaryIsTheirWords
        ? 'What your complaint is about, in your words:'
        : 'What your complaint is about, as we recorded it:',
    },
    { type: 'quote', text: typed(facts.complaintSummary) },
    {
      type: 'heading',
      text: facts.trigger === 'deadlock' ? 'Our final position' : 'Where your complaint stands now',
    },
    { type: 'quote', text: typed(facts.position) },
    ...(facts.lastOffer === null
      ? []
      : [
          { type: 'paragraph' as const, text: 'The last offer we made to resolve your complaint:' },
          { type: 'quote' as const, text: typed(facts.lastOffer) },
        ]),
  ];
}

function schemeBlocks({ procedure, reference, facts }: AdrLetter): LetterBlock[] {
  const { adrScheme: scheme, regulator, timescales } = procedure;
  const Scheme = capitalise(scheme.nameInText);
  return [
    { type: 'heading', text: `Taking your complaint to ${scheme.nameInText}` },
    {
      type: 'paragraph',
      text: `${
        facts.trigger === 'deadlock' ? 'You can now' : 'You do not have to wait for us: you can now'
      } take your complaint to ${fullNameInText(scheme)}. It is an independent alternative dispute resolution (ADR) scheme, approved by ${regulator.name}, the communications regulator, and it is free for you to use.`,
    },
    {
      type: 'paragraph',
      text: `You have ${timescales.adrWindowMonths} months from the date of this letter, until ${formatDate(facts.windowEndsOn)}, to take your complaint to ${scheme.nameInText}.`,
    },
    { type: 'paragraph', text: `If it decides in your favour, ${scheme.nameInText} can order us to:` },
    {
      type: 'list',
      items: [
        'give you an apology',
        'give you an explanation',
        'take practical action to put things right',
        `pay you a financial award of up to ${formatPounds(scheme.maxAwardPence)}, including VAT`,
      ],
    },
    {
      type: 'paragraph',
      text: 'Its decision binds us only if you accept it. If you do not accept it, you are free to take other action, such as going to court.',
    },
    { type: 'heading', text: `How to contact ${scheme.nameInText}` },
    { type: 'list', items: schemeContactItems(scheme) },
    {
      type: 'paragraph',
      text: `${Scheme} will ask for your Complaint Reference Number, ${reference}, and may ask for a copy of this letter.`,
    },
  ];
}

/** For a customer no scheme can take: said plainly, with what they can do instead. */
function noSchemeBlocks({ procedure }: AdrLetter): LetterBlock[] {
  return [
    { type: 'heading', text: 'Independent dispute resolution' },
    {
      type: 'paragraph',
      text: noSchemeSentence(procedure),
    },
    {
      type: 'paragraph',
      text: 'If you are not happy with our position, you may wish to get independent legal or business advice about what else you can do.',
    },
  ];
}

export function adrLetter(letter: AdrLetter): LetterBody {
  const { facts, handler, procedure, reference } = letter;
  const title = facts.adrEligible
    ? facts.trigger === 'deadlock'
      ? 'Your ADR letter: our final position'
      : 'Your ADR letter: the time limit has passed'
    : facts.trigger === 'deadlock'
      ? 'Our final position on your complaint'
      : 'Your complaint: the time limit has passed';
  return {
    title,
    blocks: [
      ...triggerBlocks(letter),
      ...positionBlocks(letter),
      ...(facts.adrEligible ? schemeBlocks(letter) : noSchemeBlocks(letter)),
      { type: 'heading', text: 'Questions about this letter' },
      {
        type: 'paragraph',
        text: `${typed(handler.name, 200)} is handling your complaint. If you have any questions about this letter, please contact us.`,
      },
      howToReachUs(procedure, reference),
    ],
  };
}
