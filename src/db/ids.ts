/**
 * Internal ids: UUIDv7 (RFC 9562). Time-ordered, so new rows land at the end of a B-tree index instead of
 * scattering across it, and sortable by creation without a second column. Customers never see them.
 */
import { randomBytes } from 'node:crypto';

/** A new UUIDv7; `unixMs` (default: the wall clock) fills the 48-bit timestamp. */
export function newId(unixMs: number = Date.now()): string {
  const bytes = randomBytes(16);
  // 48-bit big-endian millisecond timestamp; Math.floor/division because bitwise ops are 32-bit in JS.
  let ms = Math.max(0, Math.floor(unixMs));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x70; // version 7
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // variant 10
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
