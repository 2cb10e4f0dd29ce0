import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../api/hooks';

/** What the leads screens read, named for what it is. */

export function useLead(id: string | null) {
  return useApiQuery('leads.get', { id: id ?? '' }, { enabled: !!id });
}

export function useChannels() {
  return useApiQuery('leads.listChannels', {}, { staleTime: 60_000 });
}

/** Campaigns for pickers: the 200 most recent are plenty for a small business. */
export function useCampaignOptions() {
  return useApiQuery('leads.listCampaigns', { pageSize: 200 }, { staleTime: 60_000 });
}

export function useBoard(input: { q?: string; ownerUserId?: string; closeBefore?: string; closedWithinDays: number }) {
  return useApiQuery('leads.opportunityBoard', input, { placeholderData: keepPreviousData });
}

export function useOpportunity(id: string | null) {
  return useApiQuery('leads.getOpportunity', { id: id ?? '' }, { enabled: !!id });
}

export function useChannelReport(range: { from: string; to: string }) {
  return useApiQuery('leads.channelReport', range, { placeholderData: keepPreviousData });
}
