import { cappedCount } from '../../db/counts';
import type { WorkbenchCardSource } from '../area';
import { taskConditions } from './tasks.service';

/** 待办: the caller's open tasks, counted as tasks.list counts the list its link opens. */
const myTasks: WorkbenchCardSource = {
  key: 'tasks',
  permission: 'tasks.read',
  async load(ctx, scope) {
    const filters = { mine: true, openOnly: true };
    const { total } = await cappedCount(ctx.db, taskConditions(filters, scope.userId));
    return { key: 'tasks', figures: [{ key: 'myOpenTasks', count: total, link: { path: '/tasks', method: 'tasks.list', filters } }] };
  },
};

export const TASKS_WORKBENCH_CARDS: WorkbenchCardSource[] = [myTasks];
