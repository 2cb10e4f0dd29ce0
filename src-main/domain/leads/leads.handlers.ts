import type { HandlersFor } from '../area';
import { channelReport, listCampaigns, saveCampaign } from './campaigns.service';
import type { leadsContract } from './leads.contract';
import { listChannels } from './leads.repository';
import { reassignOwner } from './leads.reassign';
import * as leads from './leads.service';
import * as opportunities from './opportunities.service';
import { notFound } from '../../api/errors';
import { assertCustomerVisible } from '../customers/customers.scope';


export const leadsHandlers: HandlersFor<typeof leadsContract> = {
  'leads.list': (input, ctx) => leads.listLeads(ctx.db, input),
  'leads.get': (input, ctx) => leads.getLead(ctx.db, input.id),
  'leads.create': (input, ctx) => leads.createLead(ctx, input),
  'leads.update': ({ id, ...patch }, ctx) => leads.updateLead(ctx, id, patch),
  'leads.logInteraction': (input, ctx) => leads.logInteraction(ctx, input),
  'leads.convert': (input, ctx) => leads.convertLead(ctx, input),
  'leads.markLost': (input, ctx) => leads.markLost(ctx, input.id, input.reason),
  'leads.reassignOwner': (input, ctx) => reassignOwner(ctx, input),
  'leads.listChannels': (_input, ctx) => listChannels(ctx.db),

  'leads.listCampaigns': (input, ctx) => listCampaigns(ctx.db, input),
  'leads.saveCampaign': (input, ctx) => saveCampaign(ctx, input),

  'leads.listOpportunities': async (input, ctx) => opportunities.listOpportunities(ctx.db, input, await ctx.dataScope()),
  'leads.getOpportunity': async (input, ctx) => {
    const deal = await opportunities.getOpportunity(ctx.db, input.id);
    // A deal of a customer outside the caller's scope is as unknown as the customer.
    if (deal.customerId) await assertCustomerVisible(ctx, deal.customerId).catch(() => Promise.reject(notFound('Opportunity', input.id)));
    return deal;
  },
  'leads.createOpportunity': (input, ctx) => opportunities.createOpportunity(ctx, input),
  'leads.updateOpportunity': ({ id, ...patch }, ctx) => opportunities.updateOpportunity(ctx, id, patch),
  'leads.moveOpportunity': (input, ctx) => opportunities.moveOpportunity(ctx, input),
  'leads.opportunityBoard': (input, ctx) => opportunities.opportunityBoard(ctx.db, input),

  'leads.channelReport': (input, ctx) => channelReport(ctx.db, input),
};
