/**
 * Merging two customer records: staff choose which one survives (the one they are looking at, by default).
 * The other is kept only as a pointer; its complaints, emails and portal sign-ins move. Records of different
 * types need an explicit confirmation, since the type decides whether the complaints can go to ADR.
 */
import { Alert, Button, Checkbox, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../../api/client.ts';
import { ErrorSummary, errorFor, type FormError, formErrors } from '../../ui/ErrorSummary.tsx';
import { humanize } from '../../ui/format.ts';
import { type Customer, contactDetails } from './api.ts';

export function MergeDialog(props: { current: Customer; other: Customer; onClose: () => void }) {
  const { current, other } = props;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [keep, setKeep] = useState<'current' | 'other'>('current');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FormError[]>([]);
  const survivor = keep === 'current' ? current : other;
  const merged = keep === 'current' ? other : current;
  const typesDiffer = current.type !== other.type;
  const merge = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/customers/{id}/merge', {
          params: { path: { id: merged.id } },
          body: { into: survivor.id, ...(typesDiffer ? { confirmDifferentType: confirmed } : {}) },
        }),
      ),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['customers'] });
      props.onClose();
      navigate(`/staff/customers/${result.customer.id}`);
    },
    onError: (error) =>
      setErrors(
        formErrors(
          error,
          { 'body.into': 'keep-current', 'body.confirmDifferentType': 'confirm-type' },
          { 'body.confirmDifferentType': 'Different types' },
        ),
      ),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: FormError[] =
      typesDiffer && !confirmed
        ? [
            {
              inputId: 'confirm-type',
              message: 'Confirm that the complaints may take the surviving record’s type',
            },
          ]
        : [];
    setErrors(found);
    if (!found.length) merge.mutate();
  };
  const describe = (c: Customer) => `${c.name} (${contactDetails(c)}; ${humanize(c.type)})`;
  return (
    <Modal
      opened
      onClose={props.onClose}
      title="Merge customer records"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorSummary errors={errors} />
          <Radio.Group
            label="Which record stays?"
            description="The other record’s complaints, emails and portal sign-ins move to it; the other is kept only as a pointer to it."
            value={keep}
            onChange={(value) => setKeep(value as 'current' | 'other')}
          >
            <Stack gap="xs" mt="xs">
              <Radio id="keep-current" value="current" label={`Keep ${describe(current)}`} />
              <Radio id="keep-other" value="other" label={`Keep ${describe(other)}`} />
            </Stack>
          </Radio.Group>
          <Text size="sm">
            The surviving record keeps its own details and gains any it lacks (an email, a phone number, an
            address, format needs) from the other. The merge is on each moved complaint’s audit trail.
          </Text>
          {typesDiffer && (
            <Alert
              color="yellow"
              title="The records are of different types"
              styles={{ title: { color: 'black' }, message: { color: 'black' } }}
            >
              <Stack gap="xs">
                <Text size="sm">
                  {humanize(merged.type)} into {humanize(survivor.type)}: the complaints that move will be
                  treated as {humanize(survivor.type)}, which decides whether they can go to ADR.
                </Text>
                <Checkbox
                  id="confirm-type"
                  label={`Yes, treat them as ${humanize(survivor.type)}`}
                  checked={confirmed}
                  onChange={(e) => setConfirmed(e.currentTarget.checked)}
                  error={errorFor(errors, 'confirm-type')}
                />
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={merge.isPending}>
              Merge into {survivor.name}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
