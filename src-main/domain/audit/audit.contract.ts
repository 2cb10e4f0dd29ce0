import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { isoDate } from '../customers/customers.rules';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string;
  /** The operator's display name; null when the user no longer exists. */
  userName: string | null;
  method: string;
  entityType: string | null;
  entityId: string | null;
  changes: { entityType: string; entityId: string; fields: Record<string, { before: unknown; after: unknown }> }[];
  /** How many records the call changed: more than `changes` holds when the screen got only the first of them. */
  changeCount: number;
  transport: string;
}

/** A failed sign-in or a lockout (the security log). */
export interface SecurityEntry {
  id: string;
  at: string;
  event: 'sign_in_failed' | 'locked_out';
  username: string;
  userId: string | null;
  reason: 'unknown_user' | 'wrong_password' | 'account_disabled' | 'locked' | null;
  transport: string;
}


export const auditContract = {
  'audit.list': method<Page<AuditEntry>>()({
    input: z
      .object({
        username: z.string().max(64).optional(),
        /** The operator, as the user filter picks them by name. */
        userId: z.string().uuid('Not a valid id').optional(),
        method: z.string().max(64).optional(),
        entityType: z.string().max(64).optional(),
        entityId: z.string().max(64).optional(),
        /** Leaves out sign-ins and language switches, which bury the changes an owner looks for. */
        changesOnly: z.boolean().default(false),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pageFields,
      })
      .strict(),
    permission: 'audit.read',
    mutates: false,
  }),
  'audit.security': method<Page<SecurityEntry>>()({
    input: z
      .object({
        event: z.enum(['sign_in_failed', 'locked_out']).optional(),
        username: z.string().max(64).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        ...pageFields,
      })
      .strict(),
    permission: 'audit.security',
    mutates: false,
  }),
};
