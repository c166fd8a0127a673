/** What a customer sees once their complaint is recorded: the reference, large, and what happens next. */
import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client.ts';
import { useProcedure } from '../procedure.ts';
import { formatDay, londonToday } from '../ui/format.ts';
import { usePageTitle } from '../ui/page.tsx';
import { type CustomerType, canUseAdr } from './words.ts';

/**
 * The dates come from the server, which worked them out from the procedure (which ADR limit applies, working
 * days): the page only says them.
 */
export function RaiseConfirmation({
  raised,
  customerType,
  email,
}: {
  raised: Schemas['RaisedComplaint'];
  customerType: CustomerType;
  /** The address the customer gave: the acknowledgement goes there (the server prefers email then). */
  email: string | null;
}) {
  const { reference, acknowledgeBy, adrDueOn } = raised;
  const procedure = useProcedure().data?.procedure;
  usePageTitle('Complaint sent', procedure?.company.tradingName);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // Acknowledged on receipt: this page is the acknowledgement.
  const acknowledgedNow =
    procedure?.timescales.acknowledgeWorkingDays === 0 || acknowledgeBy <= londonToday();
  return (
    <Stack gap="lg" maw={640}>
      <Paper bg="#00703c" c="white" p="lg" radius="md">
        <Stack gap="xs" align="center" ta="center">
          <Title order={1} size="h2" ref={heading} tabIndex={-1}>
            Complaint sent
          </Title>
          <section aria-label="Your complaint reference">
            <Text size="lg">Your complaint reference is</Text>
            <Text
              component="strong"
              display="block"
              fz={{ base: 26, sm: 34 }}
              fw={700}
              style={{ overflowWrap: 'anywhere', letterSpacing: '0.02em' }}
            >
              {reference}
            </Text>
          </section>
        </Stack>
      </Paper>
      <Text>Keep this reference: you need it to track your complaint, and when you contact us about it.</Text>
      {email && (
        <Text>
          We are emailing a copy of this acknowledgement, with your reference and how our complaints procedure
          works, to <strong className="user-text">{email}</strong>. If it has not arrived in a few minutes,
          check your junk or spam folder.
        </Text>
      )}

      <Title order={2} size="h3">
        What happens next
      </Title>
      <List spacing="sm">
        <List.Item>
          {acknowledgedNow
            ? 'We have received your complaint: this page is our acknowledgement.'
            : `We will acknowledge your complaint by ${formatDay(acknowledgeBy)}.`}
        </List.Item>
        <List.Item>
          We will look into it straight away and contact you to agree what we will do to put things right, and
          by when.
        </List.Item>
        <List.Item>
          If you do not agree, or it does not put things right, we will look at your complaint again at a more
          senior level.
        </List.Item>
        {canUseAdr(customerType) ? (
          <List.Item>
            If we have not resolved your complaint, you can take it to{' '}
            {procedure?.adrScheme.nameInText ?? 'the independent ombudsman'}, free of charge, from{' '}
            {formatDay(adrDueOn)} (or sooner, if we tell you we can do no more). We will write to you about
            this.
          </List.Item>
        ) : (
          <List.Item>
            Businesses with more than 10 workers cannot take a complaint to the independent ombudsman, but we
            follow the same steps for you.
          </List.Item>
        )}
      </List>

      <Stack gap="xs" align="flex-start">
        <Button component={Link} to={`/track?reference=${encodeURIComponent(reference)}`}>
          Track your complaint
        </Button>
        <Anchor href="/complaints-procedure">Read our Complaints Code</Anchor>
      </Stack>
    </Stack>
  );
}
