/**
 * The best SQL we know for the customers screens' answers, as a second baseline beside the
 * product's own statements: one statement per screen, or keyset paging where the API pages by
 * number. Same rows, same order; the product's JSON shaping is not in them.
 */
import type { Sqlite } from '../src-main/db/connection';

const ROW_COLUMNS = `c.id, c.code, c.name, c.short_name, c.kind, c.status, c.owner_user_id, u.display_name AS owner_name,
  c.province, c.city, c.industry, c.lifecycle_stage, c.tier, c.credit_limit, c.created_at,
  s.balance_due, s.lifetime_revenue, s.last_order_date, pc.name AS contact_name, pc.mobile AS contact_mobile,
  (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'color', t.color))
     FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = c.id) AS tags`;

const ROW_JOINS = `JOIN customer_stats s ON s.customer_id = c.id
  LEFT JOIN users u ON u.id = c.owner_user_id
  LEFT JOIN customer_contacts pc ON pc.customer_id = c.id AND pc.is_primary = 1`;

/** A page by code with its rows and the kept total, in one statement. */
export function bestPage(sqlite: Sqlite): (offset: number) => unknown {
  const statement = sqlite.prepare(`
    SELECT ${ROW_COLUMNS}, (SELECT n FROM row_counts WHERE subject = 'customers:active') AS total
      FROM (SELECT rowid AS rid FROM customers WHERE status = 'active' ORDER BY code LIMIT 50 OFFSET ?) k
      CROSS JOIN customers c ON c.rowid = k.rid ${ROW_JOINS}
     ORDER BY c.code`);
  return (offset) => statement.all(offset);
}

/** Keyset paging: the page after a code, without skipping the entries before it. */
export function bestPageAfter(sqlite: Sqlite): (afterCode: string) => unknown {
  const statement = sqlite.prepare(`
    SELECT ${ROW_COLUMNS}, (SELECT n FROM row_counts WHERE subject = 'customers:active') AS total
      FROM (SELECT rowid AS rid FROM customers WHERE status = 'active' AND code > ? ORDER BY code LIMIT 50) k
      CROSS JOIN customers c ON c.rowid = k.rid ${ROW_JOINS}
     ORDER BY c.code`);
  return (afterCode) => statement.all(afterCode);
}

/** A search's first page by code from its bounded matches, rows and count in one statement. */
export function bestSearch(sqlite: Sqlite, bound: number): (fts: string) => unknown {
  const statement = sqlite.prepare(`
    WITH found AS MATERIALIZED (
      SELECT cs.customer_id FROM (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? LIMIT ${bound + 1}) hit
       CROSS JOIN customer_search cs ON cs.rowid = hit.rowid)
    SELECT ${ROW_COLUMNS}, count(*) OVER () AS total, (SELECT count(*) FROM found) AS found
      FROM (SELECT customer_id FROM found LIMIT ${bound}) f CROSS JOIN customers c ON c.id = f.customer_id ${ROW_JOINS}
     WHERE c.status = 'active'
     ORDER BY c.code LIMIT 50`);
  return (fts) => statement.all(fts);
}

/** The palette's best few by rank among the bounded matches. */
export function bestPalette(sqlite: Sqlite, bound: number): (fts: string) => unknown {
  const statement = sqlite.prepare(`
    SELECT c.id, c.code, c.name, c.short_name, c.status, c.credit_code
      FROM (SELECT rowid, rank FROM customers_fts WHERE customers_fts MATCH ? LIMIT ${bound}) hit
     CROSS JOIN customer_search cs ON cs.rowid = hit.rowid
     CROSS JOIN customers c ON c.id = cs.customer_id
     WHERE c.status = 'active'
     ORDER BY hit.rank, c.code LIMIT 8`);
  return (fts) => statement.all(fts);
}

/**
 * The 360° screen as one JSON document: record, contacts, addresses, tags, next contact, figures
 * (what is overdue computed from the open invoices as of today, as the product does), stage
 * history and the first 20 timeline entries from every branch the product's timeline has.
 */
