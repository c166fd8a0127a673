/**
 * The ombudsman case file (REGULATORY.md item 13): one ZIP with the PDF a case handler reads, every email
 * both ways as `.eml`, every letter (PDF and text), every attachment and upload byte for byte, a README, and
 * `complaint.json`, which reads back into the same complaint and lists every other file with its hash.
 * Pure: no database, no clock; the same input always gives the same ZIP.
 */
import { createHash } from 'node:crypto';
import { emlOf } from './eml.ts';
import { People } from './format.ts';
import { caseFileJson } from './json.ts';
import { JSON_PATH, PDF_PATH, place, README_PATH } from './paths.ts';
import { readmeText } from './readme.ts';
import { renderCaseFilePdf } from './summary-pdf.ts';
import type { CaseFile, CaseFileInput, ManifestEntry } from './types.ts';
import { zipFiles } from './zip.ts';

export { CaseFileJsonError, caseFileJsonSchema, parseCaseFileJson } from './json.ts';
export type * from './types.ts';

export async function buildCaseFile(input: CaseFileInput): Promise<CaseFile> {
  const placement = place(input.emails, input.letters, input.uploads);
  const people = new People(input.staff, input.customer.name);
  const letters = new Map(input.letters.map((l) => [l.id, l]));

  const files = new Map<string, Buffer>();
  const pdf = await renderCaseFilePdf({ input, people, placement });
  files.set(PDF_PATH, pdf);
  files.set(README_PATH, Buffer.from(readmeText(input, placement), 'utf8'));
  for (const { email, path, attachments } of placement.emails) {
    files.set(path, await emlOf(email, email.letterId ? letters.get(email.letterId) : undefined));
    for (const { attachment, path: attachmentPath } of attachments)
      files.set(attachmentPath, attachment.content);
  }
  for (const { upload, path } of placement.uploads) files.set(path, upload.content);
  for (const { letter, pdfPath, textPath } of placement.letters) {
    files.set(pdfPath, letter.content);
    files.set(textPath, Buffer.from(letter.text, 'utf8'));
  }

  const manifest: ManifestEntry[] = [...files].map(([path, bytes]) => ({
    path,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    sizeBytes: bytes.length,
  }));
  const json = caseFileJson(input, placement, manifest);
  files.set(JSON_PATH, Buffer.from(`${JSON.stringify(json, null, 2)}\n`, 'utf8'));

  return {
    zip: zipFiles(files, input.generatedAt),
    pdf,
    json,
    filename: `${input.complaint.reference}-case-file.zip`,
  };
}
