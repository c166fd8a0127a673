import { describe, expect, it } from 'vitest';
import { newId } from './ids.ts';

describe('newId', () => {
  it('is a UUID of version 7 and the RFC variant', () => {
    expect(newId()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('carries its millisecond timestamp in the first 48 bits, so later ids sort later', () => {
    const ms = Date.UTC(2026, 3, 8, 9, 30);
    const id = newId(ms);
    expect(Number.parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(ms);
    expect(newId(ms + 1) > id).toBe(true);
  });

  it('does not repeat', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(0)));
    expect(ids.size).toBe(10_000);
  });
});
