/**
 * Tasks (待办): created by hand or by another area through `createTask` / `createTaskForCustomerOwner`,
 * listed for their assignee, completed once. The public face other areas call.
 */
import { sql } from 'kysely';
import { AppError, notFound } from '../../api/errors';
import { fieldIssue } from '../../api/issues';
import type { Page } from '../../api/paging';
import { cappedCount } from '../../db/counts';
import { statement } from '../../db/statements';
import type { Sqlite } from '../../db/connection';
import type { HandlerContext } from '../context';
import { EVERYTHING, type DataScope } from '../users/data-scope';
import { newId, nowIso } from '../shared/ids';
import type { Task } from './tasks.contract';

type TaskContext = Pick<HandlerContext, 'sqlite' | 'user' | 'audit'>;

export interface NewTask {
  customerId?: string | null;
  assigneeId: string;
  title: string;
  dueDate?: string | null;
  sourceKind?: string;
  sourceId?: string;
}

const TASK_SELECT = `
  SELECT t.*, c.name AS customer_name, a.display_name AS assignee_name, d.display_name AS done_by_name
    FROM tasks t
    LEFT JOIN customers c ON c.id = t.customer_id
    JOIN users a ON a.id = t.assignee_id
    LEFT JOIN users d ON d.id = t.done_by`;

interface TaskRow {
  id: string;
  customer_id: string | null;
  customer_name: string | null;
  assignee_id: string;
  assignee_name: string;
  title: string;
  due_date: string | null;
  source_kind: string | null;
  source_id: string | null;
  created_at: string;
  done_at: string | null;
  done_by_name: string | null;
}

function toTask(row: TaskRow): Task {
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    title: row.title,
    dueDate: row.due_date,
    sourceKind: row.source_kind,
    sourceId: row.source_id,
    createdAt: row.created_at,
    doneAt: row.done_at,
    doneByName: row.done_by_name,
  };
}

export function findTask(sqlite: Sqlite, id: string): Task {
  const row = statement(sqlite, `${TASK_SELECT} WHERE t.id = ?`).get(id) as TaskRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', `Task ${id} does not exist`, [fieldIssue('id', 'not_found', { entity: 'task', id })]);
  return toTask(row);
}

export function createTask(ctx: TaskContext, input: NewTask): Task {
  const assignee = statement(ctx.sqlite, 'SELECT active FROM users WHERE id = ?').get(input.assigneeId) as { active: number } | undefined;
  if (!assignee) throw new AppError('VALIDATION', `User ${input.assigneeId} does not exist`, [fieldIssue('assigneeId', 'not_found', { entity: 'user', id: input.assigneeId })]);
  if (!assignee.active) throw new AppError('VALIDATION', `User ${input.assigneeId} is disabled and cannot take tasks`, [fieldIssue('assigneeId', 'archived', { entity: 'user' })]);
  if (input.customerId && !statement(ctx.sqlite, 'SELECT 1 FROM customers WHERE id = ?').get(input.customerId)) {
    throw new AppError('VALIDATION', `Customer ${input.customerId} does not exist`, [fieldIssue('customerId', 'not_found', { entity: 'customer', id: input.customerId })]);
  }
  if ((input.sourceKind === undefined) !== (input.sourceId === undefined)) {
    throw new AppError('VALIDATION', 'A task follows up a record by its kind and its id together', [fieldIssue(input.sourceKind ? 'sourceId' : 'sourceKind', 'required', {})]);
  }
  const id = newId();
  statement(
    ctx.sqlite,
    `INSERT INTO tasks (id, customer_id, assignee_id, title, due_date, source_kind, source_id, created_at, created_by)
     VALUES (@id, @customer_id, @assignee_id, @title, @due_date, @source_kind, @source_id, @created_at, @created_by)`,
  ).run({
    id,
    customer_id: input.customerId ?? null,
    assignee_id: input.assigneeId,
    title: input.title,
    due_date: input.dueDate ?? null,
    source_kind: input.sourceKind ?? null,
    source_id: input.sourceId ?? null,
    created_at: nowIso(),
    created_by: ctx.user?.id ?? null,
  });
  const task = findTask(ctx.sqlite, id);
  ctx.audit({ entityType: 'task', entityId: id, fields: { title: { before: null, after: task.title }, assigneeId: { before: null, after: task.assigneeId } } });
  return task;
}

