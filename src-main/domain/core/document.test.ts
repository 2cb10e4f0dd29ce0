import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { assertTransition, changeStatus, documentForEdit, documentKind, printable, type DocumentHeader } from './document';

type OrderStatus = 'draft' | 'confirmed' | 'shipped' | 'invoiced' | 'cancelled';

/** A sales order as the sales area might declare it. */
const SALES_ORDER = documentKind<OrderStatus>({
  kind: 'sales_order',
  table: 'test_sales_orders',
  series: { code: 'sales_order', prefix: 'SO', perYear: true, padding: 6 },
  transitions: {
    draft: ['confirmed', 'cancelled'],
    confirmed: ['draft', 'shipped', 'cancelled'],
    shipped: ['invoiced'],
    invoiced: [],
    cancelled: [],
  },
  frozenIn: ['shipped', 'invoiced', 'cancelled'],
  numberedIn: 'confirmed',
});

const AT = { businessDate: '2026-11-28', now: '2026-11-28T01:54:00.000Z' };

function withOrders(...ids: string[]): Sqlite {
  const { sqlite } = openDatabase(':memory:');
  migrate(sqlite);
  sqlite.exec(`CREATE TABLE test_sales_orders (
    id TEXT PRIMARY KEY, number TEXT UNIQUE, status TEXT NOT NULL DEFAULT 'draft', customer_name TEXT NOT NULL, updated_at TEXT NOT NULL
  ) STRICT`);
  for (const id of ids) sqlite.prepare("INSERT INTO test_sales_orders (id, customer_name, updated_at) VALUES (?, '南京博雅食品有限公司', ?)").run(id, AT.now);
  return sqlite;
}

const header = (sqlite: Sqlite, id: string) => sqlite.prepare('SELECT id, number, status FROM test_sales_orders WHERE id = ?').get(id) as DocumentHeader<OrderStatus>;
const refused = (code: string, issue: object) => expect.objectContaining({ code, issues: [expect.objectContaining(issue)] });

describe('document status machine', () => {
  it('numbers an order from its series when it is confirmed, not while it is a draft', () => {
    const sqlite = withOrders('o1', 'o2');
    changeStatus(sqlite, SALES_ORDER, 'o2', 'cancelled', AT);
    expect(header(sqlite, 'o2')).toEqual({ id: 'o2', number: null, status: 'cancelled' });
    expect(changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT)).toEqual({ id: 'o1', number: 'SO-2026-000001', status: 'confirmed', from: 'draft' });
    changeStatus(sqlite, SALES_ORDER, 'o1', 'shipped', AT);
    expect(header(sqlite, 'o1')).toEqual({ id: 'o1', number: 'SO-2026-000001', status: 'shipped' });
    expect(sqlite.prepare("SELECT updated_at FROM test_sales_orders WHERE id = 'o1'").pluck().get()).toBe(AT.now);
  });

  it('keeps its number when reopened and confirmed again', () => {
    const sqlite = withOrders('o1', 'o2');
    changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT);
    changeStatus(sqlite, SALES_ORDER, 'o1', 'draft', AT);
    expect(changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT).number).toBe('SO-2026-000001');
    expect(changeStatus(sqlite, SALES_ORDER, 'o2', 'confirmed', AT).number).toBe('SO-2026-000002');
  });

  it('refuses a move its table does not allow, with the from and to, changing nothing', () => {
    const sqlite = withOrders('o1');
    changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT);
    changeStatus(sqlite, SALES_ORDER, 'o1', 'shipped', AT);
    expect(() => changeStatus(sqlite, SALES_ORDER, 'o1', 'draft', AT)).toThrow(refused('CONFLICT', { path: 'status', code: 'invalid_transition', params: { from: 'shipped', to: 'draft' } }));
    expect(header(sqlite, 'o1').status).toBe('shipped');
    expect(() => assertTransition(SALES_ORDER, 'invoiced', 'cancelled')).toThrow(/cannot go from invoiced to cancelled/);
    expect(() => assertTransition(SALES_ORDER, 'draft', 'confirmed')).not.toThrow();
  });

  it('gives the number back when the confirming transaction rolls back', () => {
    const sqlite = withOrders('o1', 'o2');
    const confirmThenFail = sqlite.transaction(() => {
      changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT);
      throw new Error('credit limit exceeded');
    });
    expect(confirmThenFail).toThrow(/credit limit/);
    expect(header(sqlite, 'o1')).toEqual({ id: 'o1', number: null, status: 'draft' });
    expect(changeStatus(sqlite, SALES_ORDER, 'o2', 'confirmed', AT).number).toBe('SO-2026-000001');
  });

  it('refuses an unknown document', () => {
    const sqlite = withOrders();
    expect(() => changeStatus(sqlite, SALES_ORDER, 'nope', 'confirmed', AT)).toThrow(refused('NOT_FOUND', { code: 'not_found', params: { entity: 'sales_order', id: 'nope' }, message: 'No such sales_order' }));
  });

  it('refuses a kind that names a status it does not declare', () => {
    expect(() =>
      documentKind<'draft' | 'sent'>({
        kind: 'quote',
        table: 'quotes',
        series: { code: 'quote', prefix: 'QT', perYear: true, padding: 6 },
        transitions: { draft: ['sent', 'accepted' as 'sent'], sent: [] },
        frozenIn: ['sent'],
        numberedIn: 'sent',
      }),
    ).toThrow(/does not declare: accepted/);
  });
});

