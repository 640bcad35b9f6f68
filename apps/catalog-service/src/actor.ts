import type { RequestMeta } from '@inventory/contracts';

/** Who acted: the signed-in user the gateway authenticated (null for internal callers). */
export const actorOf = (meta: RequestMeta | undefined): string | null =>
  meta?.actor?.userId ?? null;
