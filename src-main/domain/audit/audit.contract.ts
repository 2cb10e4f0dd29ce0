import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  username: string;
  method: string;
  entityType: string | null;
  entityId: string | null;
  changes: { entityType: string; entityId: string; fields: Record<string, { before: unknown; after: unknown }> }[];
  transport: string;
}

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date as YYYY-MM-DD');

export const auditContract = {
  'audit.list': method<Page<AuditEntry>>()({
    input: z
      .object({
        username: z.string().max(64).optional(),
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
};
