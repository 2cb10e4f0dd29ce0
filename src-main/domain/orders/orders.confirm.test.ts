import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { salesBooks } from './sales.test-helpers';

describe('confirming a sales order', () => {
  it('reserves the stock, issues SO-YYYY-000001 and records the rule that approved it', async () => {
    const books = await salesBooks();
    const water = books.product({ listPrice: yuan(2.5), onHand: 100 });
    const customerId = await books.customer();
    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: water, quantity: 40 }] });
    expect(draft).toMatchObject({ status: 'draft', orderNo: null, totalGross: yuan(100) });

    const order = await books.api.ok('orders.confirm', { id: draft.id });

    expect(order.status).toBe('confirmed');
    expect(order.orderNo).toMatch(/^SO-\d{4}-000001$/);
    expect(order.decidedByRule).toBe('其余订单自动通过');
    expect(order.lines[0]!.reservedQuantity).toBe(40);
    expect(books.level(water)).toMatchObject({ on_hand: 100, reserved: 40 });
    expect(order.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'draft'],
      ['draft', 'confirmed'],
    ]);
    expect(order.creditCheck).toMatchObject({ limit: null, balance: 0, orderTotal: yuan(100), problems: [] });
    expect(books.problems()).toEqual([]);
  });

  it('sends an order over the credit limit to a manager with the figures, and the salesperson sees the approval', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(300), onHand: 100 });
    const sales = await books.api.as('sales');
    // The salesperson's own customer: with own-customers scope they could not order for another's.
    const customerId = await books.customer({ creditLimit: yuan(5000), ownerUserId: (await sales.ok('auth.status', {})).user!.id });
    const first = await sales.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 10 }] });
    await sales.ok('orders.confirm', { id: first.id });
    const second = await sales.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 8 }] });

    const waiting = await sales.ok('orders.confirm', { id: second.id });

    expect(waiting.status).toBe('pending_approval');
    expect(waiting.decidedByRule).toBe('信用异常需审批');
    expect(waiting.creditCheck!.reasons[0]).toEqual({ code: 'over_limit', params: { limit: yuan(5000), balance: yuan(3000), orderTotal: yuan(2400), exceededBy: yuan(400) } });
    expect(waiting.lines[0]!.reservedQuantity).toBe(8);
    const manager = await books.api.as('manager');
    const inbox = await manager.ok('orders.approvalInbox', {});
    expect(inbox.rows.map((r) => [r.orderNo, r.reasons.map((x) => x.code)])).toEqual([[waiting.orderNo, ['over_limit']]]);
    // The inbox as a file: the reason worded with its figures, as the order page words it; codes for tools.
    const sheet = await manager.ok('exports.approvalInbox', { format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(sheet.content);
    expect(sheet.fileName).toMatch(/^订单审批-/);
    expect(header).toEqual(['订单编号', '客户', '币种', '价税合计', '需要审批的原因', '判定规则', '业务员', '提交人', '提交时间']);
    expect(rows.map((r) => r.slice(0, 7))).toEqual([[waiting.orderNo, waiting.customerName, 'CNY', 2400, '超出信用额度：已欠 ¥3,000.00，本单 ¥2,400.00，额度 ¥5,000.00', '信用异常需审批', 'sales']]);
    const english = await sheetRows((await manager.ok('exports.approvalInbox', { format: 'xlsx', language: 'en' })).content);
    expect(english[1]![4]).toBe('Over the credit limit: owes ¥3,000.00, this order ¥2,400.00, limit ¥5,000.00');
    const csv = csvLines((await manager.ok('exports.approvalInbox', { format: 'csv' })).content);
    expect(csv[0]).toBe('order_no,customer_name,currency,total,reasons,rule,owner,requested_by,requested_at');
    expect(csv[1]).toContain(`${waiting.orderNo},`);
    expect(csv[1]).toContain(',CNY,2400.00,over_limit,');
    expect(await sales.call('exports.approvalInbox', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await sales.call('orders.approve', { id: second.id })).ok).toBe(false);

    const approved = await manager.ok('orders.approve', { id: second.id, comment: '老客户，月底回款' });

    expect(approved.status).toBe('confirmed');
    expect(approved.approvals).toMatchObject([{ decision: 'approved', comment: '老客户，月底回款', decidedByName: 'manager' }]);
    expect((await manager.ok('orders.approvalInbox', {})).total).toBe(0);
    expect(await sales.ok('orders.myDecisions', {})).toMatchObject([{ orderNo: approved.orderNo, decision: 'approved', comment: '老客户，月底回款' }]);
    expect(books.problems()).toEqual([]);
  });

  it('counts the orders of customers merged into this one against its limit', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(1000), onHand: 100 });
    const kept = await books.customer({ creditLimit: yuan(5000) });
    const mergedAway = await books.customer();
    const old = await books.api.ok('orders.create', { customerId: mergedAway, lines: [{ productId: tea, quantity: 4 }] });
    await books.api.ok('orders.confirm', { id: old.id });
    await books.api.ok('customers.merge', { sourceId: mergedAway, targetId: kept });
    const order = await books.api.ok('orders.create', { customerId: kept, lines: [{ productId: tea, quantity: 2 }] });

    const waiting = await books.api.ok('orders.confirm', { id: order.id });

    expect(waiting.status).toBe('pending_approval');
    expect(waiting.creditCheck).toMatchObject({ balance: yuan(4000), orderTotal: yuan(2000) });
  });

  it('rejects back to draft with the reason, releases the stock, and keeps the number when submitted again', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(60_000), onHand: 5 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });
    const waiting = await books.api.ok('orders.confirm', { id: order.id });
    expect(waiting).toMatchObject({ status: 'pending_approval', decidedByRule: '大额订单（5万元以上）需审批' });

    const rejected = await books.api.ok('orders.reject', { id: order.id, comment: '价格太低，重新报价' });

    expect(rejected).toMatchObject({ status: 'draft', orderNo: waiting.orderNo });
    expect(rejected.events.at(-1)).toMatchObject({ fromStatus: 'pending_approval', toStatus: 'draft', comment: '价格太低，重新报价' });
    expect(books.level(tea).reserved).toBe(0);
    await books.api.ok('orders.update', { id: order.id, lines: [{ productId: tea, quantity: 1, discountBp: 0 }] });
    expect((await books.api.ok('orders.confirm', { id: order.id })).orderNo).toBe(waiting.orderNo);
    expect((await books.api.call('orders.reject', { id: order.id, comment: '' })).ok).toBe(false);
  });

  it('decides by the rules the company saved: a lowered threshold sends a small order to a manager, the other defaults kept', async () => {
    const books = await salesBooks();
    const { rules, usingDefaults } = await books.api.ok('orders.listRules', {});
    expect(usingDefaults).toBe(true);
    const big = rules.find((r) => r.condition === 'amount_over')!;
    await books.api.ok('orders.saveRule', { id: big.id, name: '大额订单（100元以上）需审批', sortOrder: big.sortOrder, condition: 'amount_over', params: { amount: yuan(100) }, action: 'require_approval' });
    const tea = books.product({ listPrice: yuan(150), onHand: 10 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1 }] });

    const waiting = await books.api.ok('orders.confirm', { id: order.id });

    expect(waiting).toMatchObject({ status: 'pending_approval', decidedByRule: '大额订单（100元以上）需审批' });
    expect(waiting.creditCheck!.reasons).toEqual([{ code: 'amount_over', params: { amount: yuan(100), total: yuan(150) } }]);
    const saved = await books.api.ok('orders.listRules', {});
    expect(saved.usingDefaults).toBe(false);
    const after = saved.rules;
    expect(after.map((r) => r.name)).toEqual(['信用异常需审批', '大额订单（100元以上）需审批', '折扣超过15%需审批', '其余订单自动通过']);
  });

  it('sends a deep discount to a manager, typed prices counting as discount', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(100), onHand: 100 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 1, unitPrice: yuan(90), discountBp: 700 }] });
    const waiting = await books.api.ok('orders.confirm', { id: order.id });
    // 90 × 93% = 83.70 against 100: 16.3 % off.
    expect(waiting.creditCheck!.reasons).toEqual([{ code: 'discount_over', params: { bp: 1500, max: 1630 } }]);
  });

  it('cancels with who, when and why, releasing the reservation', async () => {
    const books = await salesBooks();
    const tea = books.product({ onHand: 10 });
    const customerId = await books.customer();
    const order = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 4 }] });
    await books.api.ok('orders.confirm', { id: order.id });

    const cancelled = await books.api.ok('orders.cancel', { id: order.id, reason: '客户取消采购计划' });

    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: '客户取消采购计划', cancelledByName: '王老板' });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(books.level(tea).reserved).toBe(0);
    const again = await books.api.call('orders.cancel', { id: order.id, reason: '再取消' });
    expect(again.ok ? null : again.error).toMatchObject({ code: 'CONFLICT', issues: [{ code: 'invalid_transition' }] });
    expect(books.problems()).toEqual([]);
  });
});

