/** Keyset cursors for paged lists: the last row's sort value and id, opaque to the client. */
import { invalidField } from './errors.ts';

export function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

/** The sort value and id a cursor holds, or a 400 on `cursor` for anything this API did not give out. */
export function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((v) => typeof v === 'string')) {
      return parsed as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw invalidField('cursor', 'is not a cursor this list gave out');
}
