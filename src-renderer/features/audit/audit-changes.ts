import type { TFunction } from 'i18next';
import { formatFen } from '../../../src-main/domain/core/money';
import { formatTimestamp } from '../../format';

/** Where each entity's field names are already translated; `audit.fields` covers the rest. */
const FIELD_CATALOGS: Record<string, string[]> = {
  customer: ['customers.field'],
  customerImport: [],
  customerContact: ['audit.contactFields', 'customers.field'],
  customerAddress: ['audit.addressFields', 'customers.field'],
  lead: ['leads.field'],
  leadInteraction: ['leads.field'],
  opportunity: ['audit.opportunityFields', 'leads.opportunity'],
  campaign: ['leads.campaigns'],
  user: ['users'],
  company: ['settings'],
  settings: ['settings'],
  product: ['catalog.field'],
  priceList: ['catalog.priceLists'],
  productCategory: ['catalog.categories'],
  salesOrder: ['audit.orderFields', 'sales.field'],
  quote: ['sales.field'],
  delivery: ['sales.field'],
  salesReturn: ['sales.field'],
  approvalRule: ['sales.rules'],
  statement: ['statements.field'],
  task: ['tasks.field'],
  dunning_level: ['dunning.settings'],
};

/** Fields whose values are codes with a label in the catalogs, per entity type ('*' for any). */
const VALUE_CATALOGS: Record<string, string> = {
  'customer.status': 'customers.status',
  'customer.kind': 'customers.kind',
  'customer.size': 'customers.size',
  '*.lifecycleStage': 'customers.stage',
  '*.lifecycleComputed': 'customers.stage',
  '*.lifecycleOverride': 'customers.stage',
  'customerAddress.kind': 'customers.addressKind',
  'interaction.kind': 'customers.interactionKind',
  'leadInteraction.kind': 'customers.interactionKind',
  'lead.status': 'leads.status',
  'opportunity.stage': 'leads.stage',
  'campaign.status': 'leads.campaignStatus',
  '*.role': 'roles',
  '*.currency': 'currencies',
};

/** Amounts are stored in fen; the log shows them as money (¥1,234.00). */
const MONEY_FIELDS = new Set(['creditLimit', 'cost', 'expectedAmount', 'amount', 'balanceDue']);
/** Record ids mean nothing to a reader; the entity column already says what was touched. */
const HIDDEN_FIELDS = new Set(['id', 'version']);
const ID_LIKE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A UTC timestamp as the server stores it (2026-11-28T01:54:00.000Z), shown on the company's clock. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function fieldLabel(t: TFunction, entityType: string, field: string): string {
  for (const prefix of [...(FIELD_CATALOGS[entityType] ?? []), 'audit.fields']) {
    // returnObjects: a field named like a catalog group (`settings.fields`) must not print i18next's warning text.
    const label: unknown = t(`${prefix}.${field}`, { defaultValue: '', returnObjects: true });
    if (typeof label === 'string' && label !== '') return label;
  }
  // A field of one item of a group (a price list's `prices.<product id>`) is named by its group.
  const group = field.split('.')[0]!;
  return group !== field ? fieldLabel(t, entityType, group) : field;
}

export function isShownField(field: string): boolean {
  return !HIDDEN_FIELDS.has(field);
}

export function isEmptyValue(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

interface ValueContext {
  t: TFunction;
  entityType: string;
  field: string;
  /** Display names of the company's users, for owner and user ids. */
  userName: (id: string) => string | undefined;
}

export function formatValue(value: unknown, ctx: ValueContext): string {
  const { t, entityType, field } = ctx;
  if (isEmptyValue(value)) return '—';
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number' && MONEY_FIELDS.has(field)) return formatFen(value);
  if (typeof value === 'number' && field === 'probability') return `${value}%`;
  if (typeof value === 'string') {
    const catalog = VALUE_CATALOGS[`${entityType}.${field}`] ?? VALUE_CATALOGS[`*.${field}`];
    if (catalog) {
      const label: unknown = t(`${catalog}.${value}`, { defaultValue: '', returnObjects: true });
      if (typeof label === 'string' && label !== '') return label;
    }
    if (ID_LIKE.test(value)) return ctx.userName(value) ?? `#${value.slice(0, 8)}`;
    if (TIMESTAMP.test(value)) return formatTimestamp(value);
    return value;
  }
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string' && ID_LIKE.test(v))) return t('audit.records', { count: value.length });
    return value.map((v) => formatValue(v, ctx)).join('、');
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => !isEmptyValue(v))
      .map(([k, v]) => `${fieldLabel(t, entityType, k)}: ${formatValue(v, { ...ctx, field: k })}`)
      .join('；');
  }
  return String(value);
}
