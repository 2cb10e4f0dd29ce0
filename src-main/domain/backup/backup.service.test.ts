import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import type { ApiEvent } from '../../api/result';
import { runDailyJobs } from '../../backend/daily-jobs';
import { ownerApi } from '../../db/test-db';
import { businessDateIn } from '../core/dates';
import { backupFileName } from './backup.folder';
import { ownerApiOnFile } from './backup.test-helpers';

describe('backing up', () => {
  it('writes a new, self-contained copy into the backup folder, reporting progress', async () => {
    const api = await ownerApiOnFile();
    try {
      const events: ApiEvent[] = [];
      api.backend.onEvent((event) => events.push(event));
      const made = await api.ok('backup.create', { jobId: 'backup-job-1' });
      expect(made).toMatchObject({ kind: 'manual', name: expect.stringMatching(/^desk-erp-\d{8}-\d{6}-\d{3}-manual\.sqlite$/) });
      const file = path.join(api.dir, 'backups', made.name);
      expect(fs.statSync(file).size).toBe(made.bytes);
      // One file: no -wal or -shm beside it, so it can be copied or mailed alone.
      const copy = new Database(file, { readonly: true });
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT name FROM company').pluck().get()).toBe('南京博雅食品有限公司');
      copy.close();
      expect(fs.readdirSync(path.join(api.dir, 'backups'))).toEqual([made.name]);
      const progress = events.filter((e): e is Extract<ApiEvent, { kind: 'progress' }> => e.kind === 'progress' && e.jobId === 'backup-job-1');
      expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
      expect(await api.ok('backup.status', {})).toMatchObject({ lastOutcome: { ok: true, name: made.name, bytes: made.bytes }, customFolder: false, folderExists: true });
      expect((await api.ok('backup.list', {})).rows).toEqual([made]);
      expect((await api.ok('audit.list', { method: 'backup.create' })).rows).toMatchObject([{ username: 'owner', entityId: made.name }]);
    } finally {
      api.close();
    }
  });

  it('refuses a path from the caller: the folder is a setting, the name is ours', async () => {
    const api = await ownerApiOnFile();
    try {
      for (const out of [path.join(api.dir, 'elsewhere.sqlite'), api.dbFile, '/etc/passwd']) {
        expect(await api.call('backup.create', { out } as never)).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'out', code: 'unknown_field' }] } });
      }
      expect(fs.existsSync(path.join(api.dir, 'elsewhere.sqlite'))).toBe(false);
      expect(fs.existsSync(path.join(api.dir, 'backups'))).toBe(false);
    } finally {
      api.close();
    }
  });

  it('is for the owner alone', async () => {
    const api = await ownerApiOnFile();
    try {
      const manager = await api.as('manager');
      for (const method of ['backup.create', 'backup.list', 'backup.status', 'backup.diagnostics'] as const) {
        expect(await manager.call(method, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(await manager.call('backup.restore', { name: 'x.sqlite' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      api.close();
    }
  });

  it('goes into the folder the owner chose, which must be a full path to a folder that exists', async () => {
    const api = await ownerApiOnFile();
    try {
      const chosen = path.join(api.dir, '移动硬盘');
      expect(await api.call('backup.updateSettings', { folder: 'relative/backups' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder', code: 'not_absolute' }] } });
      expect(await api.call('backup.updateSettings', { folder: chosen })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'folder', code: 'folder_missing' }] } });
      fs.mkdirSync(chosen);
      expect(await api.ok('backup.updateSettings', { folder: chosen, autoDaily: false })).toMatchObject({ folder: chosen, customFolder: true, autoDaily: false });
      const made = await api.ok('backup.create', {});
      expect(fs.readdirSync(chosen)).toEqual([made.name]);
      const audit = await api.ok('audit.list', { method: 'backup.updateSettings' });
      expect(audit.rows[0]!.changes[0]!.fields).toEqual({
        backupFolder: { before: path.join(api.dir, 'backups'), after: chosen },
        autoDailyBackup: { before: true, after: false },
      });
      expect(await api.ok('backup.updateSettings', { folder: null })).toMatchObject({ folder: path.join(api.dir, 'backups'), customFolder: false });
    } finally {
      api.close();
    }
  });

  it('fails plainly when the chosen folder is gone, and keeps that for the workbench', async () => {
    const api = await ownerApiOnFile();
    try {
      const drive = path.join(api.dir, 'usb');
      fs.mkdirSync(drive);
      await api.ok('backup.updateSettings', { folder: drive });
      fs.rmSync(drive, { recursive: true });
      const failed = await api.call('backup.create', {});
      expect(failed).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ code: 'folder_missing' }] } });
      // Not recreated: an unplugged drive's folder must not silently fill the disk it was mounted on.
      expect(fs.existsSync(drive)).toBe(false);
      expect((await api.ok('backup.status', {})).lastOutcome).toMatchObject({ ok: false, kind: 'manual', reason: 'folder_missing', folder: drive });
      fs.mkdirSync(drive);
      await api.ok('backup.create', {});
      expect((await api.ok('backup.status', {})).lastOutcome).toMatchObject({ ok: true });
    } finally {
      api.close();
    }
  });

  it('has no folder for an in-memory database', async () => {
    const api = await ownerApi();
    expect(await api.call('backup.create', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ code: 'folder_missing' }] } });
    expect(await api.ok('backup.runDaily', { asOf: '2026-11-23' })).toEqual({ created: null, removed: [] });
  });
});

