import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { LeadListInput } from '../../../src-main/domain/leads/leads.contract';
import { api } from '../../api/client';

/** Query hooks of the leads screens; every key starts with 'leads' so data.changed refreshes them. */

export function useLeadList(input: LeadListInput) {
  return useQuery({ queryKey: ['leads', 'list', input], queryFn: () => api.leads.list(input), placeholderData: keepPreviousData });
}

export function useLead(id: string | null) {
  return useQuery({ queryKey: ['leads', 'get', id], queryFn: () => api.leads.get({ id: id! }), enabled: !!id });
}

export function useChannels() {
  return useQuery({ queryKey: ['leads', 'channels'], queryFn: () => api.leads.listChannels({}), staleTime: 60_000 });
}

/** Campaigns for pickers: the 200 most recent are plenty for a small business. */
export function useCampaignOptions() {
  return useQuery({ queryKey: ['leads', 'campaignOptions'], queryFn: () => api.leads.listCampaigns({ pageSize: 200 }), staleTime: 60_000 });
}

export function useBoard(input: { q?: string; ownerUserId?: string; closedWithinDays: number }) {
  return useQuery({ queryKey: ['leads', 'board', input], queryFn: () => api.leads.opportunityBoard(input), placeholderData: keepPreviousData });
}

export function useOpportunity(id: string | null) {
  return useQuery({ queryKey: ['leads', 'opportunity', id], queryFn: () => api.leads.getOpportunity({ id: id! }), enabled: !!id });
}

export function useChannelReport(range: { from: string; to: string }) {
  return useQuery({ queryKey: ['leads', 'channelReport', range], queryFn: () => api.leads.channelReport(range), placeholderData: keepPreviousData });
}
