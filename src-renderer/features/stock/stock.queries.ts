import { useApiQuery } from '../../api/hooks';

export function useWarehouses(includeArchived = false) {
  return useApiQuery('stock.listWarehouses', { includeArchived }, { staleTime: 60_000 });
}

/** Warehouses as Select options (active ones). */
export function useWarehouseOptions() {
  const warehouses = useWarehouses();
  return (warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }));
}
