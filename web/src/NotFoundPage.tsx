import { Anchor, Container, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeading } from './ui/page.tsx';

export function NotFoundPage() {
  return (
    <Container size="sm" py="xl">
      <Stack>
        <PageHeading title="Page not found" />
        <Text>There is nothing at this address. It may have been mistyped.</Text>
        <Anchor component={Link} to="/">
          Go to the home page
        </Anchor>
      </Stack>
    </Container>
  );
}
