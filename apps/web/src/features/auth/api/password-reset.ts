import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';
import { authTexts as t } from '../texts';

export const forgotSchema = z.object({ email: z.string().trim().email(t.emailInvalid) });
export type ForgotInput = z.infer<typeof forgotSchema>;

/** POST /auth/password-reset/request: answers alike whether the account exists or not. */
export function useRequestPasswordReset() {
  const { api } = useApi();
  return useMutation({
    mutationFn: (input: ForgotInput) =>
      call(api.POST('/api/v1/auth/password-reset/request', { body: input })),
  });
}

export const resetSchema = z
  .object({
    newPassword: z.string().min(12, t.passwordTooShort),
    repeat: z.string(),
  })
  .refine((value) => value.newPassword === value.repeat, {
    message: t.passwordsDiffer,
    path: ['repeat'],
  });
export type ResetInput = z.infer<typeof resetSchema>;

/** POST /auth/password-reset/confirm with the token of the email's link. */
export function useConfirmPasswordReset(token: string) {
  const { api } = useApi();
  return useMutation({
    mutationFn: (input: ResetInput) =>
      call(
        api.POST('/api/v1/auth/password-reset/confirm', {
          body: { token, newPassword: input.newPassword },
        }),
      ),
  });
}
