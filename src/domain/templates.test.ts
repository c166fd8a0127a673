import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from '../config/default-templates.ts';
import { CISAS, MISO_PROCEDURE } from '../config/miso.ts';
import { jobTitleOf } from './staff.ts';
import {
  checkTemplate,
  exampleValues,
  fillTemplate,
  isOfferedAt,
  NO_PROPOSAL_STEPS,
  PLACEHOLDER_NAMES,
  placeholdersIn,
  placeholderValues,
  type ResponseTemplate,
} from './templates.ts';
import { agent, Story } from './test-support.ts';
import { writtenDate } from './time.ts';

const template = (overrides: Partial<ResponseTemplate> = {}): ResponseTemplate => ({
  id: 't1',
  name: 'Test',
  purpose: 'reply',
  stages: [],
  subject: 'About {{complaint.reference}}',
  body: 'Dear {{customer.name}},',
  createdAt: '2026-05-11T08:00:00.000Z',
  updatedAt: '2026-05-11T08:00:00.000Z',
  archivedAt: null,
  ...overrides,
});

const values = exampleValues(MISO_PROCEDURE);

describe('writtenDate', () => {
  it('writes a London date as a UK reader does', () => {
    expect(writtenDate('2027-01-15')).toBe('15 January 2027');
    expect(writtenDate('2026-03-01')).toBe('1 March 2026');
  });
});

describe('checkTemplate', () => {
  it('finds nothing wrong when every placeholder exists', () => {
    expect(checkTemplate(PLACEHOLDER_NAMES.map((n) => `{{${n}}}`).join(' '))).toEqual([]);
    expect(checkTemplate('No placeholders at all.')).toEqual([]);
  });

  it('lists each unknown placeholder once, in the order written, spaces inside the braces ignored', () => {
    expect(
      checkTemplate('Dear {{ customer.nmae }}, {{complaint.reference}} {{handler}} {{customer.nmae}} {{}}'),
    ).toEqual(['customer.nmae', 'handler', '']);
  });

  it('is case-sensitive, as the names are', () => {
    expect(checkTemplate('{{Customer.Name}}')).toEqual(['Customer.Name']);
  });

  it('reads the names of placeholders in order', () => {
    expect(placeholdersIn('{{b.x}} {{a.y}} {{b.x}}')).toEqual(['b.x', 'a.y']);
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder in the subject and the body, wherever and however often it appears', () => {
    const filled = fillTemplate(
      template({
        body: 'Dear {{customer.name}}, about {{ complaint.reference }} ({{complaint.reference}}).',
      }),
      values,
    );
    expect(filled).toEqual({
      subject: 'About MISO-26-000123-C',
      body: 'Dear Sam Taylor, about MISO-26-000123-C (MISO-26-000123-C).',
    });
  });

  it('keeps a null subject null and leaves an unknown placeholder as written', () => {
    expect(fillTemplate(template({ subject: null, body: '{{nope}} {{company.name}}' }), values)).toEqual({
      subject: null,
      body: '{{nope}} Miso Communications',
    });
  });

  it('does not read a value as a placeholder again', () => {
    const tricky = { ...values, 'customer.name': '{{company.name}}' };
    expect(fillTemplate(template({ body: '{{customer.name}}' }), tricky).body).toBe('{{company.name}}');
  });
});

describe('isOfferedAt', () => {
  it('offers a template at its stages only, or at every stage when it lists none', () => {
    expect(isOfferedAt(template({ stages: ['attempt-2'] }), 'attempt-2')).toBe(true);
    expect(isOfferedAt(template({ stages: ['attempt-2'] }), 'attempt-1')).toBe(false);
    expect(isOfferedAt(template({ stages: [] }), 'deadlock')).toBe(true);
  });

  it('never offers an archived template', () => {
    expect(isOfferedAt(template({ archivedAt: '2026-05-12T08:00:00.000Z' }), 'attempt-1')).toBe(false);
  });
});

