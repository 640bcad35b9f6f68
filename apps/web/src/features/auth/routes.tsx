import { createRoute } from '@tanstack/react-router';
import { z } from 'zod';
import { rootRoute } from '../../shared/routing/roots';
import { ForgotPasswordPage } from './components/ForgotPasswordPage';
import { LoginPage } from './components/LoginPage';
import { ResetPasswordPage } from './components/ResetPasswordPage';

const loginSearch = z.object({
  /** Where to go after signing in (a console path). */
  redirect: z.string().optional().catch(undefined),
  reason: z.enum(['ended', 'signed-out', 'reset']).optional().catch(undefined),
});

/** /login: also the first sign-in page the welcome email links to. */
const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: loginSearch,
  component: function Login() {
    const { redirect, reason } = loginRoute.useSearch();
    return <LoginPage redirect={redirect} reason={reason} />;
  },
});

const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: () => <ForgotPasswordPage />,
});

/** /reset-password?token=…: the link of the password-reset email. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  validateSearch: z.object({ token: z.string().optional().catch(undefined) }),
  component: function Reset() {
    const { token } = resetPasswordRoute.useSearch();
    return <ResetPasswordPage token={token} />;
  },
});

export const authRoutes = [loginRoute, forgotPasswordRoute, resetPasswordRoute] as const;
