import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type User = Schemas['UserDto'];

/** GET /users: a page, searched by name or email. */
export function useUsers(query: { q?: string; page: number }) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['users', query],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { q: query.q || undefined, page: query.page, pageSize: 20 } },
        }),
      ),
  });
}

/** POST /users: the gateway sends the welcome email. */
export function useCreateUser() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schemas['CreateUserDto']) => call(api.POST('/api/v1/users', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** PATCH /users/{id}: role, active. The last active admin cannot be removed (the API says why). */
export function useUpdateUser() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Schemas['UpdateUserDto'] & { id: string }) =>
      call(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}

/** POST /auth/password-reset/request for a user: the link goes to their address. */
export function useSendPasswordReset() {
  const { api } = useApi();
  return useMutation({
    mutationFn: (email: string) =>
      call(api.POST('/api/v1/auth/password-reset/request', { body: { email } })),
  });
}