export function bestView(sqlite: Sqlite): (id: string, today: string) => unknown {
  const account = '(SELECT id FROM customers WHERE id = :id OR merged_into_id = :id)';
  const statement = sqlite.prepare(`
    SELECT json_object(
      'customer', (SELECT json_object('id', c.id, 'code', c.code, 'name', c.name, 'owner', u.display_name, 'row', json_array(c.short_name, c.credit_code, c.industry, c.size,
                     c.source, c.mobile, c.phone, c.email, c.province, c.city, c.district, c.credit_limit, c.payment_terms_days, c.tier, c.custom_fields, c.notes,
                     c.lifecycle_stage, c.lifecycle_override, c.status, c.cooperation_since)) FROM customers c LEFT JOIN users u ON u.id = c.owner_user_id WHERE c.id = :id),
      'contacts', (SELECT json_group_array(json_object('id', id, 'name', name, 'mobile', mobile, 'phone', phone, 'primary', is_primary))
                     FROM (SELECT * FROM customer_contacts WHERE customer_id = :id ORDER BY is_primary DESC, created_at, id)),
      'addresses', (SELECT json_group_array(json_object('id', id, 'kind', kind, 'detail', detail, 'default', is_default))
                      FROM (SELECT * FROM customer_addresses WHERE customer_id = :id ORDER BY kind, is_default DESC, created_at, id)),
      'tags', (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'color', t.color)) FROM customer_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.customer_id = :id),
      'nextContactOn', (SELECT next_contact_on FROM interactions WHERE customer_id = :id ORDER BY occurred_at DESC, id DESC LIMIT 1),
      'stats', (SELECT json_object('revenue', lifetime_revenue, 'orders', order_count, 'balance', balance_due) FROM customer_stats WHERE customer_id = :id),
      'overdue', (SELECT coalesce(sum(i.total_gross - coalesce((SELECT sum(a.amount) FROM receivable_allocations a WHERE a.invoice_id = i.id), 0)), 0)
                    FROM invoices i WHERE i.customer_id IN ${account} AND i.kind = 'invoice' AND i.status = 'posted' AND i.due_date < :today),
      'history', (SELECT json_group_array(json_object('to', to_stage, 'at', changed_at))
                    FROM (SELECT * FROM customer_stage_history WHERE customer_id = :id ORDER BY changed_at DESC, id DESC)),
      'timeline', (SELECT json_group_array(json_object('kind', kind, 'id', id, 'at', at, 'title', title)) FROM (
                     SELECT * FROM (
                       SELECT 'interaction' AS kind, i.id, i.occurred_at AS at, coalesce(i.subject, substr(i.body, 1, 80)) AS title FROM interactions i WHERE i.customer_id = :id
                       UNION ALL
                       SELECT 'stage', h.id, h.changed_at, h.to_stage FROM customer_stage_history h WHERE h.customer_id = :id
                       UNION ALL
                       SELECT 'order', o.id, coalesce(o.confirmed_at, o.created_at), coalesce(o.order_no, '') FROM sales_orders o WHERE o.customer_id IN ${account}
                       UNION ALL
                       SELECT 'delivery', d.id, d.posted_at, d.delivery_no FROM deliveries d WHERE d.customer_id IN ${account} AND d.status = 'posted'
                       UNION ALL
                       SELECT 'return', r.id, r.created_at, r.return_no FROM sales_orders o JOIN sales_returns r ON r.sales_order_id = o.id WHERE o.customer_id IN ${account} AND r.status = 'received'
                       UNION ALL
                       SELECT i.kind, i.id, i.posted_at, i.invoice_no FROM invoices i WHERE i.customer_id = :id
                       UNION ALL
                       SELECT 'receipt', r.id, r.posted_at, r.receipt_no FROM receipts r WHERE r.customer_id = :id)
                     ORDER BY at DESC, id DESC LIMIT 20))
    ) AS view`);
  return (id, today) => statement.get({ id, today });
}
