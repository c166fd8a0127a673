/**
 * What the customer can do on their complaint now (the API's `actions`): accept or decline a proposal, answer
 * "Has this resolved your complaint?", and add information. Each answer is confirmed in words.
 */
import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ProblemError, type Schemas, unwrap } from '../api/client.ts';
import { useProcedure } from '../procedure.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../ui/ErrorSummary.tsx';
import { ProblemAlert } from '../ui/states.tsx';
import { FileField, fileProblems, uploadsOf } from './FileField.tsx';

export type PortalComplaint = Schemas['PortalComplaint'];

type Act =
  | { action: 'respond'; agree: boolean; note?: string | undefined }
  | { action: 'follow-up'; resolved: boolean; note?: string | undefined }
  | { action: 'add-information'; text: string; files: File[] };

function send(reference: string, act: Act) {
  const params = { path: { reference } };
  switch (act.action) {
    case 'respond':
      return unwrap(
        api.POST('/api/v1/portal/complaints/{reference}/respond', {
          params,
          body: { agree: act.agree, note: act.note },
        }),
      );
    case 'follow-up':
      return unwrap(
        api.POST('/api/v1/portal/complaints/{reference}/follow-up', {
          params,
          body: { resolved: act.resolved, note: act.note },
        }),
      );
    case 'add-information':
      return uploadsOf(act.files).then((attachments) =>
        unwrap(
          api.POST('/api/v1/portal/complaints/{reference}/add-information', {
            params,
            body: { text: act.text, ...(attachments.length ? { attachments } : {}) },
          }),
        ),
      );
  }
}

/** A button whose longer label wraps on a narrow screen instead of running off it. */
const WRAPPING = { h: 'auto', mih: 36, py: 6, styles: { label: { whiteSpace: 'normal' as const } } };

/** The words that confirm an answer, once it is recorded. */
function confirmation(act: Act): string {
  switch (act.action) {
    case 'respond':
      return act.agree
        ? 'Thank you: you accepted our proposal. We will now carry out the steps.'
        : 'Thank you: you declined our proposal. We will look at your complaint again.';
    case 'follow-up':
      return act.resolved
        ? 'Thank you: you told us this has resolved your complaint.'
        : 'Thank you: you told us this has not resolved your complaint. We will look at it again.';
    case 'add-information':
      return 'Thank you: we have added your information to your complaint.';
  }
}

