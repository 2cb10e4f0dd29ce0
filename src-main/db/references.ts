import type { Sqlite } from './connection';

export interface ColumnReference {
  table: string;
  column: string;
}

/**
 * Every column that points at a row of `table`: any column named `idColumn` (customer_id) plus any
 * declared foreign key to it. Found from the schema itself, so tables added by later areas (orders,
 * invoices, stock moves) are found without changing the caller.
 */
export function referencesTo(sqlite: Sqlite, table: string, idColumn: string): ColumnReference[] {
  return sqlite
    .prepare(
      `SELECT DISTINCT m.name AS "table", col.name AS "column"
         FROM sqlite_master m
         JOIN pragma_table_info(m.name) col
        WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.sql NOT LIKE 'CREATE VIRTUAL TABLE%'
          AND (col.name = ?
               OR col.name IN (SELECT fk."from" FROM pragma_foreign_key_list(m.name) fk WHERE fk."table" = ?))
        ORDER BY 1, 2`,
    )
    .all(idColumn, table) as ColumnReference[];
}
