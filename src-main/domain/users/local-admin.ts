import type { Connection } from '../../db/connection';
import type { SessionUser } from '../../api/session';
import os from 'node:os';

/** The CLI acts as this named local administrator and is audited as such (DESIGN §4). */
export const LOCAL_ADMIN_ID = '00000000-0000-7000-8000-000000000001';

export function localAdmin(conn: Connection): SessionUser {
  // A real (disabled, password-less) row so audit and created_by references resolve; it can never sign in.
  const now = new Date().toISOString();
  conn.sqlite
    .prepare(
      `INSERT OR IGNORE INTO users (id, username, display_name, role, password_hash, active, created_at, updated_at)
       VALUES (?, 'local-admin', ?, 'owner', '!', 0, ?, ?)`,
    )
    .run(LOCAL_ADMIN_ID, `本机管理员 (${os.userInfo().username})`, now, now);
  return { id: LOCAL_ADMIN_ID, username: 'local-admin', displayName: '本机管理员', role: 'owner', locale: null };
}
