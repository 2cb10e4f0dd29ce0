import { Paper, Progress, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerOverview } from '../../../../src-main/domain/customers/customers.dto';
import { money } from '../labels';

function Stat({ label, value, hint, testId }: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fw={700} size="lg" mt={2} style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" mt={2} component="div">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

/** The 360° header figures, each from the documents behind it; a figure no area supplies shows none, never ¥0.00. */
export function OverviewStats({ overview }: { overview: CustomerOverview }) {
  const { t } = useTranslation();
  const none = t('customers.none');
  const limit = overview.creditLimit;
  const used = overview.creditUsed;
  const usedPct = limit && used !== null ? Math.min(100, (used / limit) * 100) : 0;
  const overdue = overview.overdue ?? 0;
  const years = overview.yearsOfCooperation;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, xl: 6 }} spacing="sm" mb="md" data-testid="overview-stats">
      <Stat label={t('customers.view.stats.lifetimeRevenue')} value={money(overview.lifetimeRevenue)} />
      <Stat label={t('customers.view.stats.orderCount')} value={overview.orderCount} hint={`${t('customers.view.stats.averageOrderValue')} ${money(overview.averageOrderValue)}`} />
      <Stat label={t('customers.view.stats.lastOrderDate')} value={overview.lastOrderDate ?? none} />
      <Stat
        label={t('customers.view.stats.balanceDue')}
        testId="overview-balance-due"
        value={overview.balanceDue === null ? none : <Text span inherit c={overdue > 0 ? 'red' : undefined}>{money(overview.balanceDue)}</Text>}
        hint={overdue > 0 ? t('customers.view.stats.overdue', { amount: money(overdue) }) : undefined}
      />
      <Stat
        label={t('customers.view.stats.credit')}
        value={limit === null ? t('customers.creditStatus.none') : used === null ? money(limit) : `${Math.round(usedPct)}%`}
        hint={
          limit === null || used === null ? undefined : (
            <>
              <Progress value={usedPct} color={usedPct >= 100 ? 'red' : usedPct >= 80 ? 'orange' : 'teal'} size="sm" my={4} />
              {t('customers.view.stats.creditOf', { used: money(used), limit: money(limit) })}
            </>
          )
        }
      />
      <Stat
        label={t('customers.view.stats.cooperation')}
        value={years === null ? none : years < 1 ? t('customers.units.lessThanYear') : t('customers.units.years', { count: years })}
        hint={overview.tier ? t('customers.view.stats.tier', { tier: overview.tier }) : undefined}
      />
    </SimpleGrid>
  );
}

