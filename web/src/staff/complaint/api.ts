/**
 * The complaint query and the procedure commands. Every command answers with the updated complaint, which
 * replaces the cached one; the queues' counts are refetched. A refusal because the complaint moved on
 * (409) refetches it, so the page shows where it stands now.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ProblemError, type Schemas, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';

export type Complaint = Schemas['Complaint'];
export type Attempt = Complaint['attempts'][number];
export type Step = NonNullable<Attempt['proposal']>['steps'][number];
export type Referral = NonNullable<Complaint['referral']>;
export type Letter = Schemas['Letter'];
export type CommandName = Complaint['nextActions'][number];
export type StaffCommand = Exclude<
  CommandName,
  'issue-time-limit-adr-letter' | 'close-no-response' | 'close-adr-window-expired'
>;
export type CommandBody<N extends StaffCommand> =
  paths[`/api/v1/complaints/{reference}/${N}`]['post']['requestBody']['content']['application/json'];

export const complaintKey = (reference: string) => ['complaint', reference.toUpperCase()] as const;

export function useComplaint(reference: string) {
  return useQuery({
    queryKey: complaintKey(reference),
    queryFn: () => unwrap(api.GET('/api/v1/complaints/{reference}', { params: { path: { reference } } })),
  });
}

/** Whether a refusal means the complaint changed under us (a race), not that the form was wrong. */
export function isRace(error: unknown): boolean {
  return error instanceof ProblemError && (error.code === 'not-allowed-now' || error.code === 'conflict');
}

export function useCommand<N extends StaffCommand>(reference: string, name: N) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CommandBody<N>) =>
      unwrap(
        api.POST(`/api/v1/complaints/{reference}/${name}` as '/api/v1/complaints/{reference}/add-note', {
          params: { path: { reference } },
          body: body as never,
        }),
      ) as Promise<Complaint>,
    onSuccess: (complaint) => {
      queryClient.setQueryData(complaintKey(reference), complaint);
      queryClient.invalidateQueries({ queryKey: ['queues'] });
      queryClient.invalidateQueries({ queryKey: ['complaints'] });
    },
    onError: (error) => {
      if (isRace(error)) queryClient.invalidateQueries({ queryKey: complaintKey(reference) });
    },
  });
}

export type CustomerFacingPreview = Schemas['CustomerFacingPreview']['items'][number];

/** What a command would send the customer, rendered by the server exactly as it will be sent. */
export function usePreview<N extends StaffCommand>(reference: string, name: N) {
  return useMutation({
    mutationFn: async (body: CommandBody<N>) => {
      const result = await unwrap(
        api.POST(
          `/api/v1/complaints/{reference}/${name}/preview` as '/api/v1/complaints/{reference}/reply/preview',
          { params: { path: { reference } }, body: body as never },
        ),
      );
      return result.items;
    },
  });
}
