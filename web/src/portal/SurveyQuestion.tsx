/**
 * The one question after closure (issue 12): five large buttons, one tap records the answer; then an optional
 * comment, sent once. Shared by the emailed link's page (/survey) and the portal's complaint page. Once
 * answered, the answer is shown as given: it cannot change.
 */
import { Alert, Button, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { ProblemAlert } from '../ui/states.tsx';

export const SCALE = [
  { score: 1, label: 'Very dissatisfied' },
  { score: 2, label: 'Dissatisfied' },
  { score: 3, label: 'Neither satisfied nor dissatisfied' },
  { score: 4, label: 'Satisfied' },
  { score: 5, label: 'Very satisfied' },
] as const;

export interface SurveyState {
  question: string;
  answered: boolean;
  score: number | null;
  comment: string | null;
}

export function SurveyQuestion({
  survey,
  headingOrder = 2,
  onAnswer,
  onComment,
}: {
  survey: SurveyState;
  headingOrder?: 1 | 2;
  onAnswer: (score: number) => Promise<unknown>;
  onComment: (comment: string) => Promise<unknown>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [comment, setComment] = useState('');
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const chosen = SCALE.find((s) => s.score === survey.score);
  return (
    <Stack gap="sm" component="section" aria-labelledby="survey-heading">
      <Title order={headingOrder} size="h3" id="survey-heading">
        {survey.question}
      </Title>
      {error !== null && <ProblemAlert error={error} />}
      {!survey.answered ? (
        <>
          <Text size="sm">Tap one answer. You need no password, and it takes a second.</Text>
          <Stack gap="xs" role="group" aria-labelledby="survey-heading">
            {SCALE.map((s) => (
              <Button
                key={s.score}
                size="lg"
                variant="default"
                fullWidth
                justify="flex-start"
                // Long answers wrap on a narrow phone rather than being cut off.
                h="auto"
                py="sm"
                styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                disabled={busy}
                onClick={() => run(() => onAnswer(s.score))}
              >
                {s.score} – {s.label}
              </Button>
            ))}
          </Stack>
        </>
      ) : (
        <>
          <Alert color="blue" variant="light" title="Thank you for your answer" role="status">
            You told us: {chosen ? `${chosen.score} – ${chosen.label}` : survey.score}.
          </Alert>
          {survey.comment ? (
            <Text size="sm">
              Your comment: <span className="user-text">{survey.comment}</span>
            </Text>
          ) : (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (comment.trim()) void run(() => onComment(comment.trim()));
              }}
            >
              <Stack gap="xs">
                <Textarea
                  id="survey-comment"
                  label="Anything you would like to add? (optional)"
                  value={comment}
                  onChange={(e) => setComment(e.currentTarget.value)}
                  autosize
                  minRows={3}
                  maxLength={2000}
                />
                <Button type="submit" disabled={busy || !comment.trim()} style={{ alignSelf: 'flex-start' }}>
                  Send comment
                </Button>
              </Stack>
            </form>
          )}
        </>
      )}
    </Stack>
  );
}
