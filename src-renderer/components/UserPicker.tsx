import { Select, type SelectProps } from '@mantine/core';
import { useApiQuery } from '../api/hooks';

/** Everyone signed in may read the names of the people work can be assigned to. */
export function useUserOptions() {
  return useApiQuery('users.options', {}, { staleTime: 5 * 60_000 });
}

/** The choice "nobody" in a filter (未分配), which differs from clearing the filter. */
export const UNASSIGNED = '__unassigned__';

/**
 * Picks an active user by name: an owner in a form, or a filter when `unassignedLabel` adds
 * "nobody" as a choice of its own (its value is `UNASSIGNED`).
 */
export function UserPicker({ unassignedLabel, ...props }: Omit<SelectProps, 'data'> & { unassignedLabel?: string }) {
  const users = useUserOptions();
  const data = [...(unassignedLabel ? [{ value: UNASSIGNED, label: unassignedLabel }] : []), ...(users.data ?? []).map((u) => ({ value: u.id, label: u.displayName }))];
  return <Select searchable clearable {...props} data={data} />;
}
