import fs from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { migrate } from './migrate';

/** Reads the Kysely `Database` interface from schema.ts: table → column → nullable. */
function declaredSchema(): Map<string, Map<string, boolean>> {
  const file = new URL('./schema.ts', import.meta.url);
  const source = ts.createSourceFile('schema.ts', fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const tables = new Map<string, Map<string, boolean>>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const tableName = member.name.getText(source);
    const table = interfaces.get(member.type.getText(source));
    if (!table) throw new Error(`No interface ${member.type.getText(source)} for table ${tableName}`);
    const columns = new Map<string, boolean>();
    for (const column of table.members) {
      if (!ts.isPropertySignature(column) || !column.type) continue;
      columns.set(column.name.getText(source), /\bnull\b/.test(column.type.getText(source)));
    }
    tables.set(tableName, columns);
  }
  return tables;
}

describe('Kysely schema', () => {
  it('matches the migrated database table for table, column for column', () => {
    const { sqlite } = openDatabase(':memory:');
    migrate(sqlite);
    const real = new Map<string, Map<string, boolean>>();
    const rowids = new Set<string>();
    const tableNames = sqlite
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
      .pluck()
      .all() as string[];
    // FTS5 shadow tables belong to their virtual table, not to the schema.
    const virtuals = sqlite.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
    for (const name of tableNames.filter((n) => !virtuals.some((v) => n.startsWith(`${v}_`)))) {
      const columns = sqlite.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(name) as { name: string; type: string; notnull: number; pk: number }[];
      // An INTEGER PRIMARY KEY is the rowid: SQLite picks it when the insert gives null.
      const isRowid = (c: (typeof columns)[number]) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER' && columns.filter((x) => x.pk > 0).length === 1;
      real.set(name, new Map(columns.map((c) => [c.name, c.notnull === 0 && c.pk === 0])));
      for (const c of columns.filter(isRowid)) rowids.add(`${name}.${c.name}`);
    }
    const declared = declaredSchema();
    // A rowid may be declared `number | null` (so inserts can leave it to SQLite) or plain `number`.
    for (const key of rowids) {
      const [table, column] = key.split('.') as [string, string];
      declared.get(table)?.set(column, false);
    }
    const describeSchema = (s: Map<string, Map<string, boolean>>) =>
      Object.fromEntries([...s].sort(([a], [b]) => a.localeCompare(b)).map(([t, cols]) => [t, Object.fromEntries([...cols].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => [c, n ? 'nullable' : 'not null']))]));
    expect(describeSchema(declared)).toEqual(describeSchema(real));
  });
});
