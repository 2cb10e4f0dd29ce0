/**
 * Each reminder also stands on its owner's 待办 list, so it is seen beside their other follow-ups;
 * sending, skipping or phoning closes the task with the reminder (dunning.reminders' handleReminder).
 */
import { statement } from '../../db/statements';
import type { HandlerContext } from '../context';
import { formatFen } from '../core/money';
import { createTask } from '../tasks/tasks.service';

/** The task's sourceKind; its sourceId is the reminder's id. */
export const REMINDER_TASK_SOURCE = 'dunning_reminder';

/**
 * A task for every open reminder whose customer has an owner and that has none yet: the day's new
 * reminders, and those raised before reminders became tasks. A pool customer's reminder waits in the
 * whole queue for whoever manages collections instead.
 */
export function raiseReminderTasks(ctx: Pick<HandlerContext, 'sqlite' | 'user' | 'audit'>): number {
  const untasked = statement(
    ctx.sqlite,
    `SELECT r.id, r.customer_id, r.owner_user_id, r.business_date, r.amount, c.name AS customer_name, l.days_after_due
       FROM dunning_reminders r JOIN customers c ON c.id = r.customer_id JOIN dunning_levels l ON l.id = r.level_id
       JOIN users u ON u.id = r.owner_user_id AND u.active = 1
      WHERE r.status = 'due'
        AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.source_kind = '${REMINDER_TASK_SOURCE}' AND t.source_id = r.id)
      ORDER BY r.business_date, r.id`,
  ).all() as { id: string; customer_id: string; owner_user_id: string; business_date: string; amount: number; customer_name: string; days_after_due: number }[];
  for (const reminder of untasked) {
    const when = reminder.days_after_due < 0 ? `${-reminder.days_after_due} 天后到期` : `逾期 ${reminder.days_after_due} 天`;
    createTask(ctx, {
      customerId: reminder.customer_id,
      assigneeId: reminder.owner_user_id,
      title: `催收 ${reminder.customer_name}：${formatFen(reminder.amount, 'CNY')}（${when}）`.slice(0, 200),
      dueDate: reminder.business_date,
      sourceKind: REMINDER_TASK_SOURCE,
      sourceId: reminder.id,
    });
  }
  return untasked.length;
}
