import type { TFunction } from 'i18next';
import type { BackupOutcome } from '../../../src-main/domain/backup/backup.contract';
import { ApiCallError } from '../../api/client';
import { errorMessage, useApiQuery } from '../../api/hooks';
import { describeIssue } from '../../api/issues';
import { formatTimestamp } from '../../format';

export function useBackupStatus(enabled = true) {
  return useApiQuery('backup.status', {}, { enabled });
}

/** 1.2 MB: sizes of backups, in the units people read on their disks. */
export function formatBytes(t: TFunction, bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return t(`backup.units.${units[unit]}`, { value: unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0) });
}

/** 上次备份失败（2026/11/23 02:00）：备份文件夹不存在 */
export function describeFailure(t: TFunction, outcome: Extract<BackupOutcome, { ok: false }>): { at: string; reason: string } {
  return { at: formatTimestamp(outcome.at), reason: t(`backup.reasons.${outcome.reason}`) };
}

/** A refused backup or restore says why in its own words (文件夹不存在, 数据库正被另一个程序使用), not as a form error. */
export function backupProblem(error: unknown): string {
  const issue = error instanceof ApiCallError ? error.issues[0] : undefined;
  return issue ? describeIssue(issue) : errorMessage(error);
}
