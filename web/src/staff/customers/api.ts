/** The customer record, its likely duplicates, and merging, as the customers pages ask the API. */
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type Customer = Schemas['Customer'];
export type DuplicateReason = 'email' | 'phone' | 'postcode-and-name';

export const REASON_WORDS: Record<DuplicateReason, string> = {
  email: 'same email',
  phone: 'same phone number',
  'postcode-and-name': 'same postcode and a similar name',
};

export function useCustomer(id: string) {
  return useQuery({
    queryKey: ['customers', id],
    queryFn: () => unwrap(api.GET('/api/v1/customers/{id}', { params: { path: { id } } })),
  });
}

export function useDuplicates(id: string, enabled: boolean) {
  return useQuery({
    enabled,
    queryKey: ['customers', id, 'duplicates'],
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/customers/{id}/duplicates', { params: { path: { id } } }))).items,
  });
}

/** "jo@example.org · 01632 960001 · HR8 1AA": how to tell records apart at a glance. */
export function contactDetails(customer: Customer): string {
  return (
    [customer.email, customer.phone, customer.postcode].filter(Boolean).join(' · ') || 'No contact details'
  );
}
