import { describe, expect, it } from 'vitest';
import { ownerApi } from '../../db/test-db';
import { csvLines, sheetRows } from '../exports/exports.test-helpers';

describe('the users list as a file', () => {
  it('lists who may sign in, with their role, their manager by name and whether they are disabled', async () => {
    const api = await ownerApi();
    const manager = await api.ok('users.create', { username: 'wangfang', displayName: '王芳', role: 'manager', password: 'secret-123' });
    const sales = await api.ok('users.create', { username: 'liqiang', displayName: '李强', role: 'sales', password: 'secret-123' });
    await api.ok('users.update', { id: sales.id, managerUserId: manager.id });
    const gone = await api.ok('users.create', { username: 'zhaolei', displayName: '赵磊', role: 'warehouse', password: 'secret-123' });
    await api.ok('users.update', { id: gone.id, active: false });
    const listed = await api.ok('users.list', {});

    const file = await api.ok('exports.users', { format: 'xlsx', language: 'zh-CN' });
    const [header, ...rows] = await sheetRows(file.content);
    expect(file.fileName).toMatch(/^用户与角色-/);
    expect(header).toEqual(['姓名', '用户名', '角色', '上级', '状态', '最近登录', '创建时间']);
    expect(rows.map((r) => r[1])).toEqual(listed.rows.map((u) => u.username));
    const byName = new Map(rows.map((r) => [r[1], r]));
    expect(byName.get('liqiang')!.slice(0, 5)).toEqual(['李强', 'liqiang', '销售', '王芳', '启用']);
    expect(byName.get('zhaolei')!.slice(2, 5)).toEqual(['仓管', undefined, '停用']);

    const csv = csvLines((await api.ok('exports.users', { q: 'liqiang', format: 'csv' })).content);
    expect(csv[0]).toBe('display_name,username,role,manager,status,last_login_at,created_at');
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 5))).toEqual([['李强', 'liqiang', 'sales', '王芳', 'active']]);
    expect(await (await api.as('manager')).call('exports.users', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('words the file as the users screen does, in every language', async () => {
    const { USER_EXPORT_WORDS } = await import('./users.export');
    for (const language of ['zh-CN', 'en', 'zh-TW'] as const) {
      const catalog = (await import(`../../../src-renderer/i18n/${language}.ts`)).default;
      const words = USER_EXPORT_WORDS[language];
      expect(words.file).toBe(catalog.users.title);
      expect(words.role).toEqual(catalog.roles);
      expect(words.status).toEqual({ active: catalog.common.active, disabled: catalog.common.disabled });
      expect([words.field.displayName, words.field.username, words.field.role, words.field.manager, words.field.status, words.field.lastLogin]).toEqual([
        catalog.users.displayName,
        catalog.users.username,
        catalog.users.role,
        catalog.users.manager,
        catalog.common.status,
        catalog.users.lastLogin,
      ]);
    }
  });
});
