import { describe, expect, it } from 'vitest';
import { wholeTableWalks } from './query-plans';

describe('wholeTableWalks', () => {
  const customers = ['customers', 'c'];

  it('finds the walk over every active customer that a search without statistics made', () => {
    // The plan of `c.id IN (SELECT … customers_fts …) ORDER BY c.code` on a file never analysed.
    const plan = [
      'CO-ROUTINE (subquery-3)',
      'SEARCH c USING INDEX customers_status_created (status=?)',
      'LIST SUBQUERY 1',
      'SCAN customers_fts VIRTUAL TABLE INDEX 0:M3',
      'SEARCH cs USING INTEGER PRIMARY KEY (rowid=?)',
      'USE TEMP B-TREE FOR ORDER BY',
    ].join('\n');
    expect(wholeTableWalks(plan, customers)).toEqual(['SEARCH c USING INDEX customers_status_created (status=?)']);
  });

  it('finds scans, with or without an index', () => {
    expect(wholeTableWalks('SCAN c', customers)).toHaveLength(1);
    expect(wholeTableWalks('SCAN customers USING COVERING INDEX customers_status_code', customers)).toHaveLength(1);
    expect(wholeTableWalks('SCAN c LEFT-JOIN', customers)).toHaveLength(1);
  });

  it('lets lookups by key and bounded ranges through', () => {
    const plan = [
      'SCAN customers_fts VIRTUAL TABLE INDEX 0:M3',
      'SEARCH cs USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH c USING INTEGER PRIMARY KEY (rowid=?)',
      'SEARCH c USING COVERING INDEX sqlite_autoindex_customers_1 (id=?)',
      'SEARCH c USING INDEX sqlite_autoindex_customers_1 (id=?) LEFT-JOIN',
      'SEARCH customers USING INDEX customers_status_name (status=? AND name_pinyin>? AND name_pinyin<?)',
      'SEARCH c USING INDEX customers_region (province=? AND city=? AND status=?)',
      'SCAN cs',
    ].join('\n');
    expect(wholeTableWalks(plan, customers)).toEqual([]);
  });
});
