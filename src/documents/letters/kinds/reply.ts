/** A message staff wrote to the customer, as a letter for post: their words, signed by them. */
import { filesLine, messageBlocks } from '../../../mail/templates/reply.ts';
import { typed } from '../typed.ts';
import type { LetterBody, LetterOf } from '../types.ts';

export function replyLetter({ facts }: LetterOf<'reply'>): LetterBody {
  const enclosed = filesLine('Enclosed', facts.files);
  return {
    title: typed(facts.subject, 200),
    blocks: [
      ...messageBlocks(typed(facts.body)),
      ...(enclosed ? [{ type: 'paragraph' as const, text: typed(enclosed, 2000) }] : []),
    ],
  };
}
