import { describe, expect, it } from 'vitest';
import backupEn from '../../../src-renderer/features/backup/messages.en';
import backupZhCN from '../../../src-renderer/features/backup/messages.zh-CN';
import backupZhTW from '../../../src-renderer/features/backup/messages.zh-TW';
import catalogEn from '../../../src-renderer/features/catalog/messages.en';
import catalogZhCN from '../../../src-renderer/features/catalog/messages.zh-CN';
import catalogZhTW from '../../../src-renderer/features/catalog/messages.zh-TW';
import customersEn from '../../../src-renderer/features/customers/messages.en';
import customersZhCN from '../../../src-renderer/features/customers/messages.zh-CN';
import customersZhTW from '../../../src-renderer/features/customers/messages.zh-TW';
import importsEn from '../../../src-renderer/features/imports/messages.en';
import importsZhCN from '../../../src-renderer/features/imports/messages.zh-CN';
import importsZhTW from '../../../src-renderer/features/imports/messages.zh-TW';
import leadsEn from '../../../src-renderer/features/leads/messages.en';
import leadsZhCN from '../../../src-renderer/features/leads/messages.zh-CN';
import leadsZhTW from '../../../src-renderer/features/leads/messages.zh-TW';
import en from '../../../src-renderer/i18n/en';
import zhCN from '../../../src-renderer/i18n/zh-CN';
import zhTW from '../../../src-renderer/i18n/zh-TW';
import { AUDIT_EXPORT_WORDS } from '../audit/audit-export.messages';
import { SECURITY_EXPORT_WORDS } from '../audit/security-log.export';
import { BACKUP_EXPORT_WORDS } from '../backup/backup.export';
import { PRODUCT_EXPORT_WORDS } from '../catalog/catalog.export';
import { CUSTOMER_KINDS, CUSTOMER_SIZES, CUSTOMER_STATUSES, LIFECYCLE_STAGES } from '../customers/customers.dto';
import { CUSTOMER_EXPORT_WORDS } from '../customers/customers.export';
import { IMPORT_FIELDS } from '../imports/imports.contract';
import { CAMPAIGN_STATUSES, LEAD_STATUSES } from '../leads/leads.contract';
import { CAMPAIGN_EXPORT_WORDS, LEAD_EXPORT_WORDS } from '../leads/leads.export';

/** The renderer's catalogs per language, as i18next mounts them. */
const CATALOGS = {
  'zh-CN': { core: zhCN, customers: customersZhCN, imports: importsZhCN, leads: leadsZhCN, catalog: catalogZhCN, backup: backupZhCN },
  en: { core: en, customers: customersEn, imports: importsEn, leads: leadsEn, catalog: catalogEn, backup: backupEn },
  'zh-TW': { core: zhTW, customers: customersZhTW, imports: importsZhTW, leads: leadsZhTW, catalog: catalogZhTW, backup: backupZhTW },
};

const LANGUAGES = Object.keys(CATALOGS) as (keyof typeof CATALOGS)[];

function pick<T extends Record<string, string>>(source: T, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((key) => [key, source[key]!]));
}

describe.each(LANGUAGES)('export words in %s agree with the screens', (language) => {
  const catalog = CATALOGS[language];

  it('customers: the import template headers, list headers, and a label for every code', () => {
    const words = CUSTOMER_EXPORT_WORDS[language];
    expect(words.field).toEqual(pick(catalog.imports.field, IMPORT_FIELDS));
    expect(words.listField).toEqual(pick(catalog.customers.field, ['status', 'lifecycleStage', 'createdAt']));
    expect(words.file).toBe(catalog.customers.list.exportFile);
    expect(words.kind).toEqual(pick(catalog.customers.kind, CUSTOMER_KINDS));
    expect(words.size).toEqual(pick(catalog.customers.size, CUSTOMER_SIZES));
    expect(words.status).toEqual(pick(catalog.customers.status, CUSTOMER_STATUSES));
    expect(words.stage).toEqual(pick(catalog.customers.stage, LIFECYCLE_STAGES));
  });

  it('leads: headers and a label for every status', () => {
    const words = LEAD_EXPORT_WORDS[language];
    expect(words.field).toEqual(catalog.leads.field);
    expect(words.status).toEqual(pick(catalog.leads.status, LEAD_STATUSES));
    expect(words.file).toBe(catalog.leads.tabs.leads);
  });

  it('campaigns: headers and a label for every status', () => {
    const words = CAMPAIGN_EXPORT_WORDS[language];
    expect(words.campaign).toEqual(pick(catalog.leads.campaigns, Object.keys(words.campaign)));
    expect(words.campaignStatus).toEqual(pick(catalog.leads.campaignStatus, CAMPAIGN_STATUSES));
    expect(words.campaignFile).toBe(catalog.leads.tabs.campaigns);
  });

  it('products: headers, statuses and yes/no as the product screens word them', () => {
    const words = PRODUCT_EXPORT_WORDS[language];
    expect(words.field).toEqual(pick(catalog.catalog.field, Object.keys(words.field)));
    expect(words.status).toEqual(catalog.catalog.status);
    expect(words.yesNo).toEqual(catalog.catalog.yesNo);
    expect(words.file).toBe(catalog.catalog.list.exportFile);
  });

  it('activity log: headers, records, transports and field names (its actions are worded once, in AUDIT_EXPORT_WORDS)', () => {
    const words = AUDIT_EXPORT_WORDS[language];
    const audit = catalog.core.audit;
    expect(words.file).toBe(audit.title);
    expect(words.column).toEqual({ at: audit.at, user: audit.user, method: audit.method, entity: audit.entity, changes: audit.changes, transport: audit.transport });
    expect(words.transports).toEqual(audit.transports);
    expect(words.fields).toEqual(audit.fields);
    expect([words.yes, words.no]).toEqual([catalog.core.common.yes, catalog.core.common.no]);
  });

  it('security log: its tab’s name, headers, events and reasons', () => {
    const words = SECURITY_EXPORT_WORDS[language];
    const security = catalog.core.audit.security;
    expect(words.file).toBe(catalog.core.audit.tabs.security);
    expect(words.column).toEqual({ event: security.event, username: security.username, reason: security.reason });
    expect(words.events).toEqual(security.events);
    expect(words.reasons).toEqual(security.reasons);
  });

  it('backups: headers and how each backup was made, as the backup list shows them', () => {
    const words = BACKUP_EXPORT_WORDS[language];
    const list = catalog.backup.list;
    expect(words.column).toEqual({ at: list.at, kind: list.kind, name: list.name });
    expect(words.kinds).toEqual(list.kinds);
  });
});
