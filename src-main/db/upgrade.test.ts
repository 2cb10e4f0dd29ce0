import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProductSearchDoc } from '../domain/catalog/catalog.search-text';
import { leadSearchDoc } from '../domain/leads/leads.search';
import { createBackend } from '../backend/backend';
import type { Sqlite } from './connection';
import { openDatabase } from './connection';
import { loadMigrations, migrate } from './migrate';

const NOW = '2026-01-15T08:00:00.000Z';

/**
 * Rows a real desktop would have had at each schema version, inserted with that version's SQL.
 * Each fixture returns the row counts it expects to survive every later upgrade.
 */
const FIXTURES: Record<number, (sqlite: Sqlite) => Record<string, number>> = {
  1: (sqlite) => {
    sqlite.prepare("INSERT INTO company (id, name, currency, time_zone, created_at) VALUES (1, '老版本公司', 'CNY', 'Asia/Shanghai', ?)").run(NOW);
    sqlite
      .prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u-owner', 'boss', '老板', 'owner', 'scrypt$1$1$1$x$y', ?, ?)")
      .run(NOW, NOW);
    sqlite.prepare("INSERT INTO numbering_series (code, prefix, per_year, padding, next_number) VALUES ('customer', 'C', 0, 6, 2)").run();
    sqlite.prepare("INSERT INTO audit_log (id, at, user_id, username, method, changes, transport) VALUES ('a1', ?, 'u-owner', 'boss', 'auth.setup', '[]', 'ipc')").run(NOW);
    return { users: 1, audit_log: 1, company: 1 };
  },
  2: (sqlite) => {
    sqlite
      .prepare(
        `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, owner_user_id, lifecycle_stage, lifecycle_computed, created_at, updated_at)
         VALUES ('c1', 'C000001', 'company', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboyashipinyouxiangongsi', 'u-owner', 'prospect', 'prospect', ?, ?)`,
      )
      .run(NOW, NOW);
    sqlite.prepare("INSERT INTO customer_stats (customer_id, updated_at) VALUES ('c1', ?)").run(NOW);
    sqlite.prepare("INSERT INTO customer_search (customer_id, names, people, tokens) VALUES ('c1', '南 京 博 雅 食 品 有 限 公 司', '', 'c000001 nanjingboyashipinyouxiangongsi njbyspyxgs')").run();
    return { customers: 1 };
  },
  3: (sqlite) => {
    sqlite.prepare("INSERT INTO campaigns (id, name, channel, start_date, cost, status, created_at, updated_at) VALUES ('k1', '春季展会', '展会', '2026-01-10', 500000, 'ended', ?, ?)").run(NOW, NOW);
    sqlite
      .prepare("INSERT INTO leads (id, code, name, company, source, campaign_id, status, owner_user_id, created_at, updated_at) VALUES ('l1', 'L000001', '陈静', '苏州恒通建材有限公司', '展会', 'k1', 'new', 'u-owner', ?, ?)")
      .run(NOW, NOW);
    sqlite.prepare("INSERT INTO numbering_series (code, prefix, per_year, padding, next_number) VALUES ('lead', 'L', 0, 6, 2)").run();
    return { campaigns: 1, leads: 1, numbering_series: 2 };
  },
  4: (sqlite) => {
    sqlite.prepare("INSERT INTO numbering_series (code, prefix, per_year, padding, year, next_number, device_prefix) VALUES ('order', 'SO', 1, 6, 2026, 4, '')").run();
    return { numbering_series: 3 };
  },
  5: (sqlite) => {
    sqlite.prepare("INSERT INTO product_categories (id, name, created_at, updated_at) VALUES ('pc1', '饮料', ?, ?)").run(NOW, NOW);
    sqlite
      .prepare(
        `INSERT INTO products (id, code, name, name_pinyin, category_id, unit, second_unit, second_unit_factor, barcode, vat_rate, list_price, standard_cost, created_at, updated_at)
         VALUES ('p1', 'P0001', '矿泉水 550ml', 'kuangquanshui550ml', 'pc1', '瓶', '箱', 24, '6901234567892', 1300, 200, 120, ?, ?)`,
      )
      .run(NOW, NOW);
    const doc = buildProductSearchDoc({ code: 'P0001', name: '矿泉水 550ml', spec: null, barcode: '6901234567892' });
    sqlite.prepare("INSERT INTO product_search (product_id, names, tokens) VALUES ('p1', ?, ?)").run(doc.names, doc.tokens);
    sqlite.prepare("INSERT INTO price_lists (id, code, name, kind, tier, created_at, updated_at) VALUES ('pl1', 'VIP', 'VIP 价', 'tier', 'A', ?, ?)").run(NOW, NOW);
    sqlite.prepare("INSERT INTO price_list_items (id, price_list_id, product_id, min_quantity, unit_price) VALUES ('pli1', 'pl1', 'p1', 24, 180)").run();
    return { products: 1, price_list_items: 1 };
  },
  6: (sqlite) => {
    sqlite.prepare("INSERT INTO warehouses (id, code, name, is_default, created_at, updated_at) VALUES ('w1', 'WH01', '总仓', 1, ?, ?)").run(NOW, NOW);
    sqlite
      .prepare(
        `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, created_at)
         VALUES ('m1', '2026-01-15', 'p1', 'w1', 'opening', 480, 120, 57600, 'opening', 'o1', 'OB-2026-000001', ?)`,
      )
      .run(NOW);
    sqlite.prepare("INSERT INTO stock_levels (product_id, warehouse_id, on_hand, stock_value, avg_cost, updated_at) VALUES ('p1', 'w1', 480, 57600, 120, ?)").run(NOW);
    sqlite.prepare("INSERT INTO suppliers (id, code, name, name_pinyin, created_at, updated_at) VALUES ('s1', 'S0001', '农夫山泉经销商', 'nongfushanquanjingxiaoshang', ?, ?)").run(NOW, NOW);
    return { stock_moves: 1, stock_levels: 1, suppliers: 1 };
  },
  7: (sqlite) => {
    sqlite
      .prepare("INSERT INTO sales_orders (id, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES ('so1', 'c1', 'draft', '2026-01-20', 'w1', ?, ?)")
      .run(NOW, NOW);
    return { sales_orders: 1 };
  },
  // 0008_search indexes leads: at schema 8 the product writes a lead's search text beside it.
  8: (sqlite) => {
    const doc = leadSearchDoc({ code: 'L000001', name: '陈静', company: '苏州恒通建材有限公司', mobile: null, email: null });
    sqlite.prepare("INSERT INTO lead_search (lead_id, names, people, tokens) VALUES ('l1', ?, ?, ?)").run(doc.names, doc.people, doc.tokens);
    // row_counts' trigger counts the audit log from here on.
    sqlite.prepare("INSERT INTO audit_log (id, at, user_id, username, method, changes, transport) VALUES ('a2', ?, 'u-owner', 'boss', 'customers.update', '[]', 'ipc')").run(NOW);
    return { lead_search: 1, audit_log: 2, row_counts: 4 };
  },
  9: (sqlite) => {
    sqlite.prepare("INSERT INTO stock_adjustments (id, adjustment_no, warehouse_id, kind, adjustment_date, created_at) VALUES ('adj1', 'ADJ-2026-000001', 'w1', 'receipt', '2026-01-15', ?)").run(NOW);
    sqlite.prepare("INSERT INTO stock_adjustment_lines (id, adjustment_id, line_no, product_id, quantity, unit_cost) VALUES ('adjl1', 'adj1', 1, 'p1', 24, 120)").run();
    sqlite
      .prepare(
        `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, document_line_id, created_at)
         VALUES ('m2', '2026-01-15', 'p1', 'w1', 'receipt', 24, 120, 2880, 'stock_adjustment', 'adj1', 'ADJ-2026-000001', 'adjl1', ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE stock_levels SET on_hand = on_hand + 24, stock_value = stock_value + 2880 WHERE product_id = 'p1' AND warehouse_id = 'w1'").run();
    return { stock_moves: 2, stock_adjustments: 1, stock_adjustment_lines: 1 };
  },
  10: (sqlite) => {
    sqlite
      .prepare("INSERT INTO security_log (id, at, event, username, user_id, reason, transport) VALUES ('sl1', ?, 'sign_in_failed', 'boss', 'u-owner', 'wrong_password', 'http')")
      .run(NOW);
    return { security_log: 1 };
  },
  11: (sqlite) => {
    sqlite
      .prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
         VALUES ('i1', 'INV-2026-000001', 'invoice', 'service', 'c1', '2026-01-15', '2026-02-14', '2026-01', 10000, 1300, 11300, ?)`,
      )
      .run(NOW);
    sqlite
      .prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r1', 'SK-2026-000001', 'c1', '2026-01-20', '2026-01', 'wechat', 11300, ?)")
      .run(NOW);
    sqlite
      .prepare(
        "INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, invoice_id, amount, allocation_date, period, created_at) VALUES ('a1', 'c1', 'allocation', 'r1', 'i1', 11300, '2026-01-20', '2026-01', ?)",
      )
      .run(NOW);
    return { invoices: 1, receipts: 1, receivable_allocations: 1 };
  },
  12: (sqlite) => {
    sqlite.prepare("INSERT INTO chart_accounts (code, name, parent_code, updated_at) VALUES ('100201', '银行存款—工商银行', NULL, ?)").run(NOW);
    sqlite.prepare("UPDATE voucher_account_mapping SET account_code = '100201' WHERE role = 'bank'").run();
    sqlite.prepare("INSERT INTO period_lock_events (id, action, period, closed_through, user_id, at) VALUES ('pl1', 'close', '2026-01', '2026-01', 'u-owner', ?)").run(NOW);
    sqlite
      .prepare("INSERT INTO voucher_exports (id, date_from, date_to, format, voucher_count, first_voucher, last_voucher, file_sha256, at) VALUES ('ve1', '2026-01-01', '2026-01-31', 'kingdee', 2, '2026-01 记-1', '2026-01 记-2', 'abc', ?)")
      .run(NOW);
    return { chart_accounts: 14, period_lock_events: 1, voucher_exports: 1 };
  },
  13: (sqlite) => {
    sqlite
      .prepare("INSERT INTO users (id, username, display_name, role, password_hash, manager_user_id, created_at, updated_at) VALUES ('u-sales', 'xiaowang', '小王', 'sales', 'scrypt$1$1$1$x$y', 'u-owner', ?, ?)")
      .run(NOW, NOW);
    sqlite.prepare("INSERT INTO customer_shares (customer_id, user_id, shared_by, shared_at) VALUES ('c1', 'u-sales', 'u-owner', ?)").run(NOW);
    sqlite
      .prepare("INSERT INTO customer_pool_events (id, customer_id, kind, user_id, by_user_id, business_date, occurred_at) VALUES ('pe1', 'c1', 'claimed', 'u-owner', 'u-owner', '2026-01-15', ?)")
      .run(NOW);
    return { users: 2, customer_shares: 1, customer_pool_events: 1 };
  },
  14: (sqlite) => {
    sqlite
      .prepare(
        `INSERT INTO statements (id, number, customer_id, period_from, period_to, status, opening_balance, total_debit, total_credit, closing_balance, sent_on, created_at, updated_at)
         VALUES ('st1', 'ST-2026-000001', 'c1', '2026-01-01', '2026-01-31', 'sent', 0, 0, 0, 0, '2026-02-01', ?, ?)`,
      )
      .run(NOW, NOW);
    sqlite.prepare("INSERT INTO tasks (id, customer_id, assignee_id, title, source_kind, source_id, created_at) VALUES ('t1', 'c1', 'u-owner', '核对一月对账单', 'statement', 'st1', ?)").run(NOW);
    return { statements: 1, tasks: 1 };
  },
  15: (sqlite) => {
    sqlite
      .prepare("INSERT INTO credit_hold_events (id, customer_id, action, cause, reason, business_date, user_id, at) VALUES ('ch1', 'c1', 'hold', 'manual', '拖欠货款', '2026-01-15', 'u-owner', ?)")
      .run(NOW);
    sqlite
      .prepare("INSERT INTO dunning_reminders (id, customer_id, level_id, owner_user_id, business_date, amount, created_at) VALUES ('dr1', 'c1', 'dl-after-1', 'u-owner', '2026-02-15', 11300, ?)")
      .run(NOW);
    sqlite.prepare("INSERT INTO dunning_reminder_invoices (reminder_id, invoice_id, level_id, open_amount) VALUES ('dr1', 'i1', 'dl-after-1', 11300)").run();
    return { credit_hold_events: 1, dunning_levels: 4, dunning_reminders: 1, dunning_reminder_invoices: 1 };
  },
  // At schema 16 customer_stats has no overdue, points or open_tickets; what is owed moves with its invoice.
  16: (sqlite) => {
    sqlite
      .prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
         VALUES ('i2', 'INV-2026-000002', 'invoice', 'service', 'c1', '2026-02-10', '2026-03-12', '2026-02', 20000, 2600, 22600, ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE customer_stats SET balance_due = balance_due + 22600, updated_at = ? WHERE customer_id = 'c1'").run(NOW);
    return { invoices: 2 };
  },
  17: (sqlite) => {
    sqlite
      .prepare("INSERT INTO dunning_emails (id, reminder_id, status, email_to, subject, attachment, message_id, started_at, started_by, finished_at) VALUES ('de1', 'dr1', 'sent', 'caiwu@boya.example', '催款', '对账单-南京博雅食品有限公司-2026-02-15.pdf', '<m1@boya.example>', ?, 'u-owner', ?)")
      .run(NOW, NOW);
    return { dunning_emails: 1 };
  },
  18: (sqlite) => {
    sqlite
      .prepare("INSERT INTO interactions (id, customer_id, kind, occurred_at, subject, user_id, created_at, next_contact_on) VALUES ('n1', 'c1', 'call', ?, '确认春节备货', 'u-owner', ?, '2026-01-22')")
      .run(NOW, NOW);
    return { interactions: 1 };
  },
  19: (sqlite) => {
    // The triggers record it open: nothing is applied to it yet.
    sqlite
      .prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
         VALUES ('i3', 'INV-2026-000003', 'invoice', 'service', 'c1', '2026-02-20', '2026-03-22', '2026-02', 5000, 650, 5650, ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE customer_stats SET balance_due = balance_due + 5650, updated_at = ? WHERE customer_id = 'c1'").run(NOW);
    return { invoices: 3, receivable_clearing: 4 };
  },
  20: (sqlite) => {
    // A receipt paying part of i3: the triggers record its amount, customer and first entry for the aging.
    sqlite
      .prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r20', 'SK-2026-000020', 'c1', '2026-03-01', '2026-03', 'wechat', 2000, ?)")
      .run(NOW);
    sqlite
      .prepare(
        `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, invoice_id, amount, allocation_date, period, created_at)
         VALUES ('al20', 'c1', 'allocation', 'r20', 'i3', 2000, '2026-03-01', '2026-03', ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE customer_stats SET balance_due = balance_due - 2000, updated_at = ? WHERE customer_id = 'c1'").run(NOW);
    return { receipts: 2, receivable_allocations: 2, receivable_clearing: 5 };
  },
  21: (sqlite) => {
    // A daily run that raised 25 reminders: one row of the log, counted and its first changes kept by 0022.
    const changes = Array.from({ length: 25 }, (_, i) => ({ entityType: 'task', entityId: `t${i}`, fields: { title: { before: null, after: `催收 ${i}` } } }));
    sqlite.prepare("INSERT INTO audit_log (id, at, user_id, username, method, changes, transport) VALUES ('a21', ?, 'u-owner', 'boss', 'dunning.run', ?, 'ipc')").run(NOW, JSON.stringify(changes));
    return { audit_log: 3 };
  },
  22: (sqlite) => {
    // A customer imported before 0023 has no import record: it stays, and no undo reaches it.
    sqlite.prepare("INSERT INTO tags (id, name, color, created_at) VALUES ('t22', '重点客户', 'gray', ?)").run(NOW);
    sqlite.prepare("INSERT INTO customer_tags (customer_id, tag_id) VALUES ('c1', 't22')").run();
    return { tags: 1, customer_tags: 1 };
  },
  23: (sqlite) => {
    // A finished customer import keeps its undo record through 0024, which adds the product import's own.
    sqlite.prepare("INSERT INTO customer_imports (id, file_name, status, started_at, finished_at, created_count) VALUES ('ci23', '客户.csv', 'published', ?, ?, 1)").run(NOW, NOW);
    sqlite.prepare("INSERT INTO customer_import_changes (import_id, customer_id, kind, before) VALUES ('ci23', 'c1', 'created', NULL)").run();
    return { customer_imports: 1, customer_import_changes: 1 };
  },
  24: (sqlite) => {
    // A ledger already long when 0025 indexes its delivery moves anew: a scrap is not one of them.
    sqlite.prepare("INSERT INTO stock_adjustments (id, adjustment_no, warehouse_id, kind, adjustment_date, created_at) VALUES ('adj2', 'ADJ-2026-000002', 'w1', 'scrap', '2026-01-16', ?)").run(NOW);
    sqlite.prepare("INSERT INTO stock_adjustment_lines (id, adjustment_id, line_no, product_id, quantity, unit_cost) VALUES ('adjl2', 'adj2', 1, 'p1', 2, 120)").run();
    sqlite
      .prepare(
        `INSERT INTO stock_moves (id, move_date, product_id, warehouse_id, kind, quantity, unit_cost, value, document_type, document_id, document_no, document_line_id, created_at)
         VALUES ('m3', '2026-01-16', 'p1', 'w1', 'scrap', -2, 120, -240, 'stock_adjustment', 'adj2', 'ADJ-2026-000002', 'adjl2', ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE stock_levels SET on_hand = on_hand - 2, stock_value = stock_value - 240 WHERE product_id = 'p1' AND warehouse_id = 'w1'").run();
    return { stock_moves: 3, stock_adjustments: 2, stock_adjustment_lines: 2 };
  },
  25: (sqlite) => {
    // An invoice still open when 0026 indexes the open invoices by customer: the credit check finds it there.
    sqlite
      .prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at)
         VALUES ('i4', 'INV-2026-000004', 'invoice', 'service', 'c1', '2026-01-02', '2026-01-12', '2026-01', 1000, 130, 1130, ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE customer_stats SET balance_due = balance_due + 1130, updated_at = ? WHERE customer_id = 'c1'").run(NOW);
    return { invoices: 4, receivable_clearing: 6 };
  },
  26: (sqlite) => {
    // A second draft when 0027 adds the status to the customer's order index: still not an order placed.
    sqlite
      .prepare("INSERT INTO sales_orders (id, order_no, customer_id, status, order_date, warehouse_id, created_at, updated_at) VALUES ('o26', NULL, 'c1', 'draft', '2026-01-21', 'w1', ?, ?)")
      .run(NOW, NOW);
    return { sales_orders: 2 };
  },
  27: (sqlite) => {
    // A small difference on i3 written off, dated in March: 0028 keeps one of the two indexes that found it for the month's vouchers.
    sqlite
      .prepare(
        `INSERT INTO receivable_allocations (id, customer_id, kind, invoice_id, amount, allocation_date, period, reason, created_at)
         VALUES ('wo27', 'c1', 'writeoff', 'i3', 50, '2026-03-02', '2026-03', '尾差', ?)`,
      )
      .run(NOW);
    sqlite.prepare("UPDATE customer_stats SET balance_due = balance_due - 50, updated_at = ? WHERE customer_id = 'c1'").run(NOW);
    return { receivable_allocations: 3 };
  },
};

describe('upgrading an existing database', () => {
  const latest = loadMigrations().length;

  it.each(Array.from({ length: latest - 1 }, (_, i) => i + 1))('built at schema %i, with data in it, opens at the latest schema with nothing lost', async (version) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `desk-erp-upgrade-${version}-`)), 'desk-erp.sqlite');
    const old = openDatabase(file);
    migrate(old.sqlite, { toVersion: version });
    const expected: Record<string, number> = {};
    for (let v = 1; v <= version; v++) Object.assign(expected, FIXTURES[v]?.(old.sqlite) ?? {});
    old.sqlite.close();

    const backend = createBackend({ file });
    try {
      for (const [table, count] of Object.entries(expected)) {
        expect({ table, count: backend.conn.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() }).toEqual({ table, count });
      }
      expect(backend.checkInvariants().filter((r) => !r.ok)).toEqual([]);
      const session = { user: { id: 'u-owner', username: 'boss', displayName: '老板', role: 'owner' as const, locale: null } };
      const settings = await backend.call({ session, transport: 'test' }, 'settings.get', {});
      expect(settings).toMatchObject({ ok: true, data: { companyName: '老版本公司' } });
      if (version >= 2) {
        const found = await backend.call({ session, transport: 'test' }, 'customers.list', { q: 'njby' });
        expect(found).toMatchObject({ ok: true, data: { total: 1, rows: [{ code: 'C000001' }] } });
      }
      if (version >= 27) {
        const march = await backend.call({ session, transport: 'test' }, 'vouchers.list', { from: '2026-03-01', to: '2026-03-31', page: 1, pageSize: 50 });
        expect(march).toMatchObject({ ok: true, data: { rows: expect.arrayContaining([expect.objectContaining({ source: 'writeoff', documentNo: expect.any(String) })]) } });
      }
      if (version >= 3) {
        const leads = await backend.call({ session, transport: 'test' }, 'leads.list', { q: '恒通' });
        expect(leads).toMatchObject({ ok: true, data: { total: 1, totalIsExact: true, rows: [{ code: 'L000001' }] } });
      }
    } finally {
      backend.close();
    }
    expect(fs.readdirSync(path.dirname(file)).some((f) => f.includes(`.before-v${version + 1}.`))).toBe(true);
  });

  it('has a fixture for every migration that later ones upgrade from', () => {
    const missing = Array.from({ length: latest - 1 }, (_, i) => i + 1).filter((v) => !FIXTURES[v]);
    expect(missing).toEqual([]);
  });
});
