import { describe, expect, it } from 'vitest';
import { messageIdDomain, outboxMessageId, type ThreadMessage, threadHeaders } from './headers.ts';

const inbound = (id: string): ThreadMessage => ({ messageId: id, direction: 'in', status: 'received' });
const sent = (id: string): ThreadMessage => ({ messageId: id, direction: 'out', status: 'sent' });

describe('threading headers', () => {
  it('derives the same Message-ID from the same job, on the From address’s domain', () => {
    const from = 'Miso Communications <Complaints@Miso-Comms.net>';
    expect(outboxMessageId('01ABC', from)).toBe('<01abc@miso-comms.net>');
    expect(outboxMessageId('01ABC', from)).toBe(outboxMessageId('01ABC', from));
    expect(messageIdDomain('not an address')).toBe('redress.invalid');
  });

  it('answers the newest message the customer sent, and references the whole thread', () => {
    const thread = [inbound('<c1@x>'), sent('<a1@us>'), inbound('<c2@x>'), sent('<a2@us>')];
    expect(threadHeaders(thread, '<new@us>')).toEqual({
      inReplyTo: '<c2@x>',
      references: ['<c1@x>', '<a1@us>', '<c2@x>', '<a2@us>'],
    });
  });

  it('answers our own last message when the customer has sent none, and leaves itself and failures out', () => {
    const thread = [
      sent('<a1@us>'),
      { messageId: '<dead@us>', direction: 'out', status: 'failed' } as const,
      { messageId: '<new@us>', direction: 'out', status: 'queued' } as const,
    ];
    expect(threadHeaders(thread, '<new@us>')).toEqual({ inReplyTo: '<a1@us>', references: ['<a1@us>'] });
    expect(threadHeaders([], '<new@us>')).toEqual({ inReplyTo: null, references: [] });
  });

  it('keeps the first and the latest references of a long thread', () => {
    const thread = Array.from({ length: 40 }, (_, i) => sent(`<m${i}@us>`));
    const { references } = threadHeaders(thread, '<new@us>');
    expect(references).toHaveLength(30);
    expect(references[0]).toBe('<m0@us>');
    expect(references.at(-1)).toBe('<m39@us>');
  });
});
