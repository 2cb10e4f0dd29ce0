import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Query hooks of the stock screens; every key starts with 'stock' so data.changed refreshes them. */

export function useWarehouses(includeArchived = false) {
  return useQuery({ queryKey: ['stock', 'warehouses', includeArchived], queryFn: () => api.stock.listWarehouses({ includeArchived }), staleTime: 60_000 });
}

/** Warehouses as Select options (active ones). */
export function useWarehouseOptions() {
  const warehouses = useWarehouses();
  return (warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.name}` }));
}
