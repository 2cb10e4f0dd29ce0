import { describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { allocateNumbers, assertSeriesDistinct, bumpSeriesPast, devicePrefix, findSeries, nextNumber, numbersInBlocks, setDevicePrefix, type SeriesDefinition } from './numbering';

const SALES_ORDERS: SeriesDefinition = { code: 'sales_order', prefix: 'SO', perYear: true, padding: 6 };
const CUSTOMERS: SeriesDefinition = { code: 'customer', prefix: 'C', perYear: false, padding: 6 };

function freshDb(): Sqlite {
  const { sqlite } = openDatabase(':memory:');
  migrate(sqlite);
  return sqlite;
}

describe('numbering series', () => {
  it('numbers customers C000001, C000002 from a series declared as data', () => {
    const sqlite = freshDb();
    expect(nextNumber(sqlite, CUSTOMERS, '2026-11-28')).toBe('C000001');
    expect(nextNumber(sqlite, CUSTOMERS, '2027-01-02')).toBe('C000002');
    expect(sqlite.prepare("SELECT prefix, per_year, padding, year, next_number, device_prefix FROM numbering_series WHERE code = 'customer'").get()).toEqual({
      prefix: 'C',
      per_year: 0,
      padding: 6,
      year: null,
      next_number: 3,
      device_prefix: '',
    });
  });

  it('takes the year of a yearly series from the business date and restarts at 1 in a new year', () => {
    const sqlite = freshDb();
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-12-31')).toBe('SO-2026-000001');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-12-31')).toBe('SO-2026-000002');
    expect(nextNumber(sqlite, SALES_ORDERS, '2027-01-01')).toBe('SO-2027-000001');
    // A clock set back a year does not reissue last year's numbers: it stays in this year's sequence.
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-12-31')).toBe('SO-2027-000002');
  });

  it('is gapless: a number taken in a transaction that rolls back is given back', () => {
    const sqlite = freshDb();
    nextNumber(sqlite, SALES_ORDERS, '2026-05-01');
    const saveOrder = sqlite.transaction(() => {
      nextNumber(sqlite, SALES_ORDERS, '2026-05-01');
      throw new Error('the order did not validate');
    });
    expect(saveOrder).toThrow(/did not validate/);
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-05-01')).toBe('SO-2026-000002');
  });

  it('allocates a contiguous range for an import and carries on after it', () => {
    const sqlite = freshDb();
    nextNumber(sqlite, CUSTOMERS, '2026-05-01');
    expect(allocateNumbers(sqlite, CUSTOMERS, 3, '2026-05-01')).toEqual({ first: 2, numbers: ['C000002', 'C000003', 'C000004'] });
    expect(allocateNumbers(sqlite, CUSTOMERS, 0, '2026-05-01')).toEqual({ first: 0, numbers: [] });
    expect(nextNumber(sqlite, CUSTOMERS, '2026-05-01')).toBe('C000005');
    expect(() => allocateNumbers(sqlite, CUSTOMERS, -1, '2026-05-01')).toThrow(/Cannot take -1/);
    expect(() => nextNumber(sqlite, CUSTOMERS, '28.11.2026')).toThrow(/not a business date/);
  });

  it('numbers a bulk writer in blocks, across a new year, and gives the unused tail back', () => {
    const sqlite = freshDb();
    const orders = numbersInBlocks(sqlite, SALES_ORDERS, 3);
    const issued = ['2026-12-30', '2026-12-30', '2026-12-31', '2026-12-31', '2027-01-02', '2027-01-03'].map((date) => orders.next(date));
    expect(issued).toEqual(['SO-2026-000001', 'SO-2026-000002', 'SO-2026-000003', 'SO-2026-000004', 'SO-2027-000001', 'SO-2027-000002']);
    // A late date of the old year stays in the new year's sequence, as nextNumber does.
    expect(orders.next('2026-12-31')).toBe('SO-2027-000003');
    orders.finish();
    expect(nextNumber(sqlite, SALES_ORDERS, '2027-01-05')).toBe('SO-2027-000004');
  });

  it('numbers past 999999 without losing digits', () => {
    const sqlite = freshDb();
    nextNumber(sqlite, CUSTOMERS, '2026-05-01');
    sqlite.prepare("UPDATE numbering_series SET next_number = 999999 WHERE code = 'customer'").run();
    expect(allocateNumbers(sqlite, CUSTOMERS, 2, '2026-05-01').numbers).toEqual(['C999999', 'C1000000']);
  });

  it('moves past numbers written outside the series in its own shape, and only those', () => {
    const sqlite = freshDb();
    bumpSeriesPast(sqlite, CUSTOMERS, ['C000120', 'C120', 'C0000999', 'X000500', '客户000700', 'C000099'], '2026-05-01');
    expect(nextNumber(sqlite, CUSTOMERS, '2026-05-01')).toBe('C000121');
    bumpSeriesPast(sqlite, CUSTOMERS, ['C000050'], '2026-05-01');
    expect(nextNumber(sqlite, CUSTOMERS, '2026-05-01')).toBe('C000122');
    bumpSeriesPast(sqlite, SALES_ORDERS, ['SO-2025-000300', 'SO-2026-000007'], '2026-05-01');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-05-01')).toBe('SO-2026-000008');
  });

  it('refuses two series with one code or one prefix, as areas register them', () => {
    expect(() => assertSeriesDistinct([CUSTOMERS, SALES_ORDERS])).not.toThrow();
    expect(() => assertSeriesDistinct([CUSTOMERS, { ...SALES_ORDERS, code: 'customer' }])).toThrow(/code customer is declared twice/);
    expect(() => assertSeriesDistinct([SALES_ORDERS, { code: 'sales_return', prefix: 'SO', perYear: true, padding: 6 }])).toThrow(/prefix SO is declared twice/);
    expect(() => assertSeriesDistinct([{ ...CUSTOMERS, padding: 0 }])).toThrow(/not a valid definition/);
  });

  it('finds a declared series by code and refuses an undeclared one', () => {
    expect(findSeries([CUSTOMERS, SALES_ORDERS], 'sales_order')).toBe(SALES_ORDERS);
    expect(() => findSeries([CUSTOMERS], 'invoice')).toThrow(/No numbering series 'invoice'.*known: customer/);
    expect(() => nextNumber(freshDb(), { code: 'bad code', prefix: 'B', perYear: false, padding: 6 }, '2026-05-01')).toThrow(/not a valid definition/);
  });
});

