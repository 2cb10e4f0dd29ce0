import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../api/result';
import { ownerApi, type TestApi } from '../../db/test-db';
import { aCustomer } from '../customers/customers.test-helpers';
import type { PriceQuote } from './catalog.dto';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';
import { aProduct } from './catalog.test-helpers';

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

async function aCompany(api: TestApi) {
  const gold = await api.ok('customers.create', aCustomer({ name: '南京金陵酒店有限公司', tier: '金卡' }));
  const plain = await api.ok('customers.create', aCustomer({ name: '上海申达贸易有限公司', tier: '普通' }));
  const water = await api.ok('catalog.create', aProduct({ listPrice: 600 }));
  return { gold, plain, water };
}

describe('catalog.priceFor', () => {
  it('uses the list price (含税) when no list prices the product', async () => {
    const api = await ownerApi();
    const { gold, water } = await aCompany(api);
    expect(await api.ok('catalog.priceFor', { customerId: gold.id, productId: water.id, quantity: 1 })).toEqual({
      unitPrice: 600,
      taxInclusive: true,
      vatRate: 1300,
      currency: 'CNY',
      priceListId: null,
      source: 'list_price',
      minQuantity: null,
    });
  });

  it('takes the customer’s own list, then its tier’s, then the standard list, with the largest break not above the quantity', async () => {
    const api = await ownerApi();
    const { gold, plain, water } = await aCompany(api);
    const standard = await api.ok('catalog.createPriceList', { name: '标准价', kind: 'standard' });
    await api.ok('catalog.setPrices', { priceListId: standard.id, productId: water.id, breaks: [{ minQuantity: 1, unitPrice: 550 }, { minQuantity: 24, unitPrice: 500 }] });
    const goldList = await api.ok('catalog.createPriceList', { name: '金卡价', kind: 'tier', tier: '金卡' });
    await api.ok('catalog.setPrices', { priceListId: goldList.id, productId: water.id, breaks: [{ minQuantity: 24, unitPrice: 450 }, { minQuantity: 1, unitPrice: 520 }, { minQuantity: 240, unitPrice: 400 }] });
    const price = (customerId: string | null, quantity: number) => api.ok('catalog.priceFor', { customerId, productId: water.id, quantity });

    expect(await price(plain.id, 1)).toMatchObject({ unitPrice: 550, source: 'standard', priceListId: standard.id, minQuantity: 1 });
    expect(await price(plain.id, 24)).toMatchObject({ unitPrice: 500, source: 'standard', minQuantity: 24 });
    expect(await price(null, 30)).toMatchObject({ unitPrice: 500, source: 'standard' });
    expect(await price(gold.id, 23)).toMatchObject({ unitPrice: 520, source: 'tier', priceListId: goldList.id });
    expect(await price(gold.id, 24)).toMatchObject({ unitPrice: 450, source: 'tier', minQuantity: 24 });
    expect(await price(gold.id, 1000)).toMatchObject({ unitPrice: 400, source: 'tier', minQuantity: 240 });

    // The customer's own list only from 100 up: below it the tier price still holds.
    const own = await api.ok('catalog.createPriceList', { name: '金陵酒店协议价', kind: 'customer', customerId: gold.id, taxInclusive: false });
    await api.ok('catalog.setPrices', { priceListId: own.id, productId: water.id, breaks: [{ minQuantity: 100, unitPrice: 380 }] });
    expect(await price(gold.id, 99)).toMatchObject({ unitPrice: 450, source: 'tier' });
    expect(await price(gold.id, 100)).toEqual({ unitPrice: 380, taxInclusive: false, vatRate: 1300, currency: 'CNY', priceListId: own.id, source: 'customer', minQuantity: 100 });
  });

  it('honours validity dates, prefers a dated offer to the open-ended list, and ignores archived lists', async () => {
    const api = await ownerApi();
    const { plain, water } = await aCompany(api);
    const standard = await api.ok('catalog.createPriceList', { name: '标准价', kind: 'standard' });
    await api.ok('catalog.setPrices', { priceListId: standard.id, productId: water.id, breaks: [{ minQuantity: 1, unitPrice: 550 }] });
    const offer = await api.ok('catalog.createPriceList', { name: '春节促销', kind: 'standard', validFrom: '2026-01-20', validTo: '2026-02-10' });
    await api.ok('catalog.setPrices', { priceListId: offer.id, productId: water.id, breaks: [{ minQuantity: 1, unitPrice: 480 }] });
    const on = (date: string) => api.ok('catalog.priceFor', { customerId: plain.id, productId: water.id, quantity: 1, date });
    expect(await on('2026-01-19')).toMatchObject({ unitPrice: 550, priceListId: standard.id });
    expect(await on('2026-01-20')).toMatchObject({ unitPrice: 480, priceListId: offer.id });
    expect(await on('2026-02-10')).toMatchObject({ unitPrice: 480, priceListId: offer.id });
    expect(await on('2026-02-11')).toMatchObject({ unitPrice: 550, priceListId: standard.id });
    const later = await api.ok('catalog.createPriceList', { name: '元宵加码', kind: 'standard', validFrom: '2026-02-01', validTo: '2026-02-28' });
    await api.ok('catalog.setPrices', { priceListId: later.id, productId: water.id, breaks: [{ minQuantity: 1, unitPrice: 470 }] });
    expect(await on('2026-02-05')).toMatchObject({ unitPrice: 470, priceListId: later.id });
    await api.ok('catalog.archivePriceList', { id: offer.id });
    expect(await on('2026-01-25')).toMatchObject({ unitPrice: 550, priceListId: standard.id });
  });

  it('answers NOT_FOUND for an unknown product or customer', async () => {
    const api = await ownerApi();
    const { water } = await aCompany(api);
    const missing = '0190a000-0000-7000-8000-000000000000';
    expect(codeOf(await api.call('catalog.priceFor', { customerId: missing, productId: water.id, quantity: 1 }))).toBe('NOT_FOUND');
    expect(codeOf(await api.call('catalog.priceFor', { customerId: null, productId: missing, quantity: 1 }))).toBe('NOT_FOUND');
    expect(codeOf(await api.call('catalog.priceFor', { customerId: null, productId: water.id, quantity: 0 }))).toBe('VALIDATION');
  });
});

