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

/** The 360° screen: record, figures and the first timeline page in one call. */
export function useCustomerView(id: string | undefined, timelinePageSize: number) {
  return useApiQuery('customers.view', { id: id ?? '', timelinePageSize }, { enabled: !!id });
}

/** More of the timeline than the 360° view brought (its first page is the view's). */
export function useCustomerTimeline(customerId: string, pageSize: number, enabled: boolean) {
  return useApiQuery('customers.timeline', { customerId, page: 1, pageSize }, { placeholderData: keepPreviousData, enabled });
}

export function useTags() {
  return useApiQuery('customers.listTags', {});
}

export function useFieldDefs(includeInactive = false) {
  return useApiQuery('customers.listFieldDefs', { includeInactive });
}

