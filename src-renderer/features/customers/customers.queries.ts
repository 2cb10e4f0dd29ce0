import { keepPreviousData } from '@tanstack/react-query';
import type { CustomerListInput } from '../../../src-main/domain/customers/customers.contract';
import { useApiQuery } from '../../api/hooks';

/** What the customers screens read, named for what it is. */

export function useCustomerList(input: CustomerListInput) {
  return useApiQuery('customers.list', input, { placeholderData: keepPreviousData });
}

export function useCustomer(id: string | undefined) {
  return useApiQuery('customers.get', { id: id ?? '' }, { enabled: !!id });
}

export function useCustomerOverview(id: string) {
  return useApiQuery('customers.overview', { id });
}

export function useCustomerTimeline(customerId: string, pageSize: number) {
  return useApiQuery('customers.timeline', { customerId, page: 1, pageSize }, { placeholderData: keepPreviousData });
}

export function useTags() {
  return useApiQuery('customers.listTags', {});
}

export function useFieldDefs(includeInactive = false) {
  return useApiQuery('customers.listFieldDefs', { includeInactive });
}

export function useSavedViews() {
  return useApiQuery('customers.listViews', { area: 'customers' });
}