describe('price lists', () => {
  it('checks the scope, dates and code of a list', async () => {
    const api = await ownerApi();
    const paths = async (input: Parameters<TestApi['call']>[1]) => {
      const r = await api.call('catalog.createPriceList', input as never);
      return r.ok ? [] : r.error.issues!.map((i) => `${i.path}:${i.code}`);
    };
    expect(await paths({ name: '金卡价', kind: 'tier' })).toEqual(['tier:required']);
    expect(await paths({ name: '协议价', kind: 'customer' })).toEqual(['customerId:required']);
    expect(await paths({ name: '协议价', kind: 'customer', customerId: '0190a000-0000-7000-8000-000000000000' })).toEqual(['customerId:not_found']);
    expect(await paths({ name: '标准', kind: 'standard', tier: '金卡' })).toEqual(['tier:not_allowed']);
    expect(await paths({ name: '促销', kind: 'standard', validFrom: '2026-03-01', validTo: '2026-02-01' })).toEqual(['validTo:too_small']);
    expect(await paths({ name: '促销', kind: 'standard', validFrom: '2026-02-30' })).toEqual(['validFrom:invalid_date']);
    const first = await api.ok('catalog.createPriceList', { name: '标准价', kind: 'standard' });
    expect(first).toMatchObject({ code: 'PL001', taxInclusive: true, currency: 'CNY', productCount: 0 });
    expect(await paths({ code: 'PL001', name: '又一个', kind: 'standard' })).toEqual(['code:taken']);
    expect((await api.ok('catalog.updatePriceList', { id: first.id, taxInclusive: false, validTo: '2026-12-31' })).taxInclusive).toBe(false);
  });

  it('replaces a product’s breaks, refuses a break listed twice, and pages the priced products', async () => {
    const api = await ownerApi();
    const list = await api.ok('catalog.createPriceList', { name: '标准价', kind: 'standard' });
    const water = await api.ok('catalog.create', aProduct());
    const cola = await api.ok('catalog.create', aProduct({ name: '可口可乐', code: 'B-001' }));
    const twice = await api.call('catalog.setPrices', { priceListId: list.id, productId: water.id, breaks: [{ minQuantity: 10, unitPrice: 1 }, { minQuantity: 10, unitPrice: 2 }] });
    expect(twice.ok ? [] : twice.error.issues!.map((i) => `${i.path}:${i.code}`)).toEqual(['breaks.1.minQuantity:listed_twice']);
    await api.ok('catalog.setPrices', { priceListId: list.id, productId: water.id, breaks: [{ minQuantity: 24, unitPrice: 180 }, { minQuantity: 1, unitPrice: 200 }] });
    await api.ok('catalog.setPrices', { priceListId: list.id, productId: cola.id, breaks: [{ minQuantity: 1, unitPrice: 300 }] });
    const page = await api.ok('catalog.priceListItems', { priceListId: list.id });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => [r.code, r.breaks])).toEqual([
      ['B-001', [{ minQuantity: 1, unitPrice: 300 }]],
      ['P000001', [{ minQuantity: 1, unitPrice: 200 }, { minQuantity: 24, unitPrice: 180 }]],
    ]);
    expect((await api.ok('catalog.priceListItems', { priceListId: list.id, q: 'kkkl' })).rows.map((r) => r.name)).toEqual(['可口可乐']);
    expect(await api.ok('catalog.setPrices', { priceListId: list.id, productId: cola.id, breaks: [] })).toBeNull();
    expect((await api.ok('catalog.getPriceList', { id: list.id })).productCount).toBe(1);
    const sales = await api.as('sales');
    expect(codeOf(await sales.call('catalog.setPrices', { priceListId: list.id, productId: water.id, breaks: [] }))).toBe('FORBIDDEN');
  });
});

