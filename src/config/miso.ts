/**
 * Miso Communications' Complaints Procedure (issue of 27 July 2012), brought up to date by the rules that
 * apply in 2026 (shared/REGULATORY.md): the deadlock letter is now the ADR letter, also sent unasked at the
 * time limit; the scheme is the Communications Ombudsman; the customer has 12 months to refer.
 */
import type { AdrScheme, Procedure, RootCause } from '../domain/procedure.ts';

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

/**
 * The causes a telecoms complaint is put down to at closure (issue 12): the broad ones the dashboard
 * compares period on period, with finer ones where staff can usually tell. Codes are kept once used.
 */
export const TELECOMS_ROOT_CAUSES: RootCause[] = [
  {
    code: 'billing-error',
    label: 'Billing error',
    children: [
      { code: 'billing-wrong-charge', label: 'Charged wrongly or twice' },
      { code: 'billing-credit-not-applied', label: 'Credit or refund not applied' },
      { code: 'billing-payment-taken-wrongly', label: 'Payment taken wrongly' },
      { code: 'billing-price-change', label: 'Price change not explained' },
    ],
  },
  {
    code: 'fault-repair',
    label: 'Fault or repair',
    children: [
      { code: 'fault-repeat', label: 'Repeat fault' },
      { code: 'fault-repair-slow', label: 'Repair took too long' },
      { code: 'fault-misdiagnosed', label: 'Fault misdiagnosed' },
    ],
  },
  {
    code: 'provisioning-delay',
    label: 'Provisioning delay',
    children: [
      { code: 'provisioning-order-error', label: 'Order entered wrongly' },
      { code: 'provisioning-wholesale', label: 'Delay at the network operator' },
      { code: 'provisioning-switching', label: 'Switching problem' },
    ],
  },
  { code: 'missed-appointment', label: 'Missed appointment' },
  {
    code: 'mis-selling',
    label: 'Mis-selling',
    children: [
      { code: 'mis-selling-speed', label: 'Speed or coverage overstated' },
      { code: 'mis-selling-terms', label: 'Terms not explained' },
    ],
  },
  {
    code: 'contract-cancellation',
    label: 'Contract or cancellation',
    children: [
      { code: 'contract-exit-charges', label: 'Early exit charges' },
      { code: 'contract-cancellation-not-actioned', label: 'Cancellation not actioned' },
      { code: 'contract-end-notice', label: 'End-of-contract notice' },
    ],
  },
  {
    code: 'customer-service-conduct',
    label: 'Customer-service conduct',
    children: [
      { code: 'conduct-no-call-back', label: 'Promised call-back not made' },
      { code: 'conduct-wrong-information', label: 'Wrong information given' },
      { code: 'conduct-manner', label: 'Manner of staff' },
    ],
  },
  {
    code: 'equipment',
    label: 'Equipment',
    children: [
      { code: 'equipment-faulty', label: 'Faulty equipment' },
      { code: 'equipment-delivery', label: 'Not delivered or collected' },
    ],
  },
  { code: 'other', label: 'Other' },
];

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
  rootCauses: TELECOMS_ROOT_CAUSES,
  // Issue 12: complaints that reached the detailed review or beyond say what went wrong.
  rootCauseRequiredAt: ['attempt-2', 'attempt-3', 'deadlock'],
};
