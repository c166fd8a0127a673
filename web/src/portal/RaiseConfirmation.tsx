/** What a customer sees once their complaint is recorded: the reference, large, and what happens next. */
import { Anchor, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { useProcedure } from '../procedure.ts';
import { usePageTitle } from '../ui/page.tsx';
import { type CustomerType, canUseAdr } from './words.ts';

export function RaiseConfirmation({
  reference,
  byEmail,
  customerType,
  firstComplainedOn,
}: {
  reference: string;
  byEmail: boolean;
  customerType: CustomerType;
  firstComplainedOn: string | undefined;
}) {
  const procedure = useProcedure().data?.procedure;
  usePageTitle('Complaint sent', procedure?.company.tradingName);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const timescales = procedure?.timescales;
  // Complaints first raised before the change of rule keep the older, longer limit.
  const weeks =
    timescales && firstComplainedOn && firstComplainedOn < timescales.adrLimitChangedOn
      ? timescales.adrLimitWeeksBefore
      : timescales?.adrLimitWeeks;
  const acknowledge = timescales?.acknowledgeWorkingDays ?? 0;
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
      <Text>
        {byEmail
          ? 'We will email you this reference. Keep a note of it too: you need it to track your complaint.'
          : 'Keep a note of this reference: you need it to track your complaint and when you contact us.'}
      </Text>

      <Title order={2} size="h3">
        What happens next
      </Title>
      <List spacing="sm">
        <List.Item>
          {acknowledge === 0
            ? 'We have received your complaint: this page is our acknowledgement.'
            : `We will acknowledge your complaint within ${acknowledge} working ${acknowledge === 1 ? 'day' : 'days'}.`}
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
            If we have not resolved your complaint {weeks ? `${weeks} weeks` : 'a few weeks'} after you first
            complained, or we tell you we can do no more, you can take it to{' '}
            {procedure?.adrScheme.nameInText ?? 'the independent ombudsman'}, free of charge. We will write to
            you about this.
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
