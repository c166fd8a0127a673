/**
 * /track: the customer gives their CRN and the email or phone number on their record and is sent a one-time
 * sign-in link. The answer is the same whether or not the details matched.
 */
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { useProcedure } from '../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { PageHeading } from '../ui/page.tsx';

const SENT = 'If the details match, we have sent you a sign-in link. It works once, for 30 minutes.';

export function TrackPage() {
  const [params] = useSearchParams();
  const prefix = useProcedure().data?.procedure.crn.prefix;
  const [reference, setReference] = useState(params.get('reference') ?? '');
  const [contact, setContact] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const ask = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/portal/sign-in-link', {
          body: { reference: reference.trim(), contact: contact.trim() },
        }),
      ),
    onError: (error) => {
      if (error instanceof ProblemError && error.code === 'invalid-reference') {
        setErrors([
          {
            inputId: 'reference',
            message:
              'Check your complaint reference number: it has a mistake in it. Copy it from our email or letter.',
          },
        ]);
        return;
      }
      setErrors(
        formErrors(
          error,
          { 'body.reference': 'reference', reference: 'reference', 'body.contact': 'contact' },
          { 'body.reference': 'Complaint reference', 'body.contact': 'Email address or phone number' },
        ),
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!reference.trim())
      missing.push({ inputId: 'reference', message: 'Enter your complaint reference number' });
    if (!contact.trim())
      missing.push({ inputId: 'contact', message: 'Enter your email address or phone number' });
    setErrors(missing);
    if (!missing.length) ask.mutate();
  };

  return (
    <Stack gap="lg" maw={560}>
      <PageHeading title="Track a complaint" />
      <Text>
        We will send you a link to sign in and see where your complaint stands. You can answer us there too.
      </Text>
      {ask.isSuccess ? (
        <Alert color="blue" variant="light" title="Check your email or phone" role="status">
          <Stack gap="xs" align="flex-start">
            <Text>{SENT}</Text>
            <Text size="sm">
              Nothing arrived? Check the details and{' '}
              <Anchor component="button" type="button" onClick={() => ask.reset()}>
                ask again
              </Anchor>
              .
            </Text>
          </Stack>
        </Alert>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <ErrorSummary errors={errors} />
            <TextInput
              id="reference"
              label="Complaint reference number"
              description={`It starts with ${prefix ?? 'our company code'}- and is on our emails and letters.`}
              required
              autoComplete="off"
              spellCheck={false}
              value={reference}
              onChange={(e) => setReference(e.currentTarget.value)}
              error={errorFor(errors, 'reference')}
            />
            <TextInput
              id="contact"
              label="Email address or phone number"
              description="The one you gave us when you complained."
              required
              autoComplete="email"
              spellCheck={false}
              value={contact}
              onChange={(e) => setContact(e.currentTarget.value)}
              error={errorFor(errors, 'contact')}
            />
            <div>
              <Button type="submit" loading={ask.isPending}>
                Send me a sign-in link
              </Button>
            </div>
          </Stack>
        </form>
      )}
      <Text size="sm">
        No reference number yet?{' '}
        <Anchor component={Link} to="/complain">
          Make a complaint
        </Anchor>
        .
      </Text>
    </Stack>
  );
}
