import { describe, expect, it } from 'vitest';
import { dueToRecordSeen, sessionEnd } from './session-timeouts.ts';
import { describeDevice } from './user-agent.ts';

describe('describeDevice', () => {
  it('names the browser and the system people recognise', () => {
    const cases: [string | null, string][] = [
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
        'Edge on Windows',
      ],
      [
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
        'Firefox on Windows',
      ],
      [
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
        'Safari on iOS',
      ],
      [
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
        'Chrome on macOS',
      ],
      [
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
        'Chrome on Android',
      ],
      ['curl/8.5.0', 'curl'],
      ['node', 'Unknown device'],
      [null, 'Unknown device'],
    ];
    for (const [header, device] of cases)
      expect({ header, device: describeDevice(header) }).toEqual({ header, device });
  });
});

describe('session timeouts', () => {
  const limits = { idleMinutes: 60, maxHours: 12 };
  const opened = new Date('2026-12-07T08:00:00Z');
  it('ends an hour after the last request, and never later than 12 hours after sign-in', () => {
    expect(sessionEnd(opened, opened, limits).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    expect(sessionEnd(opened, new Date('2026-12-07T15:30:00Z'), limits).toISOString()).toBe(
      '2026-12-07T16:30:00.000Z',
    );
    expect(sessionEnd(opened, new Date('2026-12-07T19:45:00Z'), limits).toISOString()).toBe(
      '2026-12-07T20:00:00.000Z',
    );
  });
  it('records a sighting at most once a minute', () => {
    expect(dueToRecordSeen(opened, new Date('2026-12-07T08:00:59.999Z'))).toBe(false);
    expect(dueToRecordSeen(opened, new Date('2026-12-07T08:01:00Z'))).toBe(true);
  });
});
