/**
 * Where each piece goes in the ZIP. Names come from people (an attachment's filename is whatever the
 * sender's mail program said), so every one is made ASCII-safe: no path separators, no `..`, no control
 * characters, and unique within its folder. The original names stay in the JSON and the PDF.
 */
import { londonDate } from '../../domain/time.ts';
import type { CaseFileAttachment, CaseFileEmail, CaseFileLetter, CaseFileUpload } from './types.ts';

export const PDF_PATH = 'case-file.pdf';
export const JSON_PATH = 'complaint.json';
export const README_PATH = 'README.txt';

const MAX_NAME = 100;

/** A file name anyone's unzip tool accepts, keeping the extension where there is one. */
export function safeFileName(raw: string, fallback: string): string {
  const name = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: é → e
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+|[._-]+$/g, '');
  if (name === '') return fallback;
  if (name.length <= MAX_NAME) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, MAX_NAME - extension.length) + extension;
}

/** `name`, or `name-2`, `name-3`… before the extension when the folder already has it. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** When an email left or arrived. */
export const emailTime = (email: CaseFileEmail): string => email.sentAt ?? email.createdAt;

export interface PlacedAttachment {
  attachment: CaseFileAttachment;
  path: string;
}

export interface PlacedEmail {
  email: CaseFileEmail;
  /** Its number in time order, `001`, as the ZIP and the PDF refer to it. */
  number: string;
  path: string;
  attachments: PlacedAttachment[];
}

export interface PlacedLetter {
  letter: CaseFileLetter;
  pdfPath: string;
  textPath: string;
}

export interface PlacedUpload {
  upload: CaseFileUpload;
  /** Its number in time order, `U01`, as the PDF refers to it. */
  number: string;
  path: string;
}

export interface Placement {
  emails: PlacedEmail[];
  letters: PlacedLetter[];
  uploads: PlacedUpload[];
}

/**
 * The emails in time order, the letters by date and the customer's uploads in time order, each with its
 * place in the ZIP. Uploads share the attachments folder, named `upload-NN-…` beside the emails' `NNN-…`.
 */
export function place(
  emails: readonly CaseFileEmail[],
  letters: readonly CaseFileLetter[],
  uploads: readonly CaseFileUpload[] = [],
): Placement {
  const inOrder = [...emails].sort(
    (a, b) => emailTime(a).localeCompare(emailTime(b)) || a.id.localeCompare(b.id),
  );
  const digits = Math.max(3, String(inOrder.length).length);
  const attachmentNames = new Set<string>();
  const placedEmails = inOrder.map((email, i) => {
    const number = String(i + 1).padStart(digits, '0');
    const direction = email.direction === 'in' ? 'inbound' : 'outbound';
    const day = londonDate(new Date(emailTime(email)));
    const kind = safeFileName(email.kind, 'email');
    return {
      email,
      number,
      path: `emails/${number}-${direction}-${day}-${kind}.eml`,
      attachments: email.attachments.map((attachment) => ({
        attachment,
        path: `attachments/${unique(`${number}-${safeFileName(attachment.filename, 'attachment')}`, attachmentNames)}`,
      })),
    };
  });

  const letterNames = new Set<string>();
  const placedLetters = [...letters]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((letter) => {
      const stem = unique(safeFileName(letter.filename.replace(/\.pdf$/i, ''), 'letter'), letterNames);
      return { letter, pdfPath: `letters/${stem}.pdf`, textPath: `letters/${stem}.txt` };
    });
  const uploadDigits = Math.max(2, String(uploads.length).length);
  const placedUploads = [...uploads]
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((upload, i) => {
      const number = String(i + 1).padStart(uploadDigits, '0');
      const name = `upload-${number}-${safeFileName(upload.filename, 'file')}`;
      return { upload, number: `U${number}`, path: `attachments/${unique(name, attachmentNames)}` };
    });
  return { emails: placedEmails, letters: placedLetters, uploads: placedUploads };
}
