import { useMutation, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';
import { profileTexts as t } from '../texts';

/** GET /me: who is signed in. */
export function useMe() {
  const { api } = useApi();
  return useQuery({ queryKey: ['me'], queryFn: () => call(api.GET('/api/v1/me')) });
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, t.required),
    newPassword: z.string().min(12, t.tooShort),
    repeat: z.string(),
  })
  .refine((value) => value.newPassword === value.repeat, { message: t.differ, path: ['repeat'] });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** POST /me/password (everyone). */
export function useChangePassword() {
  const { api } = useApi();
  return useMutation({
    mutationFn: ({ currentPassword, newPassword }: ChangePasswordInput) =>
      call(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword } })),
  });
}
