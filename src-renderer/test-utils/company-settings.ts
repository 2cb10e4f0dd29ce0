import type { CompanySettings } from '../../src-main/domain/settings/settings.contract';

/** A small company's settings as `settings.get` answers them: a mobile required on customers, no demo data, no letterhead. */
export function aCompanySettings(overrides: Partial<CompanySettings> = {}): CompanySettings {
  return {
    companyName: '金陵副食品商行',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    customerRequiredFields: ['mobile'],
    sessionIdleMinutes: 480,
    followUpDays: 14,
    demoData: false,
    companyAddress: '',
    companyPhone: '',
    companyTaxId: '',
    companyBank: '',
    companyBankAccount: '',
    ...overrides,
  };
}
