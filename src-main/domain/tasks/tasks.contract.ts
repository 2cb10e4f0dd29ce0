/**
 * 待办: a task for one person about a customer, raised by hand or by another area (a disputed
 * statement, a dunning level). Runtime-neutral; the renderer imports it.
 */
import { z } from 'zod';
import { method } from '../../api/method';
import { pageFields, type Page } from '../../api/paging';
import { dateField } from '../customers/customers.rules';

const id = z.string().uuid('Not a valid id');

export interface Task {
  id: string;
  customerId: string | null;
  customerName: string | null;
  assigneeId: string;
  assigneeName: string;
  title: string;
  dueDate: string | null;
  /** What the task follows up: 'statement' and the statement's id, for a link back. */
  sourceKind: string | null;
  sourceId: string | null;
  createdAt: string;
  doneAt: string | null;
  doneByName: string | null;
}

/** The list's filters, as the workbench's 待办 figure and the list's URL carry them. */
export const taskListFilters = z
  .object({
    /** Only the caller's own tasks; everyone's needs tasks.manage. */
    mine: z.boolean().default(true),
    openOnly: z.boolean().default(true),
    customerId: id.optional(),
  })
  .strict();
export type TaskListFilters = z.input<typeof taskListFilters>;

export const taskInput = z
  .object({
    customerId: id.nullable().optional(),
    assigneeId: id,
    title: z.string().trim().min(1).max(200),
    dueDate: dateField,
    sourceKind: z.string().trim().min(1).max(40).optional(),
    sourceId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();
export type TaskInput = z.input<typeof taskInput>;

export const tasksContract = {
  'tasks.create': method<Task>()({ input: taskInput, permission: 'tasks.write', mutates: true }),
  'tasks.list': method<Page<Task>>()({ input: z.object({ filters: taskListFilters.default({}), ...pageFields }).strict(), permission: 'tasks.read', mutates: false }),
  'tasks.complete': method<Task>()({ input: z.object({ id }).strict(), permission: 'tasks.write', mutates: true }),
};
