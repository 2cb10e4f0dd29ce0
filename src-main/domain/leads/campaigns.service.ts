/** Campaigns (营销活动) with their cost, and the per-channel acquisition report (渠道 ROI). */
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { changedFields, type HandlerContext } from '../context';
import { notFound } from '../../api/errors';
import type { Page } from '../../api/paging';
import type { Database } from '../../db/schema';
import { addDays, businessDayStartUtc } from '../core/dates';
import { ratioInBasisPoints, roundHalfUp } from '../core/money';
import { getSettings } from '../settings/settings.service';
import { nowIso, newId } from '../shared/ids';
import type { Campaign, campaignInput, CampaignStatus, ChannelReport, ChannelReportRow } from './leads.contract';
import * as repo from './leads.repository';

type Db = Kysely<Database>;

function toCampaign(row: repo.CampaignRecord & { lead_count: number | null; converted_count: number | null }): Campaign {
  return {
    id: row.id,
    name: row.name,
    channel: row.channel,
    startDate: row.start_date,
    endDate: row.end_date,
    cost: row.cost,
    notes: row.notes,
    status: row.status,
    leadCount: Number(row.lead_count ?? 0),
    convertedCount: Number(row.converted_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listCampaigns(db: Db, input: { q?: string | undefined; channel?: string | undefined; status?: CampaignStatus | undefined; page: number; pageSize: number }): Promise<Page<Campaign>> {
  const { rows, total } = await repo.listCampaigns(db, input);
  return { rows: rows.map(toCampaign), total, totalIsExact: true };
}

export async function saveCampaign(ctx: HandlerContext, input: z.output<typeof campaignInput>): Promise<Campaign> {
  const existing = input.id ? await repo.findCampaign(ctx.db, input.id) : undefined;
  if (input.id && !existing) throw notFound('Campaign', input.id);
  const now = nowIso();
  const id = existing?.id ?? newId();
  await repo.saveCampaign(ctx.db, {
    id,
    name: input.name,
    channel: input.channel,
    start_date: input.startDate,
    end_date: input.endDate ?? null,
    cost: input.cost,
    notes: input.notes ?? null,
    status: input.status,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  });
  const saved = toCampaign((await repo.findCampaign(ctx.db, id))!);
  const view = (c: Campaign) => ({ name: c.name, channel: c.channel, startDate: c.startDate, endDate: c.endDate, cost: c.cost, notes: c.notes, status: c.status });
  ctx.audit({ entityType: 'campaign', entityId: id, fields: changedFields(existing ? view(toCampaign(existing)) : null, view(saved)) });
  return saved;
}

export async function channelReport(db: Db, range: { from: string; to: string }): Promise<ChannelReport> {
  const timeZone = (await getSettings(db)).timeZone;
  const records = await repo.channelReport(db, {
    ...range,
    fromUtc: businessDayStartUtc(range.from, timeZone),
    beforeUtc: businessDayStartUtc(addDays(range.to, 1), timeZone),
  });
  const toRow = (r: repo.ChannelReportRecord): ChannelReportRow => ({
    channel: r.channel,
    leads: r.leads,
    converted: r.converted,
    conversionRate: ratioInBasisPoints(r.converted, r.leads),
    campaigns: r.campaigns,
    cost: r.cost,
    costPerConverted: r.converted > 0 ? roundHalfUp(r.cost, r.converted) : null,
    revenue: r.revenue,
    roi: ratioInBasisPoints(r.revenue - r.cost, r.cost),
    wonDeals: r.won_deals,
    wonDealValue: r.won_value,
    wonDealRoi: ratioInBasisPoints(r.won_value - r.cost, r.cost),
  });
  const totals = records.find((r) => r.is_total === 1)!;
  return { from: range.from, to: range.to, rows: records.filter((r) => r.is_total === 0).map(toRow), totals: toRow(totals) };
}
