import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';

/**
 * POST /auth/logout (ends the session on the server too), then forget everything here.
 * Signing out works even when the API cannot be reached: this browser forgets the session.
 */
export function useSignOut() {
  const { api, session } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await api.POST('/api/v1/auth/logout').catch(() => undefined);
      session.end('signed-out');
      queryClient.clear();
    },
  });
}
