import { describe, expect, it } from 'vitest';
import type { TestApi } from '../db/test-db';
import { aLead } from '../domain/leads/leads.test-helpers';
import { pickAndPost, salesBooks } from '../domain/orders/sales.test-helpers';

async function userId(api: TestApi): Promise<string> {
  return (await api.ok('auth.status', {})).user!.id;
}

/**
 * Two salespeople with own-customers scope (the default), each with a customer, a quote, an order
 * and a deal, and a lead with a deal not yet tied to any customer.
 */
async function twoBooks() {
  const books = await salesBooks();
  const owner = books.api;
  const sales = await owner.as('sales');
  const colleague = await owner.as('sales');
  const [salesId, colleagueId] = [await userId(sales), await userId(colleague)];
  const tea = books.product({ name: '龙井茶', onHand: 100 });
  const records = async (ownerUserId: string, name: string) => {
    const customerId = await books.customer({ name, ownerUserId });
    const order = await owner.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const quote = await owner.ok('quotes.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const deal = await owner.ok('leads.createOpportunity', { title: `${name}年度采购`, customerId, expectedAmount: 100_000, ownerUserId });
    const lead = await owner.ok('leads.create', aLead({ company: `${name}分公司`, ownerUserId }));
    const looseDeal = await owner.ok('leads.createOpportunity', { title: `${name}意向`, leadId: lead.id, expectedAmount: 50_000, ownerUserId });
    const customerCode = (await owner.ok('customers.get', { id: customerId })).code;
    return { customerId, customerCode, order: order.id, quote: quote.id, deal: deal.id, looseDeal: looseDeal.id, lead: lead.id };
  };
  const mine = await records(salesId, '南京博雅食品有限公司');
  const theirs = await records(colleagueId, '苏州恒通建材有限公司');
  return { books, owner, sales, colleague, salesId, colleagueId, mine, theirs };
}

const code = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error!.code);

/** Every attempt answered NOT_FOUND, and none let the other salesperson's customer's name slip out. */
function expectAllNotFound(attempts: Record<string, { ok: boolean; error?: { code: string } }>): void {
  expect(Object.fromEntries(Object.entries(attempts).map(([method, result]) => [method, code(result)]))).toEqual(
    Object.fromEntries(Object.keys(attempts).map((method) => [method, 'NOT_FOUND'])),
  );
  expect(JSON.stringify(attempts)).not.toContain('恒通');
}

