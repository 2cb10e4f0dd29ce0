import { describe, expect, it } from 'vitest';
import { agingAsOf } from '../receivables/aging';
import { aCustomer, anInvoice, aReceipt, aWorld, type World } from '../receivables/receivables.test-helpers';

/** A customer with a year's postings: before March, in March (one of each kind), and after. */
async function aCustomerWithHistory(world: World) {
  const customerId = await aCustomer(world, { name: '苏州恒通建材有限公司' });
  const february = await anInvoice(world, customerId, 100_000, '2026-02-10');
  await aReceipt(world, customerId, 40_000, '2026-02-25', true);
  const march = await anInvoice(world, customerId, 50_000, '2026-03-03');
  const wrong = await anInvoice(world, customerId, 7_000, '2026-03-04');
  await world.api.ok('receivables.reverseInvoice', { id: wrong.id, reversedOn: '2026-03-05', reason: '重复开票' });
  const { receipt } = await aReceipt(world, customerId, 120_000, '2026-03-20', true);
  await world.api.ok('receivables.refund', { receiptId: receipt.id, amount: 5_000, method: 'bank_transfer', date: '2026-03-28' });
  await anInvoice(world, customerId, 30_000, '2026-04-02');
  return { customerId, february, march, receipt };
}

describe('statement of account', () => {
  it('runs from the opening balance through every posting of the period to what receivables says was owed at its end', async () => {
    const world = await aWorld();
    const { customerId } = await aCustomerWithHistory(world);
    const soa = await world.api.ok('statements.preview', { customerId, periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    expect(soa.openingBalance).toBe(60_000);
    expect(soa.lines.map((l) => [l.date, l.kind, l.reversal, l.debit, l.credit])).toEqual([
      ['2026-03-03', 'invoice', false, 50_000, 0],
      ['2026-03-04', 'invoice', false, 7_000, 0],
      ['2026-03-05', 'invoice', true, 0, 7_000],
      ['2026-03-20', 'receipt', false, 0, 120_000],
      ['2026-03-28', 'refund', false, 5_000, 0],
    ]);
    expect(soa.lines.at(-1)!.balance).toBe(soa.closingBalance);
    expect(soa).toMatchObject({ totalDebit: 62_000, totalCredit: 127_000, closingBalance: 60_000 + 62_000 - 127_000 });
    const aging = agingAsOf(world.sqlite, '2026-03-31').rows.find((row) => row.customer_name === '苏州恒通建材有限公司');
    expect(aging?.total).toBe(soa.closingBalance);

    const toToday = await world.api.ok('statements.preview', { customerId, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    const { balance } = await world.api.ok('receivables.balance', { customerId });
    expect(toToday.closingBalance).toBe(balance);
    expect(toToday.openingBalance).toBe(0);
  });

  it('shows a write-off and its reversal as lines, and a refund raising what is owed', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    const invoice = await anInvoice(world, customerId, 10_000, '2026-05-02');
    await aReceipt(world, customerId, 9_950, '2026-05-10', true);
    const writeOff = await world.api.ok('receivables.writeOff', { invoiceId: invoice.id, amount: 50, reason: '抹零', date: '2026-05-11' });
    await world.api.ok('receivables.reverseAllocation', { id: writeOff.id, date: '2026-05-12', reason: '客户同意补款' });
    const soa = await world.api.ok('statements.preview', { customerId, periodFrom: '2026-05-01', periodTo: '2026-05-31' });
    expect(soa.lines.filter((l) => l.kind === 'writeoff').map((l) => [l.reversal, l.debit, l.credit, l.number, l.reference])).toEqual([
      [false, 0, 50, invoice.invoiceNo, '抹零'],
      [true, 50, 0, invoice.invoiceNo, '客户同意补款'],
    ]);
    expect(soa.closingBalance).toBe(50);
  });

  it('refuses a period that ends before it starts or after today, and a customer that does not exist, naming the field', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    expect(await world.api.call('statements.create', { customerId, periodFrom: '2026-03-31', periodTo: '2026-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'periodTo', code: 'before_document_date', params: { date: '2026-03-31' } }] },
    });
    expect(await world.api.call('statements.create', { customerId, periodFrom: '2026-03-01', periodTo: '2099-03-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'periodTo', code: 'too_big' }] },
    });
    expect(await world.api.call('statements.create', { customerId: '0192f0a0-0000-7000-8000-000000000000', periodFrom: '2026-03-01', periodTo: '2026-03-31' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', issues: [{ path: 'customerId', code: 'not_found' }] },
    });
    expect(await world.api.call('statements.create', { customerId, periodFrom: '2026-02-30', periodTo: '2026-03-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'periodFrom', code: 'invalid_date' }] },
    });
    expect(world.sqlite.prepare('SELECT count(*) FROM statements').pluck().get()).toBe(0);
  });
});

describe('saved statements', () => {
  it('is numbered and frozen when sent, so a back-dated posting shows as a difference and not as a new figure', async () => {
    const world = await aWorld();
    const { customerId } = await aCustomerWithHistory(world);
    const draft = await world.api.ok('statements.create', { customerId, periodFrom: '2026-03-01', periodTo: '2026-03-31' });
    expect(draft).toMatchObject({ number: null, status: 'draft', closingBalance: -5_000 });
    const sent = await world.api.ok('statements.markSent', { id: draft.id, sentOn: '2026-04-03' });
    expect(sent).toMatchObject({ number: 'ST-2026-000001', status: 'sent', sentOn: '2026-04-03', closingBalance: -5_000, ledgerClosingBalance: -5_000 });

    await anInvoice(world, customerId, 1_000, '2026-03-30');
    const later = await world.api.ok('statements.get', { id: draft.id });
    expect(later).toMatchObject({ closingBalance: -5_000, ledgerClosingBalance: -4_000 });
    expect(() => world.sqlite.prepare('UPDATE statements SET closing_balance = 0 WHERE id = ?').run(draft.id)).toThrow(/keeps the figures/);
  });

  it('moves draft → sent → disputed → confirmed only, auditing every change', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 20_000, '2026-06-05');
    const draft = await world.api.ok('statements.create', { customerId, periodFrom: '2026-06-01', periodTo: '2026-06-30' });
    expect(await world.api.call('statements.confirm', { id: draft.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', issues: [{ path: 'status', code: 'invalid_transition', params: { from: 'draft', to: 'confirmed' } }] },
    });
    expect(await world.api.call('statements.markSent', { id: draft.id, sentOn: '2026-06-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'sentOn', code: 'before_document_date', params: { date: '2026-06-30' } }] },
    });
    await world.api.ok('statements.markSent', { id: draft.id, sentOn: '2026-07-01' });
    expect(await world.api.call('statements.markSent', { id: draft.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await world.api.call('statements.confirm', { id: draft.id, respondedOn: '2026-06-30' })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'respondedOn', code: 'before_document_date' }] },
    });
    await world.api.ok('statements.dispute', { id: draft.id, respondedOn: '2026-07-03', note: '6月5日发票金额应为 19,800' });
    const confirmed = await world.api.ok('statements.confirm', { id: draft.id, respondedOn: '2026-07-08', note: '已核对' });
    expect(confirmed).toMatchObject({ status: 'confirmed', respondedOn: '2026-07-08', customerNote: '已核对' });
    expect(await world.api.call('statements.dispute', { id: draft.id, note: '再议' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const audited = world.sqlite
      .prepare("SELECT method, json_extract(changes, '$[0].fields.status.after') AS status FROM audit_log WHERE changes LIKE ? ORDER BY at, rowid")
      .all(`%${draft.id}%`);
    expect(audited).toEqual([
      { method: 'statements.create', status: 'draft' },
      { method: 'statements.markSent', status: 'sent' },
      { method: 'statements.dispute', status: 'disputed' },
      { method: 'statements.confirm', status: 'confirmed' },
    ]);
  });

  it("turns a dispute into a task for the customer's owner, on the owner's workbench", async () => {
    const world = await aWorld();
    const sales = await world.api.as('sales');
    const ownerId = sales.session.user!.id;
    const customerId = await aCustomer(world, { name: '南京博雅食品有限公司' });
    await world.api.ok('customers.bulkAssignOwner', { ids: [customerId], ownerUserId: ownerId });
    await anInvoice(world, customerId, 20_000, '2026-06-05');
    const draft = await world.api.ok('statements.create', { customerId, periodFrom: '2026-06-01', periodTo: '2026-06-30' });
    await world.api.ok('statements.markSent', { id: draft.id, sentOn: '2026-07-01' });
    expect(await world.api.call('statements.dispute', { id: draft.id, note: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'note', code: 'required' }] },
    });
    const disputed = await world.api.ok('statements.dispute', { id: draft.id, respondedOn: '2026-07-03', note: '少算一笔退货' });
    expect(disputed.taskId).not.toBeNull();

    const mine = await sales.ok('tasks.list', { filters: { mine: true, openOnly: true } });
    expect(mine.rows).toMatchObject([
      { id: disputed.taskId, assigneeId: ownerId, customerId, title: 'ST-2026-000001: 少算一笔退货', dueDate: '2026-07-06', sourceKind: 'statement', sourceId: draft.id },
    ]);
    const workbench = await sales.ok('workbench.cards', {});
    expect(workbench.cards.find((card) => card.key === 'tasks')?.figures).toMatchObject([{ key: 'myOpenTasks', count: 1, link: { path: '/tasks' } }]);

    await sales.ok('tasks.complete', { id: disputed.taskId! });
    expect((await sales.ok('tasks.list', { filters: {} })).total).toBe(0);
    expect((await world.api.ok('statements.get', { id: draft.id })).taskId).toBeNull();
  });

  it('lists statements by status with a page of rows and the total', async () => {
    const world = await aWorld();
    const customerId = await aCustomer(world);
    await anInvoice(world, customerId, 20_000, '2026-06-05');
    const first = await world.api.ok('statements.create', { customerId, periodFrom: '2026-06-01', periodTo: '2026-06-30' });
    await world.api.ok('statements.create', { customerId, periodFrom: '2026-07-01', periodTo: '2026-07-31' });
    await world.api.ok('statements.markSent', { id: first.id, sentOn: '2026-07-01' });
    const sent = await world.api.ok('statements.list', { filters: { status: 'sent' } });
    expect(sent).toMatchObject({ total: 1, rows: [{ id: first.id, number: 'ST-2026-000001', closingBalance: 20_000 }] });
    expect((await world.api.ok('statements.list', { filters: { customerId } })).total).toBe(2);
  });
});
