import type { HandlersFor } from '../area';
import type { tasksContract } from './tasks.contract';
import { completeTask, createTask, listTasks } from './tasks.service';

export const tasksHandlers: HandlersFor<typeof tasksContract> = {
  'tasks.create': async (input, ctx) => createTask(ctx, input),
  'tasks.list': (input, ctx) => listTasks(ctx, input.filters, input),
  'tasks.complete': async (input, ctx) => completeTask(ctx, input.id),
};
