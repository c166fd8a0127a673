/**
 * Whether a file's bytes are what it claims to be. A name and a content type are whatever the sender's
 * program (or a trickster) said; the bytes are not: an `.exe` renamed `.png` must never be kept and handed to
 * staff as a photo. The magic numbers are read by `file-type` (pure: no I/O); types no magic number
 * identifies (plain text, CSV, an email) must read as text instead. Only the first bytes are read, so a
 * 5 MB file costs the same as a small one.
 */
import { fileTypeFromBuffer } from 'file-type/core';
import { type AttachmentKind, claimedKind } from './attachments.ts';

/** How much of a file is read to tell what it is: enough for every signature file-type knows. */
const SNIFF_BYTES = 64 * 1024;

export interface FileToCheck {
  filename: string;
  /** As the sender said; empty or `application/octet-stream` when they did not know. */
  contentType: string;
  content: Uint8Array;
}

export type Verdict = { ok: true; kind: AttachmentKind } | { ok: false; reason: string };

/**
 * Text is what has no NUL byte and almost no other control characters (tab, line breaks, form feed and
 * escape are fine) in its first bytes; a binary file has many.
 */
function readsAsText(head: Uint8Array): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b)
      control++;
  }
  return control <= head.length / 100;
}

/**
 * Whether the file is one we keep: its claimed type, extension and size (`claimedKind`), then its bytes.
 * Resolves with the kind it is stored as, or the reason in plain words.
 */
export async function checkAttachment(file: FileToCheck): Promise<Verdict> {
  const claim = claimedKind({ ...file, sizeBytes: file.content.length });
  if (!claim.ok) return claim;
  const { kind } = claim;
  const head = file.content.subarray(0, SNIFF_BYTES);
  const found = await fileTypeFromBuffer(head);
  if (kind.sniffed === 'text') {
    if (found) return { ok: false, reason: `is not ${kind.words}: its content is a .${found.ext} file` };
    if (!readsAsText(head)) return { ok: false, reason: `is not ${kind.words}: its content is not text` };
    return { ok: true, kind };
  }
  if (!found) return { ok: false, reason: `is not ${kind.words}: its content is not a file we recognise` };
  if (!kind.sniffed.includes(found.mime)) {
    return { ok: false, reason: `is not ${kind.words}: its content is a .${found.ext} file` };
  }
  return { ok: true, kind };
}
