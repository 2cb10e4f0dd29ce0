import { AppError } from '../../api/errors';
import type { WorkbenchScope } from '../area';
import type { HandlerContext } from '../context';
import { businessDateIn } from '../core/dates';
import { getSettings } from '../settings/settings.service';
import type { Workbench, WorkbenchCard } from './workbench.contract';

/** Sales people work their own book; the owner and managers see the whole company's. */
const OWN_BOOK_ROLES = new Set(['sales']);

export async function workbenchOf(ctx: HandlerContext, now: Date = new Date()): Promise<Workbench> {
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'Sign in to see the workbench');
  const settings = await getSettings(ctx.db);
  const ownOnly = OWN_BOOK_ROLES.has(ctx.user.role);
  const scope: WorkbenchScope = { ownerUserId: ownOnly ? ctx.user.id : undefined, userId: ctx.user.id, today: businessDateIn(settings.timeZone, now), timeZone: settings.timeZone };
  const cards: WorkbenchCard[] = [];
  for (const source of ctx.areas.workbenchCards) {
    if (source.team && ownOnly) continue;
    if (source.permission !== 'signedIn' && !ctx.can(source.permission)) continue;
    const card = await source.load(ctx, scope);
    if (card) cards.push(card);
  }
  return { today: scope.today, ownOnly, followUpDays: settings.followUpDays, cards };
}
