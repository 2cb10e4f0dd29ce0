/**
 * The exports area's API: the current customer list as CSV (UTF-8 with BOM, so Excel opens it)
 * or XLSX. Runtime-neutral.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { jobIdField } from '../../api/paging';
import { listFilters, listSort } from '../customers/customers.contract';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportCustomersInput = z
  .object({
    /** The list's query: every matching row is exported, not just the page on screen. */
    q: z.string().trim().max(100).optional(),
    filters: listFilters.default({}),
    sort: listSort.default({ field: 'code', dir: 'asc' }),
    /** Exactly these customers (a bulk selection) instead of the query. */
    ids: z.array(z.string().uuid('Not a valid id')).min(1).max(50_000).optional(),
    format: z.enum(EXPORT_FORMATS).default('csv'),
    jobId: jobIdField,
  })
  .strict();

export interface ExportFile {
  fileName: string;
  contentBase64: string;
  /** Customers written (the header row not counted). */
  rows: number;
}

export const exportsContract = {
  'exports.customers': method<ExportFile>()({ input: exportCustomersInput, permission: 'customers.export', mutates: false }),
};