describe('device prefix for sync', () => {
  it('is empty by default and, once set, starts each series of this desktop at 1 under it', () => {
    const sqlite = freshDb();
    expect(devicePrefix(sqlite)).toBe('');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-11-28')).toBe('SO-2026-000001');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-11-28')).toBe('SO-2026-000002');
    setDevicePrefix(sqlite, 'A');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-11-28')).toBe('SO-A-2026-000001');
    expect(nextNumber(sqlite, CUSTOMERS, '2026-11-28')).toBe('C-A-000001');
    expect(allocateNumbers(sqlite, SALES_ORDERS, 2, '2026-11-28').numbers).toEqual(['SO-A-2026-000002', 'SO-A-2026-000003']);
    setDevicePrefix(sqlite, 'A');
    expect(nextNumber(sqlite, SALES_ORDERS, '2026-11-28')).toBe('SO-A-2026-000004');
  });

  it('refuses a malformed prefix and a change of an enrolled one, changing nothing', () => {
    const sqlite = freshDb();
    expect(() => setDevicePrefix(sqlite, 'a-1')).toThrow(expect.objectContaining({ code: 'VALIDATION', issues: [expect.objectContaining({ path: 'devicePrefix', code: 'invalid_device_prefix' })] }));
    expect(devicePrefix(sqlite)).toBe('');
    setDevicePrefix(sqlite, 'B2');
    expect(() => setDevicePrefix(sqlite, 'C')).toThrow(expect.objectContaining({ code: 'CONFLICT', issues: [expect.objectContaining({ code: 'device_prefix_set', params: { current: 'B2' } })] }));
    expect(devicePrefix(sqlite)).toBe('B2');
  });
});
