import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type EmailLogFilters = {
  kind?: string;
  status?: string;
  from?: string;
  to?: string;
  page: number;
};

/** GET /alerts/recipients. */
export function useRecipients() {
  const { api } = useApi();
  return useQuery({
    queryKey: ['alerts', 'recipients'],
    queryFn: () => call(api.GET('/api/v1/alerts/recipients')),
  });
}

/** PUT /alerts/recipients: the whole list (the API names each bad address). */
export function useSaveRecipients() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (recipients: string[]) =>
      call(api.PUT('/api/v1/alerts/recipients', { body: { recipients } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

/** GET /alerts/emails: newest first, filtered. */
export function useEmailLog(filters: EmailLogFilters) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['alerts', 'emails', filters],
    placeholderData: keepPreviousData,
    queryFn: () =>
      call(
        api.GET('/api/v1/alerts/emails', {
          params: {
            query: {
              ...(filters as object),
              pageSize: 20,
            } as never,
          },
        }),
      ),
  });
}

/** GET /alerts/emails/{id}: one email with its text. */
export function useEmail(id: string | null) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['alerts', 'email', id],
    enabled: id !== null,
    queryFn: () => call(api.GET('/api/v1/alerts/emails/{id}', { params: { path: { id: id! } } })),
  });
}

export type DigestRun = Schemas['DigestRunResponseDto'];

/** POST /alerts/low-stock/run: what it found and whom it emailed. */
export function useRunDigest() {
  const { api } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (force: boolean) =>
      call(api.POST('/api/v1/alerts/low-stock/run', { body: { force } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['alerts', 'emails'] }),
  });
}

/** GET /users/{id}: who last changed the recipients, by name. */
export function useUserName(id: string | null) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['users', id],
    enabled: id !== null,
    queryFn: () => call(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } } })),
    select: (user) => user.displayName,
  });
}
