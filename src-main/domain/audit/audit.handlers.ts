import type { HandlersFor } from '../area';
import type { auditContract } from './audit.contract';
import { listAudit } from './audit.service';

export const auditHandlers: HandlersFor<typeof auditContract> = {
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
};
