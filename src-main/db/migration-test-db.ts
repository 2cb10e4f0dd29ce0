/** Test only: the start every migration test shares (`*.migration.test.ts`). */
import { openDatabase, type Sqlite } from './connection';
import { loadMigrations, migrate } from './migrate';

/** A migration's version, found by its name so a test follows a renumbering. */
export function migrationVersion(name: string): number {
  const found = loadMigrations().find((m) => m.name === name);
  if (!found) throw new Error(`No migration named ${name}`);
  return found.version;
}

/**
 * An in-memory database migrated to just before the migration `name`, with the rows `before` writes
 * into that older schema, then migrated through `name` (or on to the latest with `to: 'latest'`).
 * `applied` is what the migrator reports having run.
 */
export function acrossMigration(name: string, before: (sqlite: Sqlite) => void, options: { to?: 'latest' } = {}): { sqlite: Sqlite; applied: string[] } {
  const version = migrationVersion(name);
  const { sqlite } = openDatabase(':memory:');
  migrate(sqlite, { toVersion: version - 1 });
  before(sqlite);
  const { applied } = migrate(sqlite, options.to === 'latest' ? {} : { toVersion: version });
  return { sqlite, applied };
}

/** 南京博雅食品有限公司 (id c1, C000001, active), written as every schema since 0002_customers takes a customer. */
export function insertOldCustomer(sqlite: Sqlite, at: string): void {
  sqlite
    .prepare(
      `INSERT INTO customers (id, code, kind, name, name_key, name_pinyin, lifecycle_stage, lifecycle_computed, created_at, updated_at)
       VALUES ('c1', 'C000001', 'company', '南京博雅食品有限公司', '南京博雅食品', 'nanjingboya', 'active', 'active', ?, ?)`,
    )
    .run(at, at);
}

/** A user (id u1), written as every schema since 0001_init takes one. */
export function insertOldUser(sqlite: Sqlite, user: { username: string; displayName: string; role: string }, at: string): void {
  sqlite
    .prepare("INSERT INTO users (id, username, display_name, role, password_hash, created_at, updated_at) VALUES ('u1', ?, ?, ?, 'x', ?, ?)")
    .run(user.username, user.displayName, user.role, at, at);
}
