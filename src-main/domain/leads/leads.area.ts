import { defineArea } from '../area';
import { leadLinksBothWays } from './leads.checks';
import { leadsContract } from './leads.contract';
import { findDeals, findLeads } from './leads.finders';
import { leadsHandlers } from './leads.handlers';
import { LEAD_SERIES } from './leads.service';
import { seedLeads } from './leads.seed';
import { LEAD_WORKBENCH_CARDS } from './leads.workbench';

/** 线索、营销活动、商机: leads, campaigns, the opportunity kanban and channel ROI. */
export const leadsArea = defineArea({
  name: 'leads',
  contract: leadsContract,
  handlers: leadsHandlers,
  permissions: {
    'leads.read': ['owner', 'manager', 'sales'],
    'leads.write': ['owner', 'manager', 'sales'],
    'campaigns.manage': ['owner', 'manager'],
    'leads.reassign': ['owner', 'manager'],
  },
  series: [LEAD_SERIES],
  checks: [leadLinksBothWays],
  workbenchCards: LEAD_WORKBENCH_CARDS,
  finders: [findLeads, findDeals],
  seed: {
    order: 20,
    run: (conn, { random, staffIds, asOf }) => seedLeads(conn, { seed: random.int(1, 2 ** 31 - 1), ownerIds: staffIds.slice(0, 2), asOf }).leads,
  },
});
