import { expect } from 'vitest';
import type { Sqlite } from '../../db/connection';
import { appendOnlyTriggerNames } from './ledger';

/**
 * Asserts that a table is an append-only ledger on the app's own connection: its triggers exist,
 * and a raw UPDATE and DELETE of a posted row fail and leave the row as it was. Insert a posted
 * row first; `postedRow` picks one when the ledger also holds drafts.
 */
export function expectAppendOnly(sqlite: Sqlite, table: string, postedRow = '1 = 1'): void {
  const triggers = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?").pluck().all(table);
  expect(triggers, `triggers of ${table}`).toEqual(expect.arrayContaining(appendOnlyTriggerNames(table)));
  const rowid = sqlite.prepare(`SELECT rowid FROM ${table} WHERE ${postedRow} LIMIT 1`).pluck().get();
  if (rowid === undefined) throw new Error(`${table} has no posted row to try; insert one first`);
  const row = () => sqlite.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(rowid);
  const before = row();
  const column = sqlite.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid DESC LIMIT 1').pluck().get(table) as string;
  expect(() => sqlite.prepare(`UPDATE ${table} SET ${column} = ${column} WHERE rowid = ?`).run(rowid), `UPDATE of ${table}`).toThrow(/append-only/);
  expect(() => sqlite.prepare(`DELETE FROM ${table} WHERE rowid = ?`).run(rowid), `DELETE from ${table}`).toThrow(/append-only/);
  expect(row()).toEqual(before);
}