export function PortalActions({
  complaint,
  onDone,
}: {
  complaint: PortalComplaint;
  onDone: (message: string) => void;
}) {
  const queryClient = useQueryClient();
  const [respondNote, setRespondNote] = useState('');
  const [followUpNote, setFollowUpNote] = useState('');
  const [information, setInformation] = useState('');
  const [informationFiles, setInformationFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FormError[]>([]);
  const act = useMutation({
    mutationFn: (a: Act) => send(complaint.reference, a),
    onSuccess: (view, a) => {
      queryClient.setQueryData(['portal-complaint', complaint.reference], view);
      void queryClient.invalidateQueries({ queryKey: ['portal-complaint', complaint.reference] });
      setRespondNote('');
      setFollowUpNote('');
      if (a.action === 'add-information') {
        setInformation('');
        setInformationFiles([]);
      }
      setErrors([]);
      onDone(confirmation(a));
    },
    onError: (error, a) => {
      // The complaint may have moved on: show where it stands now.
      void queryClient.invalidateQueries({ queryKey: ['portal-complaint', complaint.reference] });
      if (a.action === 'add-information' && error instanceof ProblemError && error.code === 'validation') {
        setErrors(
          formErrors(
            error,
            { 'body.text': 'add-information', 'body.attachments': 'add-information-files' },
            { 'body.text': 'Your information', 'body.attachments': 'Files' },
          ),
        );
      }
    },
  });
  const note = (value: string) => value.trim() || undefined;
  const addInformation = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] = [
      ...(information.trim()
        ? []
        : [{ inputId: 'add-information', message: 'Enter the information you want to add' }]),
      ...fileProblems(informationFiles).map((message) => ({
        inputId: 'add-information-files',
        message: `Files: ${message}`,
      })),
    ];
    setErrors(found);
    if (found.length) return;
    act.mutate({ action: 'add-information', text: information.trim(), files: informationFiles });
  };
  const pending = act.isPending;
  // At the last attempt, "not resolved" ends our procedure: the ADR letter follows, not another review.
  const lastAttempt = complaint.stageName === useProcedure().data?.procedure.stages['attempt-3'].name;
  const actionError = act.isError && act.variables?.action !== 'add-information';

  return (
    <Stack gap="xl">
      {actionError && <ProblemAlert error={act.error} />}
      {complaint.actions.includes('respond') && (
        <Stack gap="sm" component="section" aria-labelledby="respond-heading">
          <Title order={2} size="h3" id="respond-heading">
            Do you agree with our proposal?
          </Title>
          <Text size="sm">
            If you accept, we will carry out the steps above.{' '}
            {lastAttempt
              ? 'If you decline, we will send you our ADR letter, so that you can take your complaint to the ombudsman.'
              : 'If you decline, we will look at your complaint again at a more senior level.'}
          </Text>
          <Textarea
            id="respond-note"
            label="Anything you would like to tell us about the proposal? (optional)"
            autosize
            minRows={2}
            value={respondNote}
            onChange={(e) => setRespondNote(e.currentTarget.value)}
          />
          <Group>
            <Button
              loading={pending && act.variables?.action === 'respond' && act.variables.agree}
              disabled={pending}
              onClick={() => act.mutate({ action: 'respond', agree: true, note: note(respondNote) })}
            >
              Accept
            </Button>
            <Button
              variant="outline"
              loading={pending && act.variables?.action === 'respond' && !act.variables.agree}
              disabled={pending}
              onClick={() => act.mutate({ action: 'respond', agree: false, note: note(respondNote) })}
            >
              Decline
            </Button>
          </Group>
        </Stack>
      )}

      {complaint.actions.includes('follow-up') && (
        <Stack gap="sm" component="section" aria-labelledby="follow-up-heading">
          <Title order={2} size="h3" id="follow-up-heading">
            Has this resolved your complaint?
          </Title>
          <Textarea
            id="follow-up-note"
            label="Anything you would like to add? (optional)"
            autosize
            minRows={2}
            value={followUpNote}
            onChange={(e) => setFollowUpNote(e.currentTarget.value)}
          />
          <Stack gap="sm" align="flex-start">
            <Button
              {...WRAPPING}
              loading={pending && act.variables?.action === 'follow-up' && act.variables.resolved}
              disabled={pending}
              onClick={() => act.mutate({ action: 'follow-up', resolved: true, note: note(followUpNote) })}
            >
              Yes — close my complaint
            </Button>
            <Button
              {...WRAPPING}
              variant="outline"
              loading={pending && act.variables?.action === 'follow-up' && !act.variables.resolved}
              disabled={pending}
              onClick={() => act.mutate({ action: 'follow-up', resolved: false, note: note(followUpNote) })}
            >
              {lastAttempt ? 'No — send me the ADR letter' : 'No — pass it to the next stage for review'}
            </Button>
          </Stack>
        </Stack>
      )}

      {complaint.actions.includes('add-information') && (
        <form onSubmit={addInformation} noValidate aria-labelledby="add-information-heading">
          <Stack gap="sm">
            <Title order={2} size="h3" id="add-information-heading">
              Add information
            </Title>
            <ErrorSummary errors={errors} />
            {act.isError && act.variables?.action === 'add-information' && !errors.length && (
              <ProblemAlert error={act.error} />
            )}
            <Textarea
              id="add-information"
              label="What would you like to add?"
              description="For example something that has happened since, or details we asked for."
              required
              autosize
              minRows={3}
              value={information}
              onChange={(e) => setInformation(e.currentTarget.value)}
              error={errorFor(errors, 'add-information')}
            />
            <FileField
              id="add-information-files"
              label="Files (optional)"
              files={informationFiles}
              onChange={setInformationFiles}
              error={errorFor(errors, 'add-information-files')}
            />
            <div>
              <Button type="submit" loading={pending && act.variables?.action === 'add-information'}>
                Add information
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
