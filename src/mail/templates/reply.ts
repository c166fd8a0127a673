/**
 * A message staff write to the customer. Its text is theirs; around it go the same greeting, sign-off and
 * reference as every other email, signed by the member of staff who wrote it. `messageBlocks` turns the text
 * into paragraphs and lists once, for the email and the letter alike.
 */
import { type Block, compose, type EmailContent, type Letterhead } from './layout.ts';

export interface ReplyFacts {
  subject: string;
  body: string;
  /** Files sent with it: attached to the email, enclosed with the letter. */
  files?: { id: string; filename: string }[] | undefined;
  /** Who wrote it, as the sign-off names them (set when the email is rendered). */
  signer?: { name: string; jobTitle: string } | undefined;
}

/** Paragraphs split on blank lines; a run of lines each starting "- " or "• " is a list. */
export function messageBlocks(text: string): Extract<Block, { type: 'paragraph' | 'list' }>[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const lines = part.split('\n');
      return lines.every((line) => /^\s*[-•]\s+/.test(line))
        ? { type: 'list' as const, items: lines.map((line) => line.replace(/^\s*[-•]\s+/, '')) }
        : { type: 'paragraph' as const, text: part };
    });
}

/** The line that names the files sent with a message ("Attached: …", "Enclosed: …"), if any. */
export function filesLine(word: 'Attached' | 'Enclosed', files: ReplyFacts['files']): string | null {
  return files?.length ? `${word}: ${files.map((f) => f.filename).join(', ')}` : null;
}

export function replyEmail(head: Letterhead, facts: ReplyFacts): EmailContent {
  const attached = filesLine('Attached', facts.files);
  return compose(
    head,
    facts.subject,
    [...messageBlocks(facts.body), ...(attached ? [{ type: 'paragraph' as const, text: attached }] : [])],
    facts.signer,
  );
}
