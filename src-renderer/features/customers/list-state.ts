import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseFilterParam, parseSortParam, sortParam } from '../../api/url-filters';
import type { SortOrder } from '../../components/SortHeader';
import { type CustomerListFilters } from '../../../src-main/domain/customers/customers.contract';
import { CUSTOMER_SORT_FIELDS, type CustomerSortField } from '../../../src-main/domain/customers/customers.dto';

export type ListSort = SortOrder<CustomerSortField>;

/** What a saved view stores and the URL carries: search, filters and sort (not the page). */
export interface ListQuery {
  q: string;
  filters: CustomerListFilters;
  sort: ListSort;
}

export const DEFAULT_SORT: ListSort = { field: 'code', dir: 'asc' };

function parseFilters(text: string | null): CustomerListFilters {
  return parseFilterParam<CustomerListFilters>(text);
}

/** Drops empty filter values so the URL, the count of active filters and saved views stay clean. */
export function compactFilters(filters: CustomerListFilters): CustomerListFilters {
  return Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0)),
  ) as CustomerListFilters;
}

/** The list's state lives in the URL, so the back button from a customer returns to the same list. */
export function useListState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(
    () => ({
      q: params.get('q') ?? '',
      filters: parseFilters(params.get('f')),
      sort: parseSortParam(params.get('s'), CUSTOMER_SORT_FIELDS, DEFAULT_SORT),
      page: Math.max(1, Number(params.get('p')) || 1),
      pageSize: [20, 50, 100, 200].includes(Number(params.get('n'))) ? Number(params.get('n')) : 50,
    }),
    [params],
  );

  const update = useCallback(
    (change: Partial<ListQuery & { page: number; pageSize: number }>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          const set = (key: string, value: string | null) => (value ? next.set(key, value) : next.delete(key));
          if (change.q !== undefined) set('q', change.q);
          if (change.filters !== undefined) {
            const compact = compactFilters(change.filters);
            set('f', Object.keys(compact).length ? JSON.stringify(compact) : null);
          }
          if (change.sort !== undefined) set('s', sortParam(change.sort, DEFAULT_SORT));
          if (change.pageSize !== undefined) set('n', change.pageSize === 50 ? null : String(change.pageSize));
          // Any change but paging itself starts again at page 1.
          set('p', change.page && change.page > 1 ? String(change.page) : null);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [state, update] as const;
}
