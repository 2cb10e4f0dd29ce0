import type { Handler } from '../../api/dispatch';
import { channelReport, listCampaigns, saveCampaign } from './campaigns.service';
import type { leadsContract } from './leads.contract';
import { listChannels } from './leads.repository';
import * as leads from './leads.service';
import * as opportunities from './opportunities.service';

type LeadsMethods = keyof typeof leadsContract;

export const leadsHandlers: { [M in LeadsMethods]: Handler<M> } = {
  'leads.list': (input, ctx) => leads.listLeads(ctx.db, input),
  'leads.get': (input, ctx) => leads.getLead(ctx.db, input.id),
  'leads.create': (input, ctx) => leads.createLead(ctx, input),
  'leads.update': (input, ctx) => leads.updateLead(ctx, input.id, input.patch),
  'leads.logInteraction': (input, ctx) => leads.logInteraction(ctx, input),
  'leads.convert': (input, ctx) => leads.convertLead(ctx, input),
  'leads.markLost': (input, ctx) => leads.markLost(ctx, input.id, input.reason),
  'leads.listChannels': (_input, ctx) => listChannels(ctx.db),

  'leads.listCampaigns': (input, ctx) => listCampaigns(ctx.db, input),
  'leads.saveCampaign': (input, ctx) => saveCampaign(ctx, input),

  'leads.listOpportunities': (input, ctx) => opportunities.listOpportunities(ctx.db, input),
  'leads.getOpportunity': (input, ctx) => opportunities.getOpportunity(ctx.db, input.id),
  'leads.createOpportunity': (input, ctx) => opportunities.createOpportunity(ctx, input),
  'leads.updateOpportunity': (input, ctx) => opportunities.updateOpportunity(ctx, input.id, input.patch),
  'leads.moveOpportunity': (input, ctx) => opportunities.moveOpportunity(ctx, input),
  'leads.opportunityBoard': (input, ctx) => opportunities.opportunityBoard(ctx.db, input),

  'leads.channelReport': (input, ctx) => channelReport(ctx.db, input),
};
