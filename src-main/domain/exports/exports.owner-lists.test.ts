import { describe, expect, it } from 'vitest';
import type { Session } from '../../api/session';
import { ownerApi } from '../../db/test-db';
import { ownerApiOnFile } from '../backup/backup.test-helpers';
import { sheetRows } from './exports.test-helpers';

function csvLines(content: Uint8Array): string[][] {
  return Buffer.from(content)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
}

describe('the owner’s lists as files', () => {
  it('writes the security log the owner filtered, worded for a person or coded for tools', async () => {
    const api = await ownerApi();
    for (const [username, password] of [
      ['owner', 'not-the-password'],
      ['nobody', 'whatever-1'],
    ]) {
      const stranger: Session = { user: null };
      await api.backend.call({ session: stranger, transport: 'http' }, 'auth.login', { username: username!, password: password! });
    }
    const listed = await api.ok('audit.security', {});

    const forTools = await api.ok('exports.securityLog', { format: 'csv' });
    const [header, ...rows] = csvLines(forTools.content);
    expect(header).toEqual(['at', 'event', 'username', 'reason', 'transport']);
    expect(rows).toEqual(listed.rows.map((e) => [e.at, e.event, e.username, e.reason, e.transport]));
    expect(forTools.fileName).toMatch(/^security-log-\d{4}-\d{2}-\d{2}\.csv$/);

    const filtered = await api.ok('exports.securityLog', { format: 'csv', username: 'nobody' });
    expect(csvLines(filtered.content).slice(1)).toEqual([[listed.rows[0]!.at, 'sign_in_failed', 'nobody', 'unknown_user', 'http']]);

    const forPeople = await api.ok('exports.securityLog', { format: 'xlsx', language: 'zh-CN' });
    expect(forPeople.fileName).toMatch(/^安全日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const sheet = await sheetRows(forPeople.content);
    expect(sheet[0]).toEqual(['时间', '事件', '输入的登录名', '原因', '来源']);
    expect(sheet.slice(1).map((row) => row.slice(1))).toEqual([
      ['登录失败', 'nobody', '没有这个登录名', '浏览器'],
      ['登录失败', 'owner', '密码错误', '浏览器'],
    ]);
  });

  it('keeps the security log for the owner alone, as the screen does', async () => {
    const api = await ownerApi();
    const manager = await api.as('manager');
    expect(await manager.call('exports.securityLog', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('writes every backup in the backup folder with its size in bytes, for the owner alone', async () => {
    const api = await ownerApiOnFile();
    try {
      const first = await api.ok('backup.create', {});
      const second = await api.ok('backup.create', {});
      const listed = await api.ok('backup.list', {});
      expect(listed.total).toBe(2);

      const forTools = await api.ok('exports.backups', { format: 'csv' });
      const [header, ...rows] = csvLines(forTools.content);
      expect(header).toEqual(['at', 'kind', 'bytes', 'name']);
      expect(rows).toEqual(listed.rows.map((b) => [b.at, 'manual', String(b.bytes), b.name]));
      expect(rows.map((r) => r[3]).sort()).toEqual([first.name, second.name].sort());

      const forPeople = await sheetRows((await api.ok('exports.backups', { format: 'xlsx', language: 'zh-CN' })).content);
      expect(forPeople[0]).toEqual(['备份时间', '方式', '大小（字节）', '文件名']);
      expect(forPeople.slice(1).map((row) => row.slice(1))).toEqual(listed.rows.map((b) => ['手动', b.bytes, b.name]));

      const manager = await api.as('manager');
      expect(await manager.call('exports.backups', { format: 'csv' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      api.close();
    }
  });
});
