/**
 * Customer export: every customer the list query matches (customers.list decides which and in
 * what order), with the primary contact, the main address, tags and custom fields, as CSV or XLSX.
 * Headers are snake_case and the import reads them back, so export → edit → import round-trips.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { HandlerContext } from '../context';
import { AppError } from '../../api/errors';
import type { CustomFieldValue } from '../customers/customers.dto';
import { listCustomers } from '../customers/customers.list';
import { EVERY_MATCH } from '../customers/customers.search';
import { listFieldDefs } from '../customers/customers.repository';
import { neutraliseFormula, toCsv } from '../shared/csv';
import type { ExportFile, exportCustomersInput } from './exports.contract';

type ExportInput = z.output<typeof exportCustomersInput>;

const LIST_PAGE = 1000;
const FETCH_CHUNK = 1000;

interface ExportRecord {
  code: string;
  name: string;
  short_name: string | null;
  kind: string;
  credit_code: string | null;
  industry: string | null;
  size: string | null;
  source: string | null;
  tier: string | null;
  owner_name: string | null;
  tag_names: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  postcode: string | null;
  contact_name: string | null;
  contact_title: string | null;
  contact_mobile: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  contact_wechat: string | null;
  contact_birthday: string | null;
  credit_limit: number | null;
  payment_terms_days: number;
  cooperation_since: string | null;
  birthday: string | null;
  invoice_title: string | null;
  taxpayer_id: string | null;
  bank_name: string | null;
  bank_account: string | null;
  registered_address: string | null;
  registered_phone: string | null;
  notes: string | null;
  status: string;
  lifecycle_stage: string;
  created_at: string;
  custom_fields: string;
}

type Cell = string | number | null;

/** Header → value; money as yuan with two decimals (what a person types back in). */
const COLUMNS: [string, (r: ExportRecord) => Cell][] = [
  ['customer_code', (r) => r.code],
  ['name', (r) => r.name],
  ['short_name', (r) => r.short_name],
  ['kind', (r) => r.kind],
  ['credit_code', (r) => r.credit_code],
  ['industry', (r) => r.industry],
  ['size', (r) => r.size],
  ['source', (r) => r.source],
  ['tier', (r) => r.tier],
  ['owner', (r) => r.owner_name],
  ['tags', (r) => r.tag_names],
  ['mobile', (r) => r.mobile],
  ['phone', (r) => r.phone],
  ['email', (r) => r.email],
  ['province', (r) => r.province],
  ['city', (r) => r.city],
  ['district', (r) => r.district],
  ['address', (r) => r.address],
  ['postcode', (r) => r.postcode],
  ['primary_contact', (r) => r.contact_name],
  ['contact_title', (r) => r.contact_title],
  ['contact_mobile', (r) => r.contact_mobile],
  ['contact_phone', (r) => r.contact_phone],
  ['contact_email', (r) => r.contact_email],
  ['contact_wechat', (r) => r.contact_wechat],
  ['contact_birthday', (r) => r.contact_birthday],
  ['credit_limit', (r) => (r.credit_limit === null ? null : yuan(r.credit_limit))],
  ['payment_terms_days', (r) => r.payment_terms_days],
  ['cooperation_since', (r) => r.cooperation_since],
  ['birthday', (r) => r.birthday],
  ['invoice_title', (r) => r.invoice_title],
  ['taxpayer_id', (r) => r.taxpayer_id],
  ['bank_name', (r) => r.bank_name],
  ['bank_account', (r) => r.bank_account],
  ['registered_address', (r) => r.registered_address],
  ['registered_phone', (r) => r.registered_phone],
  ['notes', (r) => r.notes],
  ['status', (r) => r.status],
  ['lifecycle_stage', (r) => r.lifecycle_stage],
  ['created_at', (r) => r.created_at],
];

