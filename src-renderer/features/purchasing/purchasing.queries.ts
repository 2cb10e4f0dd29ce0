import { useApiQuery } from '../../api/hooks';

/** Active suppliers as Select options (a small business has a few dozen). */
export function useSupplierOptions() {
  const suppliers = useApiQuery('purchasing.listSuppliers', { pageSize: 200 }, { staleTime: 60_000 });
  return (suppliers.data?.rows ?? []).map((s) => ({ value: s.id, label: `${s.code} ${s.name}` }));
}
