/**
 * The security log as a file (安全日志): when, what happened, the username typed and why, worded as
 * the log's tab words them (exports.labels.test.ts checks that they agree); time and source as the
 * activity log's export words them. Runtime-neutral.
 */
import type { Locale } from '../auth/auth.contract';
import { codeLabels, columnsWorded, localised, type ExportTable } from '../exports/exports.table';
import type { SecurityEntry } from './audit.contract';
import { AUDIT_EXPORT_WORDS } from './audit-export.messages';

export const SECURITY_EXPORT_WORDS = {
  'zh-CN': {
    file: '安全日志',
    column: { event: '事件', username: '输入的登录名', reason: '原因' },
    events: { sign_in_failed: '登录失败', locked_out: '登录名已锁定' },
    reasons: { unknown_user: '没有这个登录名', wrong_password: '密码错误', account_disabled: '账号已停用', locked: '锁定期间又尝试登录' },
  },
  en: {
    file: 'Security log',
    column: { event: 'Event', username: 'Username typed', reason: 'Reason' },
    events: { sign_in_failed: 'Sign-in failed', locked_out: 'Username locked' },
    reasons: { unknown_user: 'No such username', wrong_password: 'Wrong password', account_disabled: 'Account disabled', locked: 'Tried again while locked' },
  },
  'zh-TW': {
    file: '安全日誌',
    column: { event: '事件', username: '輸入的登入名', reason: '原因' },
    events: { sign_in_failed: '登入失敗', locked_out: '登入名已鎖定' },
    reasons: { unknown_user: '沒有這個登入名', wrong_password: '密碼錯誤', account_disabled: '帳號已停用', locked: '鎖定期間又嘗試登入' },
  },
} satisfies Record<Locale, { file: string; column: Record<string, string>; events: Record<SecurityEntry['event'], string>; reasons: Record<NonNullable<SecurityEntry['reason']>, string> }>;

type Words = (typeof SECURITY_EXPORT_WORDS)['zh-CN'];
const column = columnsWorded<Words, SecurityEntry>(SECURITY_EXPORT_WORDS);

export const securityLogExportTable: ExportTable<SecurityEntry> = {
  name: { machine: 'security-log', ...localised(SECURITY_EXPORT_WORDS, (w) => w.file) },
  columns: [
    { key: 'at', header: localised(AUDIT_EXPORT_WORDS, (w) => w.column.at), format: 'datetime', value: (e) => e.at },
    column('event', (w) => w.column.event, codeLabels(SECURITY_EXPORT_WORDS, (w) => w.events), (e) => e.event),
    column('username', (w) => w.column.username, 'text', (e) => e.username),
    column('reason', (w) => w.column.reason, codeLabels(SECURITY_EXPORT_WORDS, (w) => w.reasons), (e) => e.reason),
    { key: 'transport', header: localised(AUDIT_EXPORT_WORDS, (w) => w.column.transport), format: codeLabels(AUDIT_EXPORT_WORDS, (w) => w.transports), value: (e) => e.transport },
  ],
};
