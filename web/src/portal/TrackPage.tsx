/**
 * /track: the customer gives their CRN and the email or phone number on their record and is sent a one-time
 * sign-in link, by email or (with an SMS gateway) by text message. The answer is the same whether or not the
 * details matched. Without a gateway the page says plainly that links go by email only, and how to call us.
 */
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { useProcedure } from '../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { PageHeading } from '../ui/page.tsx';

export function TrackPage() {
  const [params] = useSearchParams();
  const view = useProcedure().data;
  const prefix = view?.procedure.crn.prefix;
  const phone = view?.procedure.company.phone;
  const bySms = view?.signInLinksBy.includes('sms') ?? false;
  const emailOnly = `We send sign-in links by email only. If you gave us only a phone number, call us on ${phone ?? 'our complaints number'} and we will tell you where your complaint stands.`;
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
          {
            'body.reference': 'Complaint reference',
            'body.contact': bySms ? 'Email address or mobile number' : 'Email address',
          },
        ),
      );
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing: FormError[] = [];
    if (!reference.trim())
      missing.push({ inputId: 'reference', message: 'Enter your complaint reference number' });
    if (!contact.trim()) {
      missing.push({
        inputId: 'contact',
        message: bySms ? 'Enter your email address or mobile number' : 'Enter your email address',
      });
    } else if (!bySms && !contact.includes('@')) {
      missing.push({ inputId: 'contact', message: `Enter your email address. ${emailOnly}` });
    }
    setErrors(missing);
    if (!missing.length) ask.mutate();
  };

  return (
    <Stack gap="lg" maw={560}>
      <PageHeading title="Track a complaint" />
      <Text>
        We will send you a link to sign in and see where your complaint stands. You can answer us there too.
      </Text>
      {view &&
        (bySms ? (
          <Text>We email the link to your email address, or text it to your mobile phone.</Text>
        ) : (
          <Alert color="gray" variant="light" title="Sign-in links go by email only">
            {emailOnly}
          </Alert>
        ))}
      {ask.isSuccess ? (
        <Alert
          color="blue"
          variant="light"
          title={contact.includes('@') ? 'Check your email' : 'Check your phone'}
          role="status"
        >
          <Stack gap="xs" align="flex-start">
            <Text>{ask.data.message}</Text>
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
              label={bySms ? 'Email address or mobile number' : 'Email address'}
              description="The one you gave us when you complained."
              required
              autoComplete={bySms ? 'off' : 'email'}
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
