import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Schemas } from '@inventory/api-client';
import { useApi } from '../../../shared/api/api-context';
import { call } from '../../../shared/api/problem';

export type Person = Schemas['UserDto'];

/** How many people the person filter offers at once; typing narrows them on the server. */
const PEOPLE_SHOWN = 20;

/**
 * `GET /users?q=`: the people whose name or email matches, for the audit page's person
 * filter. Under ['users'], so a user added or renamed elsewhere in the console shows here.
 */
export function usePeople(q: string) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['users', 'people', q],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/v1/users', {
          params: { query: { q: q || undefined, page: 1, pageSize: PEOPLE_SHOWN } },
          signal,
        }),
      ),
  });
}

/** `GET /users/{id}`: the person a filter in the URL names, so the page shows who it is. */
export function usePerson(id: string | undefined) {
  const { api } = useApi();
  return useQuery({
    queryKey: ['users', 'person', id],
    enabled: id !== undefined,
    queryFn: ({ signal }) =>
      call(api.GET('/api/v1/users/{id}', { params: { path: { id: id! } }, signal })),
  });
}
