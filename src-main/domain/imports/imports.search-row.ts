import type { Sqlite } from '../../db/connection';
import { statement } from '../../db/statements';
import { buildSearchDoc } from '../customers/customers.search-text';

/** Rebuilds a customer's search row from what is stored now (after an update, or after an undo put it back). */
export function refreshSearch(sqlite: Sqlite, customerId: string): void {
  const c = statement(sqlite, 'SELECT kind, code, name, short_name, credit_code, taxpayer_id, mobile, phone FROM customers WHERE id = ?').get(customerId) as {
    kind: 'company' | 'individual';
    code: string;
    name: string;
    short_name: string | null;
    credit_code: string | null;
    taxpayer_id: string | null;
    mobile: string | null;
    phone: string | null;
  };
  const contacts = statement(sqlite, 'SELECT name, mobile, phone FROM customer_contacts WHERE customer_id = ? ORDER BY is_primary DESC, created_at, id').all(customerId) as {
    name: string;
    mobile: string | null;
    phone: string | null;
  }[];
  const doc = buildSearchDoc({ kind: c.kind, code: c.code, name: c.name, shortName: c.short_name, creditCode: c.credit_code, taxpayerId: c.taxpayer_id, mobile: c.mobile, phone: c.phone, contacts });
  statement(
    sqlite,
    'INSERT INTO customer_search (customer_id, names, people, tokens) VALUES (?, ?, ?, ?) ON CONFLICT (customer_id) DO UPDATE SET names = excluded.names, people = excluded.people, tokens = excluded.tokens',
  ).run(customerId, doc.names, doc.people, doc.tokens);
}
