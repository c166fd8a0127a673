/**
 * Miso Communications' Complaints Procedure (issue of 27 July 2012), brought up to date by the rules that
 * apply in 2026 (shared/REGULATORY.md): the deadlock letter is now the ADR letter, also sent unasked at the
 * time limit; the scheme is the Communications Ombudsman; the customer has 12 months to refer.
 */
import type { AdrScheme, Procedure } from '../domain/procedure.ts';

/** The default scheme (REGULATORY.md item 12): Ombudsman Services: Communications, renamed. */
export const COMMUNICATIONS_OMBUDSMAN: AdrScheme = {
  id: 'communications-ombudsman',
  name: 'Communications Ombudsman',
  nameInText: 'the Communications Ombudsman',
  address: { lines: ['PO Box 730'], town: 'Warrington', postcode: 'WA4 6WU' },
  phone: '0330 440 1614',
  textphone: '0330 440 1600',
  email: null,
  website: 'https://www.commsombudsman.org',
  maxAwardPence: 1_000_000,
  remedyDays: 28,
  remedyDaysAreWorkingDays: false,
};

/** The other Ofcom-approved scheme, run by CEDR; its decisions are implemented within 20 working days. */
export const CISAS: AdrScheme = {
  id: 'cisas',
  name: 'CISAS (Communications and Internet Services Adjudication Scheme)',
  nameInText: 'CISAS',
  address: { lines: ['CEDR', '100 St Paul’s Churchyard'], town: 'London', postcode: 'EC4M 8BU' },
  phone: '020 7520 3827',
  textphone: null,
  email: 'info@cisas.org.uk',
  website: 'https://www.cisas.org.uk',
  maxAwardPence: 1_000_000,
  remedyDays: 20,
  remedyDaysAreWorkingDays: true,
};

export const MISO_PROCEDURE: Procedure = {
  company: {
    name: 'Miso Communications Limited',
    tradingName: 'Miso Communications',
    phone: '01531 576 006',
    email: 'enquiries@miso-comms.net',
    website: 'https://www.miso-comms.net',
    // The seed gives no postal address; providers replace this in their procedure file.
    address: { lines: ['Miso Communications Limited'], town: 'Ledbury', postcode: 'HR8 1AA' },
  },
  stages: {
    initiation: {
      name: 'Complaint Initiation',
      description:
        'Gather the facts: who, what happened, what they want, when they first complained. Issue the CRN.',
      customerText:
        'We gather as much information from you as we can about your complaint and give you a Complaint Reference Number.',
      roles: ['agent', 'reviewer', 'director'],
    },
    'attempt-1': {
      name: 'Resolution Attempt 1',
      description:
        'At the time the complaint is raised, explore whether remedial action can be suggested and implemented; agree the steps and timescales, implement them, then contact the customer.',
      customerText:
        'When you raise your complaint we explore whether we can put things right straight away. Where we can, we agree with you the steps we will take and when, and once they are done we contact you to check the issue is resolved.',
      roles: ['agent', 'reviewer', 'director'],
    },
    'attempt-2': {
      name: 'Resolution Attempt 2',
      description:
        'A more detailed review resulting in a proposal for remedial action, discussed with the customer, implemented if agreeable, then followed up.',
      customerText:
        'If the issue cannot be dealt with immediately, we carry out a more detailed review and propose what we will do. We discuss it with you, put it in place if you agree, and then check with you that the issue is resolved.',
      roles: ['reviewer', 'director'],
    },
    'attempt-3': {
      name: 'Resolution Attempt 3',
      description:
        'A director-level review resulting in the final proposal for remedial action; the reviewer must not have handled attempt 2.',
      customerText:
        'If the first two attempts have not resolved your complaint, a director reviews it and makes our final proposal. We discuss it with you, put it in place if you agree, and then check with you that the issue is resolved.',
      roles: ['director'],
    },
    deadlock: {
      name: 'Deadlock',
      description:
        'Nothing further can be done: the ADR letter is issued the same day, naming the ADR scheme; referral and outcome are tracked.',
      customerText:
        'If we still have not resolved your complaint, we send you an ADR letter the same day. It confirms our final position and explains how to take your complaint to our independent dispute resolution scheme, free of charge.',
      roles: ['director'],
    },
    closed: {
      name: 'Closed',
      description: 'The complaint is closed with a reason, a root cause and lessons learned.',
      customerText: 'Your complaint is closed. We review what went wrong to improve how we work.',
      roles: [],
    },
  },
  timescales: {
    adrLimitWeeks: 6,
    adrLimitWeeksBefore: 8,
    adrLimitChangedOn: '2026-04-08',
    noResponseCloseDays: 28,
    adrWarningWeeks: [4, 5],
    acknowledgeWorkingDays: 0,
    defaultStepWorkingDays: 5,
    followUpWorkingDays: 2,
    adrWindowMonths: 12,
    remedyReminderDays: [7, 2],
  },
  adrScheme: COMMUNICATIONS_OMBUDSMAN,
  regulator: { name: 'Ofcom', website: 'https://www.ofcom.org.uk', phone: '0300 123 3333' },
  categories: ['billing', 'service-quality', 'customer-service', 'contract', 'equipment', 'other'],
  crn: { prefix: 'MISO', sequenceDigits: 6 },
  attempt3ReviewerMustDiffer: true,
  deadlockAfterDirectorReview: true,
  // A complaint that moves to a stage its owner cannot work at waits in that stage's queue for someone to
  // take it; no one is named for unassigned letters until a provider sets its responsible director.
  routing: { assignment: 'queue', responsibleDirector: null },
};
