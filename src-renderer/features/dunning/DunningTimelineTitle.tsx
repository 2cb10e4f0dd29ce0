import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '../../../src-main/domain/customers/customers.dto';
import { formatFen } from '../../../src-main/domain/core/money';
import { useLevelName } from './level-name';

export const DUNNING_TIMELINE_KINDS = ['credit_hold', 'credit_release', 'dunning_reminder'];

/** A hold, a release or a reminder on the customer's timeline, worded here rather than by the server. */
export function DunningTimelineTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  if (entry.kind === 'dunning_reminder') {
    const status = entry.data.status as 'due' | 'sent' | 'skipped' | 'done';
    return (
      <Text size="sm" fw={500}>
        {t('dunning.timeline.reminder', { level: levelName(entry.data.daysAfterDue as number), amount: formatFen(entry.data.amount as number), status: t(`dunning.queue.status.${status}`) })}
      </Text>
    );
  }
  const kind = entry.kind as 'credit_hold' | 'credit_release';
  return (
    <Text size="sm" fw={500} c={kind === 'credit_hold' ? 'red' : 'teal'}>
      {t(`dunning.timeline.${kind}.${entry.title as 'manual'}`, { days: entry.data.overdueDays, count: entry.data.overdueDays as number })}
    </Text>
  );
}
