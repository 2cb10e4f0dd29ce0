import type { HandlersFor } from '../area';
import type { auditContract } from './audit.contract';
import { listAudit } from './audit.service';
import { listSecurityLog } from './security-log';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
  'audit.security': (input, ctx) => listSecurityLog(ctx.db, input),
};
