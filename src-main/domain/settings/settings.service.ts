import type { Kysely } from 'kysely';
import { changedFields, type HandlerContext } from '../context';
import { AppError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import { DEFAULT_SESSION_IDLE_MINUTES, SESSION_IDLE_SETTING } from '../../api/session';
import type { Database } from '../../db/schema';
import { LETTERHEAD_FIELDS, type CompanySettings, type LetterheadField } from './settings.contract';
import * as repo from './settings.repository';

const DEFAULT_REQUIRED_CUSTOMER_FIELDS = ['mobile'];
/** Written by the demo seeder only. */
export const DEMO_DATA_SETTING = 'company.demoData';
const FOLLOW_UP_DAYS_SETTING = 'customers.followUpDays';
const DEFAULT_FOLLOW_UP_DAYS = 14;

export async function getSettings(db: Kysely<Database>): Promise<CompanySettings> {
  const company = await repo.getCompany(db);
  if (!company) throw new AppError('NOT_FOUND', 'The company has not been set up yet');
  return {
    companyName: company.name,
    currency: company.currency,
    timeZone: company.time_zone,
    customerRequiredFields: await repo.readSetting(db, 'customers.requiredFields', DEFAULT_REQUIRED_CUSTOMER_FIELDS),
    sessionIdleMinutes: await repo.readSetting(db, SESSION_IDLE_SETTING, DEFAULT_SESSION_IDLE_MINUTES),
    followUpDays: await repo.readSetting(db, FOLLOW_UP_DAYS_SETTING, DEFAULT_FOLLOW_UP_DAYS),
    demoData: await repo.readSetting(db, DEMO_DATA_SETTING, false),
    ...(await readLetterhead(db)),
  };
}

/** The zone business dates are kept in (a read of its own: screens need only this). */
export async function companyTimeZone(db: Kysely<Database>): Promise<string> {
  const company = await repo.getCompany(db);
  if (!company) throw new AppError('NOT_FOUND', 'The company has not been set up yet');
  return company.time_zone;
}


async function readLetterhead(db: Kysely<Database>): Promise<Record<LetterheadField, string>> {
  const saved = await repo.readSettings(db, Object.values(LETTERHEAD_KEYS));
  return Object.fromEntries(LETTERHEAD_FIELDS.map((field) => [field, (saved.get(LETTERHEAD_KEYS[field]) as string | undefined) ?? ''])) as Record<LetterheadField, string>;
}

/** Where each letterhead field is kept in the settings table. */
const LETTERHEAD_KEYS: Record<LetterheadField, string> = {
  companyAddress: 'company.address',
  companyPhone: 'company.phone',
  companyTaxId: 'company.taxId',
  companyBank: 'company.bank',
  companyBankAccount: 'company.bankAccount',
};

/** The letterhead lines given (the rest left as they are). */
export async function saveLetterhead(db: Kysely<Database>, letterhead: Partial<Record<LetterheadField, string>>): Promise<void> {
  for (const field of LETTERHEAD_FIELDS) if (letterhead[field] !== undefined) await repo.writeSetting(db, LETTERHEAD_KEYS[field], letterhead[field]);
}

export async function updateSettings(ctx: HandlerContext, patch: Partial<CompanySettings>): Promise<CompanySettings> {
  const before = await getSettings(ctx.db);
  if (patch.timeZone !== undefined && !isKnownTimeZone(patch.timeZone)) {
    throw new AppError('VALIDATION', `Unknown time zone ${patch.timeZone}`, [fieldIssue('timeZone', 'invalid_time_zone')]);
  }
  const company = {
    ...(patch.companyName !== undefined ? { name: patch.companyName } : {}),
    ...(patch.currency !== undefined ? { currency: patch.currency } : {}),
    ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
  };
  if (Object.keys(company).length > 0) await repo.updateCompany(ctx.db, company);
  if (patch.customerRequiredFields) await repo.writeSetting(ctx.db, 'customers.requiredFields', patch.customerRequiredFields);
  if (patch.sessionIdleMinutes !== undefined) await repo.writeSetting(ctx.db, SESSION_IDLE_SETTING, patch.sessionIdleMinutes);
  if (patch.followUpDays !== undefined) await repo.writeSetting(ctx.db, FOLLOW_UP_DAYS_SETTING, patch.followUpDays);
  await saveLetterhead(ctx.db, patch);
  const after = await getSettings(ctx.db);
  ctx.audit({ entityType: 'settings', entityId: 'company', fields: changedFields(before as never, after as never) });
  return after;
}

export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
