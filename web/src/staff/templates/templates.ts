/** Response templates in the web app: their types, the queries that list and fill them, and their words. */
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { useProcedure } from '../../procedure.ts';
import { humanize } from '../../ui/format.ts';

export type ResponseTemplate = Schemas['ResponseTemplate'];
export type FilledTemplate = Schemas['FilledTemplate'];
export type TemplatePurpose = ResponseTemplate['purpose'];
export type TemplateStage = ResponseTemplate['stages'][number];

export const TEMPLATE_STAGES: TemplateStage[] = ['attempt-1', 'attempt-2', 'attempt-3', 'deadlock', 'closed'];

export const PURPOSE_WORDS: Record<TemplatePurpose, { label: string; description: string }> = {
  reply: { label: 'Reply', description: 'A message to the customer, with a subject' },
  proposal: { label: 'Proposal', description: 'The summary of a proposal of remedial action' },
};

/** The templates offered (not archived), of a purpose and at a stage when given. */
export function useTemplates(
  filter: { purpose?: TemplatePurpose | undefined; stage?: string | undefined } = {},
) {
  const stage = TEMPLATE_STAGES.find((s) => s === filter.stage);
  return useQuery({
    queryKey: ['templates', filter.purpose ?? null, stage ?? null],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/v1/templates', {
            params: {
              query: {
                ...(filter.purpose ? { purpose: filter.purpose } : {}),
                ...(stage ? { stage } : {}),
              },
            },
          }),
        )
      ).items,
    // A stage with no templates (initiation) asks for nothing.
    enabled: filter.stage === undefined || stage !== undefined,
  });
}

/** The stage names of the procedure in force ("Resolution Attempt 2"), for labels. */
export function useStageNames(): (stage: TemplateStage) => string {
  const procedure = useProcedure().data?.procedure;
  return (stage) => procedure?.stages[stage].name ?? humanize(stage);
}
