import { Select, type ComboboxItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { type Person, usePeople, usePerson } from '../api/find-people';
import { auditTexts as t } from '../texts';

const personLabel = (person: Person) => `${person.displayName} · ${person.email}`;

/**
 * "Whose changes": pick a person by name or email (the server searches the users as one
 * types); the page's filter and URL keep their id. A person named by the URL alone is
 * looked up, so a shared link or a reload shows who it is.
 */
export function PersonFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const [search, setSearch] = useState('');
  const [typed] = useDebouncedValue(search.trim(), 200);
  const chosen = usePerson(value);
  const chosenLabel = chosen.data ? personLabel(chosen.data) : undefined;
  // The box shows the chosen person's label once picked: then offer everyone again.
  const people = usePeople(typed === chosenLabel ? '' : typed);

  const options: ComboboxItem[] = [];
  if (chosen.data && chosenLabel) options.push({ value: chosen.data.id, label: chosenLabel });
  for (const person of people.data?.items ?? []) {
    if (options.every((option) => option.value !== person.id)) {
      options.push({ value: person.id, label: personLabel(person) });
    }
  }

  return (
    <Select
      label={t.person}
      placeholder={t.personPlaceholder}
      w={{ base: '100%', sm: 300 }}
      searchable
      clearable
      data={options}
      value={value ?? null}
      onChange={(id) => onChange(id ?? undefined)}
      searchValue={search}
      onSearchChange={setSearch}
      // The server already matched name or email: show its answer as it is.
      filter={({ options: all }) => all}
      nothingFoundMessage={people.isFetching ? t.personSearching : t.personNone}
      error={chosen.isError ? t.personUnknown : undefined}
      data-testid="audit-person"
    />
  );
}
