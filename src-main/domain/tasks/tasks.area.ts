import { ROLES } from '../../api/permissions';
import { defineArea } from '../area';
import { tasksContract } from './tasks.contract';
import { tasksHandlers } from './tasks.handlers';
import { TASKS_WORKBENCH_CARDS } from './tasks.workbench';

/** 待办: follow-ups for one person, raised by hand or by other areas (a disputed statement, dunning). */
export const tasksArea = defineArea({
  name: 'tasks',
  contract: tasksContract,
  handlers: tasksHandlers,
  permissions: {
    'tasks.read': ROLES,
    'tasks.write': ROLES,
    // Seeing and closing other people's tasks: those who hand the work out.
    'tasks.manage': ['owner', 'manager'],
  },
  workbenchCards: TASKS_WORKBENCH_CARDS,
});
