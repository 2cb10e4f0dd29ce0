import type { CustomerListInput } from '../../../src-main/domain/customers/customers.contract';
import { api } from '../../api/client';
import { exportLanguage, saveExport } from '../../components/download';

/**
 * Exports on the server (every matching row, every column, in the UI language, formulas
 * neutralised) and saves the Excel file: the current list's query, or just the ticked rows.
 */
export async function downloadCustomersExport(scope: Pick<CustomerListInput, 'q' | 'filters' | 'sort'> | { ids: string[] }, jobId?: string): Promise<number> {
  return saveExport(await api.exports.customers({ ...scope, format: 'xlsx', language: exportLanguage(), ...(jobId ? { jobId } : {}) }));
}
