import { z } from 'zod';
import { method } from '../../api/method';

export interface CompanySettings {
  companyName: string;
  currency: string;
  timeZone: string;
  /** Customer fields an operator must fill in (data governance); mobile by default. */
  customerRequiredFields: string[];
  /** A signed-in session ends after this long without a call (sessions also end 24 hours after sign-in). */
  sessionIdleMinutes: number;
  /** A customer with no follow-up for this many days is on the workbench's 今日待跟进 list. */
  followUpDays: number;
  /** Set by `seed`: the book holds demo data, and every screen says so (演示数据). Not editable. */
  demoData: boolean;
  /** The letterhead of printed documents and invoices; '' when not filled in. */
  companyAddress: string;
  companyPhone: string;
  /** 纳税人识别号 (usually the 统一社会信用代码). */
  companyTaxId: string;
  /** 开户行 and 账号, for customers who pay by transfer. */
  companyBank: string;
  companyBankAccount: string;
}

/** The letterhead fields, each kept as its own setting. */
export const LETTERHEAD_FIELDS = ['companyAddress', 'companyPhone', 'companyTaxId', 'companyBank', 'companyBankAccount'] as const;
export type LetterheadField = (typeof LETTERHEAD_FIELDS)[number];

export const CUSTOMER_REQUIRABLE_FIELDS = ['mobile', 'email', 'industry', 'source', 'ownerUserId', 'address', 'creditCode'] as const;

export const settingsContract = {
  'settings.get': method<CompanySettings>()({ input: z.object({}).strict(), permission: 'signedIn', mutates: false }),
  'settings.update': method<CompanySettings>()({
    input: z
      .object({
        companyName: z.string().trim().min(1, 'Company name is required').max(100),
        currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as CNY'),
        timeZone: z.string().min(1).max(64),
        customerRequiredFields: z.array(z.enum(CUSTOMER_REQUIRABLE_FIELDS)).max(CUSTOMER_REQUIRABLE_FIELDS.length),
        sessionIdleMinutes: z.number().int().min(5).max(24 * 60),
        followUpDays: z.number().int().min(1).max(365),
        companyAddress: z.string().trim().max(200),
        companyPhone: z.string().trim().max(50),
        companyTaxId: z.string().trim().max(30),
        companyBank: z.string().trim().max(100),
        companyBankAccount: z.string().trim().max(40),
      })
      .partial()
      .strict(),
    permission: 'settings.manage',
    mutates: true,
  }),
};
