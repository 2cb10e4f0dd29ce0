/**
 * 导出诊断信息: what someone helping the owner needs to see, and nothing they must not: the log
 * files (which never hold input, passwords or customer data), versions, settings without secrets,
 * row counts, the backups and the invariant checks, in one zip.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { applicationIdOf } from '../../db/connection';
import { appliedVersions, migrationsDir } from '../../db/migrate';
import { logFiles } from '../../backend/log';
import type { BackendMaintenance } from '../area';
import type { HandlerContext } from '../context';
import type { DiagnosticsBundle } from './backup.contract';
import { backupFolderOf, listBackupFiles } from './backup.folder';
import { backupStatus } from './backup.service';

const SECRET_KEY = /password|secret|token|credential|key$/i;

export async function exportDiagnostics(ctx: HandlerContext, dbFile: string, maintenance: BackendMaintenance): Promise<DiagnosticsBundle> {
  const zip = new JSZip();
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  zip.file('versions.json', json(versions(ctx, dbFile)));
  zip.file('settings.json', json(await settingsWithoutSecrets(ctx)));
  zip.file('tables.json', json(rowCounts(ctx)));
  const checks = maintenance.checkInvariants();
  zip.file('check.txt', checks.map((r) => `${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.differences.map((d) => `\n     ${d}`).join('')}`).join('\n') + '\n');
  zip.file('backups.json', json({ ...(await backupStatus(ctx, dbFile)), files: listBackupFiles((await backupFolderOf(ctx.db, dbFile)).folder) }));
  for (const file of maintenance.logFile ? logFiles(maintenance.logFile) : []) zip.file(`logs/${path.basename(file)}`, fs.readFileSync(file));
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
  return { fileName: `desk-erp-diagnostics-${stamp}.zip`, content, bytes: content.length };
}

function versions(ctx: HandlerContext, dbFile: string) {
  const migrations = appliedVersions(ctx.sqlite);
  return {
    app: appVersion(),
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    sqlite: ctx.sqlite.prepare('SELECT sqlite_version()').pluck().get(),
    schema: migrations.at(-1)?.version ?? 0,
    migrations: migrations.map((m) => `${m.version}_${m.name}`),
    applicationId: `0x${applicationIdOf(ctx.sqlite).toString(16)}`,
    platform: `${process.platform} ${process.arch}`,
    databaseBytes: dbFile === ':memory:' ? null : fs.statSync(dbFile).size,
    madeAt: new Date().toISOString(),
  };
}

/** package.json sits beside migrations/ in the project and in the packaged app. */
function appVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(migrationsDir(), '..', 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function settingsWithoutSecrets(ctx: HandlerContext) {
  const company = await ctx.db.selectFrom('company').select(['currency', 'time_zone', 'created_at']).executeTakeFirst();
  const rows = await ctx.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
  const settings = Object.fromEntries(rows.filter((r) => !SECRET_KEY.test(r.key)).map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const users = await ctx.db.selectFrom('users').select(['role', 'active']).select((eb) => eb.fn.countAll<number>().as('count')).groupBy(['role', 'active']).execute();
  return { company: company ?? null, settings, users };
}

/** How much of everything there is: numbers only. */
function rowCounts(ctx: HandlerContext): Record<string, number> {
  const tables = ctx.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((name) => [name, ctx.sqlite.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number]));
}
