/** The signed-in member of staff and the staff directory, shared by every staff page. */
import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../api/client.ts';

export type User = Schemas['User'];
export type Role = User['roles'][number];

export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/me')),
    staleTime: 60_000,
  });
}

/** Every member of staff (active or not), to name owners and to assign. */
export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: async () => (await unwrap(api.GET('/api/v1/users'))).items,
    staleTime: 60_000,
  });
}

export function hasRole(user: Pick<User, 'roles'> | undefined, role: Role): boolean {
  return !!user?.roles.includes(role);
}

/** How staff sign in here: with a password (unless LOCAL_PASSWORDS=off), single sign-on (when configured). */
export function useSignInOptions() {
  return useQuery({
    queryKey: ['sign-in-options'],
    queryFn: () => unwrap(api.GET('/api/v1/auth/options')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
