import type { HandlersFor } from '../area';
import { channelReport, listCampaigns, saveCampaign } from './campaigns.service';
import type { leadsContract } from './leads.contract';
import { listChannels } from './leads.repository';
import { reassignOwner } from './leads.reassign';
import * as leads from './leads.service';
import * as opportunities from './opportunities.service';
import { assertDealVisible, assertLeadVisible } from './leads.scope';

export const leadsHandlers: HandlersFor<typeof leadsContract> = {
  'leads.list': async (input, ctx) => leads.listLeads(ctx.db, input, await ctx.dataScope()),
  'leads.get': async (input, ctx) => {
    await assertLeadVisible(ctx, input.id);
    return leads.getLead(ctx.db, input.id);
  },
  'leads.create': (input, ctx) => leads.createLead(ctx, input),
  'leads.update': async ({ id, ...patch }, ctx) => {
    await assertLeadVisible(ctx, id);
    return leads.updateLead(ctx, id, patch);
  },
  'leads.logInteraction': async (input, ctx) => {
    await assertLeadVisible(ctx, input.leadId);
    return leads.logInteraction(ctx, input);
  },
  'leads.convert': async (input, ctx) => {
    await assertLeadVisible(ctx, input.id);
    return leads.convertLead(ctx, input);
  },
  'leads.markLost': async (input, ctx) => {
    await assertLeadVisible(ctx, input.id);
    return leads.markLost(ctx, input.id, input.reason);
  },
  'leads.reassignOwner': (input, ctx) => reassignOwner(ctx, input),
  'leads.listChannels': (_input, ctx) => listChannels(ctx.db),

  'leads.listCampaigns': (input, ctx) => listCampaigns(ctx.db, input),
  'leads.saveCampaign': (input, ctx) => saveCampaign(ctx, input),

  'leads.listOpportunities': async (input, ctx) => opportunities.listOpportunities(ctx.db, input, await ctx.dataScope()),
  'leads.getOpportunity': async (input, ctx) => {
    await assertDealVisible(ctx, input.id);
    return opportunities.getOpportunity(ctx.db, input.id);
  },
  'leads.createOpportunity': (input, ctx) => opportunities.createOpportunity(ctx, input),
  'leads.updateOpportunity': async ({ id, ...patch }, ctx) => {
    await assertDealVisible(ctx, id);
    return opportunities.updateOpportunity(ctx, id, patch);
  },
  'leads.moveOpportunity': async (input, ctx) => {
    await assertDealVisible(ctx, input.id);
    return opportunities.moveOpportunity(ctx, input);
  },
  'leads.opportunityBoard': async (input, ctx) => opportunities.opportunityBoard(ctx.db, input, await ctx.dataScope()),

  'leads.channelReport': (input, ctx) => channelReport(ctx.db, input),
};