/** A task for whoever looks after the customer (its owner), or for the caller when the customer is in the pool. */
export function createTaskForCustomerOwner(ctx: TaskContext, input: Omit<NewTask, 'assigneeId'> & { customerId: string }): Task {
  const owner = statement(ctx.sqlite, 'SELECT owner_user_id FROM customers WHERE id = ?').get(input.customerId) as { owner_user_id: string | null } | undefined;
  const assigneeId = owner?.owner_user_id ?? ctx.user?.id;
  if (!assigneeId) throw new AppError('VALIDATION', `Customer ${input.customerId} has no owner to give the task to`, [fieldIssue('customerId', 'no_owner')]);
  return createTask(ctx, { ...input, assigneeId });
}

export async function completeTask(ctx: TaskContext & Pick<HandlerContext, 'can' | 'dataScope'>, id: string): Promise<Task> {
  const task = findTask(ctx.sqlite, id);
  if (task.assigneeId !== ctx.user?.id) {
    if (!ctx.can('tasks.manage')) throw new AppError('FORBIDDEN', "Only the assignee or a manager completes someone else's task");
    // A task of someone outside the manager's team is as unknown as a customer outside it.
    const scope = await ctx.dataScope();
    if (!scope.all && !scope.ownerIds.includes(task.assigneeId)) throw notFound('Task', id);
  }
  if (task.doneAt) throw new AppError('CONFLICT', `Task ${id} was already done on ${task.doneAt}`, [fieldIssue('id', 'invalid_transition', { from: 'done', to: 'done' })]);
  const at = nowIso();
  statement(ctx.sqlite, 'UPDATE tasks SET done_at = ?, done_by = ? WHERE id = ?').run(at, ctx.user?.id ?? null, id);
  ctx.audit({ entityType: 'task', entityId: id, fields: { doneAt: { before: null, after: at } } });
  return findTask(ctx.sqlite, id);
}

/**
 * Closes the open tasks that follow up a record once the record itself is dealt with (a dunning
 * reminder sent, skipped or phoned), by whoever dealt with it.
 */
export function completeTasksFollowing(ctx: TaskContext, sourceKind: string, sourceId: string): number {
  const open = statement(ctx.sqlite, 'SELECT id FROM tasks WHERE source_kind = ? AND source_id = ? AND done_at IS NULL').pluck().all(sourceKind, sourceId) as string[];
  if (open.length === 0) return 0;
  if (!ctx.user) throw new AppError('UNAUTHENTICATED', 'Completing a task needs a signed-in user');
  const at = nowIso();
  const done = statement(ctx.sqlite, 'UPDATE tasks SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL');
  for (const id of open) {
    done.run(at, ctx.user.id, id);
    ctx.audit({ entityType: 'task', entityId: id, fields: { doneAt: { before: null, after: at } } });
  }
  return open.length;
}

export interface TaskFilters {
  mine: boolean;
  openOnly: boolean;
  customerId?: string;
}

/**
 * The same conditions count the workbench's 待办 figure and page the list its link opens. Tasks follow
 * their assignee's data scope: a manager over a team sees the team's tasks, not the whole company's.
 */
export function taskConditions(filters: TaskFilters, userId: string | undefined, scope: DataScope = EVERYTHING) {
  const conditions = [sql`1 = 1`];
  if (filters.mine) conditions.push(sql`t.assignee_id = ${userId ?? ''}`);
  if (!scope.all) conditions.push(sql`t.assignee_id IN (${sql.join(scope.ownerIds)})`);
  if (filters.openOnly) conditions.push(sql`t.done_at IS NULL`);
  if (filters.customerId) conditions.push(sql`t.customer_id = ${filters.customerId}`);
  return sql`FROM tasks t WHERE ${sql.join(conditions, sql` AND `)}`;
}

export async function listTasks(ctx: Pick<HandlerContext, 'db' | 'user' | 'can' | 'dataScope'>, filters: TaskFilters, page: { page: number; pageSize: number }): Promise<Page<Task>> {
  if (!filters.mine && !ctx.can('tasks.manage')) throw new AppError('FORBIDDEN', "Seeing everyone's tasks needs permission tasks.manage");
  const fromWhere = taskConditions(filters, ctx.user?.id, await ctx.dataScope());
  const count = await cappedCount(ctx.db, fromWhere);
  const { rows } = await sql<TaskRow>`${sql.raw(TASK_SELECT)} WHERE t.id IN (SELECT t.id ${fromWhere})
    ORDER BY t.done_at IS NOT NULL, coalesce(t.due_date, '9999-12-31'), t.created_at, t.id
    LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`.execute(ctx.db);
  return { rows: rows.map(toTask), ...count };
}