describe('the daily backup', () => {
  it('backs up once per business day and rotates the old automatic backups, leaving manual ones', async () => {
    const api = await ownerApiOnFile();
    try {
      const folder = path.join(api.dir, 'backups');
      const manual = await api.ok('backup.create', {});
      // Forty days of earlier automatic backups (copies of a real one), as a desktop left running would have.
      for (let day = 1; day <= 40; day++) {
        fs.copyFileSync(path.join(folder, manual.name), path.join(folder, backupFileName('auto', new Date(Date.UTC(2026, 8, day, 18)))));
      }
      // Monday 23 November 2026, 09:00 in Shanghai.
      vi.useFakeTimers({ now: new Date('2026-11-23T01:00:00Z'), toFake: ['Date'] });
      expect(await runDailyJobs(api.backend)).toBe(true);
      vi.useRealTimers();
      // Names are UTC: 20261010 is the backup of 11 October in Shanghai.
      const autos = fs.readdirSync(folder).filter((f) => f.endsWith('-auto.sqlite')).map((f) => f.slice(9, 17)).sort();
      expect(autos).toEqual([
        // The newest of September (30th), and of the weeks ending Sunday 27 September and Sunday 4 October.
        '20260926', '20260929', '20261003',
        // 7 days: 6–11 October, and today's new backup.
        '20261005', '20261006', '20261007', '20261008', '20261009', '20261010', '20261123',
      ]);
      expect(fs.existsSync(path.join(folder, manual.name))).toBe(true);
      expect(await api.ok('backup.runDaily', { asOf: '2026-11-23' })).toEqual({ created: null, removed: [] });
    } finally {
      api.close();
    }
  });

  it('keeps 7 daily, 4 weekly and 12 monthly automatic backups as the days go by', async () => {
    const api = await ownerApiOnFile();
    try {
      const folder = path.join(api.dir, 'backups');
      const manual = await api.ok('backup.create', {});
      // Fifteen months of automatic backups made at 02:00 in Shanghai (18:00 UTC the day before), to 22 November 2026.
      for (let day = Date.UTC(2025, 8, 1); day <= Date.UTC(2026, 10, 22); day += 86_400_000) {
        fs.copyFileSync(path.join(folder, manual.name), path.join(folder, backupFileName('auto', new Date(day - 6 * 3_600_000))));
      }
      const autoDays = async () =>
        (await api.ok('backup.list', { pageSize: 200 })).rows
          .filter((b) => b.kind === 'auto')
          .map((b) => businessDateIn('Asia/Shanghai', new Date(b.at)))
          .sort();
      // Ten mornings, 09:00 in Shanghai, Monday 23 November to Wednesday 2 December: the clock crosses into a new month.
      for (let morning = 0; morning < 10; morning++) {
        vi.useFakeTimers({ now: new Date(Date.UTC(2026, 10, 23 + morning, 1)), toFake: ['Date'] });
        try {
          expect(await runDailyJobs(api.backend)).toBe(true);
          expect(await runDailyJobs(api.backend)).toBe(false);
        } finally {
          vi.useRealTimers();
        }
        expect((await autoDays()).length).toBeLessThanOrEqual(7 + 4 + 12);
      }
      expect(await autoDays()).toEqual([
        // The newest of each of the last 12 months (December 2026 and November 2026 are kept as dailies too); December 2025 has gone.
        '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31', '2026-06-30', '2026-07-31', '2026-08-31', '2026-09-30', '2026-10-31',
        // The newest of each of the last 4 ISO weeks: the weeks ending 15 and 22 November (the two newer ones are dailies).
        '2026-11-15', '2026-11-22',
        // The last 7 days, each made by that morning's daily jobs.
        '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02',
      ]);
      expect(fs.existsSync(path.join(folder, manual.name))).toBe(true);
    } finally {
      api.close();
    }
  }, 60_000);

  it('makes none when the owner switched it off', async () => {
    const api = await ownerApiOnFile();
    try {
      await api.ok('backup.updateSettings', { autoDaily: false });
      expect(await api.ok('backup.runDaily', { asOf: '2026-11-23' })).toEqual({ created: null, removed: [] });
      expect(fs.existsSync(path.join(api.dir, 'backups'))).toBe(false);
    } finally {
      api.close();
    }
  });
});

describe('diagnostics', () => {
  it('bundles versions, settings, checks and the log into a zip, without secrets', async () => {
    const api = await ownerApiOnFile();
    try {
      api.backend.registry.handlers['settings.get'] = async () => {
        throw new Error('disk on fire');
      };
      await api.call('settings.get', {});
      const bundle = await api.ok('backup.diagnostics', {});
      expect(bundle.fileName).toMatch(/^desk-erp-diagnostics-.+\.zip$/);
      const zip = await JSZip.loadAsync(Buffer.from(bundle.content));
      expect(Object.keys(zip.files).sort()).toEqual(['backups.json', 'check.txt', 'logs/', 'logs/desk-erp.log', 'settings.json', 'tables.json', 'versions.json']);
      const versions = JSON.parse(await zip.file('versions.json')!.async('string'));
      expect(versions).toMatchObject({ app: '0.1.0', node: process.versions.node, sqlite: expect.stringMatching(/^3\./), applicationId: '0x44455250' });
      expect(await zip.file('check.txt')!.async('string')).toMatch(/^ok {3}database integrity/m);
      expect(await zip.file('logs/desk-erp.log')!.async('string')).toContain('disk on fire');
      const everything = (await Promise.all(Object.values(zip.files).map((f) => f.async('string')))).join('\n');
      expect(everything).not.toContain('scrypt$');
      expect(everything).not.toContain('owner-pass-123');
      expect(JSON.parse(await zip.file('tables.json')!.async('string'))).toMatchObject({ users: 1, company: 1 });
    } finally {
      api.close();
    }
  });
});