describe('data scope matrix: a salesperson sees only their own book', () => {
  it('lists only their own orders, quotes, leads and deals, on the board and in exports', async () => {
    const { owner, sales, mine, theirs } = await twoBooks();
    expect((await sales.ok('orders.list', {})).rows.map((r) => r.id)).toEqual([mine.order]);
    expect((await sales.ok('quotes.list', {})).rows.map((r) => r.id)).toEqual([mine.quote]);
    const leads = await sales.ok('leads.list', {});
    expect({ ids: leads.rows.map((r) => r.id), total: leads.total }).toEqual({ ids: [mine.lead], total: 1 });
    expect((await sales.ok('leads.listOpportunities', {})).rows.map((r) => r.id).sort()).toEqual([mine.deal, mine.looseDeal].sort());
    const board = await sales.ok('leads.opportunityBoard', {});
    expect(board.columns.flatMap((c) => c.cards.map((card) => card.id)).sort()).toEqual([mine.deal, mine.looseDeal].sort());
    expect(board.columns.reduce((n, c) => n + c.count, 0)).toBe(2);

    for (const method of ['exports.orders', 'exports.orderLines', 'exports.quotes', 'exports.leads'] as const) {
      const file = await sales.ok(method, { format: 'csv', language: 'zh-CN' });
      const text = Buffer.from(file.content).toString('utf8');
      expect({ method, rows: file.rows, theirs: text.includes(theirs.customerCode) || text.includes('恒通') }).toEqual({ method, rows: 1, theirs: false });
    }
    expect((await owner.ok('exports.orders', { format: 'csv' })).rows).toBe(2);
  });

  it('answers NOT_FOUND for another salesperson’s order, quote, lead or deal, and changes nothing', async () => {
    const { owner, sales, theirs } = await twoBooks();
    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    const attempts = {
      'orders.get': await sales.call('orders.get', { id: theirs.order }),
      'orders.printable': await sales.call('orders.printable', { id: theirs.order }),
      'orders.cancel': await sales.call('orders.cancel', { id: theirs.order, reason: '客户取消' }),
      'orders.customerSummary': await sales.call('orders.customerSummary', { customerId: theirs.customerId }),
      'quotes.get': await sales.call('quotes.get', { id: theirs.quote }),
      'quotes.send': await sales.call('quotes.send', { id: theirs.quote }),
      'leads.get': await sales.call('leads.get', { id: theirs.lead }),
      'leads.update': await sales.call('leads.update', { id: theirs.lead, notes: '改' }),
      'leads.markLost': await sales.call('leads.markLost', { id: theirs.lead, reason: '预算不足' }),
      'leads.getOpportunity': await sales.call('leads.getOpportunity', { id: theirs.deal }),
      'leads.getOpportunity (no customer)': await sales.call('leads.getOpportunity', { id: theirs.looseDeal }),
      'leads.moveOpportunity': await sales.call('leads.moveOpportunity', { id: theirs.looseDeal, stage: 'proposal' }),
    };
    expectAllNotFound(attempts);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('lets the owner, and a manager over the team, see the salespeople’s records', async () => {
    const { owner, salesId, mine, theirs } = await twoBooks();
    expect((await owner.ok('orders.list', {})).rows.map((r) => r.id).sort()).toEqual([mine.order, theirs.order].sort());
    const manager = await owner.as('manager');
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'team', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' } });
    await owner.ok('users.update', { id: salesId, managerUserId: await userId(manager) });
    expect((await manager.ok('orders.list', {})).rows.map((r) => r.id)).toEqual([mine.order]);
    expect((await manager.ok('leads.list', {})).rows.map((r) => r.id)).toEqual([mine.lead]);
    expect(code(await manager.call('quotes.get', { id: theirs.quote }))).toBe('NOT_FOUND');
  });
});

/**
 * The documents that follow a customer after the order: a delivery sent and a return taken back,
 * an invoice, a receipt, a statement of account, a task for the salesperson and an order waiting
 * for approval, for each of two salespeople's customers.
 */
async function twoLedgers() {
  const base = await twoBooks();
  const { books, owner } = base;
  const tea = books.product({ name: '碧螺春', listPrice: 10_000, onHand: 100 });
  const costly = books.product({ name: '紫砂壶', listPrice: 6_000_000, onHand: 5 });
  const documents = async (customerId: string, assigneeId: string) => {
    const draft = await owner.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 2 }] });
    const order = await owner.ok('orders.confirm', { id: draft.id });
    const delivery = await pickAndPost(owner, await owner.ok('deliveries.create', { salesOrderId: order.id }));
    const line = (await owner.ok('orders.get', { id: order.id })).lines[0]!.id;
    const sent = await owner.ok('returns.create', { salesOrderId: order.id, reason: '包装破损', lines: [{ orderLineId: line, quantity: 1, disposition: 'restock' }] });
    const invoice = await owner.ok('receivables.invoiceServices', { customerId, invoiceDate: '2026-03-02', lines: [{ description: '安装服务', quantity: 1, unitPrice: 50_000, vatRate: 1300 }] });
    const receipt = await owner.ok('receivables.createReceipt', { customerId, receiptDate: '2026-03-03', method: 'bank_transfer', amount: 20_000, autoAllocate: false });
    const statement = await owner.ok('statements.create', { customerId, periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    const task = await owner.ok('tasks.create', { assigneeId, customerId, title: '回访客户，确认三月对账单' });
    const big = await owner.ok('orders.create', { customerId, lines: [{ productId: costly, quantity: 1 }] });
    const waiting = await owner.ok('orders.confirm', { id: big.id });
    expect(waiting.status).toBe('pending_approval');
    return { order: order.id, delivery: delivery.id, return: sent.id, invoice: invoice.id, receipt: receipt.receipt.id, statement: statement.id, task: task.id, waiting: waiting.id };
  };
  return { ...base, mine: { ...base.mine, ...(await documents(base.mine.customerId, base.salesId)) }, theirs: { ...base.theirs, ...(await documents(base.theirs.customerId, base.colleagueId)) } };
}

const fileText = (file: { content: Uint8Array }) => Buffer.from(file.content).toString('utf8');

