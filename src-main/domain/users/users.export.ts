/**
 * The users list as a file (用户与角色): who may sign in, with which role, under whom, and when they
 * last did. Its columns and the words a person reads in each UI language. Runtime-neutral.
 */
import type { Role } from '../../api/permissions';
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { UserRow } from './users.contract';

/** A user as the file has them: the manager by the name people know them by. */
export interface UserExportRow extends UserRow {
  managerName: string | null;
}

export const USER_EXPORT_WORDS = {
  'zh-CN': {
    file: '用户与角色',
    field: { displayName: '姓名', username: '用户名', role: '角色', manager: '上级', status: '状态', lastLogin: '最近登录', createdAt: '创建时间' },
    role: { owner: '老板', manager: '经理', sales: '销售', warehouse: '仓管', service: '售后', accountant: '会计' },
    status: { active: '启用', disabled: '停用' },
  },
  en: {
    file: 'Users & roles',
    field: { displayName: 'Name', username: 'Username', role: 'Role', manager: 'Reports to', status: 'Status', lastLogin: 'Last sign-in', createdAt: 'Created' },
    role: { owner: 'Owner', manager: 'Manager', sales: 'Sales', warehouse: 'Warehouse', service: 'Service', accountant: 'Accountant' },
    status: { active: 'Active', disabled: 'Disabled' },
  },
  'zh-TW': {
    file: '使用者與角色',
    field: { displayName: '姓名', username: '使用者名稱', role: '角色', manager: '上級主管', status: '狀態', lastLogin: '最近登入', createdAt: '建立時間' },
    role: { owner: '老闆', manager: '經理', sales: '銷售', warehouse: '倉管', service: '售後', accountant: '會計' },
    status: { active: '啟用', disabled: '停用' },
  },
} satisfies Record<Locale, { file: string; field: Record<string, string>; role: Record<Role, string>; status: Record<'active' | 'disabled', string> }>;

const column = columnsWorded<(typeof USER_EXPORT_WORDS)['zh-CN'], UserExportRow>(USER_EXPORT_WORDS);

export const userExportTable: ExportTable<UserExportRow> = {
  name: { machine: 'users', ...localised(USER_EXPORT_WORDS, (w) => w.file) },
  columns: [
    column('display_name', (w) => w.field.displayName, 'text', (u) => u.displayName),
    column('username', (w) => w.field.username, 'text', (u) => u.username),
    column('role', (w) => w.field.role, codeLabels(USER_EXPORT_WORDS, (w) => w.role), (u) => u.role),
    column('manager', (w) => w.field.manager, 'text', (u) => u.managerName),
    column('status', (w) => w.field.status, codeLabels(USER_EXPORT_WORDS, (w) => w.status), (u) => (u.active ? 'active' : 'disabled')),
    column('last_login_at', (w) => w.field.lastLogin, 'datetime', (u) => u.lastLoginAt),
    column('created_at', (w) => w.field.createdAt, 'datetime', (u) => u.createdAt),
  ],
};
