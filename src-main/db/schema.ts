/**
 * The Kysely view of the migrated schema. `schema.test.ts` migrates a fresh database and
 * fails when a table or column here differs from the real one.
 */
export interface CompanyTable {
  id: number;
  name: string;
  currency: string;
  time_zone: string;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
  last_login_at: string | null;
}

export interface NumberingSeriesTable {
  code: string;
  prefix: string;
  per_year: number;
  padding: number;
  year: number | null;
  next_number: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  user_id: string | null;
  username: string;
  method: string;
  entity_type: string | null;
  entity_id: string | null;
  changes: string;
  transport: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface Database {
  company: CompanyTable;
  settings: SettingsTable;
  users: UsersTable;
  numbering_series: NumberingSeriesTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}