// ---------------------------------------------------------------- property: priceFor agrees with a plain model

interface ModelList {
  id: string;
  code: string;
  kind: 'standard' | 'tier' | 'customer';
  tier: string | null;
  customer: number | null;
  validFrom: string | null;
  validTo: string | null;
  archived: boolean;
  taxInclusive: boolean;
  breaks: { minQuantity: number; unitPrice: number }[];
}

const TIERS = ['金卡', '银卡'];
const DATES = ['2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01'];

/** The rule as a person states it, over every list: most specific kind, later offer, lower code, largest break. */
function modelPrice(lists: ModelList[], customer: { index: number; tier: string | null } | null, quantity: number, date: string, listPrice: number): Pick<PriceQuote, 'unitPrice' | 'source' | 'priceListId'> {
  const applies = (l: ModelList) =>
    !l.archived &&
    (l.validFrom === null || l.validFrom <= date) &&
    (l.validTo === null || l.validTo >= date) &&
    (l.kind === 'standard' || (l.kind === 'tier' && customer !== null && l.tier === customer.tier) || (l.kind === 'customer' && customer !== null && l.customer === customer.index));
  const level = { customer: 0, tier: 1, standard: 2 };
  const candidates = lists
    .filter(applies)
    .map((l) => ({ l, best: l.breaks.filter((b) => b.minQuantity <= quantity).sort((a, b) => b.minQuantity - a.minQuantity)[0] }))
    .filter((c) => c.best)
    .sort((a, b) => level[a.l.kind] - level[b.l.kind] || (b.l.validFrom ?? '').localeCompare(a.l.validFrom ?? '') || a.l.code.localeCompare(b.l.code));
  const won = candidates[0];
  return won ? { unitPrice: won.best!.unitPrice, source: won.l.kind, priceListId: won.l.id } : { unitPrice: listPrice, source: 'list_price', priceListId: null };
}