describe('the order form’s product lookup', () => {
  it('finds a product by barcode or code in any case, priced for the customer, and nothing for an unknown code', async () => {
    const books = await salesBooks();
    books.product({ code: 'TEA01', barcode: '6901234567892', listPrice: yuan(12.5) });
    const customerId = await books.customer();

    const byBarcode = await books.api.ok('orders.lookupProduct', { code: '6901234567892', customerId });
    const byCode = await books.api.ok('orders.lookupProduct', { code: 'tea01' });
    const unknown = await books.api.ok('orders.lookupProduct', { code: 'NOPE' });

    expect(byBarcode).toMatchObject({ code: 'TEA01', unitPrice: yuan(12.5), vatRate: 1300 });
    expect(byCode?.productId).toBe(byBarcode?.productId);
    expect(unknown).toBeNull();
  });
});

describe('the printed order confirmation', () => {
  it('prints an order by its number with the stored amounts', async () => {
    const books = await salesBooks();
    const tea = books.product({ listPrice: yuan(12.5), onHand: 10 });
    const customerId = await books.customer();
    const draft = await books.api.ok('orders.create', { customerId, lines: [{ productId: tea, quantity: 4 }] });
    const order = await books.api.ok('orders.confirm', { id: draft.id });

    const sheet = await books.api.ok('print.document', { kind: 'order', ref: order.orderNo! });
    const missing = await books.api.call('print.document', { kind: 'order', ref: 'SO-1999-000001' });

    expect(sheet.kind).toBe('order_confirmation');
    expect(sheet.document).toMatchObject({ number: order.orderNo, totals: { gross: yuan(50) } });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
    // The template words each field (print.fields.…) and prints the code in its own column.
    expect(sheet.document.fields.every((f) => f.label.startsWith('print.fields.'))).toBe(true);
    expect(sheet.document.lines[0]!.code).toBeTruthy();
  });
});

describe('the words of the approvals file', () => {
  it('are the words the inbox and the order page show, in every language', async () => {
    const { APPROVAL_EXPORT_WORDS } = await import('./orders.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const sales = (await import(`../../../src-renderer/features/sales/messages.${language}.ts`)).default;
      const words = APPROVAL_EXPORT_WORDS[language];
      expect(words.reason).toEqual(sales.reason);
      expect(words.file).toBe(sales.approvals.title);
      expect(words.field.reasons).toBe(sales.order.waitingReasons);
      expect([words.field.orderNo, words.field.customer, words.field.total, words.field.owner, words.field.rule, words.field.requestedBy, words.field.requestedAt]).toEqual([
        sales.field.orderNo,
        sales.field.customer,
        sales.field.total,
        sales.field.owner,
        sales.field.decidedByRule,
        sales.field.requestedBy,
        sales.field.requestedAt,
      ]);
    }
  });
});
