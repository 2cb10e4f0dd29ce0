import { describe, expect, it } from 'vitest';
import { yuan } from '../core/money';
import { pickAndPost, salesBooks } from '../orders/sales.test-helpers';
import { csvLines, sheetRows } from './exports.test-helpers';

/** A quote turned into an order, delivered in two goes (one still being picked), and a return of one. */
async function salesDocuments() {
  const books = await salesBooks();
  const { api } = books;
  const tea = books.product({ code: 'T1', listPrice: yuan(10), onHand: 5 });
  const customerId = await books.customer({ name: '南京博雅食品有限公司' });
  const quote = await api.ok('quotes.create', { customerId, quoteDate: '2026-11-02', validUntil: '2026-12-02', lines: [{ productId: tea, quantity: 3 }] });
  const other = await api.ok('quotes.create', { customerId, quoteDate: '2026-11-03', lines: [{ productId: tea, quantity: 1 }] });
  await api.ok('quotes.send', { id: other.id });
  const draft = await api.ok('orders.create', { customerId, promisedDate: '2026-12-05', lines: [{ productId: tea, quantity: 3 }] });
  const order = await api.ok('orders.confirm', { id: draft.id, shortages: [] });
  const first = await api.ok('deliveries.create', { salesOrderId: order.id, lines: [{ orderLineId: order.lines[0]!.id, quantity: 2 }] });
  const shipped = await pickAndPost(api, first);
  const picking = await api.ok('deliveries.create', { salesOrderId: order.id });
  const back = await api.ok('returns.create', { salesOrderId: order.id, reason: '包装破损', lines: [{ orderLineId: order.lines[0]!.id, quantity: 1, disposition: 'restock' }] });
  return { books, api, quote, other, order, shipped, picking, back };
}

describe('the sales documents lists as files', () => {
  it('writes the quotations, deliveries and returns the lists show, filtered as they are, for tools', async () => {
    const { api, quote, other, order, shipped, picking, back } = await salesDocuments();

    const quotes = await api.ok('exports.quotes', { format: 'csv' });
    expect(quotes).toMatchObject({ fileName: expect.stringMatching(/^quotes-\d{4}-\d{2}-\d{2}\.csv$/), rows: 2 });
    expect(csvLines(quotes.content)).toEqual([
      'quote_no,customer,quote_date,valid_until,status,currency,total,order_no',
      `${other.quoteNo},南京博雅食品有限公司,2026-11-03,${other.validUntil},sent,CNY,10.00,`,
      `${quote.quoteNo},南京博雅食品有限公司,2026-11-02,2026-12-02,draft,CNY,30.00,`,
    ]);
    expect(csvLines((await api.ok('exports.quotes', { format: 'csv', status: 'sent' })).content).slice(1)).toEqual([expect.stringContaining(other.quoteNo)]);

    const deliveries = csvLines((await api.ok('exports.deliveries', { format: 'csv' })).content);
    expect(deliveries[0]).toBe('delivery_no,order_no,customer,warehouse,status,promised_date,delivery_date');
    expect(deliveries.slice(1).sort()).toEqual(
      [
        `${shipped.deliveryNo},${order.orderNo},南京博雅食品有限公司,${shipped.warehouseName},posted,2026-12-05,${shipped.deliveryDate}`,
        `${picking.deliveryNo},${order.orderNo},南京博雅食品有限公司,${picking.warehouseName},picking,2026-12-05,${picking.deliveryDate}`,
      ].sort(),
    );
    const stillPicking = await api.ok('exports.deliveries', { format: 'csv', status: 'picking' });
    expect({ rows: stillPicking.rows, lines: csvLines(stillPicking.content).slice(1).map((l) => l.split(',')[0]) }).toEqual({ rows: 1, lines: [picking.deliveryNo] });

    expect(csvLines((await api.ok('exports.returns', { format: 'csv', salesOrderId: order.id })).content)).toEqual([
      'return_no,order_no,customer,return_date,status,reason,total',
      `${back.returnNo},${order.orderNo},南京博雅食品有限公司,${back.returnDate},received,包装破损,10.00`,
    ]);
  });

  it('words headers and statuses in the UI language for people, money as numbers', async () => {
    const { api, picking } = await salesDocuments();
    const quotes = await api.ok('exports.quotes', { format: 'xlsx', language: 'zh-CN' });
    expect(quotes.fileName).toMatch(/^报价单-.*\.xlsx$/);
    const quoteSheet = await sheetRows(quotes.content);
    expect(quoteSheet[0]).toEqual(['报价单号', '客户', '报价日期', '有效期至', '状态', '币种', '价税合计', '订单编号']);
    expect(quoteSheet.slice(1).map((row) => [row[4], row[6]])).toEqual([
      ['已发送', 10],
      ['草稿', 30],
    ]);
    const deliverySheet = await sheetRows((await api.ok('exports.deliveries', { format: 'xlsx', language: 'zh-CN', status: 'picking' })).content);
    expect(deliverySheet.map((row) => [row[0], row[4]])).toEqual([
      ['发货单号', '状态'],
      [picking.deliveryNo, '拣货中'],
    ]);
    const returnSheet = await sheetRows((await api.ok('exports.returns', { format: 'xlsx', language: 'en' })).content);
    expect(returnSheet[0]).toEqual(['Return no.', 'Order no.', 'Customer', 'Return date', 'Status', 'Reason', 'Total incl. VAT']);
    expect(returnSheet[1]![4]).toBe('Received');
  });

  it('is refused to a role that may not read the list, and takes the deliveries of an order only the caller may see', async () => {
    const { api, order } = await salesDocuments();
    const service = await api.as('service');
    const refused = await service.call('exports.deliveries', { format: 'csv' });
    expect(refused.ok ? 'ok' : refused.error.code).toBe('FORBIDDEN');
    // A salesperson sees only her own customers: another's order is as if it did not exist, its returns too.
    const sales = await api.as('sales');
    const hidden = await sales.call('exports.returns', { format: 'csv', salesOrderId: order.id });
    expect(hidden.ok ? 'ok' : hidden.error.code).toBe('NOT_FOUND');
    expect((await sales.ok('exports.deliveries', { format: 'csv' })).rows).toBe(0);
    expect((await api.ok('exports.deliveries', { format: 'csv', salesOrderId: order.id })).rows).toBe(2);
  });
});

describe('the words of the sales documents files', () => {
  it('are the words the screens use, in every language', async () => {
    const { QUOTE_EXPORT_WORDS } = await import('../quotes/quotes.export');
    const { DELIVERY_EXPORT_WORDS } = await import('../deliveries/deliveries.export');
    const { RETURN_EXPORT_WORDS } = await import('../returns/returns.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const sales = (await import(`../../../src-renderer/features/sales/messages.${language}.ts`)).default;
      expect(QUOTE_EXPORT_WORDS[language].status).toEqual(sales.quoteStatus);
      expect(DELIVERY_EXPORT_WORDS[language].status).toEqual(sales.deliveryStatus);
      expect(QUOTE_EXPORT_WORDS[language].field.quoteNo).toBe(sales.field.quoteNo);
      expect(DELIVERY_EXPORT_WORDS[language].field.deliveryNo).toBe(sales.field.deliveryNo);
      expect(RETURN_EXPORT_WORDS[language].field.returnNo).toBe(sales.field.returnNo);
      expect(RETURN_EXPORT_WORDS[language].field.reason).toBe(sales.field.reason);
      expect(QUOTE_EXPORT_WORDS[language].file).toBe(sales.quotes.title);
      expect(RETURN_EXPORT_WORDS[language].file).toBe(sales.returns.title);
    }
  });
});
