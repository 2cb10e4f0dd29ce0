import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Sqlite } from './connection';
import { migrate } from './migrate';

type Literal = string | number;

interface DeclaredColumn {
  nullable: boolean;
  /** The literal members of the column's type (null left out), or null when it is plain string/number. */
  values: Literal[] | null;
}

/**
 * Reads the Kysely `Database` interface from schema.ts through the type checker, so a column
 * typed with an imported alias (`LifecycleStage`) is seen as the union of its constant's values.
 */
function declaredSchema(): Map<string, Map<string, DeclaredColumn>> {
  const file = fileURLToPath(new URL('./schema.ts', import.meta.url));
  const program = ts.createProgram([file], {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    types: [],
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file)!;
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const database = interfaces.get('Database');
  if (!database) throw new Error('schema.ts has no Database interface');
  const tables = new Map<string, Map<string, DeclaredColumn>>();
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const tableName = member.name.getText(source);
    // A table's row type may live in its area's <area>.tables.ts; the checker follows the import.
    const tableType = checker.getTypeFromTypeNode(member.type);
    const properties = checker.getPropertiesOfType(tableType);
    if (properties.length === 0) throw new Error(`No row type ${member.type.getText(source)} for table ${tableName}`);
    const columns = new Map<string, DeclaredColumn>();
    for (const property of properties) {
      const declaration = property.valueDeclaration;
      if (!declaration || !ts.isPropertySignature(declaration) || !declaration.type) continue;
      const type = checker.getTypeFromTypeNode(declaration.type);
      const members = (type.isUnion() ? type.types : [type]).filter((t) => !(t.flags & ts.TypeFlags.Null));
      const literals = members.every((t) => t.isStringLiteral() || t.isNumberLiteral());
      columns.set(property.getName(), {
        nullable: members.length < (type.isUnion() ? type.types.length : 1),
        values: literals ? members.map((t) => (t as ts.LiteralType).value as Literal) : null,
      });
    }
    tables.set(tableName, columns);
  }
  return tables;
}

/** `table.column` → the values its `CHECK (column IN (...))` allows, from the migrated tables' SQL. */
function checkedValues(sqlite: Sqlite, tableNames: string[]): Map<string, Literal[]> {
  const checks = new Map<string, Literal[]>();
  // `CHECK (c IN (...))` or `CHECK (c IS NULL OR c IN (...))`; rules over several columns don't match.
  const pattern = /CHECK\s*\(\s*(?:(\w+)\s+IS\s+NULL\s+OR\s+)?(\w+)\s+IN\s*\(([^()]*)\)\s*\)/gi;
  for (const table of tableNames) {
    const createSql = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
    for (const [, nullColumn, column, list] of createSql.matchAll(pattern)) {
      if (nullColumn && nullColumn !== column) continue;
      checks.set(
        `${table}.${column}`,
        list!.split(',').map((item) => {
          const text = item.trim();
          if (/^'.*'$/.test(text)) return text.slice(1, -1).replaceAll("''", "'");
          if (/^-?\d+$/.test(text)) return Number(text);
          throw new Error(`Cannot read ${text} in the CHECK on ${table}.${column}`);
        }),
      );
    }
  }
  return checks;
}

/** The migrated tables (FTS5 virtual tables and their shadow tables left out). */
function migratedTables(sqlite: Sqlite): string[] {
  const tableNames = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
    .pluck()
    .all() as string[];
  const virtuals = sqlite.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").pluck().all() as string[];
  return tableNames.filter((n) => !virtuals.some((v) => n.startsWith(`${v}_`)));
}

/**
 * Union-typed columns without a CHECK of their own (migrations are frozen): the checked column
 * whose values they hold. The service writes them from that column's value.
 */
const SAME_VALUES_AS: Record<string, string> = {
  'customer_stage_history.from_stage': 'customers.lifecycle_stage',
  'customer_stage_history.to_stage': 'customers.lifecycle_stage',
  'opportunity_stage_history.from_stage': 'opportunities.stage',
  'opportunity_stage_history.to_stage': 'opportunities.stage',
  'sales_order_events.from_status': 'sales_orders.status',
  'sales_order_events.to_status': 'sales_orders.status',
};
/** Union-typed columns the database does not constrain at all, and what does. */
const UNCHECKED: Record<string, string> = {
  'customers.size': 'customers.contract and the import parser accept only CUSTOMER_SIZES',
};

const sorted = (values: Literal[]) => [...values].sort((a, b) => String(a).localeCompare(String(b)));

describe('Kysely schema', () => {
  const { sqlite } = openDatabase(':memory:');
  let tables: string[] = [];
  let declared = new Map<string, Map<string, DeclaredColumn>>();
  beforeAll(() => {
    migrate(sqlite);
    tables = migratedTables(sqlite);
    declared = declaredSchema();
  });

  it('matches the migrated database table for table, column for column', () => {
    const real = new Map<string, Map<string, boolean>>();
    const rowids = new Set<string>();
    for (const name of tables) {
      const columns = sqlite.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(name) as { name: string; type: string; notnull: number; pk: number }[];
      // An INTEGER PRIMARY KEY is the rowid: SQLite picks it when the insert gives null.
      const isRowid = (c: (typeof columns)[number]) => c.pk === 1 && c.type.toUpperCase() === 'INTEGER' && columns.filter((x) => x.pk > 0).length === 1;
      real.set(name, new Map(columns.map((c) => [c.name, c.notnull === 0 && c.pk === 0])));
      for (const c of columns.filter(isRowid)) rowids.add(`${name}.${c.name}`);
    }
    const nullability = new Map([...declared].map(([table, columns]) => [table, new Map([...columns].map(([c, d]) => [c, d.nullable]))]));
    // A rowid may be declared `number | null` (so inserts can leave it to SQLite) or plain `number`.
    for (const key of rowids) {
      const [table, column] = key.split('.') as [string, string];
      nullability.get(table)?.set(column, false);
    }
    const describeSchema = (s: Map<string, Map<string, boolean>>) =>
      Object.fromEntries([...s].sort(([a], [b]) => a.localeCompare(b)).map(([t, cols]) => [t, Object.fromEntries([...cols].sort(([a], [b]) => a.localeCompare(b)).map(([c, n]) => [c, n ? 'nullable' : 'not null']))]));
    expect(describeSchema(nullability)).toEqual(describeSchema(real));
  });

  it('types every column with a CHECK (column IN (...)) as the union of exactly those values', () => {
    const checks = checkedValues(sqlite, tables);
    const fromSql: Record<string, Literal[] | string> = {};
    const fromTs: Record<string, Literal[] | string> = {};
    for (const [key, values] of checks) fromSql[key] = sorted(values);
    for (const [key, twin] of Object.entries(SAME_VALUES_AS)) fromSql[key] = sorted(checks.get(twin) ?? []);
    for (const [table, columns] of declared) {
      for (const [column, { values }] of columns) {
        const key = `${table}.${column}`;
        if (values && !(key in UNCHECKED)) fromTs[key] = sorted(values);
        else if (key in fromSql) fromTs[key] = 'not a union of literals';
      }
    }
    expect(fromTs).toEqual(fromSql);
  });

});