describe('placeholderValues', () => {
  it('fills from the complaint, the customer, the handler and the procedure', () => {
    const story = new Story();
    const filled = placeholderValues({
      complaint: story.complaint,
      customerName: 'Jo Bloggs',
      handler: { name: 'Alex Agent', jobTitle: jobTitleOf(['agent']) },
      procedure: MISO_PROCEDURE,
    });
    expect(filled).toEqual({
      'customer.name': 'Jo Bloggs',
      'complaint.reference': 'MISO-26-000001-A',
      // First expressed on Monday 11 May 2026: six weeks later.
      'complaint.adrDueOn': '22 June 2026',
      'handler.name': 'Alex Agent',
      'handler.role': 'Customer Relations Adviser',
      'stage.name': 'Resolution Attempt 1',
      'proposal.steps': NO_PROPOSAL_STEPS,
      'company.name': 'Miso Communications',
      'company.phone': '01531 576 006',
      'adrScheme.name': 'the Communications Ombudsman',
    });
  });

  it('lists the current proposal’s steps with their due dates written out', () => {
    const story = new Story();
    story.do(
      {
        type: 'propose',
        summary: 'Refund',
        steps: [
          { description: 'Refund the second charge', ownerId: null, dueOn: '2026-05-15' },
          { description: 'Check the line', ownerId: null, dueOn: '2026-05-20' },
        ],
      },
      agent,
    );
    const filled = placeholderValues({
      complaint: story.complaint,
      customerName: 'Jo Bloggs',
      handler: null,
      procedure: MISO_PROCEDURE,
    });
    expect(filled['proposal.steps']).toBe(
      '- Refund the second charge (by 15 May 2026)\n- Check the line (by 20 May 2026)',
    );
    // Nobody handling it: signed by the team, as the letters are.
    expect(filled['handler.name']).toBe('The Complaints Team');
    expect(filled['handler.role']).toBe('Miso Communications');
  });

  it('does not offer a declined proposal of an earlier attempt as the current one', () => {
    const story = new Story();
    story.do(
      { type: 'propose', summary: 'Refund', steps: [{ description: 'Refund', ownerId: null }] },
      agent,
    );
    story.do({ type: 'record-response', outcome: 'declined' }, { kind: 'customer', customerId: 'cust-1' });
    expect(story.complaint.stage).toBe('attempt-2');
    const filled = placeholderValues({
      complaint: story.complaint,
      customerName: 'Jo Bloggs',
      handler: { name: 'Rita Reviewer', jobTitle: jobTitleOf(['reviewer']) },
      procedure: MISO_PROCEDURE,
    });
    expect(filled['proposal.steps']).toBe(NO_PROPOSAL_STEPS);
    expect(filled['stage.name']).toBe('Resolution Attempt 2');
    expect(filled['handler.role']).toBe('Complaints Reviewer');
  });

  it('names the configured scheme', () => {
    const story = new Story({ procedure: { ...MISO_PROCEDURE, adrScheme: CISAS } });
    const filled = placeholderValues({
      complaint: story.complaint,
      customerName: 'Jo Bloggs',
      handler: null,
      procedure: story.procedure,
    });
    expect(filled['adrScheme.name']).toBe('CISAS');
  });
});

describe('jobTitleOf', () => {
  it('names someone by their most senior role', () => {
    expect(jobTitleOf(['admin', 'director'])).toBe('Director');
    expect(jobTitleOf(['agent', 'reviewer'])).toBe('Complaints Reviewer');
    expect(jobTitleOf(['admin'])).toBe('Customer Relations');
  });
});

describe('the default templates', () => {
  it('use only placeholders that exist, in the subject and the body', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(checkTemplate(t.body), t.id).toEqual([]);
      expect(checkTemplate(t.subject ?? ''), t.id).toEqual([]);
    }
  });

  it('offer a reply at every stage staff reply at, and a proposal for the common remedies', () => {
    for (const stage of ['attempt-1', 'attempt-2', 'attempt-3', 'deadlock', 'closed'] as const) {
      const replies = DEFAULT_TEMPLATES.filter(
        (t) => t.purpose === 'reply' && (t.stages.length === 0 || t.stages.includes(stage)),
      );
      expect(replies.length, stage).toBeGreaterThan(0);
    }
    const proposals = DEFAULT_TEMPLATES.filter((t) => t.purpose === 'proposal').map((t) => t.name);
    expect(proposals).toEqual(
      expect.arrayContaining(['Billing credit', 'Engineer visit', 'Goodwill gesture']),
    );
  });

  it('leave the greeting and sign-off to the reply, and give replies a subject and proposals none', () => {
    for (const t of DEFAULT_TEMPLATES) {
      expect(t.body, t.id).not.toMatch(/dear customer/i);
      expect(t.body, t.id).not.toMatch(/^Dear |Yours sincerely/m);
      if (t.purpose === 'reply') {
        expect(t.subject, t.id).not.toBeNull();
      } else {
        expect(t.subject, t.id).toBeNull();
      }
    }
  });

  it('have unique ids and names', () => {
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.id)).size).toBe(DEFAULT_TEMPLATES.length);
    expect(new Set(DEFAULT_TEMPLATES.map((t) => t.name)).size).toBe(DEFAULT_TEMPLATES.length);
  });
});
