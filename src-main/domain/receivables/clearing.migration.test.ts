import { describe, expect, it } from 'vitest';
import { acrossMigration, insertOldCustomer } from '../../db/migration-test-db';
import { clearingMatchesLedger } from './clearing';

const NOW = '2026-11-28T08:00:00.000Z';

describe('migration 0019: when each receivables document was cleared', () => {
  it('records the documents a database already has, cleared on their last entry or open', () => {
    const { sqlite } = acrossMigration('receivable_clearing', (old) => {
      insertOldCustomer(old, NOW);
      const invoice = old.prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at, status, reversed_on)
         VALUES (?, ?, ?, 'service', 'c1', ?, ?, '2026-01', 10000, 0, 10000, ?, ?, ?)`,
      );
      invoice.run('paid', 'INV-1', 'invoice', '2026-01-02', '2026-02-01', NOW, 'posted', null);
      invoice.run('part', 'INV-2', 'invoice', '2026-01-03', '2026-02-02', NOW, 'posted', null);
      invoice.run('wrong', 'INV-3', 'invoice', '2026-01-04', '2026-02-03', NOW, 'reversed', '2026-01-06');
      invoice.run('credit', 'CN-1', 'credit_note', '2026-01-05', '2026-01-05', NOW, 'posted', null);
      const receipt = old.prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES (?, ?, 'c1', ?, '2026-01', 'wechat', ?, ?)");
      receipt.run('r1', 'SK-1', '2026-01-10', 6000, NOW);
      receipt.run('r2', 'SK-2', '2026-01-20', 9000, NOW);
      const entry = old.prepare(
        `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, credit_note_id, invoice_id, amount, allocation_date, period, created_at)
         VALUES (?, 'c1', 'allocation', ?, ?, ?, ?, ?, '2026-01', ?)`,
      );
      entry.run('a1', 'r1', null, 'paid', 6000, '2026-01-10', NOW);
      entry.run('a2', null, 'credit', 'paid', 4000, '2026-01-12', NOW);
      entry.run('a3', 'r2', null, 'part', 3000, '2026-01-20', NOW);
      // On to the latest schema: the check below is the current one, which reads 0020's columns too.
    }, { to: 'latest' });
    expect(sqlite.prepare('SELECT document_id, kind, document_date, cleared_on FROM receivable_clearing ORDER BY document_date, document_id').all()).toEqual([
      { document_id: 'paid', kind: 'invoice', document_date: '2026-01-02', cleared_on: '2026-01-12' },
      { document_id: 'part', kind: 'invoice', document_date: '2026-01-03', cleared_on: null },
      { document_id: 'wrong', kind: 'invoice', document_date: '2026-01-04', cleared_on: '2026-01-06' },
      { document_id: 'credit', kind: 'credit_note', document_date: '2026-01-05', cleared_on: null },
      { document_id: 'r1', kind: 'receipt', document_date: '2026-01-10', cleared_on: '2026-01-10' },
      { document_id: 'r2', kind: 'receipt', document_date: '2026-01-20', cleared_on: null },
    ]);
    expect(clearingMatchesLedger.run(sqlite)).toEqual([]);
  });
});

describe('migration 0020: what the aging reads of each document, kept beside when it was cleared', () => {
  it('records the customer, signed amount, aging date, reversal and first entry of each document', () => {
    const { sqlite } = acrossMigration('receivable_clearing_aging', (old) => {
      insertOldCustomer(old, NOW);
      const invoice = old.prepare(
        `INSERT INTO invoices (id, invoice_no, kind, source, customer_id, invoice_date, due_date, period, total_net, total_tax, total_gross, posted_at, status, reversed_on)
         VALUES (?, ?, ?, 'service', 'c1', ?, ?, '2026-01', ?, 0, ?, ?, ?, ?)`,
      );
      invoice.run('part', 'INV-1', 'invoice', '2026-01-03', '2026-02-02', 10000, 10000, NOW, 'posted', null);
      invoice.run('wrong', 'INV-2', 'invoice', '2026-01-04', '2026-02-03', 5000, 5000, NOW, 'reversed', '2026-01-06');
      invoice.run('credit', 'CN-1', 'credit_note', '2026-01-05', '2026-01-05', 2000, 2000, NOW, 'posted', null);
      old.prepare("INSERT INTO receipts (id, receipt_no, customer_id, receipt_date, period, method, amount, posted_at) VALUES ('r1', 'SK-1', 'c1', '2026-01-20', '2026-01', 'wechat', 9000, ?)").run(NOW);
      old
        .prepare(
          `INSERT INTO receivable_allocations (id, customer_id, kind, receipt_id, credit_note_id, invoice_id, amount, allocation_date, period, created_at)
           VALUES ('a1', 'c1', 'allocation', 'r1', NULL, 'part', 3000, '2026-01-21', '2026-01', ?)`,
        )
        .run(NOW);
    });
    expect(sqlite.prepare('SELECT document_id, customer_id, aged_from, amount, reversed_on, first_applied_on FROM receivable_clearing ORDER BY document_date').all()).toEqual([
      { document_id: 'part', customer_id: 'c1', aged_from: '2026-02-02', amount: 10000, reversed_on: null, first_applied_on: '2026-01-21' },
      { document_id: 'wrong', customer_id: 'c1', aged_from: '2026-02-03', amount: 5000, reversed_on: '2026-01-06', first_applied_on: null },
      { document_id: 'credit', customer_id: 'c1', aged_from: '2026-01-05', amount: -2000, reversed_on: null, first_applied_on: null },
      { document_id: 'r1', customer_id: 'c1', aged_from: '2026-01-20', amount: -9000, reversed_on: null, first_applied_on: '2026-01-21' },
    ]);
    expect(clearingMatchesLedger.run(sqlite)).toEqual([]);
  });
});
