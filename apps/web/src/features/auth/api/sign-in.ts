import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';
import { authTexts as t } from '../texts';

export const signInSchema = z.object({
  email: z.string().trim().email(t.emailInvalid),
  password: z.string().min(1, t.passwordRequired),
});
export type SignInInput = z.infer<typeof signInSchema>;

/** POST /auth/login; on success the session holds the tokens and the user. */
export function useSignIn() {
  const { api, session } = useApi();
  return useMutation({
    mutationFn: async (input: SignInInput) => {
      const signedIn = await call(api.POST('/api/v1/auth/login', { body: input }));
      session.signedIn(signedIn, signedIn.user);
      return signedIn.user;
    },
  });
}