describe('frozen documents', () => {
  it('lets a draft or confirmed order be edited and refuses a shipped one', () => {
    const sqlite = withOrders('o1');
    expect(documentForEdit(sqlite, SALES_ORDER, 'o1')).toEqual({ id: 'o1', number: null, status: 'draft' });
    changeStatus(sqlite, SALES_ORDER, 'o1', 'confirmed', AT);
    expect(documentForEdit(sqlite, SALES_ORDER, 'o1').status).toBe('confirmed');
    changeStatus(sqlite, SALES_ORDER, 'o1', 'shipped', AT);
    expect(() => documentForEdit(sqlite, SALES_ORDER, 'o1')).toThrow(refused('CONFLICT', { path: 'status', code: 'frozen', params: { status: 'shipped' } }));
    // Frozen content, not a frozen status: the shipped order can still be invoiced.
    expect(changeStatus(sqlite, SALES_ORDER, 'o1', 'invoiced', AT).status).toBe('invoiced');
  });
});

describe('printable documents', () => {
  it('gives a template the fields, lines with tax, totals summed from the lines and the amount in 大写', () => {
    const doc = printable({
      kind: SALES_ORDER,
      header: { id: 'o1', number: 'SO-2026-000001', status: 'confirmed' },
      fields: [
        { label: 'print.fields.customer', value: '南京博雅食品有限公司' },
        { label: 'print.fields.date', value: '2026-11-28' },
      ],
      currency: 'CNY',
      pricesIncludeTax: true,
      lines: [
        { description: '有机大米 5kg', quantity: 3, unit: '袋', unitPrice: 8_990, taxRate: 900 },
        { description: '冷链配送', quantity: 1, unit: '次', unitPrice: 5_000, discount: 1_000, taxRate: 600 },
      ],
    });
    // 269.70 含 9 %: net 247.43, tax 22.27; 40.00 含 6 %: net 37.74, tax 2.26.
    expect(doc.lines.map(({ lineNo, net, tax, gross }) => ({ lineNo, net, tax, gross }))).toEqual([
      { lineNo: 1, net: 24_743, tax: 2_227, gross: 26_970 },
      { lineNo: 2, net: 3_774, tax: 226, gross: 4_000 },
    ]);
    expect(doc.totals).toEqual({ net: 28_517, tax: 2_453, gross: 30_970 });
    expect(doc.amountInWords).toBe('叁佰零玖元柒角');
    expect(doc).toMatchObject({ kind: 'sales_order', number: 'SO-2026-000001', status: 'confirmed', currency: 'CNY', pricesIncludeTax: true });
    expect(doc.fields[0]).toEqual({ label: 'print.fields.customer', value: '南京博雅食品有限公司' });
    expect(doc.lines[0]).toMatchObject({ description: '有机大米 5kg', unit: '袋', quantity: 3 });
  });

  it('leaves out 大写 for a document in another currency', () => {
    const doc = printable({ kind: SALES_ORDER, header: { id: 'o1', number: null, status: 'draft' }, fields: [], currency: 'USD', pricesIncludeTax: false, lines: [{ description: 'Tea', quantity: 2, unit: 'box', unitPrice: 1_000, taxRate: 0 }] });
    expect(doc.totals).toEqual({ net: 2_000, tax: 0, gross: 2_000 });
    expect(doc.amountInWords).toBeNull();
  });
});
