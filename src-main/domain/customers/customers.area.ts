import { rolesExcept } from '../../api/permissions';
import { defineArea } from '../area';
import { customerSeriesAhead } from './customers.checks';
import { customersContract } from './customers.contract';
import { findCustomers } from './customers.finders';
import { CUSTOMER_TIMELINE_SOURCES } from './customers.engagement';
import { customersHandlers } from './customers.handlers';
import { customerPoolContract } from './customers.pool.contract';
import { customerPoolHandlers } from './customers.pool.handlers';
import { POOL_TIMELINE } from './customers.pool';
import { CUSTOMER_SERIES } from './customers.service';
import { seedCustomers, seedScaleCounts } from './customers.seed';
import { replaySeededStageHistory } from './customers.stage-replay';
import { CUSTOMER_WORKBENCH_CARDS } from './customers.workbench';

/** 客户档案: records, contacts, tags, custom fields, follow-ups, lifecycle, merge. */
export const customersArea = defineArea({
  name: 'customers',
  contract: { ...customersContract, ...customerPoolContract },
  handlers: { ...customersHandlers, ...customerPoolHandlers },
  permissions: {
    'customers.read': rolesExcept(),
    'customers.write': ['owner', 'manager', 'sales'],
    'customers.interact': ['owner', 'manager', 'sales', 'service'],
    'customers.merge': ['owner', 'manager'],
    'customers.import': ['owner', 'manager', 'sales'],
    'customers.export': ['owner', 'manager', 'sales', 'accountant'],
    'customers.claim': ['owner', 'manager', 'sales'],
    'customers.managePool': ['owner', 'manager'],
  },
  series: [CUSTOMER_SERIES],
  checks: [customerSeriesAhead],
  customerTimeline: [...CUSTOMER_TIMELINE_SOURCES, POOL_TIMELINE],
  workbenchCards: CUSTOMER_WORKBENCH_CARDS,
  finders: [findCustomers],
  dailyJobs: ['customers.recomputeLifecycle', 'customers.returnIdleToPool'],
  seed: [
    {
      order: 10,
      run: (conn, { scale, random, staffIds, asOf }) => seedCustomers(conn, { count: seedScaleCounts[scale], seed: random.int(1, 2 ** 31 - 1), ownerIds: staffIds.slice(0, 2), asOf }).customers,
    },
    // After the orders (60): the stage changes they imply, each on the day it happened.
    { order: 65, name: 'stageChanges', run: (conn, { asOf }) => replaySeededStageHistory(conn.sqlite, asOf) },
  ],
});
