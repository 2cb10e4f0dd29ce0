/**
 * The rows of a customer export: every customer the list query matches (customers.list decides
 * which and in what order) or exactly the chosen ones, with the primary contact, the main address
 * and the tags, in batches so the file is written as they come.
 */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Sqlite } from '../../db/connection';
import type { Database } from '../../db/schema';
import type { customerListInput } from './customers.contract';
import type { CustomFieldValue } from './customers.dto';
import type { CustomerExportRow } from './customers.export';
import { listCustomerIds } from './customers.list';
import type { DataScope } from '../users/data-scope';

/** The list's query without its paging, or exactly these ids (a bulk selection). */
export type CustomerExportQuery = Pick<z.output<typeof customerListInput>, 'q' | 'filters' | 'sort'> & { ids?: string[] | undefined };

const FETCH_CHUNK = 1000;

// The main address: the default shipping one, else the default billing one, else the first.
const FETCH_SQL = `
  SELECT c.code, c.name, c.short_name AS shortName, c.kind, c.credit_code AS creditCode, c.industry, c.size, c.source, c.tier, u.display_name AS ownerName,
         (SELECT group_concat(name, '、') FROM (SELECT t.name FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id ORDER BY t.name)) AS tagNames,
         c.mobile, c.phone, c.email, c.province, c.city, c.district, a.detail AS address, a.postcode,
         pc.name AS contactName, pc.title AS contactTitle, pc.mobile AS contactMobile, pc.phone AS contactPhone, pc.email AS contactEmail,
         pc.wechat AS contactWechat, pc.birthday AS contactBirthday,
         c.credit_limit AS creditLimit, c.payment_terms_days AS paymentTermsDays, c.cooperation_since AS cooperationSince, c.birthday,
         c.invoice_title AS invoiceTitle, c.taxpayer_id AS taxpayerId, c.bank_name AS bankName, c.bank_account AS bankAccount,
         c.registered_address AS registeredAddress, c.registered_phone AS registeredPhone, c.notes, c.status, c.lifecycle_stage AS lifecycleStage,
         c.created_at AS createdAt, c.custom_fields AS customFields
    FROM json_each(?) j
    JOIN customers c ON c.id = j.value
    LEFT JOIN users u ON u.id = c.owner_user_id
    LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1
    LEFT JOIN customer_addresses a ON a.id = (
      SELECT id FROM customer_addresses WHERE customer_id = c.id ORDER BY kind = 'shipping' DESC, is_default DESC, created_at, id LIMIT 1)
   ORDER BY j.key`;

/** `scope` narrows the list's query; chosen ids are checked against it by the caller (customers.scope). */
export async function* customerExportRows(
  db: Kysely<Database>,
  sqlite: Sqlite,
  query: CustomerExportQuery,
  scope?: DataScope,
): AsyncGenerator<{ rows: CustomerExportRow[]; total: number }> {
  const ids = query.ids ? [...new Set(query.ids)] : await listCustomerIds(db, query, scope);
  const fetch = sqlite.prepare(FETCH_SQL);
  for (let i = 0; i < ids.length; i += FETCH_CHUNK) {
    const rows = fetch.all(JSON.stringify(ids.slice(i, i + FETCH_CHUNK))) as CustomerExportRow[];
    // The column holds JSON text; it becomes the field → value object in place.
    for (const row of rows) row.customFields = JSON.parse(row.customFields as unknown as string) as Record<string, CustomFieldValue>;
    yield {
      rows,
      total: ids.length,
    };
  }
}
