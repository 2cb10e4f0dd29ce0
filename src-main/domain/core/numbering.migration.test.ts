import { describe, expect, it } from 'vitest';
import { acrossMigration } from '../../db/migration-test-db';
import { nextNumber } from './numbering';

describe('migration 0004_numbering_device_prefix', () => {
  it('keeps every series and its counter, with no device prefix, so numbering carries on', () => {
    const { sqlite, applied } = acrossMigration('numbering_device_prefix', (old) => {
      old.prepare("INSERT INTO numbering_series (code, prefix, per_year, padding, year, next_number) VALUES ('customer', 'C', 0, 6, NULL, 42), ('quote', 'QT', 1, 5, 2026, 7)").run();
    });
    expect(applied).toEqual(['4_numbering_device_prefix']);

    expect(sqlite.prepare('SELECT code, next_number, year, device_prefix FROM numbering_series ORDER BY code').all()).toEqual([
      { code: 'customer', next_number: 42, year: null, device_prefix: '' },
      { code: 'quote', next_number: 7, year: 2026, device_prefix: '' },
    ]);
    expect(nextNumber(sqlite, { code: 'customer', prefix: 'C', perYear: false, padding: 6 }, '2026-11-28')).toBe('C000042');
    expect(nextNumber(sqlite, { code: 'quote', prefix: 'QT', perYear: true, padding: 5 }, '2026-11-28')).toBe('QT-2026-00007');
    expect(() => sqlite.prepare("INSERT INTO numbering_series (code, prefix, device_prefix) VALUES ('x', 'X', NULL)").run()).toThrow(/NOT NULL/);
  });
});