const listArb = fc.record({
  kind: fc.constantFrom('standard' as const, 'standard' as const, 'tier' as const, 'customer' as const),
  tier: fc.constantFrom(...TIERS),
  customer: fc.integer({ min: 0, max: 2 }),
  from: fc.option(fc.constantFrom(...DATES), { nil: null, freq: 4 }),
  days: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null, freq: 2 }),
  archived: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
  taxInclusive: fc.boolean(),
  breaks: fc.uniqueArray(fc.record({ minQuantity: fc.constantFrom(1, 5, 10, 24, 100), unitPrice: fc.integer({ min: 0, max: 10_000 }) }), { selector: (b) => b.minQuantity, minLength: 1, maxLength: 4 }),
});

describe('catalog.priceFor, for any set of lists', () => {
  let api: TestApi;
  let customers: { id: string; tier: string | null }[];
  let productId: string;

  beforeAll(async () => {
    api = await ownerApi();
    customers = [];
    for (const [i, tier] of ['金卡', '银卡', null].entries()) {
      const c = await api.ok('customers.create', aCustomer({ name: `测试客户${i}有限公司`, tier }));
      customers.push({ id: c.id, tier });
    }
    productId = (await api.ok('catalog.create', aProduct({ listPrice: 999 }))).id;
  });

  it('gives the price the most specific valid list has for the quantity, else the list price', async () => {
    const sqlite = api.backend.conn.sqlite;
    const now = '2026-01-01T00:00:00.000Z';
    await fc.assert(
      fc.asyncProperty(
        fc.array(listArb, { maxLength: 6 }),
        fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
        fc.integer({ min: 1, max: 150 }),
        fc.constantFrom('2026-01-01', '2026-01-15', '2026-02-01', '2026-03-20', '2026-05-01'),
        async (generated, who, quantity, date) => {
          sqlite.exec('DELETE FROM price_list_items; DELETE FROM price_lists;');
          const lists: ModelList[] = generated.map((g, i) => {
            const validTo = g.from !== null && g.days !== null ? new Date(Date.parse(`${g.from}T00:00:00Z`) + g.days * 86_400_000).toISOString().slice(0, 10) : null;
            return {
              id: `0190a000-0000-7000-8000-00000000000${i}`,
              code: `L${i}`,
              kind: g.kind,
              tier: g.kind === 'tier' ? g.tier : null,
              customer: g.kind === 'customer' ? g.customer : null,
              validFrom: g.from,
              validTo,
              archived: g.archived,
              taxInclusive: g.taxInclusive,
              breaks: g.breaks,
            };
          });
          for (const l of lists) {
            sqlite
              .prepare(
                'INSERT INTO price_lists (id, code, name, kind, tier, customer_id, tax_inclusive, valid_from, valid_to, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
              )
              .run(l.id, l.code, l.code, l.kind, l.tier, l.customer === null ? null : customers[l.customer]!.id, l.taxInclusive ? 1 : 0, l.validFrom, l.validTo, l.archived ? 'archived' : 'active', now, now);
            for (const b of l.breaks) {
              sqlite.prepare('INSERT INTO price_list_items (id, price_list_id, product_id, min_quantity, unit_price) VALUES (?, ?, ?, ?, ?)').run(`${l.id}-${b.minQuantity}`, l.id, productId, b.minQuantity, b.unitPrice);
            }
          }
          const customer = who === null ? null : { index: who, tier: customers[who]!.tier };
          const quote = await api.ok('catalog.priceFor', { customerId: who === null ? null : customers[who]!.id, productId, quantity, date });
          const expected = modelPrice(lists, customer, quantity, date, 999);
          expect({ unitPrice: quote.unitPrice, source: quote.source, priceListId: quote.priceListId }).toEqual(expected);
          const taxInclusive = expected.priceListId ? lists.find((l) => l.id === expected.priceListId)!.taxInclusive : true;
          expect(quote.taxInclusive).toBe(taxInclusive);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('price lists as files', () => {
  it('writes a list’s price sheet a break a row, searched as its screen is, and the lists themselves', async () => {
    const api = await ownerApi();
    const { gold, water } = await aCompany(api);
    const tea = await api.ok('catalog.create', aProduct({ code: 'TEA-01', name: '龙井茶', listPrice: 12_000 }));
    const own = await api.ok('catalog.createPriceList', { name: '金陵酒店协议价', kind: 'customer', customerId: gold.id, taxInclusive: false });
    await api.ok('catalog.setPrices', { priceListId: own.id, productId: water.id, breaks: [{ minQuantity: 24, unitPrice: 450 }, { minQuantity: 1, unitPrice: 520 }] });
    await api.ok('catalog.setPrices', { priceListId: own.id, productId: tea.id, breaks: [{ minQuantity: 1, unitPrice: 10_000 }] });

    const sheet = await api.ok('exports.priceSheet', { priceListId: own.id, format: 'csv' });
    const lines = csvLines(sheet.content);
    expect(lines[0]).toBe('product_code,product_name,spec,unit,min_quantity,unit_price,tax,list_price');
    const waterRows = [`${water.code},${water.name},${water.spec ?? ''},${water.unit},1,5.20,exclusive,6.00`, `${water.code},${water.name},${water.spec ?? ''},${water.unit},24,4.50,exclusive,6.00`];
    const teaRows = [`TEA-01,龙井茶,${tea.spec ?? ''},${tea.unit},1,100.00,exclusive,120.00`];
    expect(lines.slice(1)).toEqual(water.code < 'TEA-01' ? [...waterRows, ...teaRows] : [...teaRows, ...waterRows]);
    expect(sheet.rows).toBe(3);

    const searched = await api.ok('exports.priceSheet', { priceListId: own.id, q: '龙井', format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(searched.content);
    // Named for the list, as the file a salesperson sends this customer.
    expect(searched.fileName).toMatch(/^商品价格-金陵酒店协议价-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(sheet.fileName).toMatch(new RegExp(`^prices-${own.code}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(header).toEqual(['商品编码', '商品名称', '规格型号', '基本单位', '起订数量', '单价（元）', '价格含税', '零售价（含税，元）']);
    expect(rows.map((r) => [r[0], r[4], r[5], r[6]])).toEqual([['TEA-01', 1, 100, '不含税']]);

    const lists = await sheetRows((await api.ok('exports.priceLists', { kind: 'customer', format: 'xlsx', language: 'zh-CN' })).content);
    expect(lists.slice(1).map((r) => [r[1], r[2], r[4], r[5], r[9]])).toEqual([['金陵酒店协议价', '客户专属价', '南京金陵酒店有限公司', '不含税', 2]]);
    expect(codeOf(await api.call('exports.priceSheet', { priceListId: '00000000-0000-4000-8000-000000000000', format: 'csv' }))).toBe('NOT_FOUND');
  });

  it('are worded as the price list screens word them', async () => {
    const { PRICE_LIST_EXPORT_WORDS } = await import('./catalog.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const { priceLists } = (await import(`../../../src-renderer/features/catalog/messages.${language}.ts`)).default;
      const words = PRICE_LIST_EXPORT_WORDS[language];
      expect(words.kinds).toEqual(priceLists.kinds);
      expect(words.statuses).toEqual(priceLists.statuses);
      expect(words.tax).toEqual({ inclusive: priceLists.taxInclusiveYes, exclusive: priceLists.taxInclusiveNo });
      const { code, name, kind, tier, customer, taxInclusive, validFrom, validTo, productCount } = priceLists;
      expect(words.field).toMatchObject({ code, name, kind, tier, customer, taxInclusive, validFrom, validTo, productCount });
    }
  });
});
