/**
 * The 催收 card on the workbench: reminders due in the caller's own queue, and for whoever sees
 * everyone's customers the whole queue too. Each count is the total of the queue its link opens.
 */
import { sql } from 'kysely';
import type { WorkbenchCardSource } from '../area';
import type { WorkbenchFigure } from '../workbench/workbench.contract';

const dueReminders: WorkbenchCardSource = {
  key: 'dunning',
  permission: 'dunning.read',
  async load(ctx, scope) {
    const { rows } = await sql<{ mine_count: number; mine_amount: number; all_count: number; all_amount: number }>`
      SELECT count(CASE WHEN owner_user_id = ${scope.userId} THEN 1 END) AS mine_count,
             coalesce(sum(CASE WHEN owner_user_id = ${scope.userId} THEN amount END), 0) AS mine_amount,
             count(*) AS all_count, coalesce(sum(amount), 0) AS all_amount
        FROM dunning_reminders WHERE status = 'due'`.execute(ctx.db);
    const row = rows[0]!;
    const figures: WorkbenchFigure[] = [
      { key: 'remindersMine', count: Number(row.mine_count), amount: Number(row.mine_amount), link: { path: '/dunning', method: 'dunning.queue', filters: { scope: 'mine', status: 'due' } } },
    ];
    if (scope.ownerUserId === undefined) {
      figures.push({ key: 'remindersAll', count: Number(row.all_count), amount: Number(row.all_amount), link: { path: '/dunning', method: 'dunning.queue', filters: { scope: 'all', status: 'due' } } });
    }
    return { key: 'dunning', figures };
  },
};

export const DUNNING_WORKBENCH_CARDS: WorkbenchCardSource[] = [dueReminders];
