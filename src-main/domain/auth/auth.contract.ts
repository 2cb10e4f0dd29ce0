import { z } from 'zod';
import { issue } from '../../api/issues';
import { method } from '../../api/method';
import type { SessionUser } from '../../api/session';

export const username = z
  .string()
  .trim()
  .min(2, 'At least 2 characters')
  .max(32, 'At most 32 characters')
  .refine((name) => /^[A-Za-z0-9_.\-\u4e00-\u9fff]+$/.test(name), issue('invalid_username'));

export const password = z.string().min(8, 'At least 8 characters').max(128, 'At most 128 characters');

export const LOCALES = ['zh-CN', 'en', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

export interface AuthStatus {
  setupRequired: boolean;
  companyName: string | null;
  user: SessionUser | null;
  /** The signed-in user's permissions; the UI hides what they could not use (the backend still checks). */
  permissions: string[];
}

export const authContract = {
  'auth.status': method<AuthStatus>()({ input: z.object({}).strict(), permission: 'public', mutates: false, runsOn: 'writer' }),
  'auth.setup': method<SessionUser>()({
    input: z
      .object({
        companyName: z.string().trim().min(1, 'Company name is required').max(100),
        currency: z.string().regex(/^[A-Z]{3}$/, 'A three-letter currency code such as CNY').default('CNY'),
        timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
        ownerUsername: username,
        ownerDisplayName: z.string().trim().min(1, 'Name is required').max(50),
        password,
        locale: z.enum(LOCALES).default('zh-CN'),
      })
      .strict(),
    permission: 'public',
    mutates: true,
    changes: ['auth', 'settings', 'users'],
  }),
  'auth.login': method<SessionUser>()({
    input: z.object({ username: z.string().min(1, 'Username is required').max(64), password: z.string().min(1, 'Password is required').max(128) }).strict(),
    permission: 'public',
    mutates: true,
  }),
  'auth.logout': method<null>()({ input: z.object({}).strict(), permission: 'signedIn', mutates: false, runsOn: 'writer' }),
  'auth.changePassword': method<null>()({
    input: z.object({ currentPassword: z.string().min(1, 'Current password is required').max(128), newPassword: password }).strict(),
    permission: 'signedIn',
    mutates: true,
  }),
  'auth.setLocale': method<null>()({
    input: z.object({ locale: z.enum(LOCALES) }).strict(),
    permission: 'signedIn',
    mutates: true,
  }),
};
