import type { CustomerListInput, CustomerListRow } from '../../../src-main/domain/customers/customers.contract';
import { toCsv } from '../../../src-main/domain/shared/csv';
import { api } from '../../api/client';
import { download } from '../../components/DataTable';
import i18n from '../../i18n';
import { region } from './labels';

const EXPORT_PAGE = 200;

/** Every row of the current list, page by page (a server-side export method replaces this for big lists). */
export async function fetchAllRows(input: CustomerListInput): Promise<CustomerListRow[]> {
  const rows: CustomerListRow[] = [];
  for (let page = 1; ; page++) {
    const chunk = await api.customers.list({ ...input, page, pageSize: EXPORT_PAGE });
    rows.push(...chunk.rows);
    if (rows.length >= chunk.total || chunk.rows.length === 0) break;
  }
  return rows;
}

const yuanText = (fen: number | null) => (fen === null ? null : (fen / 100).toFixed(2));

/** A CSV Excel opens (UTF-8 with BOM, formulas neutralised), headed in the UI language. */
export function downloadCustomersCsv(rows: CustomerListRow[]): void {
  const t = i18n.t.bind(i18n);
  const header = [
    t('customers.field.code'),
    t('customers.field.name'),
    t('customers.field.shortName'),
    t('customers.field.kind'),
    t('customers.field.tags'),
    t('customers.field.primaryContact'),
    t('customers.field.mobile'),
    t('customers.field.region'),
    t('customers.field.industry'),
    t('customers.field.owner'),
    t('customers.field.lifecycleStage'),
    t('customers.field.tier'),
    t('customers.field.creditLimit'),
    t('customers.field.balanceDue'),
    t('customers.field.lifetimeRevenue'),
    t('customers.field.lastOrderDate'),
    t('customers.field.status'),
  ];
  const body = rows.map((r) => [
    r.code,
    r.name,
    r.shortName,
    t(`customers.kind.${r.kind}`),
    r.tags.map((tag) => tag.name).join(' '),
    r.primaryContact?.name ?? null,
    r.primaryContact?.mobile ?? null,
    region(r.province, r.city),
    r.industry,
    r.ownerName,
    t(`customers.stage.${r.lifecycleStage}`),
    r.tier,
    yuanText(r.creditLimit),
    yuanText(r.balanceDue),
    yuanText(r.lifetimeRevenue),
    r.lastOrderDate,
    t(`customers.status.${r.status}`),
  ]);
  download(`${t('customers.list.exportFile')}-${new Date().toISOString().slice(0, 10)}.csv`, toCsv(header, body));
}
