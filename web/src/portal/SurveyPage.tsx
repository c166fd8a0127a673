/**
 * /survey#<token>: the satisfaction survey from the emailed link, without signing in. The token is read from
 * the address's fragment, which the browser never sends to a server, and goes to the API in a request body.
 */
import { Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ProblemError, unwrap } from '../api/client.ts';
import { PageHeading } from '../ui/page.tsx';
import { Loading, ProblemAlert } from '../ui/states.tsx';
import { SurveyQuestion } from './SurveyQuestion.tsx';

export function SurveyPage() {
  const token = window.location.hash.replace(/^#/, '');
  const client = useQueryClient();
  const key = ['survey', token];
  const survey = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.POST('/api/v1/survey', { body: { token } })),
    enabled: token.length >= 20,
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (score: number) => unwrap(api.POST('/api/v1/survey/answer', { body: { token, score } })),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const comment = useMutation({
    mutationFn: (text: string) =>
      unwrap(api.POST('/api/v1/survey/comment', { body: { token, comment: text } })),
    onSuccess: (data) => client.setQueryData(key, data),
  });

  if (token.length < 20 || (survey.error instanceof ProblemError && survey.error.status === 404)) {
    return (
      <Stack gap="md" maw={560}>
        <PageHeading title="This survey link has expired" />
        <Text>Thank you all the same. If you want to tell us anything, you can still contact us.</Text>
      </Stack>
    );
  }
  if (survey.error) return <ProblemAlert error={survey.error} />;
  if (!survey.data) return <Loading label="Loading the survey" />;
  return (
    <Stack gap="md" maw={560}>
      <PageHeading title="Your complaint is closed" />
      <Text>
        Complaint reference <strong>{survey.data.reference}</strong>. We would like to know one thing.
      </Text>
      <SurveyQuestion
        survey={survey.data}
        onAnswer={(score) => answer.mutateAsync(score)}
        onComment={(text) => comment.mutateAsync(text)}
      />
    </Stack>
  );
}
