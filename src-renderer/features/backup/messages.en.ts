import type { Strings } from '../../i18n/catalog';
import type { Messages } from './messages.zh-CN';

const messages: Strings<Messages> = {
  title: 'Backup and restore',
  intro: 'All your data lives in one database file on this computer. Back it up regularly to another disk or an external drive, so a broken computer or a deleted record is never the end of it.',
  databaseFile: 'Database file: {{file}}',
  folder: {
    title: 'Backup settings',
    label: 'Backup folder',
    help: 'A full path. Leave it empty for the default: {{folder}}. A folder on another disk or an external drive is best.',
    missing: 'This folder does not exist now; backups will fail.',
    auto: 'Automatic backup',
    autoHelp: 'Once a day while Desk ERP is open (when it starts, or after midnight if it stays open). One backup a day is kept for the last 7 days, one a week for 4 weeks and one a month for 12 months; older automatic backups are deleted. Manual backups are never deleted.',
    save: 'Save settings',
    saved: 'Backup settings saved',
  },
  now: {
    button: 'Back up now',
    running: 'Backing up… {{percent}}%',
    done: 'Backed up: {{name}}',
    failed: 'The backup failed: {{reason}}',
    last: 'Last backup: {{at}} ({{size}})',
    lastFailed: 'The last backup failed ({{at}}): {{reason}}',
    never: 'No backup has been made yet.',
  },
  list: {
    total: '{{count}} backups',
    total_one: '{{count}} backup',
    totalAtLeast: '{{total}}+ backups',
    title: 'Backups',
    name: 'File name',
    at: 'Made at',
    size: 'Size',
    kind: 'How',
    kinds: { auto: 'Automatic', manual: 'Manual', other: 'Other' },
    restore: 'Restore from this backup',
    emptyTitle: 'No backups yet',
    emptyText: 'Click "Back up now" for the first one; after that a backup is made every day.',
  },
  restore: {
    title: 'Restore from a backup',
    warning: 'Restoring replaces all your data with this backup from {{at}}: everything entered or changed since then will be gone.',
    kept: 'Your current data is not deleted: a copy is kept beside the database file, and you can restore it again if needed.',
    signOut: 'Everyone else who is signed in will be signed out and must sign in again.',
    confirmLabel: 'I understand; replace the current data with this backup',
    confirm: 'Restore',
    done: 'Restored from {{name}}. The previous data was kept as {{previous}}.',
  },
  reasons: {
    folder_missing: 'the backup folder does not exist (is the external drive unplugged?)',
    disk_full: 'the disk is full',
    not_writable: 'Desk ERP may not write to the backup folder',
    failed: 'an error occurred; the details are in the log',
  },
  diagnostics: {
    title: 'Diagnostics',
    text: 'When you need help with a problem, export the diagnostics and send them to support. They hold the logs, versions, settings (no passwords) and the data checks, and no customer data.',
    button: 'Export diagnostics',
    done: 'Exported {{name}}',
  },
  failedCard: {
    title: 'Backup failed',
    text: 'The backup of {{at}} did not succeed: {{reason}}. Until this is fixed, your data has no new backup.',
    action: 'Go to backup and restore',
  },
  units: { B: '{{value}} B', KB: '{{value}} KB', MB: '{{value}} MB', GB: '{{value}} GB' },
};

export default messages;