function yuan(fen: number): string {
  return `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

// The main address: the default shipping one, else the default billing one, else the first.
const FETCH_SQL = `
  SELECT c.code, c.name, c.short_name, c.kind, c.credit_code, c.industry, c.size, c.source, c.tier, u.display_name AS owner_name,
         (SELECT group_concat(name, '、') FROM (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id ORDER BY t.name)) AS tag_names,
         c.mobile, c.phone, c.email, c.province, c.city, c.district, a.detail AS address, a.postcode,
         pc.name AS contact_name, pc.title AS contact_title, pc.mobile AS contact_mobile, pc.phone AS contact_phone, pc.email AS contact_email,
         pc.wechat AS contact_wechat, pc.birthday AS contact_birthday,
         c.credit_limit, c.payment_terms_days, c.cooperation_since, c.birthday, c.invoice_title, c.taxpayer_id, c.bank_name, c.bank_account,
         c.registered_address, c.registered_phone, c.notes, c.status, c.lifecycle_stage, c.created_at, c.custom_fields
    FROM json_each(?) j
    JOIN customers c ON c.id = j.value
    LEFT JOIN users u ON u.id = c.owner_user_id
    LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
    LEFT JOIN customer_addresses a ON a.id = (
      SELECT id FROM customer_addresses WHERE customer_id = c.id ORDER BY kind = 'shipping' DESC, is_default DESC, created_at, id LIMIT 1)
   ORDER BY j.key`;

async function checkpoint(ctx: HandlerContext, done: number, total: number, message: string): Promise<void> {
  ctx.progress(done, total, message);
  await new Promise((resolve) => setImmediate(resolve));
  if (ctx.signal.aborted) throw new AppError('CANCELLED', 'The export was cancelled.');
}

/** The ids of every customer the list query matches, in the list's order. */
async function matchingIds(input: ExportInput, ctx: HandlerContext): Promise<string[]> {
  if (input.ids) return [...new Set(input.ids)];
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const result = await listCustomers(ctx.db, { q: input.q, filters: input.filters, sort: input.sort, page, pageSize: LIST_PAGE }, { searchBound: EVERY_MATCH });
    ids.push(...result.rows.map((r) => r.id));
    await checkpoint(ctx, ids.length, result.total * 2, 'listing');
    // A capped total (10,000+) is a lower bound: only a short page says the list has ended.
    if (result.rows.length < LIST_PAGE || (result.totalIsExact && ids.length >= result.total)) return ids;
  }
}

export async function exportCustomers(input: ExportInput, ctx: HandlerContext): Promise<ExportFile> {
  const ids = await matchingIds(input, ctx);
  const defs = (await listFieldDefs(ctx.db, false)).map((d) => d.key);
  const header = [...COLUMNS.map(([name]) => name), ...defs.map((key) => `custom_${key}`)];
  const fetch = ctx.sqlite.prepare(FETCH_SQL);
  const rows: Cell[][] = [];
  for (let i = 0; i < ids.length; i += FETCH_CHUNK) {
    const records = fetch.all(JSON.stringify(ids.slice(i, i + FETCH_CHUNK))) as ExportRecord[];
    for (const record of records) {
      const custom = JSON.parse(record.custom_fields) as Record<string, CustomFieldValue>;
      rows.push([...COLUMNS.map(([, value]) => value(record)), ...defs.map((key) => custom[key] ?? null)]);
    }
    await checkpoint(ctx, ids.length + rows.length, ids.length * 2, 'reading');
  }
  const stamp = new Date().toISOString().slice(0, 10);
  if (input.format === 'csv') {
    return { fileName: `customers-${stamp}.csv`, contentBase64: Buffer.from(toCsv(header, rows), 'utf8').toString('base64'), rows: rows.length };
  }
  return { fileName: `customers-${stamp}.xlsx`, contentBase64: (await toXlsx(header, rows)).toString('base64'), rows: rows.length };
}

/** One sheet; text cells get the same formula neutralisation as CSV, so no cell runs as a formula. */
async function toXlsx(header: string[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('customers', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(10, (header[i]?.length ?? 10) + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
