import { describe, expect, it } from 'vitest';
import { MISO_PROCEDURE } from '../config/miso.ts';
import { historicalComplaint, readImportRow, readInstant } from './historical-complaint.ts';

const NOW = new Date('2026-11-02T10:00:00Z');

describe('readInstant', () => {
  it('reads London dates and times, day first, and ISO 8601 with a zone', () => {
    expect(readInstant('2025-07-14')?.toISOString()).toBe('2025-07-13T23:00:00.000Z');
    expect(readInstant('14/07/2025 09:05')?.toISOString()).toBe('2025-07-14T08:05:00.000Z');
    expect(readInstant('1/2/2025 9:05')?.toISOString()).toBe('2025-02-01T09:05:00.000Z');
    expect(readInstant('2025-07-14 09:05:59')?.toISOString()).toBe('2025-07-14T08:05:00.000Z');
    expect(readInstant('2025-07-14T09:05:00+02:00')?.toISOString()).toBe('2025-07-14T07:05:00.000Z');
  });
  it('refuses what is not a date', () => {
    for (const text of ['31/02/2025', '2025-13-01', '14/07/2025 24:00', 'yesterday', '07-14-2025']) {
      expect(readInstant(text), text).toBeNull();
    }
  });
});

describe('readImportRow', () => {
  const row = {
    external_id: 'X1',
    received_at: '2026-06-01 10:00',
    channel: 'Phone',
    description: 'No signal',
    customer_name: 'Ann',
  };

  it('defaults an open complaint at attempt 1, first expressed when received', () => {
    const read = readImportRow(row, MISO_PROCEDURE, NOW);
    expect(read).toMatchObject({
      ok: true,
      complaint: { stage: 'attempt-1', attempt: 1, channel: 'phone', category: 'other', closure: null },
    });
    if (read.ok) expect(read.complaint.firstExpressedAt).toBe(read.complaint.receivedAt);
  });

  it('files a closed complaint’s cause under the tree’s code it names, or under other with the words kept', () => {
    const closed = { ...row, closed_at: '2026-06-20', closure_reason: 'resolved' };
    const cause = (root_cause: string, lessons = '') => {
      const read = readImportRow({ ...closed, root_cause, lessons }, MISO_PROCEDURE, NOW);
      if (!read.ok) throw new Error(read.reasons.join('; '));
      return read.complaint.closure;
    };
    expect(cause('Billing error')).toMatchObject({ rootCause: 'billing-error', lessons: null });
    expect(cause('early exit charges')).toMatchObject({ rootCause: 'contract-exit-charges' });
    expect(cause('fault-repeat', 'Check the line')).toMatchObject({
      rootCause: 'fault-repeat',
      lessons: 'Check the line',
    });
    expect(cause(' Router firmware ', 'Update it')).toMatchObject({
      rootCause: 'other',
      lessons: 'Root cause as given: Router firmware\n\nUpdate it',
    });
  });

  it('reports every problem of a row at once', () => {
    const read = readImportRow(
      { ...row, channel: 'fax', customer_name: '', stage: 'deadlock' },
      MISO_PROCEDURE,
      NOW,
    );
    expect(read.ok ? [] : read.reasons).toEqual([
      'channel "fax" is not one of phone, email, web, letter, textphone, in-person',
      'customer_name is missing',
      'adr_letter_on is missing: a complaint at deadlock has had its ADR letter',
    ]);
  });

  it('builds a deadlocked complaint as the procedure would: three attempts, the letter, the ADR window', () => {
    const read = readImportRow(
      { ...row, stage: 'deadlock', adr_letter_on: '2026-07-01' },
      MISO_PROCEDURE,
      NOW,
    );
    if (!read.ok) throw new Error(read.reasons.join('; '));
    const ids = { id: 'c1', reference: 'MISO-26-000001-E', customerId: 'cu1', letterId: 'l1' };
    const { complaint } = historicalComplaint(read.complaint, ids, null, 'old', MISO_PROCEDURE);
    expect(complaint.stage).toBe('deadlock');
    expect(complaint.attempts.map((a) => [a.number, a.phase, a.outcome])).toEqual([
      [1, 'ended', 'escalated'],
      [2, 'ended', 'escalated'],
      [3, 'ended', 'deadlock'],
    ]);
    expect(complaint.adrLetters).toEqual([
      expect.objectContaining({ trigger: 'deadlock', issuedOn: '2026-07-01', windowEndsOn: '2027-06-30' }),
    ]);
    expect(complaint.receivedAt).toBe('2026-06-01T09:00:00.000Z');
  });
});
