/**
 * Where to go after signing in: a path of this console only (never another origin, never the
 * sign-in page itself), else the dashboard.
 */
export function safeRedirect(target: string | undefined): string {
  if (!target || !target.startsWith('/') || target.startsWith('//')) return '/';
  if (/^\/(login|forgot-password|reset-password)\b/.test(target)) return '/';
  return target;
}
