import { AppError, notFound, validationError } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { HandlerContext } from '../context';
import { reassignCustomers } from '../customers/customers.service';
import { nowIso } from '../shared/ids';
import type { OwnerReassignment } from './leads.contract';

/**
 * A salesperson who leaves hands over everything still open in one step: their open leads and
 * opportunities and their active customers go to an active colleague. Converted and lost leads,
 * closed deals and archived customers keep the owner they had, as history.
 */
export async function reassignOwner(ctx: HandlerContext, input: { fromUserId: string; toUserId: string }): Promise<OwnerReassignment> {
  if (ctx.user && !ctx.can('customers.write')) throw new AppError('FORBIDDEN', `Your role (${ctx.user.role}) may not change customers, so it cannot hand them over.`);
  if (input.fromUserId === input.toUserId) throw validationError([fieldIssue('toUserId', 'not_allowed', { reason: 'same_owner' })]);
  const users = ctx.sqlite.prepare('SELECT id, active FROM users WHERE id IN (?, ?)').all(input.fromUserId, input.toUserId) as { id: string; active: number }[];
  if (!users.some((u) => u.id === input.fromUserId)) throw notFound('User', input.fromUserId);
  if (!users.some((u) => u.id === input.toUserId && u.active === 1)) throw validationError([fieldIssue('toUserId', 'not_found', { entity: 'user' })]);

  const now = nowIso();
  const leads = ctx.sqlite
    .prepare(`UPDATE leads SET owner_user_id = ?, updated_at = ? WHERE owner_user_id = ? AND status NOT IN ('converted', 'lost')`)
    .run(input.toUserId, now, input.fromUserId).changes;
  const opportunities = ctx.sqlite
    .prepare(`UPDATE opportunities SET owner_user_id = ?, updated_at = ? WHERE owner_user_id = ? AND stage NOT IN ('won', 'lost')`)
    .run(input.toUserId, now, input.fromUserId).changes;
  const customers = await reassignCustomers(ctx, input.fromUserId, input.toUserId);
  const result = { leads, opportunities, customers };
  ctx.audit({ entityType: 'user', entityId: input.fromUserId, fields: { ownerReassigned: { before: null, after: { toUserId: input.toUserId, ...result } } } });
  return result;
}