describe('data scope matrix: deliveries, returns, receivables, statements, tasks and approvals', () => {
  it('lists and exports only the salesperson’s own customers’ documents', async () => {
    const { sales, mine, theirs } = await twoLedgers();
    const ids = (page: { rows: { id: string }[]; total: number }) => ({ ids: page.rows.map((r) => r.id), total: page.total });
    expect({
      deliveries: ids(await sales.ok('deliveries.list', {})),
      returns: ids(await sales.ok('returns.list', {})),
      invoices: ids(await sales.ok('receivables.listInvoices', {})),
      receipts: ids(await sales.ok('receivables.listReceipts', {})),
      statements: ids(await sales.ok('statements.list', {})),
    }).toEqual({
      deliveries: { ids: [mine.delivery], total: 1 },
      returns: { ids: [mine.return], total: 1 },
      invoices: { ids: [mine.invoice], total: 1 },
      receipts: { ids: [mine.receipt], total: 1 },
      statements: { ids: [mine.statement], total: 1 },
    });
    expect((await sales.ok('receivables.aging', { asOf: '2026-03-31' })).rows.map((r) => r.customer_code)).toEqual([mine.customerCode]);

    for (const method of ['exports.invoices', 'exports.postedInvoices', 'exports.receipts', 'exports.allocations', 'exports.statements'] as const) {
      const text = fileText(await sales.ok(method, { format: 'csv', language: 'zh-CN' }));
      expect({ method, theirs: text.includes(theirs.customerCode) || text.includes('恒通') }).toEqual({ method, theirs: false });
    }
    expect(fileText(await sales.ok('exports.postedInvoices', { format: 'csv', language: 'zh-CN' }))).toContain(mine.customerCode);
  });

  it('answers NOT_FOUND for another salesperson’s delivery, return, invoice, receipt or statement, and changes nothing', async () => {
    const { owner, sales, theirs } = await twoLedgers();
    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    const attempts = {
      'deliveries.get': await sales.call('deliveries.get', { id: theirs.delivery }),
      'deliveries.list (their order)': await sales.call('deliveries.list', { salesOrderId: theirs.order }),
      'deliveries.create': await sales.call('deliveries.create', { salesOrderId: theirs.order }),
      'deliveries.cancel': await sales.call('deliveries.cancel', { id: theirs.delivery }),
      'returns.get': await sales.call('returns.get', { id: theirs.return }),
      'returns.list (their order)': await sales.call('returns.list', { salesOrderId: theirs.order }),
      'receivables.getInvoice': await sales.call('receivables.getInvoice', { id: theirs.invoice }),
      'receivables.getReceipt': await sales.call('receivables.getReceipt', { id: theirs.receipt }),
      'receivables.balance': await sales.call('receivables.balance', { customerId: theirs.customerId }),
      'statements.get': await sales.call('statements.get', { id: theirs.statement }),
      'statements.preview': await sales.call('statements.preview', { customerId: theirs.customerId, periodFrom: '2026-03-01', periodTo: '2026-03-31' }),
      'statements.list (their customer)': await sales.call('statements.list', { filters: { customerId: theirs.customerId } }),
    };
    expectAllNotFound(attempts);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);
  });

  it('shows a manager over a team the team’s approvals and tasks, and the owner everyone’s', async () => {
    const { owner, salesId, mine, theirs } = await twoLedgers();
    const manager = await owner.as('manager');
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'team', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' } });
    await owner.ok('users.update', { id: salesId, managerUserId: await userId(manager) });

    expect((await manager.ok('orders.approvalInbox', {})).rows.map((r) => r.orderId)).toEqual([mine.waiting]);
    expect((await manager.ok('tasks.list', { filters: { mine: false } })).rows.map((r) => r.id)).toEqual([mine.task]);
    expect((await manager.ok('deliveries.list', {})).rows.map((r) => r.id)).toEqual([mine.delivery]);
    expect(code(await manager.call('orders.approve', { id: theirs.waiting }))).toBe('NOT_FOUND');
    expect(code(await manager.call('tasks.complete', { id: theirs.task }))).toBe('NOT_FOUND');

    expect((await owner.ok('orders.approvalInbox', {})).rows.map((r) => r.orderId).sort()).toEqual([mine.waiting, theirs.waiting].sort());
    expect((await owner.ok('tasks.list', { filters: { mine: false } })).rows.map((r) => r.id).sort()).toEqual([mine.task, theirs.task].sort());
    expect((await owner.ok('returns.list', {})).total).toBe(2);
  });
});

