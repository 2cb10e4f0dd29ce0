import type { Handler } from '../../api/dispatch';
import type { auditContract } from './audit.contract';
import { listAudit } from './audit.service';

export const auditHandlers: { [M in keyof typeof auditContract]: Handler<M> } = {
  'audit.list': (input, ctx) => listAudit(ctx.db, input),
};
