/**
 * The headers that keep a complaint's email in one thread, in the customer's mail program and in ours:
 * a Message-ID derived from the outbox job (so a retried send is recognisably the same message),
 * In-Reply-To the newest message the customer sent us (else the newest we sent), and References the whole
 * thread.
 */

/** The bare address out of `Name <address>` or `address`. */
export function addressOf(mailbox: string): string {
  const angled = /<([^<>]+)>\s*$/.exec(mailbox);
  return (angled?.[1] ?? mailbox).trim();
}

/** The domain of the From address, for our Message-IDs. */
export function messageIdDomain(from: string): string {
  const address = addressOf(from);
  const domain = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  return /^[a-z0-9.-]+$/.test(domain) && domain.includes('.') ? domain : 'redress.invalid';
}

/** The Message-ID of the email an outbox job sends: the same on every try of that job. */
export function outboxMessageId(jobId: string, from: string): string {
  return `<${jobId.toLowerCase()}@${messageIdDomain(from)}>`;
}

export interface ThreadMessage {
  messageId: string;
  direction: 'in' | 'out';
  status: string;
}

export interface ThreadHeaders {
  inReplyTo: string | null;
  /** Oldest first. */
  references: string[];
}

/** Longest References we write: the first message and the most recent ones (RFC 5322 §3.6.4 allows trimming). */
const MAX_REFERENCES = 30;

/**
 * The threading headers of a new message in a thread (oldest first), leaving out the message itself and
 * anything that failed or was ignored.
 */
export function threadHeaders(thread: readonly ThreadMessage[], self: string): ThreadHeaders {
  const live = thread.filter(
    (m) => m.messageId !== self && ['received', 'queued', 'sent'].includes(m.status),
  );
  const received = live.filter((m) => m.direction === 'in').at(-1);
  const sent = live.filter((m) => m.direction === 'out' && m.status === 'sent').at(-1);
  const ids = [...new Set(live.map((m) => m.messageId))];
  const references =
    ids.length > MAX_REFERENCES ? [ids[0] as string, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
  return { inReplyTo: (received ?? sent ?? live.at(-1))?.messageId ?? null, references };
}
