import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../../db/schema';
import { LOCAL_ADMIN_ID } from './local-admin';

export type UserRecord = Selectable<UsersTable>;

export function findUserById(db: Kysely<Database>, id: string): Promise<UserRecord | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRecord | undefined> {
  // username is COLLATE NOCASE in the schema, so "Wang" and "wang" are one account.
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

/** People with accounts; the CLI's local administrator row is not one. */
export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', '!=', LOCAL_ADMIN_ID)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function countActiveOwners(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Kysely<Database>, user: UserRecord): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Kysely<Database>, id: string, patch: Partial<Omit<UserRecord, 'id'>>): Promise<void> {
  await db.updateTable('users').set(patch).where('id', '=', id).execute();
}

export async function listUsers(
  db: Kysely<Database>,
  filter: { q?: string; includeDisabled: boolean; limit: number; offset: number },
): Promise<{ rows: UserRecord[]; total: number }> {
  let query = db.selectFrom('users').where('id', '!=', LOCAL_ADMIN_ID);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('username', 'like', like), eb('display_name', 'like', like)]));
  }
  if (!filter.includeDisabled) query = query.where('active', '=', 1);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy('active', 'desc').orderBy('username').limit(filter.limit).offset(filter.offset).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export function listActiveUserOptions(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'role'])
    .where('active', '=', 1)
    .where('id', '!=', LOCAL_ADMIN_ID)
    .orderBy('display_name')
    .execute();
}