describe('data scope matrix: receivables writes', () => {
  it('refuses a manager kept to a team every posting, allocation and reversal on another team’s customer, and changes nothing', async () => {
    const { owner, salesId, mine, theirs } = await twoLedgers();
    const manager = await owner.as('manager');
    await owner.ok('customers.saveScopeSettings', { roleScopes: { manager: 'team', sales: 'own', warehouse: 'all', service: 'all', accountant: 'all' } });
    await owner.ok('users.update', { id: salesId, managerUserId: await userId(manager) });
    const theirRequest = (await owner.ok('receivables.openCreditNoteRequests', { customerId: theirs.customerId })).rows[0]!;
    const theirAllocation = (await owner.ok('receivables.allocate', { receiptId: theirs.receipt, allocations: [{ invoiceId: theirs.invoice, amount: 5_000 }] }))[0]!;
    const sqlite = owner.backend.conn.sqlite;
    const before = sqlite.prepare('SELECT total_changes()').pluck().get();
    const header = { invoiceDate: '2026-03-05' };
    const attempts = {
      'receivables.invoiceDeliveries': await manager.call('receivables.invoiceDeliveries', { deliveryIds: [theirs.delivery], ...header }),
      'receivables.invoiceOrder': await manager.call('receivables.invoiceOrder', { salesOrderId: theirs.order, ...header }),
      'receivables.invoiceServices': await manager.call('receivables.invoiceServices', { customerId: theirs.customerId, lines: [{ description: '安装服务', quantity: 1, unitPrice: 10_000, vatRate: 600 }], ...header }),
      'receivables.creditReturn': await manager.call('receivables.creditReturn', { creditNoteRequestId: theirRequest.id, ...header }),
      'receivables.creditPriceCorrection': await manager.call('receivables.creditPriceCorrection', { correctsInvoiceId: theirs.invoice, amount: 1_000, reason: '价格更正', ...header }),
      'receivables.recordTaxInvoice': await manager.call('receivables.recordTaxInvoice', { id: theirs.invoice, taxInvoiceNo: '12345678', taxInvoiceDate: '2026-03-05' }),
      'receivables.reverseInvoice': await manager.call('receivables.reverseInvoice', { id: theirs.invoice, reason: '作废' }),
      'receivables.invoiceableDeliveries': await manager.call('receivables.invoiceableDeliveries', { customerId: theirs.customerId }),
      'receivables.invoiceableOrder': await manager.call('receivables.invoiceableOrder', { salesOrderId: theirs.order }),
      'receivables.deliveryInvoicing': await manager.call('receivables.deliveryInvoicing', { deliveryId: theirs.delivery }),
      'receivables.createReceipt': await manager.call('receivables.createReceipt', { customerId: theirs.customerId, receiptDate: '2026-03-05', method: 'cash', amount: 1_000 }),
      'receivables.reverseReceipt': await manager.call('receivables.reverseReceipt', { id: theirs.receipt, reason: '退票' }),
      'receivables.allocate': await manager.call('receivables.allocate', { receiptId: theirs.receipt, allocations: [{ invoiceId: theirs.invoice, amount: 1_000 }] }),
      'receivables.autoAllocate': await manager.call('receivables.autoAllocate', { receiptId: theirs.receipt }),
      'receivables.refund': await manager.call('receivables.refund', { receiptId: theirs.receipt, amount: 1_000, method: 'bank_transfer' }),
      'receivables.reverseAllocation': await manager.call('receivables.reverseAllocation', { id: theirAllocation.id, reason: '分配错误' }),
      'receivables.importBankStatement': await manager.call('receivables.importBankStatement', { lines: [{ line: 2, date: '2026-03-05', amount: 1_000, customerId: theirs.customerId }] }),
    };
    expectAllNotFound(attempts);
    expect(sqlite.prepare('SELECT total_changes()').pluck().get()).toBe(before);

    // 待开红字 lists the team's returns only.
    expect((await manager.ok('receivables.openCreditNoteRequests', {})).rows.map((r) => r.customerId)).toEqual([mine.customerId]);
    expect((await owner.ok('receivables.openCreditNoteRequests', {})).total).toBe(2);

    // The team's own customer is the manager's to post for.
    const posted = await manager.ok('receivables.createReceipt', { customerId: mine.customerId, receiptDate: '2026-03-05', method: 'cash', amount: 1_000, autoAllocate: false });
    expect(await manager.ok('receivables.allocate', { receiptId: posted.receipt.id, allocations: [{ invoiceId: mine.invoice, amount: 1_000 }] })).toHaveLength(1);
  });
});
