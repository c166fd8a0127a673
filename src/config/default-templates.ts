/**
 * The response templates a new installation starts with: a reply for each stage of Miso's procedure and a
 * proposal summary for the commonest remedies, in the seed's voice (plain words, "we", the customer by name,
 * never "Dear Customer"; the greeting and sign-off are added when a reply is sent). They are inserted once, when the templates table is empty
 * (app/seed-default-templates.ts); from then on they are the admins' to edit or archive. Each has a fixed id,
 * so two processes starting at once insert them once.
 *
 * The deadlock reply accompanies the ADR letter; it never pretends to be it: the letter, with everything
 * Ofcom requires in it, is issued by the procedure itself.
 */
import type { TemplatePurpose, TemplateStage } from '../domain/templates.ts';

export interface DefaultTemplate {
  id: string;
  name: string;
  purpose: TemplatePurpose;
  stages: TemplateStage[];
  subject: string | null;
  body: string;
}

/**
 * A reply's message: paragraphs only. Every email and letter Redress sends puts "Dear {name}," above it and
 * signs it with the name and role of whoever sends it, so a template never writes either.
 */
const letter = (...paragraphs: string[]) => paragraphs.join('\n\n');

export const DEFAULT_TEMPLATES: readonly DefaultTemplate[] = [
  {
    id: 'default-reply-attempt-1-looking-into-it',
    name: 'We’re looking into it',
    purpose: 'reply',
    stages: ['attempt-1'],
    subject: 'We’re looking into your complaint',
    body: letter(
      'Thank you for telling us about your complaint. I am sorry that we have let you down.',
      'I am looking into it now and will see whether we can put things right straight away. Where we can, I will agree with you the steps we will take and when they will be done.',
      'Your Complaint Reference Number is {{complaint.reference}}. Please quote it whenever you contact us, by replying to this email or calling us on {{company.phone}}.',
    ),
  },
  {
    id: 'default-reply-confirming-steps',
    name: 'Confirming the steps we agreed',
    purpose: 'reply',
    stages: ['attempt-1', 'attempt-2', 'attempt-3'],
    subject: 'The steps we agreed to resolve your complaint',
    body: letter(
      'Thank you for agreeing to our proposal to resolve your complaint ({{complaint.reference}}). As agreed, we will:',
      '{{proposal.steps}}',
      'Once these are done, we will contact you to check that the issue is resolved to your satisfaction. If anything changes in the meantime, please reply to this email or call us on {{company.phone}}.',
    ),
  },
  {
    id: 'default-reply-attempt-2-detailed-review',
    name: 'Your complaint is under detailed review',
    purpose: 'reply',
    stages: ['attempt-2'],
    subject: 'Your complaint is under detailed review',
    body: letter(
      'We have not been able to put things right straight away, so your complaint ({{complaint.reference}}) has moved to {{stage.name}}: a more detailed review.',
      'I will look at everything that has happened, including our records of your account and service, and then contact you with a proposal of what we will do to put it right. If you agree, we will carry it out and then check with you that the issue is resolved.',
      'If there is anything you would like to add in the meantime, please reply to this email or call us on {{company.phone}}.',
    ),
  },
  {
    id: 'default-reply-attempt-2-request-for-information',
    name: 'Request for information',
    purpose: 'reply',
    stages: ['attempt-2'],
    subject: 'Could you tell us a little more?',
    body: letter(
      'Thank you for your patience while we review your complaint ({{complaint.reference}}).',
      'To finish our review, I need a little more information from you:',
      '- [say exactly what you need, and why]',
      'You can reply to this email, or call us on {{company.phone}} and quote your Complaint Reference Number. As soon as I have it, I will carry on with the review.',
    ),
  },
  {
    id: 'default-reply-attempt-3-director-review',
    name: 'Director-level review',
    purpose: 'reply',
    stages: ['attempt-3'],
    subject: 'A director is now reviewing your complaint',
    body: letter(
      'I am sorry that our first two attempts have not resolved your complaint ({{complaint.reference}}).',
      'Your complaint is now at {{stage.name}}, and I am reviewing it personally as a director. I was not involved in the earlier review, so I will look at it afresh. I will then contact you with our final proposal to put things right.',
      'If your complaint is not resolved by {{complaint.adrDueOn}}, we will send you an ADR letter, and you can then take your complaint to {{adrScheme.name}}, free of charge.',
    ),
  },
  {
    id: 'default-reply-deadlock-final-position',
    name: 'Our final position and your right to go to the ombudsman',
    purpose: 'reply',
    stages: ['deadlock'],
    subject: 'Our final position on your complaint',
    body: letter(
      'I am sorry that we have not been able to resolve your complaint ({{complaint.reference}}) to your satisfaction.',
      'Our final position is: [say what we have done and what we are still offering, in plain words].',
      'We are sending you our ADR letter, which confirms this. It explains how to take your complaint to {{adrScheme.name}}: they are independent, approved by Ofcom, and free for you to use. You have 12 months from the date of the letter to do so; the letter gives the exact date and every way to contact them.',
      'If you have any questions about this, please reply to this email or call us on {{company.phone}}.',
    ),
  },
  {
    id: 'default-reply-closed-follow-up',
    name: 'Following up on your closed complaint',
    purpose: 'reply',
    stages: ['closed'],
    subject: 'Following up on your complaint',
    body: letter(
      'Your complaint ({{complaint.reference}}) is now closed, and I wanted to check that everything is still working as it should.',
      'If the problem has come back, or anything we agreed has not happened, please reply to this email or call us on {{company.phone}} and quote your Complaint Reference Number.',
      'We review every complaint to learn from it and improve how we work. Thank you for taking the time to tell us.',
    ),
  },
  {
    id: 'default-proposal-putting-it-right',
    name: 'Proposal: putting it right',
    purpose: 'proposal',
    stages: ['attempt-1'],
    subject: null,
    body: 'We are sorry for the trouble this has caused you. We have looked into what went wrong: [say what happened, in plain words]. To put it right, we will take the steps below, by the dates shown. Once they are done, we will contact you to check that your complaint is resolved.',
  },
  {
    id: 'default-proposal-billing-credit',
    name: 'Billing credit',
    purpose: 'proposal',
    stages: [],
    subject: null,
    body: 'We have checked your account and agree that you were charged incorrectly. We will credit your account with [amount] to correct it, and you will see the credit on your next bill. We will also make sure the charge does not happen again.',
  },
  {
    id: 'default-proposal-engineer-visit',
    name: 'Engineer visit',
    purpose: 'proposal',
    stages: [],
    subject: null,
    body: 'We will send an engineer to find and fix the fault on [date], between [time] and [time]. Please make sure someone aged 18 or over is at home. Once the engineer has been, we will contact you to check that your service is working properly.',
  },
  {
    id: 'default-proposal-goodwill-gesture',
    name: 'Goodwill gesture',
    purpose: 'proposal',
    stages: [],
    subject: null,
    body: 'We are sorry for the inconvenience this has caused you. As a gesture of goodwill, we will credit your account with [amount]. This is in addition to putting right the problem itself.',
  },
];
