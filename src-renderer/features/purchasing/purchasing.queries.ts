import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Active suppliers as Select options (a small business has a few dozen). */
export function useSupplierOptions() {
  const suppliers = useQuery({ queryKey: ['purchasing', 'supplierOptions'], queryFn: () => api.purchasing.listSuppliers({ pageSize: 200 }), staleTime: 60_000 });
  return (suppliers.data?.rows ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));
}
