import type { paths, Schemas } from '@inventory/api-client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type AuditEntry = Schemas['AuditEntryDto'];
export type AuditPage = Schemas['AuditPageDto'];

/** The filters of `GET /audit` (entity, actor, action, from, to), as the API declares them. */
export type AuditFilter = Omit<
  NonNullable<paths['/api/v1/audit']['get']['parameters']['query']>,
  'page' | 'pageSize'
>;

/**
 * `GET /audit`: who changed what, newest first, across every service. Under ['stock'] and
 * ['products'] too, so a change made in the console refreshes an open history.
 */
export function useAuditTrail(filter: AuditFilter, page: number, pageSize: number) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/audit', {
          params: { query: { ...filter, page, pageSize } },
          signal,
        }),
      ),
    placeholderData: keepPreviousData,
  });
}
