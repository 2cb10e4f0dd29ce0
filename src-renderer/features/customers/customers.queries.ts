import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CustomerListInput } from '../../../src-main/domain/customers/customers.contract';
import { api } from '../../api/client';

/** Query hooks of the customers screens; every key starts with 'customers' so data.changed refreshes them. */

export function useCustomerList(input: CustomerListInput) {
  return useQuery({ queryKey: ['customers', 'list', input], queryFn: () => api.customers.list(input), placeholderData: keepPreviousData });
}

export function useCustomer(id: string | undefined) {
  return useQuery({ queryKey: ['customers', 'get', id], queryFn: () => api.customers.get({ id: id! }), enabled: !!id });
}

/** The 360° screen: record, figures and the first timeline page in one call. */
export function useCustomerView(id: string | undefined, timelinePageSize: number) {
  return useQuery({ queryKey: ['customers', 'view', id, timelinePageSize], queryFn: () => api.customers.view({ id: id!, timelinePageSize }), enabled: !!id });
}

/** More of the timeline than the 360° view brought (its first page is the view's). */
export function useCustomerTimeline(customerId: string, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: ['customers', 'timeline', customerId, pageSize],
    queryFn: () => api.customers.timeline({ customerId, page: 1, pageSize }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTags() {
  return useQuery({ queryKey: ['customers', 'tags'], queryFn: () => api.customers.listTags({}) });
}

export function useFieldDefs(includeInactive = false) {
  return useQuery({ queryKey: ['customers', 'fieldDefs', includeInactive], queryFn: () => api.customers.listFieldDefs({ includeInactive }) });
}

export function useSavedViews() {
  return useQuery({ queryKey: ['customers', 'views'], queryFn: () => api.customers.listViews({ area: 'customers' }) });
}

/** Everyone signed in may read the names of the people customers can be assigned to. */
export function useUserOptions() {
  return useQuery({ queryKey: ['users', 'options'], queryFn: () => api.users.options({}), staleTime: 5 * 60_000 });
}
