/** The front door for customers: make a complaint, track one, or read how complaints are handled. */
import { Button, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useProcedure } from './procedure.ts';
import { PageHeading } from './ui/page.tsx';

export function HomePage() {
  const procedure = useProcedure().data?.procedure;
  return (
    <Stack gap="lg">
      <PageHeading title="Complaints" site={procedure?.company.tradingName} />
      <Text>
        If you are unhappy with our service, tell us. We give every complaint a reference number and handle it
        under our published Complaints Code.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder padding="lg">
          <Stack>
            <Text component="h2" fw={700} size="lg">
              Make a complaint
            </Text>
            <Text>
              Tell us what went wrong and what you would like us to do. It takes about five minutes.
            </Text>
            <Button component={Link} to="/complain">
              Make a complaint
            </Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack>
            <Text component="h2" fw={700} size="lg">
              Track a complaint
            </Text>
            <Text>See where your complaint stands and answer us, with your reference number.</Text>
            <Button component={Link} to="/track" variant="outline">
              Track a complaint
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
