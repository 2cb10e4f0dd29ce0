import { describe, expect, it, vi } from 'vitest';

// i18next's instance needs the catalogs only; the browser-only bits (localStorage) are stubbed.
vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined });
vi.stubGlobal('document', { documentElement: { lang: '' } });
const { default: i18n } = await import('../../i18n');
const { setDisplayTimeZone } = await import('../../format');
const { fieldLabel, formatValue } = await import('./audit-changes');

describe('changes in the activity log', () => {
  it('shows a changed timestamp on the company’s clock, not as the stored UTC text', async () => {
    await i18n.changeLanguage('zh-CN');
    setDisplayTimeZone('Asia/Shanghai');
    const ctx = { t: i18n.t, entityType: 'customerInteraction', field: 'occurredAt', userName: () => undefined };
    expect(formatValue('2026-11-28T16:30:00.000Z', ctx)).toBe('2026-11-29 00:30');
    expect(formatValue('2026-11-28', { ...ctx, field: 'asOf' })).toBe('2026-11-28');
  });

  it('names the daily dunning run’s figures in Chinese', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(['reminders', 'held', 'released'].map((field) => fieldLabel(i18n.t, 'dunning_run', field))).toEqual(['催收提醒', '冻结信用', '解除冻结']);
  });
});

/**
 * Every field an activity-log row can carry, by entity type: the keys of the `fields` of the ctx.audit
 * calls in src-main/domain (inline, or the records their changedFields compare). A new audited field
 * goes here with its label; the list of a screen must never show a bare key such as `assigneeId`.
 */
