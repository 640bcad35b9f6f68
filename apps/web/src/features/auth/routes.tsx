import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { rootRoute } from '../../shared/routing/roots';
import { oneOf, searchParams, text } from '../../shared/routing/search-params';

// Each page loads on first visit: a signed-in first paint needs none of them (nor the forms'
// libraries they bring).
const LoginPage = lazyRouteComponent(() => import('./components/LoginPage'), 'LoginPage');
const ForgotPasswordPage = lazyRouteComponent(
  () => import('./components/ForgotPasswordPage'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyRouteComponent(
  () => import('./components/ResetPasswordPage'),
  'ResetPasswordPage',
);

const loginSearch = searchParams({
  /** Where to go after signing in (a console path). */
  redirect: text(2000),
  reason: oneOf(['ended', 'signed-out', 'reset']),
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
  validateSearch: searchParams({ token: text(500) }),
  component: function Reset() {
    const { token } = resetPasswordRoute.useSearch();
    return <ResetPasswordPage token={token} />;
  },
});

export const authRoutes = [loginRoute, forgotPasswordRoute, resetPasswordRoute] as const;
