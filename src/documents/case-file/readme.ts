/** `README.txt`: what the case file holds and how its parts fit, for whoever opens it at the scheme. */
import { formatInstant } from './format.ts';
import { JSON_PATH, PDF_PATH, type Placement } from './paths.ts';
import type { CaseFileInput } from './types.ts';

export function readmeText(input: CaseFileInput, placement: Placement): string {
  const { complaint, customer, procedure } = input;
  const attachments =
    placement.emails.reduce((n, e) => n + e.attachments.length, 0) + placement.uploads.length;
  const lines = [
    `Complaint case file ${complaint.reference}`,
    `${procedure.company.name}, for ${procedure.adrScheme.name}`,
    `Customer: ${customer.name}`,
    `Prepared ${formatInstant(input.generatedAt)} (UK time) by ${input.generatedBy}, with Redress.`,
    '',
    'This file holds everything we hold on the complaint. Nothing has been left out.',
    '',
    `${PDF_PATH}`,
    '    The case file to read: the facts and dates, a summary of events, our position and offers,',
    '    each resolution attempt, the contact log, internal notes, letters, attachments and any referral.',
    '',
    `emails/ (${placement.emails.length})`,
    '    Every email both ways, one .eml file each (open it with any mail program), numbered in time',
    '    order: NNN-inbound|outbound-date-kind.eml. Each is written from our stored record of the',
    '    message: its headers (Message-ID, In-Reply-To, References), text and HTML bodies, and the files',
    '    it carried (a letter sent by email is attached as it was sent).',
    '',
    `letters/ (${placement.letters.length})`,
    '    Every letter we issued, as the PDF the customer received and as plain text (.txt).',
    '',
    `attachments/ (${attachments})`,
    '    Every file the customer sent us by email, byte for byte, named after the number of the email it',
    '    came with, and every file they uploaded on our website (upload-NN-name). Names are made safe for',
    '    any computer; the original names are in the PDF and the JSON.',
    '',
    `${JSON_PATH}`,
    '    The same complaint as data, for machines: the complaint, the customer, contacts, notes, the audit',
    '    trail, email and letter details, and a list of every other file here with its SHA-256 hash,',
    '    so anyone can check that nothing was changed after export.',
    '',
  ];
  return lines.join('\r\n');
}