const AUDITED_FIELDS: Record<string, string[]> = {
  company: ['name', 'currency', 'owner'],
  settings: [
    'companyName', 'currency', 'timeZone', 'customerRequiredFields', 'sessionIdleMinutes', 'followUpDays', 'demoData',
    'companyAddress', 'companyPhone', 'companyTaxId', 'companyBank', 'companyBankAccount',
    'backupFolder', 'autoDailyBackup', 'requirePicking', 'overdueDaysAllowed', 'allowNegative', 'scope', 'holdAfterDays', 'smtp',
  ],
  user: ['username', 'displayName', 'role', 'active', 'managerUserId', 'password', 'ownerReassigned'],
  customer: [
    'ownerUserId', 'tags', 'pool', 'returnedToPool', 'sharedWith', 'status', 'lifecycleOverride', 'lifecycleStage', 'lifecycleRecompute',
    'mergedFrom', 'moved', 'mergedIntoId', 'leadId',
  ],
  customerContact: ['name', 'title', 'mobile', 'phone', 'email', 'wechat', 'isPrimary'],
  customerAddress: ['kind', 'detail', 'postcode', 'recipient', 'recipientPhone', 'isDefault'],
  customFieldDef: ['key', 'label', 'type', 'options', 'sortOrder', 'active'],
  customerImport: ['status', 'removed', 'restored', 'kept', 'fileName', 'strict', 'rows', 'imported', 'updated', 'skipped', 'errors'],
  productImport: ['status', 'removed', 'restored', 'kept', 'fileName', 'rows', 'imported', 'updated', 'skipped', 'errors'],
  interaction: ['customerId', 'kind', 'subject', 'nextContactOn'],
  tag: ['name', 'color'],
  savedView: ['name', 'query', 'deleted'],
  lead: ['code', 'name', 'company', 'title', 'mobile', 'email', 'source', 'status', 'ownerUserId', 'campaignId', 'customerId', 'lostReason', 'convertedAt', 'notes'],
  leadInteraction: ['leadId', 'kind', 'subject'],
  opportunity: ['title', 'stage', 'customerId', 'leadId', 'ownerUserId', 'expectedAmount', 'expectedCloseDate', 'probability', 'lostReason', 'closedAt', 'notes'],
  campaign: ['name', 'channel', 'startDate', 'endDate', 'cost', 'notes', 'status'],
  product: [
    'code', 'name', 'spec', 'category', 'categoryId', 'unit', 'secondUnit', 'secondUnitFactor', 'barcode', 'vatRate', 'listPrice', 'standardCost',
    'reorderIntervalDays', 'preferredSupplierId', 'status', 'notes', 'substitutes', 'isStocked', 'isService', 'isSparePart', 'isConsumable', 'isSerialTracked',
  ],
  productCategory: ['name', 'parentId', 'sortOrder', 'deleted'],
  priceList: ['code', 'name', 'kind', 'tier', 'customerId', 'currency', 'taxInclusive', 'validFrom', 'validTo', 'status', 'notes', 'prices'],
  salesOrder: [
    'customerId', 'status', 'orderDate', 'promisedDate', 'warehouseId', 'taxInclusive', 'totalGross', 'ownerUserId', 'notes', 'lines',
    'orderNo', 'decidedByRule', 'reserved', 'approval', 'reason', 'released',
  ],
  approvalRule: ['name', 'sortOrder', 'condition', 'params', 'action', 'active'],
  quote: ['customerId', 'status', 'validUntil', 'totalGross', 'lines', 'salesOrderId', 'expired', 'asOf'],
  delivery: ['deliveryNo', 'orderNo', 'lines', 'picked', 'status', 'costOfGoods', 'orderStatus'],
  salesReturn: ['returnNo', 'orderNo', 'reason', 'lines', 'totalGross'],
  invoice: ['invoiceNo', 'totalGross', 'customerId', 'taxInvoiceNo', 'taxInvoiceDate', 'status', 'reversedOn'],
  credit_note: ['invoiceNo', 'totalGross', 'customerId', 'taxInvoiceNo', 'taxInvoiceDate'],
  receipt: ['receiptNo', 'amount', 'status', 'reversedOn'],
  receivable_allocation: ['amount', 'invoiceId', 'reversedBy'],
  receivable_write_off: ['amount', 'invoiceId', 'reversedBy'],
  receivable_refund: ['amount', 'invoiceId', 'reversedBy'],
  statement: ['number', 'status', 'sentOn', 'respondedOn', 'customerNote', 'closingBalance', 'customerId', 'periodFrom', 'periodTo'],
  task: ['title', 'assigneeId', 'doneAt'],
  customer_credit_hold: ['onHold', 'cause', 'reason'],
  dunning_reminder: ['email', 'error', 'status', 'note'],
  dunning_level: ['daysAfterDue', 'subjectZh', 'bodyZh', 'subjectEn', 'bodyEn', 'active'],
  dunning_run: ['reminders', 'held', 'released'],
  purchaseOrder: ['created', 'status', 'received'],
  stockAdjustment: ['posted'],
  stockTransfer: ['posted'],
  stockCount: ['opened', 'counted', 'status', 'adjusted'],
  replenishmentRule: ['rules'],
  period_lock: ['closedThrough'],
  voucher_export: ['format', 'vouchers'],
  account: ['name', 'parentCode'],
  account_mapping: ['accountCode'],
};

describe('field names in the activity log', () => {
  it.each(['zh-CN', 'en', 'zh-TW'])('labels every audited field in %s, never the bare key', async (language) => {
    await i18n.changeLanguage(language);
    const bare = Object.entries(AUDITED_FIELDS).flatMap(([entity, fields]) => fields.filter((field) => fieldLabel(i18n.t, entity, field) === field).map((field) => `${entity}.${field}`));
    expect(bare).toEqual([]);
  });

  it('labels a task’s assignee (负责人), not assigneeId, and a price list’s price of one product as 价格', async () => {
    await i18n.changeLanguage('zh-CN');
    expect(fieldLabel(i18n.t, 'task', 'assigneeId')).toBe('负责人');
    expect(fieldLabel(i18n.t, 'priceList', 'prices.0b6c1f2e-1111-4222-8333-944455556666')).toBe('价格');
    expect(fieldLabel(i18n.t, 'salesOrder', 'released')).toBe('释放预留');
    expect(fieldLabel(i18n.t, 'dunning_run', 'released')).toBe('解除冻结');
  });
});
