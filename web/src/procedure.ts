/** The procedure in force (company, stage texts, time limits, ADR scheme), as the server publishes it. */
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from './api/client.ts';

export type ProcedureView = Schemas['ProcedureView'];

export function useProcedure() {
  return useQuery({
    queryKey: ['procedure'],
    queryFn: () => unwrap(api.GET('/api/v1/procedure')),
    staleTime: 5 * 60_000,
  });
}
